package dev.winnow.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.core.RejectReason;
import dev.winnow.run.Decoder;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Input;
import dev.winnow.run.Outcome;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.Invariants;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole per-document path, bytes to record line, with its contract checked: one outcome, never an
 * exception past {@link DocumentProcessor}, never an {@code internal_error} (that is an exception the
 * boundary caught: a bug), a record line that {@link RecordContract} accepts, and, for text-profile
 * records, a cleaned document that keeps every {@link Invariants invariant}. One place builds the
 * processor, so a change to its constructor is one edit here.
 */
final class PerDocument {
    static final String SOURCE = "robustness";
    static final String PROFILE = "text";
    /** The command line's default --max-bytes; generated inputs stay far below it. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final DocumentProcessor PROCESSOR = new DocumentProcessor(Profiles.text(), PROFILE, MAX_BYTES);
    private static final Decoder DECODER = new Decoder();

    private PerDocument() {}

    static Input input(String fileName) {
        return new Input(idOf(fileName), fileName, Path.of(fileName), null);
    }

    /** Processes {@code bytes} as the file {@code fileName}; whatever comes back, checks the contract. */
    static Outcome check(String fileName, byte[] bytes) {
        Input input = input(fileName);
        Outcome outcome;
        try {
            outcome = PROCESSOR.process(input, bytes, SOURCE);
        } catch (Throwable t) {
            throw new AssertionError("DocumentProcessor.process threw past its boundary on "
                    + describe(bytes) + ": " + t, t);
        }
        assertNotNull(outcome, "process returned no outcome");
        assertEquals(input.id(), outcome.id(), "outcome id");
        if (outcome.isRecord()) {
            assertNull(outcome.rejection());
            assertNotNull(outcome.recordLine(), "a record has a line");
            JsonNode record = RecordContract.assertRecordLine(outcome.recordLine());
            assertEquals(input.id(), record.path("id").asText());
            assertEquals(outcome.text(), record.path("text").asText(), "the text file and the record hold the same text");
            assertEquals(SOURCE, record.path("source").asText());
            assertEquals(bytes.length, record.at("/metadata/input/size").asLong(), "input.size");
            assertEquals(sha256(bytes), record.at("/metadata/input/sha256").asText(), "input.sha256");
            if (PROFILE.equals(record.at("/metadata/pipeline/profile").asText())) assertConservedAfterDecoding(input, bytes);
        } else {
            assertNull(outcome.recordLine(), "a rejection has no record line");
            assertNotNull(outcome.rejection().reason(), "a rejection has a reason");
            assertFalse(outcome.rejection().message() == null || outcome.rejection().message().isBlank(),
                    "a rejection explains itself");
            if (outcome.rejection().reason() == RejectReason.INTERNAL_ERROR) {
                fail("internal_error (an exception inside the pipeline) on " + describe(bytes) + ": "
                        + outcome.rejection().message());
            }
        }
        return outcome;
    }

    /**
     * For a record of the text profile: decodes as the processor does (inflating gzip first) and checks
     * the cleaned document's invariants on that text. Pages (html profile) and documents read by Tika go
     * through the markup pipeline, whose documents these text invariants do not describe.
     */
    private static void assertConservedAfterDecoding(Input input, byte[] bytes) {
        byte[] data = bytes;
        String name = input.path().getFileName().toString();
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                data = in.readAllBytes();
            } catch (IOException e) {
                throw new AssertionError("a record from gzip that does not inflate: " + e, e);
            }
            if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        }
        Decoder.Decoded decoded = DECODER.decode(input, data, name);
        assertTrue(decoded.rejection() == null, "the decoder rejects what the processor recorded: " + decoded);
        Invariants.clean(decoded.text());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File name without its last extension, as dev.winnow.run.Inputs names records. */
    static String idOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** A short, escaped view of an input for a failure message (jqwik and Jazzer also report the input). */
    static String describe(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + " bytes: ");
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') sb.append((char) b);
            else sb.append(String.format(java.util.Locale.ROOT, "\\x%02X", b));
        }
        return sb.append(bytes.length > 64 ? "..." : "").toString();
    }
}
