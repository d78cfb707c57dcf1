package dev.winnow.robustness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.winnow.core.RejectReason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every output line must be, whatever the input was: a record line is strict UTF-8 once encoded,
 * one JSON object without duplicate keys, valid against {@code schema/article-record.schema.json} and
 * consistent with itself; a rejection line is valid against {@code schema/rejection.schema.json} and
 * carries a code from {@link RejectReason}. Shared by the bad-input suite, the property tests and the
 * fuzz target, so all three hold inputs to the same promise.
 */
public final class RecordContract {
    static final Path RECORD_SCHEMA = Path.of("schema", "article-record.schema.json");
    static final Path REJECTION_SCHEMA = Path.of("schema", "rejection.schema.json");

    /** Rejects duplicate keys: a JSON object with two "id" members is not a record. */
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final JsonSchema RECORDS = schema(RECORD_SCHEMA);
    private static final JsonSchema REJECTIONS = schema(REJECTION_SCHEMA);

    private RecordContract() {}

    /** Every rejection code the build knows, read from the enum so new reasons are covered. */
    static Set<String> reasonCodes() {
        return Arrays.stream(RejectReason.values()).map(RejectReason::code).collect(Collectors.toSet());
    }

    /**
     * Checks one line of {@code articles.jsonl} as a writer would emit it (a Java string encoded as
     * UTF-8) and returns it parsed.
     */
    public static JsonNode assertRecordLine(String line) {
        byte[] bytes = strictUtf8(line, "record line");
        JsonNode record = parseOneObject(bytes, "record line");
        assertValid(RECORDS, record, "record");
        assertConsistent(record);
        return record;
    }

    /** Checks one line of {@code rejected.jsonl} and returns it parsed. */
    static JsonNode assertRejectionLine(String line) {
        JsonNode rejection = parseOneObject(strictUtf8(line, "rejection line"), "rejection line");
        assertValid(REJECTIONS, rejection, "rejection");
        assertTrue(reasonCodes().contains(rejection.path("reason").asText()),
                "rejection reason is a RejectReason code: " + rejection);
        return rejection;
    }

    /**
     * The line encoded the way {@code OutputWriter} encodes it. An unpaired surrogate has no UTF-8 form:
     * a strict encoder fails on it, a lenient one writes '?', either way the line is not what was meant.
     */
    static byte[] strictUtf8(String line, String what) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(line));
            return Arrays.copyOfRange(b.array(), b.position(), b.limit());
        } catch (CharacterCodingException e) {
            int at = firstUnpairedSurrogate(line);
            throw new AssertionError(what + " cannot be written as UTF-8 (" + e + ")"
                    + (at >= 0 ? ": unpaired surrogate U+" + Integer.toHexString(line.charAt(at)).toUpperCase(Locale.ROOT)
                    + " at char " + at + " in ..." + excerpt(line, at) + "..." : ""), e);
        }
    }

    static JsonNode parseOneObject(byte[] utf8, String what) {
        try (JsonParser p = JSON.createParser(utf8)) {
            JsonNode node = JSON.readTree(p);
            assertEquals(null, p.nextToken(), what + " holds more than one JSON value");
            assertTrue(node != null && node.isObject(), what + " is not a JSON object");
            return node;
        } catch (IOException e) {
            throw new AssertionError(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            fail(what + " violates its schema: " + errors.stream().map(ValidationMessage::getMessage).toList()
                    + "\n" + excerpt(node.toString(), 0));
        }
    }

    /** What the schema cannot say: counts agree with what they count, offsets lie inside the input. */
    private static void assertConsistent(JsonNode r) {
        JsonNode m = r.path("metadata");
        JsonNode counts = m.path("counts");
        String text = r.path("text").asText();
        assertEquals(text.codePointCount(0, text.length()), counts.path("text_chars").asLong(), "counts.text_chars");
        assertEquals(m.path("removed").size(), counts.path("removals").asInt(), "counts.removals");
        long inputChars = counts.path("input_chars").asLong();
        for (JsonNode x : m.path("removed")) {
            long start = x.path("start").asLong(), end = x.path("end").asLong();
            if (start > end || end > inputChars) fail("removal [" + start + ", " + end + ") outside [0, " + inputChars + "]: " + x);
        }
        assertFalse(text.contains("\u0000"), "record text holds a NUL");
    }

    static int firstUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static String excerpt(String s, int at) {
        int from = Math.max(0, at - 40), to = Math.min(s.length(), at + 40);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || Character.isSurrogate(c)) sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    private static JsonSchema schema(Path file) {
        try {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(file.toFile()), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
