package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus stages on the seeds, against the hand-made {@code corpus.json}: one story told by five
 * articles, two quotations shared between them.
 */
class SeedsCorpusTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path GOLD = Path.of("src/test/resources/seeds-gold/corpus.json");

    @Test
    void quotesJsonlListsTheSharedQuotationsWithTheirArticlesInOrder(@TempDir Path out) throws IOException {
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", out.toString(), "-q"));
        Map<String, List<String>> shared = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("quotes.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            List<String> ids = new ArrayList<>();
            q.get("ids").forEach(id -> ids.add(id.asText()));
            if (ids.size() > 1) shared.put(q.get("text").asText(), ids);
        }
        Map<String, List<String>> expected = new TreeMap<>();
        for (JsonNode q : JSON.readTree(GOLD.toFile()).get("shared_quotes")) {
            List<String> ids = new ArrayList<>();
            q.get("ids").forEach(id -> ids.add(id.asText()));
            expected.put(q.get("text").asText(), ids);
        }
        assertEquals(expected, shared);
    }

    /**
     * The five seeds tell one story (corpus.json's story cluster) but are five different articles, far
     * below the near-duplicate threshold: each is its own cluster. A story cluster is not a copy.
     */
    @Test
    void fiveArticlesOfOneStoryAreNotNearDuplicates(@TempDir Path out) throws IOException {
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", out.toString(), "-q", "--drop-near-duplicates"));
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            JsonNode c = r.path("metadata").path("near_duplicates");
            assertEquals(r.get("id").asText(), c.get("cluster").asText());
            assertTrue(c.get("representative").asBoolean());
        }
    }

    @Test
    void dedupingQuotesAcrossTheCorpusCutsOnlyFromLaterArticles(@TempDir Path out) throws IOException {
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", out.toString(), "-q", "--dedupe-quotes=corpus"));
        Map<String, List<String>> cut = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            for (JsonNode x : r.path("metadata").path("removed")) {
                if (x.get("reason").asText().equals("corpus_repeated_quote")) {
                    cut.computeIfAbsent(r.get("id").asText(), k -> new ArrayList<>()).add(x.get("text").asText());
                    assertFalse(r.get("text").asText().contains(x.get("text").asText()), "the cut text left the body");
                }
            }
        }
        assertEquals(List.of("003_35dfe09d1baa616a"), List.copyOf(cut.keySet()), "001 carries both quotations first");
        assertEquals(2, cut.get("003_35dfe09d1baa616a").size());
    }
}
