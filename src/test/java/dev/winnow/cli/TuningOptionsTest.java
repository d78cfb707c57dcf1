package dev.winnow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tuning without code: {@code --keep} and {@code --only-page-types} on a real run of the seeds. */
class TuningOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> records(Path out) throws Exception {
        List<JsonNode> records = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) records.add(JSON.readTree(line));
        return records;
    }

    @Test
    void keptReasonsStayInTheTextAndTheRunSaysSo(@TempDir Path tmp) throws Exception {
        assertEquals(0, Main.execute("clean", "seeds", "-o", tmp.resolve("plain").toString(), "-q"));
        assertEquals(0, Main.execute("clean", "seeds", "-o", tmp.resolve("kept").toString(), "-q", "--keep", "byline,caption_credit"));
        List<JsonNode> plain = records(tmp.resolve("plain")), kept = records(tmp.resolve("kept"));
        int bylines = 0;
        for (int i = 0; i < plain.size(); i++) {
            for (JsonNode cut : plain.get(i).path("metadata").path("removed")) {
                String reason = cut.path("reason").asText();
                if (!reason.equals("byline") && !reason.equals("caption_credit")) continue;
                bylines++;
                assertTrue(kept.get(i).path("text").asText().contains(cut.path("text").asText().strip()),
                        "kept in the text: " + cut.path("text").asText());
            }
            for (JsonNode cut : kept.get(i).path("metadata").path("removed")) {
                assertFalse(List.of("byline", "caption_credit").contains(cut.path("reason").asText()), cut.toString());
            }
            assertEquals(plain.get(i).path("metadata").path("authors"), kept.get(i).path("metadata").path("authors"),
                    "a kept byline still names the authors");
        }
        assertTrue(bylines >= 2, "the seeds have bylines and credited captions to keep: " + bylines);
        JsonNode report = JSON.readTree(tmp.resolve("kept/report.json").toFile());
        assertTrue(report.path("pipeline").toString().contains("keep(byline,caption_credit)"), report.path("pipeline").toString());
        assertEquals(2, Main.execute("clean", "seeds", "-o", tmp.resolve("bad").toString(), "-q", "--keep", "captions"),
                "a reason that does not exist is a usage error");
    }

    @Test
    void otherPageTypesAreRejectedWithTheirType(@TempDir Path tmp) throws Exception {
        assertEquals(3, Main.execute("clean", "seeds", "-o", tmp.resolve("forums").toString(), "-q", "--only-page-types", "forum"));
        List<String> rejected = Files.readAllLines(tmp.resolve("forums/rejected.jsonl"));
        assertEquals(5, rejected.size());
        for (String line : rejected) {
            JsonNode r = JSON.readTree(line);
            assertEquals("page_type", r.path("reason").asText());
            assertTrue(r.path("message").asText().startsWith("page type article is not one of forum"), r.toString());
        }
        assertEquals(0, Main.execute("clean", "seeds", "-o", tmp.resolve("articles").toString(), "-q",
                "--only-page-types", "article,forum"));
        assertEquals(5, Files.readAllLines(tmp.resolve("articles/articles.jsonl")).size());
        assertEquals(2, Main.execute("clean", "seeds", "-o", tmp.resolve("bad").toString(), "-q", "--only-page-types", "news"));
    }

    @Test
    void aRetrainedPageTypeModelTypesTheRecordsAndIsNamedInThem(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("forums.json");
        Files.writeString(model, dev.winnow.score.PageTyperTest.constant("all-forums",
                dev.winnow.score.PageFeatures.TEXT_NAMES, dev.winnow.score.PageType.FORUM));
        assertEquals(0, Main.execute("clean", "seeds", "-o", tmp.resolve("out").toString(), "-q", "--page-type-model", model.toString()));
        for (JsonNode r : records(tmp.resolve("out"))) {
            assertEquals("forum", r.path("metadata").path("page_type").asText(), r.path("id").asText());
            assertTrue(r.path("metadata").path("pipeline").path("models").toString().contains("all-forums@"), r.path("metadata").toString());
        }
        JsonNode report = JSON.readTree(tmp.resolve("out/report.json").toFile());
        assertTrue(report.path("pipeline").toString().contains("all-forums@"), "the run fingerprint reads the model");
        assertEquals(2, Main.execute("clean", "seeds", "-o", tmp.resolve("missing").toString(), "-q",
                "--page-type-model", tmp.resolve("none.json").toString()), "a missing model is a usage error");
        Path blocks = tmp.resolve("blocks.json");
        Files.write(blocks, dev.winnow.score.Forest.resourceBytes("html-blocks.json"));
        assertEquals(2, Main.execute("clean", "seeds", "-o", tmp.resolve("wrong").toString(), "-q",
                "--page-type-model", blocks.toString()), "a block scorer is not a page-type model");
    }
}
