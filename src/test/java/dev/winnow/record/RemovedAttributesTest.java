package dev.winnow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.text.Normalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --removed attributes} on the seeds: the records are byte for byte those of {@code --removed none},
 * and the side file holds exactly one line per record, in the same order and with the same id, whose spans
 * cut out of the normalized input give each removal's text and whose {@code removed} is what the inline
 * layout puts in the record. Gzipped records get a gzipped side file of the same name.
 */
class RemovedAttributesTest {
    static final Path SIDE_FILE = Path.of("attributes", "winnow_removed", "articles.jsonl");
    static final Path SCHEMA = Path.of("schema", "removed-attributes.schema.json");

    @TempDir
    static Path tmp;
    static Path attributes, none, inline;

    @BeforeAll
    static void runs() {
        attributes = tmp.resolve("attributes");
        none = tmp.resolve("none");
        inline = tmp.resolve("inline");
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", attributes.toString(), "-q", "--removed", "attributes"));
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", none.toString(), "-q", "--removed", "none"));
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", inline.toString(), "-q"));
    }

    @Test
    void recordsAreByteForByteThoseOfTheNoneLayout() throws IOException {
        assertArrayEquals(Files.readAllBytes(none.resolve("articles.jsonl")), Files.readAllBytes(attributes.resolve("articles.jsonl")));
    }

