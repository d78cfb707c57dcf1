package dev.winnow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --removed none}: the same records but for {@code metadata.removed}, which is null; the counts
 * in each record and in the report stay, the records validate against the schema, and the layout is
 * part of what a run is, so a rerun with the other layout into the same folder writes it again.
 */
class RemovedLayoutTest {

    @Test
    void withoutRemovalsRecordsAreTheSameButForTheirCuts(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path p : seeds.toList()) Files.copy(p, in.resolve(p.getFileName()));
        }
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : pages.sorted().limit(3).toList()) Files.copy(p, in.resolve(p.getFileName()));
        }
        Path inline = tmp.resolve("inline");
        Path none = tmp.resolve("none");
        assertEquals(0, Main.execute("clean", in.toString(), "-o", inline.toString(), "-q"));
        assertEquals(0, Main.execute("clean", in.toString(), "-o", none.toString(), "-q", "--removed", "none"));

        List<JsonNode> full = RecordSchemaTest.lines(inline.resolve("articles.jsonl"));
        List<JsonNode> lean = RecordSchemaTest.lines(none.resolve("articles.jsonl"));
        assertEquals(full.size(), lean.size());
        RecordSchemaTest.assertAllValid(RecordSchemaTest.schema(RecordSchemaTest.RECORD_SCHEMA), lean);
        for (int i = 0; i < full.size(); i++) {
            JsonNode cut = lean.get(i).at("/metadata/removed");
            assertTrue(cut.isNull(), "removed is null, not left out: " + cut);
            assertTrue(full.get(i).at("/metadata/removed").size() > 0, "the inline run has cuts to leave out");
            ObjectNode withCuts = full.get(i).deepCopy();
            ((ObjectNode) withCuts.get("metadata")).putNull("removed");
            assertEquals(withCuts, lean.get(i), "all else is the same, counts included");
        }
        assertTrue(Files.size(none.resolve("articles.jsonl")) < Files.size(inline.resolve("articles.jsonl")) * 0.9);
        JsonNode fullReport = RecordSchemaTest.JSON.readTree(inline.resolve("report.json").toFile());
        JsonNode leanReport = RecordSchemaTest.JSON.readTree(none.resolve("report.json").toFile());
        assertEquals(fullReport.get("removals"), leanReport.get("removals"), "the report still counts every cut");

        // The other layout into the same folder is another run, not "nothing to do".
        assertEquals(0, Main.execute("clean", in.toString(), "-o", none.toString(), "-q"));
        assertEquals(Files.readString(inline.resolve("articles.jsonl")), Files.readString(none.resolve("articles.jsonl")));
    }
}
