package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.Main;
import dev.winnow.testing.SiteCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repeated-line stage on a generated corpus of several sites, each with its own template around
 * real article text: every site's menus, banners and footer go, on every page, and the article lines
 * stay, including those that carry a phrase common across the corpus.
 */
class SiteRepeatedLinesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static SiteCorpus corpus;
    static Map<String, JsonNode> records = new HashMap<>();
    /** The same corpus cleaned by the per-page stages alone. */
    static Map<String, JsonNode> perPage = new HashMap<>();

    @BeforeAll
    static void cleanAGeneratedCorpus() throws IOException {
        corpus = SiteCorpus.builder().seed(11).sites(5).docsPerSite(16).build();
        corpus.writeTextFolders(tmp.resolve("in"));
        clean(List.of(), tmp.resolve("out"), records);
        clean(List.of("--no-corpus"), tmp.resolve("per-page"), perPage);
    }

    static void clean(List<String> extra, Path out, Map<String, JsonNode> into) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("clean", tmp.resolve("in").toString(), "-o", out.toString(),
                "-q", "--no-text-files"));
        args.addAll(extra);
        Main.execute(args.toArray(String[]::new));
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            into.put(r.get("id").asText(), r);
        }
    }

    /** The id the runner gives a generated document: its file name without extension, or its folder path when names repeat. */
    static JsonNode recordOf(SiteCorpus.Doc doc) {
        return recordOf(doc, records);
    }

    static JsonNode recordOf(SiteCorpus.Doc doc, Map<String, JsonNode> in) {
        return in.values().stream().filter(x -> x.path("metadata").path("input").path("path").asText().endsWith(doc.file()))
                .findFirst().orElse(null);
    }

    static Set<String> lines(JsonNode record) {
        Set<String> lines = new HashSet<>();
        for (String l : record.get("text").asText().split("\n")) lines.add(l.strip());
        return lines;
    }

    static Set<String> cut(JsonNode record, String reason) {
        Set<String> texts = new HashSet<>();
        for (JsonNode x : record.path("metadata").path("removed")) {
            if (reason == null || x.get("reason").asText().equals(reason)) texts.add(x.get("text").asText().strip());
        }
        return texts;
    }

    @Test
    void everySitesTemplateLeavesEveryPage() {
        int template = 0, left = 0, leftPerPage = 0, bySiteLines = 0;
        for (SiteCorpus.Doc doc : corpus.documents()) {
            JsonNode r = recordOf(doc);
            assertTrue(r != null, "a record for " + doc.file());
            Set<String> text = lines(r), perPageText = lines(recordOf(doc, perPage));
            Set<String> siteCuts = cut(r, "site_repeated_line");
            for (SiteCorpus.Line line : doc.lines()) {
                if (line.kind() != SiteCorpus.LineKind.TEMPLATE) continue;
                template++;
                if (text.contains(line.text().strip())) left++;
                if (perPageText.contains(line.text().strip())) leftPerPage++;
                if (siteCuts.contains(line.text().strip())) bySiteLines++;
            }
        }
        assertEquals(0, left, "template lines left in the text, of " + template);
        assertTrue(leftPerPage > 0 && bySiteLines >= leftPerPage, "the per-page stages leave " + leftPerPage
                + " template lines that only the corpus shows; the corpus stage cut " + bySiteLines);
    }

    @Test
    void articleLinesStayEvenWithACommonPhrase() {
        int common = 0;
        for (SiteCorpus.Doc doc : corpus.documents()) {
            JsonNode r = recordOf(doc);
            Set<String> siteCuts = cut(r, "site_repeated_line");
            for (SiteCorpus.Line line : doc.lines()) {
                if (!line.kind().isArticle()) continue;
                if (line.kind() == SiteCorpus.LineKind.COMMON_PHRASE) common++;
                assertTrue(!siteCuts.contains(line.text().strip()), doc.id() + ": an article line was cut as site boilerplate: " + line.text());
            }
        }
        assertTrue(common > 5, "the corpus plants common-phrase lines: " + common);
    }

    @Test
    void aLineOnOtherSitesOnlyIsNotThisSitesBoilerplate() {
        // Each site's template is its own: a site's pages lose exactly its template, not another's lines.
        List<SiteCorpus.Site> sites = corpus.sites();
        assertTrue(sites.size() >= 2);
        for (SiteCorpus.Doc doc : corpus.documents()) {
            for (String cutLine : cut(recordOf(doc), "site_repeated_line")) {
                boolean ownTemplateOrPage = doc.lines().stream().anyMatch(l -> l.text().strip().equals(cutLine));
                assertTrue(ownTemplateOrPage, "cut text comes from the page itself: " + cutLine);
            }
        }
    }
}
