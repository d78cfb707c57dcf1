package dev.winnow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.testing.SiteCorpus.Doc;
import dev.winnow.testing.SiteCorpus.Line;
import dev.winnow.testing.SiteCorpus.LineKind;
import dev.winnow.testing.SiteCorpus.QuotePlacement;
import dev.winnow.testing.SiteCorpus.Site;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated corpus keeps the promises its ground truth makes. */
class SiteCorpusTest {
    static SiteCorpus corpus;
    static List<Doc> docs;
    static Map<String, Site> sites;

    @BeforeAll
    static void build() {
        corpus = SiteCorpus.builder().seed(42).sites(12).docsPerSite(40).build();
        docs = corpus.documents();
        sites = corpus.sites().stream().collect(Collectors.toMap(Site::key, s -> s));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path tmp) throws IOException {
        SiteCorpus small = SiteCorpus.builder().seed(7).sites(4).docsPerSite(10).build();
        small.writeTextFolders(tmp.resolve("a/text"));
        small.writeJsonLines(tmp.resolve("a/jsonl"), 20_000);
        SiteCorpus again = SiteCorpus.builder().seed(7).sites(4).docsPerSite(10).build();
        again.writeTextFolders(tmp.resolve("b/text"));
        again.writeJsonLines(tmp.resolve("b/jsonl"), 20_000);
        Map<String, byte[]> a = contents(tmp.resolve("a")), b = contents(tmp.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String file : a.keySet()) assertArrayEquals(a.get(file), b.get(file), file);
        assertTrue(a.keySet().stream().filter(f -> f.startsWith("jsonl/part-")).count() > 1, "20 kB shards split the corpus");

        SiteCorpus other = SiteCorpus.builder().seed(8).sites(4).docsPerSite(10).build();
        assertNotEquals(small.documents().get(0).text(), other.documents().get(0).text());
    }

    @Test
    void textIsTheLinesInOrder() {
        for (Doc d : docs) {
            List<String> nonBlank = d.text().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(d.lines().stream().map(Line::text).toList(), nonBlank, d.id());
            assertEquals(nonBlank.size(), d.kinds().length(), d.id());
        }
        assertTrue(docs.stream().anyMatch(Doc::blankLines) && docs.stream().anyMatch(d -> !d.blankLines()),
                "both layouts: one paragraph per line, and blank-line separated");
    }

    @Test
    void everyTemplateLineIsOnEveryPageOfItsSite() {
        for (Doc d : docs) {
            Set<String> template = d.lines().stream().filter(l -> l.kind() == LineKind.TEMPLATE).map(Line::text)
                    .collect(Collectors.toSet());
            assertEquals(new HashSet<>(sites.get(d.site()).templateLines()), template, d.id());
        }
        for (Site s : sites.values()) assertTrue(s.templateLines().size() >= 8, s.key() + " has a full template");
    }

    @Test
    void sitesDifferFromEachOther() {
        Set<Set<String>> templates = new HashSet<>();
        Set<String> brands = new HashSet<>();
        for (Site s : sites.values()) {
            templates.add(new HashSet<>(s.templateLines()));
            brands.add(s.brand());
            assertTrue(s.host().endsWith(s.key()) && !s.key().startsWith("www."), s.host());
        }
        assertEquals(sites.size(), templates.size());
        assertEquals(sites.size(), brands.size());
        // The footer line with the copyright names its own site only.
        for (Site s : sites.values()) {
            String copyright = s.templateLines().stream().filter(l -> l.startsWith("©")).findFirst().orElseThrow();
            for (Site other : sites.values()) if (other != s) assertFalse(other.templateLines().contains(copyright));
        }
    }

    /** The promise a repeated-line stage is tested against: after CCNet folding, article lines are unique. */
    @Test
    void articleLinesAreUniqueOutsideTheirNearDuplicateGroup() {
        Map<String, Integer> groupOf = new HashMap<>();
        List<List<String>> groups = corpus.nearDuplicateGroups();
        for (int g = 0; g < groups.size(); g++) for (String id : groups.get(g)) groupOf.put(id, g);
        Map<String, Set<String>> docsByLine = new HashMap<>();
        for (Doc d : docs) {
            for (Line l : d.lines()) if (l.kind().isArticle()) docsByLine.computeIfAbsent(ccnet(l.text()), k -> new HashSet<>()).add(d.id());
        }
        for (Map.Entry<String, Set<String>> e : docsByLine.entrySet()) {
            if (e.getValue().size() == 1) continue;
            Set<Integer> inGroups = e.getValue().stream().map(id -> groupOf.getOrDefault(id, -1)).collect(Collectors.toSet());
            assertTrue(inGroups.size() == 1 && !inGroups.contains(-1), "article line shared by " + e.getValue() + ": " + e.getKey());
        }
        // ...and no article line is also a template or teaser line anywhere.
        for (Doc d : docs) {
            for (Line l : d.lines()) if (!l.kind().isArticle()) assertFalse(docsByLine.containsKey(ccnet(l.text())), l.text());
        }
    }

    @Test
    void commonPhrasesRecurWhileTheirLinesStayUnique() {
        Map<String, Integer> docsWithPhrase = new TreeMap<>();
        for (Doc d : docs) {
            for (Line l : d.lines()) {
                if (l.kind() != LineKind.COMMON_PHRASE) continue;
                String phrase = Arrays.stream(SiteCorpus.COMMON_PHRASES).filter(p -> l.text().toLowerCase(Locale.ROOT).contains(p))
                        .findFirst().orElseThrow(() -> new AssertionError("no common phrase in " + l.text()));
                docsWithPhrase.merge(phrase, 1, Integer::sum);
            }
        }
        assertEquals(SiteCorpus.COMMON_PHRASES.length, docsWithPhrase.size(), "every phrase planted: " + docsWithPhrase);
        for (int n : docsWithPhrase.values()) assertTrue(n >= 5, "each phrase in several documents: " + docsWithPhrase);
    }

