package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.core.Draft;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.local.LocalRunner;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input ends as exactly one record or one rejection with a documented reason, a bad input never
 * costs the run, and the exit code tells a scheduler which case it is (see ExitCodes and the README).
 */
class RejectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROSE = "The harbour lights festival returned on Saturday after a five year pause, organisers said.\n\n"
            + "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.\n";
    private static final String QUAY = "The quay will stay closed to cars until Monday morning, the harbour office said.\n";

    @TempDir
    static Path tmp;
    static int exit;
    static Map<String, JsonNode> records;
    static Map<String, JsonNode> rejections;
    static JsonNode report;
    static Path out;

    @BeforeAll
    static void runOverAMixedFolder() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("good.txt"), PROSE, StandardCharsets.UTF_8);
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.writeString(in.resolve("blank.txt"), " \n\t\n\u00A0\n", StandardCharsets.UTF_8);
        byte[] noise = new byte[2048];
        new Random(42).nextBytes(noise);
        Files.write(in.resolve("noise.bin"), noise);
        // "Café crème costs €3." in Windows-1252: not valid UTF-8
        Files.write(in.resolve("legacy.txt"), ("Caf\u00E9 cr\u00E8me costs \u20AC3 at the kiosk on the quay, the owner said.\n")
                .getBytes(Charset.forName("windows-1252")));
        byte[] utf16 = QUAY.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(in.resolve("utf16.txt"), withBom);
        Files.write(in.resolve("utf16be.txt"), QUAY.getBytes(StandardCharsets.UTF_16BE));     // no BOM: found by its zeros
        byte[] utf8 = QUAY.getBytes(StandardCharsets.UTF_8);
        byte[] utf8Bom = new byte[utf8.length + 3];
        utf8Bom[0] = (byte) 0xEF;
        utf8Bom[1] = (byte) 0xBB;
        utf8Bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, utf8Bom, 3, utf8.length);
        Files.write(in.resolve("utf8bom.txt"), utf8Bom);
        Files.writeString(in.resolve(".draft.txt"), PROSE, StandardCharsets.UTF_8);            // hidden: not an input
        Files.writeString(in.resolve("huge.txt"), PROSE.repeat(40), StandardCharsets.UTF_8);
        Path missing = tmp.resolve("missing.txt");

        out = tmp.resolve("out");
        exit = Main.execute("clean", in.toString(), missing.toString(), "-o", out.toString(), "-q", "--max-bytes", "4K");
        records = byId(out.resolve("articles.jsonl"));
        rejections = byId(out.resolve("rejected.jsonl"));
        report = JSON.readTree(out.resolve("report.json").toFile());
    }

    private static Map<String, JsonNode> byId(Path jsonl) throws IOException {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            assertTrue(byId.put(node.get("id").asText(), node) == null, "one line per input: " + line);
        }
        return byId;
    }

    private static void assertRejected(String id, String reason) {
        JsonNode r = rejections.get(id);
        assertTrue(r != null, id + " is rejected; rejections: " + rejections.keySet() + ", records: " + records.keySet());
        assertEquals(reason, r.get("reason").asText(), "reason for " + id + ": " + r);
        assertFalse(r.get("message").asText().isBlank(), "a rejection explains itself to a person");
        assertFalse(records.containsKey(id), id + " is not also a record");
    }

    @Test
    void someRejectionsMeanExitThreeWithValidOutput() {
        assertEquals(ExitCodes.REJECTIONS, exit);
    }

    @Test
    void anEmptyFileIsEmpty() {
        assertRejected("empty", "empty");
    }

    @Test
    void aFileOfWhiteSpaceIsEmpty() {
        assertRejected("blank", "empty");
    }

    @Test
    void randomBytesAreBinary() {
        assertRejected("noise", "binary");
    }

    @Test
    void aFileAboveMaxBytesIsTooLarge() {
        assertRejected("huge", "too_large");
    }

    @Test
    void aMissingPathIsUnreadable() {
        assertRejected("missing", "unreadable");
    }

    @Test
    void invalidUtf8IsReadAsWindows1252() {
        JsonNode r = records.get("legacy");
        assertTrue(r != null, "legacy.txt gives a record; rejections: " + rejections);
        assertEquals("windows-1252", r.at("/metadata/input/charset").asText());
        assertTrue(r.get("text").asText().startsWith("Café crème costs €3"), r.get("text").asText());
    }

    @Test
    void utf16WithAByteOrderMarkIsDecoded() {
        JsonNode r = records.get("utf16");
        assertTrue(r != null, "utf16.txt gives a record; rejections: " + rejections);
        assertEquals("UTF-16LE", r.at("/metadata/input/charset").asText());
        assertEquals(QUAY.strip(), r.get("text").asText());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsFoundByItsZeroBytes() {
        JsonNode r = records.get("utf16be");
        assertTrue(r != null, "utf16be.txt gives a record; rejections: " + rejections);
        assertEquals("UTF-16BE", r.at("/metadata/input/charset").asText());
        assertEquals(QUAY.strip(), r.get("text").asText());
    }

    @Test
    void aUtf8ByteOrderMarkIsNotText() {
        JsonNode r = records.get("utf8bom");
        assertTrue(r != null, "utf8bom.txt gives a record; rejections: " + rejections);
        assertEquals("UTF-8", r.at("/metadata/input/charset").asText());
        assertEquals(QUAY.strip(), r.get("text").asText());
    }

    @Test
    void hiddenFilesAreNotInputs() {
        assertFalse(records.containsKey(".draft") || records.containsKey("draft") || rejections.containsKey(".draft"));
    }

    @Test
    void theGoodInputIsStillARecord() {
        assertTrue(records.containsKey("good"), "records: " + records.keySet());
        assertTrue(Files.isRegularFile(out.resolve("text").resolve("good.txt")));
    }

    @Test
    void everyInputIsOneRecordOrOneRejection() throws IOException {
        assertEquals(10, report.get("inputs").asInt(), "nine visible files and one missing path");
        assertEquals(report.get("inputs").asInt(), report.get("records").asInt() + report.get("rejected").asInt());
        assertEquals(records.size(), report.get("records").asInt());
        assertEquals(rejections.size(), report.get("rejected").asInt());
        Map<String, Integer> perReason = new TreeMap<>();
        rejections.values().forEach(r -> perReason.merge(r.get("reason").asText(), 1, Integer::sum));
        Map<String, Integer> reported = new TreeMap<>();
        report.get("rejections").fields().forEachRemaining(e -> reported.put(e.getKey(), e.getValue().asInt()));
        assertEquals(perReason, reported);
        try (var texts = Files.list(out.resolve("text"))) {
            assertEquals(records.size(), texts.count(), "one text file per record");
        }
    }

    @Test
    void onlyRecordsMeansExitZero(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("fine.txt"), PROSE, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, Main.execute("clean", in.toString(), "-o", dir.resolve("o").toString(), "-q"));
        assertEquals(List.of(), Files.readAllLines(dir.resolve("o").resolve("rejected.jsonl")));
    }

    @Test
    void anUnwritableOutputFailsTheRunAndLeavesItAsItWas(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("fine.txt"), PROSE, StandardCharsets.UTF_8);
        Path notAFolder = Files.writeString(dir.resolve("taken"), "keep me", StandardCharsets.UTF_8);
        assertEquals(ExitCodes.FAILED, Main.execute("clean", in.toString(), "-o", notAFolder.toString(), "-q"));
        assertEquals("keep me", Files.readString(notAFolder));
    }

    @Test
    void aStageThatFailsOnOneDocumentCostsOnlyThatDocument(@TempDir Path dir) throws IOException {
        Stage fragile = new Stage() {
            @Override
            public String name() { return "fragile"; }

            @Override
            public void judge(Draft draft, Verdict verdict) {
                if (draft.source().contains("trap")) throw new IllegalStateException("sprung on purpose");
            }
        };
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a_fine.txt"), PROSE, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b_trap.txt"), "This page holds a trap for the stage.\n", StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        LocalRunner.Options options = new LocalRunner.Options(outDir, 2, 1 << 20, "in", true, true, false);
        LocalRunner.Summary summary = new LocalRunner(Invariants.single(fragile), "test")
                .run(List.of(in.toString()), System.in, options, System.err);

        assertEquals(1, summary.records());
        assertEquals(1, summary.rejected());
        JsonNode rejection = JSON.readTree(Files.readAllLines(outDir.resolve("rejected.jsonl")).get(0));
        assertEquals("b_trap", rejection.get("id").asText());
        assertEquals("internal_error", rejection.get("reason").asText());
        assertTrue(rejection.get("message").asText().contains("sprung on purpose"), rejection.toString());
    }

    @Test
    void standardInputIsOneInput(@TempDir Path dir) throws IOException {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(PROSE.getBytes(StandardCharsets.UTF_8)));
            assertEquals(ExitCodes.OK, Main.execute("clean", "-", "-o", dir.toString(), "-q"));
        } finally {
            System.setIn(saved);
        }
        JsonNode record = JSON.readTree(Files.readAllLines(dir.resolve("articles.jsonl")).get(0));
        assertEquals("stdin", record.get("id").asText());
        assertEquals("stdin", record.get("source").asText());
    }
}