    @Test
    void everyRecordHasOneLineInTheSameOrder() throws IOException {
        List<JsonNode> records = RecordSchemaTest.lines(attributes.resolve("articles.jsonl"));
        List<JsonNode> side = RecordSchemaTest.lines(attributes.resolve(SIDE_FILE));
        assertFalse(records.isEmpty());
        assertEquals(records.size(), side.size(), "one line per record");
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i).get("id"), side.get(i).get("id"), "line " + (i + 1));
            assertEquals(records.get(i).get("source"), side.get(i).get("source"), "line " + (i + 1));
            assertEquals(records.get(i).at("/metadata/counts/removals").asInt(), side.get(i).get("removed").size());
        }
    }

    @Test
    void removedIsWhatTheInlineLayoutRecords() throws IOException {
        List<JsonNode> full = RecordSchemaTest.lines(inline.resolve("articles.jsonl"));
        List<JsonNode> side = RecordSchemaTest.lines(attributes.resolve(SIDE_FILE));
        assertEquals(full.size(), side.size());
        for (int i = 0; i < full.size(); i++) assertEquals(full.get(i).at("/metadata/removed"), side.get(i).get("removed"));
    }

    /** The spans are the removals, grouped by stage and reason, and slice the normalized input to their text. */
    @Test
    void spansCutEachRemovalsTextOutOfTheNormalizedInput() throws IOException {
        int checked = 0;
        for (JsonNode line : RecordSchemaTest.lines(attributes.resolve(SIDE_FILE))) {
            String input = new Normalizer().normalize(Files.readString(Path.of("seeds", line.get("id").asText() + ".txt"),
                    StandardCharsets.UTF_8));
            List<String> fromSpans = new ArrayList<>(), fromRemoved = new ArrayList<>();
            line.get("attributes").fields().forEachRemaining(e -> {
                for (JsonNode span : e.getValue()) {
                    fromSpans.add(e.getKey() + " " + span.get(0).asInt() + " " + span.get(1).asInt());
                }
            });
            for (JsonNode r : line.get("removed")) {
                String key = RemovedAttributes.key(r.get("stage").asText(), r.get("reason").asText());
                fromRemoved.add(key + " " + r.get("start").asInt() + " " + r.get("end").asInt());
                String span = codePoints(input, r.get("start").asInt(), r.get("end").asInt());
                assertEquals(r.get("text").asText().strip(), span.strip(), line.get("id") + " " + key);
                checked++;
            }
            fromSpans.sort(null);
            fromRemoved.sort(null);
            assertEquals(fromRemoved, fromSpans, "one span per removal, under its stage and reason");
        }
        assertTrue(checked > 5, "the seeds have cuts to check: " + checked);
    }

    /** HTML pages too: their offsets index the text the front end laid out, and the side file carries them as inline records do. */
    @Test
    void htmlPagesGetTheInlineLayoutsCutsBesideTheirRecords() throws IOException {
        Path pages = Files.createDirectories(tmp.resolve("pages"));
        try (java.util.stream.Stream<Path> html = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : html.sorted().limit(4).toList()) Files.copy(p, pages.resolve(p.getFileName()));
        }
        Path side = tmp.resolve("pages-attributes"), full = tmp.resolve("pages-inline");
        assertEquals(ExitCodes.OK, Main.execute("clean", pages.toString(), "-o", side.toString(), "-q", "--removed", "attributes"));
        assertEquals(ExitCodes.OK, Main.execute("clean", pages.toString(), "-o", full.toString(), "-q"));
        List<JsonNode> records = RecordSchemaTest.lines(full.resolve("articles.jsonl"));
        List<JsonNode> lines = RecordSchemaTest.lines(side.resolve(SIDE_FILE));
        assertEquals(records.size(), lines.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i).get("id"), lines.get(i).get("id"));
            assertTrue(records.get(i).at("/metadata/removed").size() > 0, "an HTML page has cuts");
            assertEquals(records.get(i).at("/metadata/removed"), lines.get(i).get("removed"));
        }
        RecordSchemaTest.assertAllValid(schema(), lines);
    }

    @Test
    void linesMatchTheirSchema() throws IOException {
        RecordSchemaTest.assertAllValid(schema(), RecordSchemaTest.lines(attributes.resolve(SIDE_FILE)));
    }

    /** The schema reaches into the record schema for a removal's shape: a reason no stage has is refused. */
    @Test
    void theSchemaChecksEachRemovalAsTheRecordSchemaDoes() throws IOException {
        JsonNode line = RecordSchemaTest.JSON.readTree("{\"id\":\"a\",\"source\":\"s\",\"attributes\":"
                + "{\"winnow_removed__slugs__url_slug\":[[0,3,1.0]]},\"removed\":[{\"stage\":\"slugs\",\"reason\":\"no_such_reason\","
                + "\"text\":\"abc\",\"start\":0,\"end\":3,\"score\":null}]}");
        assertFalse(schema().validate(line).isEmpty(), "an unknown reason is refused");
        JsonNode fine = RecordSchemaTest.JSON.readTree(line.toString().replace("no_such_reason", "url_slug"));
        assertTrue(schema().validate(fine).isEmpty(), schema().validate(fine).toString());
    }

    @Test
    void gzippedRecordsGetAGzippedSideFileOfTheSameName() throws IOException {
        Path gz = tmp.resolve("gz");
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", gz.toString(), "-q", "--removed", "attributes",
                "--compress", "gz"));
        Path side = gz.resolve("attributes/winnow_removed/articles.jsonl.gz");
        assertTrue(Files.isRegularFile(side));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(side))) {
            assertArrayEquals(Files.readAllBytes(attributes.resolve(SIDE_FILE)), in.readAllBytes(), "the plain run's bytes, gzipped");
        }
    }

    @Test
    void aSpanScoresHowSureTheCutIs() {
        assertEquals(1.0, RemovedAttributes.removedScore(null), "a rule's cut is certain");
        assertEquals(0.877, RemovedAttributes.removedScore(0.123), "a scorer's is the complement of its content probability");
        assertEquals(0.0, RemovedAttributes.removedScore(1.0));
    }

    /** The side file's schema, its reference to the record schema's removal resolved from schema/, not the web. */
    static JsonSchema schema() throws IOException {
        String local = Path.of("schema").toAbsolutePath().toUri().toString();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://winnow.dev/schema/", local)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
        return factory.getSchema(RecordSchemaTest.JSON.readTree(SCHEMA.toFile()), config);
    }

    private static String codePoints(String s, int start, int end) {
        return s.substring(s.offsetByCodePoints(0, start), s.offsetByCodePoints(0, end));
    }
}