    @Test
    void theSharedQuoteIsPlacedOnDifferentSites() {
        List<QuotePlacement> placed = corpus.quotePlacements();
        assertTrue(SiteCorpus.SHARED_QUOTE.split(" ").length >= 8);
        Map<String, Doc> byId = docs.stream().collect(Collectors.toMap(Doc::id, d -> d));
        Set<String> quotingSites = new HashSet<>();
        for (QuotePlacement q : placed) {
            Doc d = byId.get(q.docId());
            Line line = d.lines().get(q.line());
            assertEquals(LineKind.SHARED_QUOTE, line.kind());
            String open = q.typographic() ? "“" : "\"", close = q.typographic() ? ",”" : ",\"";
            assertTrue(line.text().contains(open + SiteCorpus.SHARED_QUOTE + close), line.text());
            if (d.nearDuplicateOf() == null) quotingSites.add(d.site());
        }
        assertEquals(5, quotingSites.size(), "five originals quote it, each on its own site");
        assertTrue(placed.stream().anyMatch(QuotePlacement::typographic) && placed.stream().anyMatch(q -> !q.typographic()));
        long elsewhere = docs.stream().filter(d -> d.text().contains(SiteCorpus.SHARED_QUOTE)).count();
        assertEquals(placed.size(), elsewhere, "the quote appears nowhere else");
    }

    @Test
    void nearDuplicatesAreSmallEditsOfTheirOriginal() {
        Map<String, Doc> byId = docs.stream().collect(Collectors.toMap(Doc::id, d -> d));
        List<List<String>> groups = corpus.nearDuplicateGroups();
        long copies = docs.stream().filter(d -> d.nearDuplicateOf() != null).count();
        // 3% of 480 documents is about 14; the bounds only catch a broken lottery.
        assertTrue(copies >= 4 && copies <= 40, copies + " copies");
        assertEquals(copies, groups.stream().mapToInt(g -> g.size() - 1).sum());
        for (List<String> g : groups) {
            Doc original = byId.get(g.get(0));
            assertEquals(null, original.nearDuplicateOf());
            for (String id : g.subList(1, g.size())) {
                Doc copy = byId.get(id);
                assertEquals(original.id(), copy.nearDuplicateOf());
                assertFalse(copy.edits().isEmpty());
                Set<String> a = articleLines(original), b = articleLines(copy);
                Set<String> shared = new HashSet<>(a);
                shared.retainAll(b);
                assertTrue(shared.size() >= Math.min(a.size(), b.size()) - 2, id + " keeps most of " + original.id());
                assertEquals(title(original), title(copy));
            }
        }
    }

    @Test
    void teasersVaryFromPageToPage() {
        for (Site s : sites.values()) {
            Set<List<String>> blocks = new HashSet<>();
            for (Doc d : docs) {
                if (d.site().equals(s.key())) blocks.add(d.lines().stream().filter(l -> l.kind() == LineKind.TEASER).map(Line::text).toList());
            }
            assertTrue(blocks.size() > 10, s.key() + " shows different teasers on different pages");
        }
    }

    @Test
    void streamingWritesTheSameDocumentsAndTheTruth(@TempDir Path tmp) throws IOException {
        SiteCorpus.Written w = corpus.writeJsonLines(tmp.resolve("stream"), 3_000_000, 1_000_000);
        assertTrue(w.bytes() >= 3_000_000 && w.files() >= 3, w.toString());
        assertTrue(w.documents() > docs.size(), "past docsPerSite: " + w.documents());
        ObjectMapper json = new ObjectMapper();
        List<String> first = Files.readAllLines(tmp.resolve("stream/part-0000.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            JsonNode record = json.readTree(first.get(i));
            assertEquals(docs.get(i).id(), record.get("id").asText());
            assertEquals(docs.get(i).url(), record.get("url").asText());
            assertEquals(docs.get(i).text(), record.get("text").asText());
        }
        List<String> truthRows = Files.readAllLines(tmp.resolve("stream/.truth/documents.jsonl"), StandardCharsets.UTF_8);
        assertEquals(w.documents(), truthRows.size());
        assertEquals(docs.get(3).kinds(), json.readTree(truthRows.get(3)).get("kinds").asText());
        JsonNode summary = json.readTree(tmp.resolve("stream/.truth/corpus.json").toFile());
        assertEquals(w.documents(), summary.get("documents").asLong());
        assertEquals(12, summary.get("site_templates").size());
        assertTrue(summary.get("near_duplicate_groups").size() > 0);

        SiteCorpus.Written text = corpus.writeTextFolders(tmp.resolve("text"));
        assertEquals(docs.size(), text.documents());
        Doc d = docs.get(17);
        assertEquals(d.text(), Files.readString(tmp.resolve("text").resolve(d.file()), StandardCharsets.UTF_8));
    }

    private static Set<String> articleLines(Doc d) {
        return d.lines().stream().filter(l -> l.kind().isArticle()).map(Line::text).collect(Collectors.toSet());
    }

    private static String title(Doc d) {
        return d.lines().stream().filter(l -> l.kind() == LineKind.TITLE).findFirst().orElseThrow().text();
    }

    /** CCNet's line normalisation: lower case, digits to 0, punctuation gone, whitespace collapsed. */
    static String ccnet(String line) {
        return line.toLowerCase(Locale.ROOT).replaceAll("\\d", "0").replaceAll("[\\p{P}\\p{S}]", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }
}
