package dev.winnow.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.core.Layout;
import dev.winnow.core.Reason;
import dev.winnow.core.RejectReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The output contract: every line the {@code clean} command writes matches {@code schema/}. Runs the
 * real command over the seeds and, when another suite has copied them in, the benchmark's development
 * pages; checks every record, not a sample. The enum tests tie the schema's closed code lists to the
 * Java enums, so a new reason code fails here until the schema names it too.
 */
class RecordSchemaTest {
    static final Path RECORD_SCHEMA = Path.of("schema", "article-record.schema.json");
    static final Path REJECTION_SCHEMA = Path.of("schema", "rejection.schema.json");
    static final Path SEEDS = Path.of("seeds");
    static final Path AEB_DEV_TEXT = Path.of("src", "test", "resources", "aeb-dev", "text");
    /** Failures listed in one assertion message; enough to see a pattern without flooding the log. */
    static final int MAX_REPORTED = 20;

    /** Rejects duplicate keys: a JSON object with two "id" members is not a record. */
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static JsonSchema recordSchema;
    static JsonSchema rejectionSchema;
    static CleanRun seeds;

    @TempDir
    static Path shared;

    @BeforeAll
    static void setUp() throws IOException {
        recordSchema = schema(RECORD_SCHEMA);
        rejectionSchema = schema(REJECTION_SCHEMA);
        seeds = clean(shared.resolve("seeds-out"), SEEDS.toString());
    }

