package dev.winnow.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.api.Article;
import dev.winnow.api.Winnow;
import dev.winnow.cli.Main;
import dev.winnow.robustness.RecordContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --profile FILE}: the chains as a file a user edits. The shipped profile, printed and read back, builds
 * chains that clean every page as the shipped ones do; each kind of edit (a stage left out, a phrase added or
 * removed, a threshold) changes exactly what it says; a wrong file is refused naming what is wrong; the profile's
 * identity reaches the records and the run fingerprint.
 */
class ChainProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shipped profile edited by {@code edit}, written to a file. */
    private static Path profile(Path dir, String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode p = (ObjectNode) JSON.readTree(ChainProfile.SHIPPED.toJson());
        p.put("name", name);
        edit.accept(p);
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, JSON.writeValueAsString(p));
        return file;
    }

    private static List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            return s.sorted().toList();
        }
    }

    private static List<byte[]> htmlPages(int n) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : s.sorted().limit(n).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    pages.add(in.readAllBytes());
                }
            }
        }
        return pages;
    }

    private static long cuts(Article a, String stage) {
        return a.removed().stream().filter(c -> c.stage().equals(stage)).count();
    }

    @Test
    void theShippedProfileReadBackCleansAsTheShippedChains(@TempDir Path tmp) throws IOException {
        ChainProfile copy = ChainProfile.parse(ChainProfile.SHIPPED.toJson());
        assertEquals(ChainProfile.SHIPPED, copy);
        assertTrue(copy.isShipped());

        // Renamed, the same chains: every seed and HTML page gives the shipped text and cuts.
        Winnow shipped = Winnow.defaults();
        Winnow renamed = Winnow.builder().profile(profile(tmp, "renamed", p -> {})).build();
        for (Path seed : seeds()) {
            Article a = shipped.clean(Files.readString(seed)), b = renamed.clean(Files.readString(seed));
            assertEquals(a.text(), b.text(), seed.toString());
            assertEquals(a.removed(), b.removed(), seed.toString());
        }
        for (byte[] page : htmlPages(20)) {
            Article a = shipped.clean(page, null, "text/html"), b = renamed.clean(page, null, "text/html");
            assertEquals(a.text(), b.text());
            assertEquals(a.removed(), b.removed());
        }
    }

    @Test
    void aStageLeftOutMakesNoneOfItsCuts(@TempDir Path tmp) throws IOException {
        Winnow shipped = Winnow.defaults();
        Winnow noCaptions = Winnow.builder().profile(profile(tmp, "no_captions", p -> {
            remove((ArrayNode) p.get("text"), "captions");
            remove((ArrayNode) p.get("html"), "captions");
        })).build();
        long before = 0;
        for (Path seed : seeds()) {
            String text = Files.readString(seed);
            before += cuts(shipped.clean(text), "captions");
            Article kept = noCaptions.clean(text);
            assertEquals(0, cuts(kept, "captions"), seed.toString());
        }
        assertTrue(before > 0, "the seeds have captions the shipped chain cuts");
    }

    @Test
    void phrasesAddedAreCutAndPhrasesRemovedAreKept(@TempDir Path tmp) throws IOException {
        String page = """
                The council voted on Tuesday to extend the night bus to the harbour district, after a year of petitions.

                Fresh Picks Of The Week

                Back to top

                Riders said the last service left too early for shift workers at the port and the hospital.
                """;
        Article shipped = Winnow.defaults().clean(page);
        assertTrue(shipped.text().contains("Fresh Picks Of The Week"));
        assertFalse(shipped.text().contains("Back to top"), "a shipped navigation phrase");

        Winnow edited = Winnow.builder().profile(profile(tmp, "edited", p -> {
            ObjectNode nav = (ObjectNode) p.get("vocabularies").get("navigation");
            nav.putArray("add").add("Fresh Picks Of The Week");
            nav.putArray("remove").add("back to top");
        })).build();
        Article a = edited.clean(page);
        assertFalse(a.text().contains("Fresh Picks Of The Week"), a.text());
        assertTrue(a.removed().stream().anyMatch(c -> c.text().equals("Fresh Picks Of The Week")
                && c.stage().equals("navigation") && c.reason().equals("nav_boilerplate")), a.removed().toString());
        assertTrue(a.text().contains("Back to top"), a.text());
    }

    @Test
    void aLowerBlockCutKeepsWhatTheScorerWouldCut(@TempDir Path tmp) throws IOException {
        Winnow keepAll = Winnow.builder().profile(profile(tmp, "scorer_off", p -> {
            ObjectNode t = (ObjectNode) p.get("thresholds");
            t.put("block_cut", 0.0);
            t.putObject("block_cut_by_page_type");
            t.putObject("prose_cut_by_page_type");
        })).build();
        long before = 0, after = 0;
        for (byte[] page : htmlPages(20)) {
            before += cuts(Winnow.defaults().clean(page, null, "text/html"), "content_score");
            after += cuts(keepAll.clean(page, null, "text/html"), "content_score");
        }
        assertTrue(before > 0, "the scorer cuts on these pages");
        assertEquals(0, after, "no block scores under 0");
    }

    @Test
    void aWrongFileIsRefusedNamingWhatIsWrong() {
        String[][] cases = {
                {"[]", "a profile is a JSON object"},
                {"{\"name\":\"Mine\"}", "name: 'Mine'"},
                {"{\"name\":\"m\",\"colour\":1}", "colour: unknown key"},
                {"{\"name\":\"m\",\"text\":[\"navigation\",\"markup\"]}", "text: 'markup' is not one of its stages"},
                {"{\"name\":\"m\",\"html\":[\"quotes\",\"quotes\"]}", "html: 'quotes' is listed twice"},
                {"{\"name\":\"m\",\"thresholds\":{\"block_cut\":2}}", "thresholds.block_cut: a score between 0 and 1"},
                {"{\"name\":\"m\",\"thresholds\":{\"block_cut_by_page_type\":{\"blog\":0.1}}}", "'blog' is not a page type"},
                {"{\"name\":\"m\",\"vocabularies\":{\"class_footer\":{\"add\":[\"x\"]}}}", "vocabularies.class_footer: not a vocabulary"},
                {"{\"name\":\"m\",\"vocabularies\":{\"navigation\":{\"add\":\"x\"}}}", "vocabularies.navigation.add: a list of strings"},
                {"{\"name\":", "not JSON"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChainProfile.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void theIdentityIsTheContentNotTheFormatting() {
        ChainProfile a = ChainProfile.parse("{\"name\":\"mine\",\"thresholds\":{\"block_cut\":0.3},\"text\":[\"navigation\",\"quotes\"]}");
        ChainProfile b = ChainProfile.parse("{\n  \"text\": [\"navigation\", \"quotes\"],\n  \"thresholds\": {\"block_cut\": 0.30},\n  \"name\": \"mine\"\n}");
        assertEquals(a.identity(), b.identity());
        assertTrue(a.identity().matches("mine@[0-9a-f]{12}"), a.identity());
        assertNotEquals(a.identity(), ChainProfile.parse("{\"name\":\"mine\",\"thresholds\":{\"block_cut\":0.31}}").identity());
        assertEquals(a, ChainProfile.parse(a.toJson()), "the canonical form reads back as itself");
    }

    @Test
    void theProfileNamesTheRecordsAndAnEditIsNotSkippedOnRerun(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (Path seed : seeds()) Files.copy(seed, in.resolve(seed.getFileName()));
        Path out = tmp.resolve("out");
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute("clean", in.toString(), "-o", out.toString(), "-q"));
            String shippedFingerprint = JSON.readTree(out.resolve("report.json").toFile()).path("fingerprint").asText();

            Path file = profile(tmp, "no_slugs", p -> remove((ArrayNode) p.get("text"), "slugs"));
            String identity = ChainProfile.read(file).identity();
            assertEquals(0, Main.execute("clean", in.toString(), "-o", out.toString(), "-q", "--profile", file.toString()));
            JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
            assertNotEquals(shippedFingerprint, report.path("fingerprint").asText(), "the edit is a new run, not skipped");
            assertTrue(report.path("pipeline").toString().contains("profile(" + identity + ")"), report.path("pipeline").toString());
            for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
                JsonNode m = RecordContract.assertRecordLine(line).path("metadata");     // the schema takes the new profile
                assertEquals("text." + identity, m.path("pipeline").path("profile").asText());
                m.path("removed").forEach(r -> assertNotEquals("slugs", r.path("stage").asText()));
            }

            Path bad = tmp.resolve("bad.json");
            Files.writeString(bad, "{\"name\":\"m\",\"text\":[\"navigation\",\"captionz\"]}");
            assertEquals(2, Main.execute("clean", in.toString(), "-o", tmp.resolve("out2").toString(), "--profile", bad.toString()),
                    "a usage error");
            assertFalse(Files.exists(tmp.resolve("out2")), "nothing written");
        } finally {
            System.setErr(err);
        }
    }

    private static void remove(ArrayNode stages, String stage) {
        for (int i = stages.size() - 1; i >= 0; i--) if (stages.get(i).asText().equals(stage)) stages.remove(i);
    }
}