    /**
     * Draft 2020-12 treats "format" as an annotation by default; the contract says created is a real
     * date, so assert it. Messages in English: surefire runs under a Turkish locale.
     */
    static JsonSchema schema(Path file) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(file.toFile()), config);
    }

    // ---- records ----

    @Test
    void seedRecordsMatchSchema() {
        assertFalse(seeds.records().isEmpty(), "the seeds gave no records");
        assertAllValid(recordSchema, seeds.records());
    }

    @Test
    void seedRecordsAreInternallyConsistent() {
        assertConsistent(seeds.records());
    }

    @Test
    void seedOutputIsStrictUtf8ObjectsWithIdAndText() throws IOException {
        assertLoadable(seeds.articles());
    }

    @Test
    void devPageRecordsMatchSchema(@TempDir Path out) throws IOException {
        assumeTrue(Files.isDirectory(AEB_DEV_TEXT), AEB_DEV_TEXT + " is absent (the quality suite copies it in)");
        CleanRun run = clean(out, AEB_DEV_TEXT.toString());
        assertFalse(run.records().isEmpty(), "the development pages gave no records");
        assertLoadable(run.articles());
        assertAllValid(recordSchema, run.records());
        assertConsistent(run.records());
    }

    // ---- rejections ----

    @Test
    void rejectionLinesMatchSchema(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.writeString(in.resolve("blank.txt"), " \n\t\n  \n", StandardCharsets.UTF_8);
        byte[] noise = new byte[4096];
        new Random(20240601L).nextBytes(noise);
        for (int i = 0; i < noise.length; i += 7) noise[i] = 0; // NUL-heavy, without UTF-16's every-other-byte zeros
        Files.write(in.resolve("noise.bin"), noise);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Files.write(in.resolve("picture.png"), png);
        Files.writeString(in.resolve("article.txt"), "A plain sentence that keeps this run from being all rejections.\n");
        Path missing = dir.resolve("missing.txt");

        CleanRun run = clean(dir.resolve("out"), in.toString(), missing.toString());

        assertEquals(5, run.rejections().size(), () -> "rejections: " + run.rejections());
        assertAllValid(rejectionSchema, run.rejections());
        Set<String> reasons = run.rejections().stream().map(r -> r.get("reason").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("empty", "binary", "unreadable"), reasons);
        assertLoadable(run.dir().resolve("rejected.jsonl"));
    }

    // ---- the schema's closed lists follow the code ----

    @Test
    void schemaReasonsAreExactlyTheReasonCodes() throws IOException {
        assertEquals(codes(Reason.values(), Reason::code), enumAt(RECORD_SCHEMA, "/$defs/reason/enum"),
                "schema/article-record.schema.json $defs.reason must list every dev.winnow.core.Reason code");
    }

    @Test
    void schemaRejectReasonsAreExactlyTheRejectReasonCodes() throws IOException {
        assertEquals(codes(RejectReason.values(), RejectReason::code), enumAt(REJECTION_SCHEMA, "/$defs/reason/enum"),
                "schema/rejection.schema.json $defs.reason must list every dev.winnow.core.RejectReason code");
    }

    @Test
    void schemaLayoutsAreExactlyTheLayouts() throws IOException {
        assertEquals(codes(Layout.values(), l -> l.name().toLowerCase(Locale.ROOT)),
                enumAt(RECORD_SCHEMA, "/properties/metadata/properties/input/properties/layout/enum"),
                "schema layout enum must list every dev.winnow.core.Layout constant, lower-cased");
    }

    // ---- the schema is not vacuous: each fixed part of the format is enforced ----

    @Test
    void schemaRejectsBrokenRecords() {
        ObjectNode good = (ObjectNode) seeds.records().get(0);
        assertTrue(recordSchema.validate(good).isEmpty());

        assertInvalid(good, r -> r.put("extra", 1), "unknown top-level key");
        assertInvalid(good, r -> r.remove("created"), "missing created");
        assertInvalid(good, r -> r.put("id", ""), "empty id");
        assertInvalid(good, r -> r.put("created", "2024-6-1"), "date without zero padding");
        assertInvalid(good, r -> r.put("created", "2023-02-30"), "impossible date (format: date asserted)");
        assertInvalid(good, r -> r.put("created", "2024-06-01T10:00:00Z"), "date-time instead of date");
        assertInvalid(good, r -> meta(r).putArray("authors").add(1), "non-string author");
        assertInvalid(good, r -> meta(r).put("title", ""), "empty title instead of null");
        assertInvalid(good, r -> input(r).put("sha256", "AB".repeat(32)), "upper-case sha256");
        assertInvalid(good, r -> input(r).put("sha256", "ab"), "short sha256");
        assertInvalid(good, r -> input(r).put("size", -1), "negative size");
        assertInvalid(good, r -> meta(r).with("counts").put("words", 1.5), "fractional count");
        assertInvalid(good, r -> meta(r).with("pipeline").put("name", "other"), "other pipeline name");
        assertInvalid(good, r -> removal(r).put("reason", "no_such_reason"), "unknown reason code");
        assertInvalid(good, r -> removal(r).put("start", -1), "negative offset");
        assertInvalid(good, r -> removal(r).remove("stage"), "removal without stage");
    }

    // ---- helpers ----

    /** The output of one {@code clean} run, parsed. */
    record CleanRun(Path dir, List<JsonNode> records, List<JsonNode> rejections) {
        Path articles() { return dir.resolve("articles.jsonl"); }
    }

    static CleanRun clean(Path out, String... inputs) throws IOException {
        List<String> args = new ArrayList<>(List.of("clean"));
        args.addAll(List.of(inputs));
        args.addAll(List.of("-o", out.toString(), "-q"));
        int code = Main.execute(args.toArray(String[]::new));
        assertTrue(code == ExitCodes.OK || code == ExitCodes.REJECTIONS, "clean exited with " + code);
        return new CleanRun(out, lines(out.resolve("articles.jsonl")), lines(out.resolve("rejected.jsonl")));
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) nodes.add(JSON.readTree(line));
        return nodes;
    }

    static void assertAllValid(JsonSchema schema, List<JsonNode> lines) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = lines.get(i);
            for (ValidationMessage m : schema.validate(node)) {
                failures.add("line " + (i + 1) + " (id " + node.path("id").asText("?") + "): " + m.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " schema violations in " + lines.size() + " lines, first "
                    + Math.min(MAX_REPORTED, failures.size()) + ":\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))));
        }
    }

    /**
     * What a schema cannot say: the counts agree with the arrays and text they count, offsets are
     * ordered and inside the input, ids are unique within a run.
     */
    static void assertConsistent(List<JsonNode> records) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : records) {
            String id = r.path("id").asText();
            if (!ids.add(id)) problems.add(id + ": duplicate id");
            JsonNode m = r.path("metadata");
            JsonNode counts = m.path("counts");
            String text = r.path("text").asText();
            long textChars = text.codePointCount(0, text.length());
            if (counts.path("text_chars").asLong(-1) != textChars) {
                problems.add(id + ": counts.text_chars " + counts.path("text_chars") + " but text has " + textChars);
            }
            if (counts.path("removals").asInt(-1) != m.path("removed").size()) {
                problems.add(id + ": counts.removals " + counts.path("removals") + " but removed has " + m.path("removed").size());
            }
            long inputChars = counts.path("input_chars").asLong(-1);
            for (JsonNode x : m.path("removed")) {
                long start = x.path("start").asLong(), end = x.path("end").asLong();
                if (start > end || end > inputChars) {
                    problems.add(id + ": removal [" + start + ", " + end + ") outside [0, " + inputChars + "]: " + x.path("reason"));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " inconsistencies, first " + Math.min(MAX_REPORTED, problems.size()) + ":\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(MAX_REPORTED, problems.size()))));
        }
    }

    /** Strict UTF-8, one JSON object per line, id and text as top-level strings: loadable by any JSONL reader. */
    static void assertLoadable(Path jsonl) throws IOException {
        byte[] bytes = Files.readAllBytes(jsonl);
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(jsonl + " is not valid UTF-8: " + e, e);
        }
        assertTrue(content.isEmpty() || content.endsWith("\n"), jsonl + " does not end with a newline");
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String where = jsonl.getFileName() + " line " + (i + 1);
            assertFalse(lines[i].contains("\r"), where + " holds a raw carriage return");
            JsonNode node;
            try (JsonParser p = JSON.createParser(lines[i])) {
                node = JSON.readTree(p);
                assertEquals(null, p.nextToken(), where + " holds more than one JSON value");
            }
            assertTrue(node != null && node.isObject(), where + " is not a JSON object");
            assertTrue(node.path("id").isTextual(), where + " has no string id at top level");
            if (jsonl.getFileName().toString().equals("articles.jsonl")) {
                assertTrue(node.path("text").isTextual(), where + " has no string text at top level");
            }
        }
    }

    private void assertInvalid(ObjectNode good, Consumer<ObjectNode> breakIt, String what) {
        ObjectNode bad = good.deepCopy();
        breakIt.accept(bad);
        assertFalse(recordSchema.validate(bad).isEmpty(), "the schema accepts a record with " + what);
    }

    private static ObjectNode meta(ObjectNode r) { return (ObjectNode) r.get("metadata"); }

    private static ObjectNode input(ObjectNode r) { return (ObjectNode) meta(r).get("input"); }

    /** The first removal, added if the record has none. */
    private static ObjectNode removal(ObjectNode r) {
        ArrayNode removed = (ArrayNode) meta(r).get("removed");
        if (removed.isEmpty()) {
            removed.addObject().put("stage", "navigation").put("reason", "nav_boilerplate").put("text", "Menu")
                    .put("start", 0).put("end", 4);
        }
        return (ObjectNode) removed.get(0);
    }

    static <E> Set<String> codes(E[] values, java.util.function.Function<E, String> code) {
        return Arrays.stream(values).map(code).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> enumAt(Path schema, String pointer) throws IOException {
        JsonNode list = JSON.readTree(schema.toFile()).at(pointer);
        assertTrue(list.isArray(), schema + " has no array at " + pointer);
        Set<String> values = new TreeSet<>();
        list.forEach(v -> assertTrue(values.add(v.asText()), schema + " lists " + v + " twice"));
        return values;
    }
}
