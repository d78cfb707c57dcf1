package dev.winnow.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.core.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Poisonous inputs, generated here, each in a real {@code winnow clean} run between two ordinary
 * articles: every bad input ends as its documented record or rejection, the two articles come out
 * exactly as they do alone, and {@code report.json} balances ({@code inputs = records + rejected}).
 *
 * <p>Where a later format issue will change an outcome (zip archives are not read yet), the test
 * asserts today's outcome and says what it must become.
 */
class BadInputsTest {
    /** Sorted first and last in every input folder, so they are processed before and after the bad input. */
    static final String FIRST = "aaa_first.txt";
    static final String LAST = "zzz_last.txt";
    static final String FIRST_TEXT = "The harbour lights festival returned on Saturday after a five year pause, organisers said.\n\n"
            + "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.";
    static final String LAST_TEXT = "The quay will stay closed to cars until Monday morning, the harbour office said on Friday.\n\n"
            + "Volunteers spent the following morning clearing paper and wire from the beach below the pier.";
    /** Clean prose with the characters legacy encodings get wrong: accents, euro sign, curly quotes, dash, ellipsis. */
    static final String EURO_TEXT = "Café crème at the kiosk on the quay now costs €3, up from €2.50 last summer, the owner said.\n\n"
            + "“Prices rose everywhere this year,” she said — and the queue on Saturday stretched past the pier… again.";
    /** Only characters ISO-8859-1 has. */
    static final String LATIN1_TEXT = "The café on the quay sells crème brûlée, jalapeño crisps and a naïve façade of calm, its owner said.\n\n"
            + "On Saturday it was 25°C by noon and the kiosk offered ½ price ice cream to the first hundred visitors.";

    @TempDir
    Path dir;

    // ---- empty ----

    @Test
    void emptyAndBlankFilesAreEmpty() throws IOException {
        Path in = inputs();
        Files.write(in.resolve("zero.txt"), new byte[0]);
        Files.writeString(in.resolve("blank.txt"), " \n\t\r\n\u00A0\u3000\n", StandardCharsets.UTF_8);
        Files.write(in.resolve("bom8.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Files.write(in.resolve("bom16.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE});
        BatchRun run = clean(in, 6);
        for (String name : List.of("zero.txt", "blank.txt", "bom8.txt", "bom16.txt")) run.assertRejected(name, "empty");
    }

    // ---- binary ----

    @Test
    void randomBytesAreBinary() throws IOException {
        Path in = inputs();
        byte[] noise = new byte[64 * 1024];
        new Random(4).nextBytes(noise);
        Files.write(in.resolve("noise.bin"), noise);
        byte[] noNul = noise.clone();
        for (int i = 0; i < noNul.length; i++) if (noNul[i] == 0) noNul[i] = 1;   // no NUL: only control characters betray it
        Files.write(in.resolve("noise-without-nul.txt"), noNul);
        BatchRun run = clean(in, 4);
        run.assertRejected("noise.bin", "binary");
        run.assertRejected("noise-without-nul.txt", "binary");
    }

    // ---- character sets ----

    /**
     * Bytes that are not UTF-8. Today the decoder falls back to Windows-1252 for the whole document (see
     * dev.winnow.run.Decoder), so a UTF-8 article with one stray byte is a record whose ASCII survives but
     * whose other UTF-8 characters become mojibake ("é" reads "Ã©"): reported as a finding, not asserted.
     * Bytes that Windows-1252 leaves undefined are a decode error.
     */
    @Test
    void invalidUtf8() throws IOException {
        Path in = inputs();
        String ascii = "The harbour office said the quay will reopen to cars on Monday morning after the festival.\n";
        Files.write(in.resolve("stray-byte.txt"), concat((ascii + EURO_TEXT).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF}));
        byte[] utf8 = (ascii + "The kiosk sells café").getBytes(StandardCharsets.UTF_8);
        Files.write(in.resolve("cut-mid-character.txt"), Arrays.copyOf(utf8, utf8.length - 1));
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF, '.', '\n'};     // '/' in two bytes: forbidden in UTF-8
        Files.write(in.resolve("overlong.txt"), concat((ascii + "A slash written overlong: ").getBytes(StandardCharsets.UTF_8), overlongSlash));
        byte[] undefined = new byte[512];
        byte[] holes = {(byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D};   // the five bytes Windows-1252 leaves undefined
        for (int i = 0; i < undefined.length; i++) undefined[i] = holes[i % holes.length];
        Files.write(in.resolve("undefined.txt"), undefined);
        BatchRun run = clean(in, 6);
        for (String name : List.of("stray-byte.txt", "cut-mid-character.txt", "overlong.txt")) {
            assertTrue(run.record(name).path("text").asText().contains(ascii.strip()), name + " keeps its ASCII prose");
        }
        run.assertRejected("undefined.txt", "decode_error");
    }

    @Test
    void utf16WithAndWithoutByteOrderMark() throws IOException {
        Path in = inputs();
        String text = EURO_TEXT + "\n";
        Files.write(in.resolve("le-bom.txt"), Scrapes.encode(text, "UTF-16LE-BOM"));
        Files.write(in.resolve("be-bom.txt"), Scrapes.encode(text, "UTF-16BE-BOM"));
        Files.write(in.resolve("le.txt"), Scrapes.encode(text, "UTF-16LE"));
        Files.write(in.resolve("be.txt"), Scrapes.encode(text, "UTF-16BE"));
        BatchRun run = clean(in, 6);
        assertDecoded(run, "le-bom.txt", "UTF-16LE", EURO_TEXT);
        assertDecoded(run, "be-bom.txt", "UTF-16BE", EURO_TEXT);
        assertDecoded(run, "le.txt", "UTF-16LE", EURO_TEXT);      // no BOM: found by its zero high bytes
        assertDecoded(run, "be.txt", "UTF-16BE", EURO_TEXT);
    }

    /** Legacy Western text: Latin-1 reads as its superset Windows-1252, so é, °, ½ and € come out right. */
    @Test
    void latin1AndWindows1252() throws IOException {
        Path in = inputs();
        Files.write(in.resolve("latin1.txt"), (LATIN1_TEXT + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("cp1252.txt"), (EURO_TEXT + "\n").getBytes(Charset.forName("windows-1252")));
        BatchRun run = clean(in, 4);
        assertDecoded(run, "latin1.txt", "windows-1252", LATIN1_TEXT);
        assertDecoded(run, "cp1252.txt", "windows-1252", EURO_TEXT);
    }

    /**
     * A numeric character reference to a surrogate code point ("&#xD800;"). Decoded as it is, it is an
     * unpaired surrogate that the UTF-8 output writer cannot encode, and that failed the whole run (exit 1,
     * "Input length = 1") until the normalizer learned to drop lone halves. It may cost this document at
     * most, never the run.
     */
    @Test
    void entityForALoneSurrogate() throws IOException {
        Path in = inputs();
        Files.writeString(in.resolve("surrogate.txt"), "The harbour &#xD800; office said the quay reopens on Monday morning.\n",
                StandardCharsets.UTF_8);
        BatchRun run = clean(in, 3);
        assertTrue(run.records().containsKey("surrogate.txt") || run.rejections().containsKey("surrogate.txt"));
    }

    // ---- NUL bytes ----

    @Test
    void nulBytes() throws IOException {
        Path in = inputs();
        // Two stray NULs (0.5% of the bytes; above 1% reads as binary) in UTF-8 text: dropped by normalization.
        String article = FIRST_TEXT + "\n\n" + LAST_TEXT;
        Files.writeString(in.resolve("few-nuls.txt"), article.replace("five ", "five \u0000").replace("quay ", "quay \u0000") + "\n",
                StandardCharsets.UTF_8);
        byte[] mostlyNul = new byte[8192];
        byte[] sentence = "The harbour office said the quay will reopen on Monday.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sentence, 0, mostlyNul, 100, sentence.length);
        Files.write(in.resolve("mostly-nul.txt"), mostlyNul);
        Files.write(in.resolve("all-nul.txt"), new byte[4096]);
        BatchRun run = clean(in, 5);
        assertEquals(article, run.record("few-nuls.txt").path("text").asText());
        run.assertRejected("mostly-nul.txt", "binary");
        run.assertRejected("all-nul.txt", "binary");
    }

    // ---- size ----

    /**
     * A 1 GiB file that is one line, in a child JVM with a 256 MiB heap: with the default --max-bytes
     * (64M) it is too_large, decided from its size without reading it. The file is sparse, so writing it
     * costs nothing; it is deleted afterwards.
     */
    @Test
    void oneGibSingleLineFileIsRejectedInBoundedMemory() throws IOException, InterruptedException {
        Path in = inputs();
        Path huge = writeOneGibLine(in.resolve("huge.txt"));
        try {
            BatchRun run = BatchRun.forked(dir.resolve("out"), "256m", List.of(in.toString()))
                    .assertAccounted();
            assertNeighboursIntact(run, 3);
            JsonNode r = run.assertRejected("huge.txt", "too_large");
            assertTrue(r.path("message").asText().contains("--max-bytes"), "the message names the limit: " + r);
            // the bound is the child's 256 MiB heap itself: reading the file would end in OutOfMemoryError. The report's
            // peak_heap_mb sums each heap pool's own peak, reached at different moments, so it may exceed the heap
            // a little and is no bound to assert on (it failed this test on quiet machines at 272).
        } finally {
            Files.deleteIfExists(huge);
        }
    }

    /**
     * Containers are read on the run's main thread, outside the workers. In a child JVM with a 128 MiB
     * heap: a JSON Lines file whose second line is a 61 MB page (within --max-bytes), and a WARC whose
     * second record carries two million HTTP headers. Reading each exhausts the heap; that entry is
     * out_of_memory, the rest of its container is not read (the message says so), and the run goes on:
     * the container's earlier entry and the files after it are records.
     */
    @Test
    void anEntryThatExhaustsTheHeapWhileReadCostsItsContainerNotTheRun() throws IOException, InterruptedException {
        Path in = inputs();
        String shortLine = "{\"text\": \"The ferry timetable adds two late crossings on festival nights, the operator said.\"}\n";
        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(in.resolve("big.jsonl"), StandardCharsets.UTF_8))) {
            out.write(shortLine);
            out.write("{\"text\": \"");
            for (int i = 0; i < 1_700_000; i++) out.write("The ferry left the harbour at dawn. ");
            out.write("\"}\n");
            out.write(shortLine);
        }
        String page = "<html><body><p>The lifeboat crew was called out twice on Sunday, the station said.</p></body></html>";
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(in.resolve("headers.warc")))) {
            out.write(warcResponse("http://a.example/1", ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page)
                    .getBytes(StandardCharsets.UTF_8)));
            java.io.ByteArrayOutputStream http = new java.io.ByteArrayOutputStream();
            http.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 2_000_000; i++) http.write(("X-H-" + i + ": v\r\n").getBytes(StandardCharsets.US_ASCII));
            http.write(("\r\n" + page).getBytes(StandardCharsets.UTF_8));
            out.write(warcResponse("http://a.example/2", http.toByteArray()));
        }
        try {
            // 256 MB: the language detector's profiles alone keep about 115 MB resident, so a smaller heap is
            // short all the time (the collector thrashes) rather than short while the huge entry is read.
            BatchRun run = BatchRun.forked(dir.resolve("out"), "256m", List.of(in.toString()),
                    "--no-corpus", "--threads", "2").assertAccounted();
            assertEquals(6, run.report().path("inputs").asInt());
            for (String entry : List.of("big.jsonl#1", "headers.warc#1")) {
                JsonNode r = run.assertRejected(entry, "out_of_memory");
                assertTrue(r.path("message").asText().contains("was not read"), r.toString());
            }
            // The documents around them are not asserted: one in a worker while the reader exhausts the heap
            // may be caught by the same shortage (as RejectReason.OUT_OF_MEMORY says), and if that happens
            // while a stage loads its model, the model's class stays uninitialised for the rest of the run.
        } finally {
            Files.deleteIfExists(in.resolve("big.jsonl"));
            Files.deleteIfExists(in.resolve("headers.warc"));
        }
    }

    /** One WARC response record holding {@code http} (status line, headers, payload). */
    private static byte[] warcResponse(String uri, byte[] http) {
        String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
                + "WARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8)) + ">\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + http.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + http.length + 4];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(http, 0, all, h.length, http.length);
        System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, all, h.length + http.length, 4);
        return all;
    }

    /**
     * The same file with --max-bytes raised above the heap: reading it exhausts the child's 256 MiB heap.
     * That must cost this document only (rejected, out_of_memory or too_large), not the run. Before the
     * isolation work of issue 4 the OutOfMemoryError escaped the worker and failed the whole run (exit 1).
     */
    @Test
    void oneGibFileAboveTheHeapCostsOnlyThatFile() throws IOException, InterruptedException {
        Path in = inputs();
        Path huge = writeOneGibLine(in.resolve("huge.txt"));
        try {
            BatchRun run = BatchRun.forked(dir.resolve("out"), "256m", List.of(in.toString()),
                    "--max-bytes", "1536M", "--threads", "1").assertAccounted();
            assertNeighboursIntact(run, 3);
            String reason = run.rejection("huge.txt").path("reason").asText();
            assertTrue(Set.of("out_of_memory", "too_large").contains(reason), "huge.txt rejected as " + reason);
        } finally {
            Files.deleteIfExists(huge);
        }
    }

    private static Path writeOneGibLine(Path file) throws IOException {
        byte[] start = "The harbour lights festival returned on Saturday after a five year pause, organisers said. "
                .getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(start);
            f.setLength(1L << 30);
            f.seek((1L << 30) - start.length);
            f.write(start);
        }
        return file;
    }

    // ---- markup and containers ----

    /**
     * HTML nested 100,000 deep, on one line and one tag per line. HTML goes through the markup front end
     * (jsoup), which must neither overflow its stack nor lose the text: each page is the record of the one
     * sentence inside. (Before the front end, HTML was cleaned as text: a record of tag soup.)
     */
    @Test
    void htmlNestedOneHundredThousandDeep() throws IOException {
        Path in = inputs();
        String inner = "The harbour lights festival returned on Saturday after a five year pause, organisers said.";
        Files.writeString(in.resolve("deep.html"), "<div>".repeat(100_000) + inner + "</div>".repeat(100_000), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("deep-lines.html"), "<div>\n".repeat(100_000) + inner + "\n" + "</div>\n".repeat(100_000),
                StandardCharsets.UTF_8);
        BatchRun run = clean(in, 4);
        assertEquals(inner, run.record("deep.html").path("text").asText());
        assertEquals(inner, run.record("deep-lines.html").path("text").asText());
    }

    /**
     * A zip bomb: a 2 MiB archive of 16 zips that each inflate to 128 MiB of zeros (2 GiB in all), once
     * named .zip and once disguised as .txt. Archives are not read today, so both are binary; when
     * archive support lands (a later issue) they must be rejected as "bomb" without inflating them.
     */
    @Test
    void zipBombIsRejected() throws IOException {
        Path in = inputs();
        byte[] bomb = zipBomb();
        Files.write(in.resolve("bomb.zip"), bomb);
        Files.write(in.resolve("bomb-disguised.txt"), bomb);
        BatchRun run = clean(in, 4);
        run.assertRejected("bomb.zip", "binary");
        run.assertRejected("bomb-disguised.txt", "binary");
    }

    /**
     * Gzip inputs are inflated within --max-bytes: a whole .gz is the record of its text, one cut in half
     * is truncated, one with a valid header and garbage after it is corrupt, and one that inflates past
     * the limit at a ratio no text reaches (256 MiB of zeros in 256 KiB) is a bomb, stopped at the limit.
     */
    @Test
    void gzipInputs() throws IOException {
        Path in = inputs();
        Files.write(in.resolve("whole.txt.gz"), gzip((FIRST_TEXT + "\n").getBytes(StandardCharsets.UTF_8), 1));
        byte[] story = gzip((FIRST_TEXT + "\n\n").repeat(40).getBytes(StandardCharsets.UTF_8), 1);
        Files.write(in.resolve("cut.txt.gz"), Arrays.copyOf(story, story.length / 2));
        byte[] garbage = new byte[200];
        Arrays.fill(garbage, (byte) 0xFF);
        Files.write(in.resolve("garbage.txt.gz"), concat(new byte[] {0x1F, (byte) 0x8B, 8, 0}, garbage));
        Files.write(in.resolve("bomb.txt.gz"), gzip(new byte[1 << 20], 256));
        BatchRun run = clean(in, 6);
        JsonNode whole = run.record("whole.txt.gz");
        assertEquals("whole", whole.path("id").asText(), "the id drops .gz and the extension before it");
        assertEquals(FIRST_TEXT, whole.path("text").asText());
        assertEquals("cut", run.assertRejected("cut.txt.gz", "truncated").path("id").asText());
        run.assertRejected("garbage.txt.gz", "corrupt");
        run.assertRejected("bomb.txt.gz", "bomb");
    }

    // ---- unreadable paths ----

    /** Permission bits stop reads for other users; as root (containers, CI) they do not, and the test is skipped. */
    @Test
    void fileWithoutReadPermissionIsUnreadable() throws IOException {
        Path in = inputs();
        Path locked = Files.writeString(in.resolve("locked.txt"), FIRST_TEXT, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "running as root: permission bits do not stop reads");
            clean(in, 3).assertRejected("locked.txt", "unreadable");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * A path that fails to read even as root: a link to /proc/self/mem, which lists as a regular file of
     * size 0 and answers every read at offset 0 with EIO (read with --follow-links: the link leads out of
     * the folder, which is otherwise outside_input). Also a path that does not exist.
     */
    @Test
    void fileThatFailsToReadIsUnreadable() throws IOException {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.exists(mem), "needs Linux /proc");
        Path in = inputs();
        Files.createSymbolicLink(in.resolve("mem.txt"), mem);
        Path missing = dir.resolve("missing.txt");
        BatchRun run = BatchRun.inProcess(dir.resolve("out"), List.of(in.toString(), missing.toString()), "--follow-links")
                .assertAccounted();
        assertNeighboursIntact(run, 4);
        run.assertRejected("mem.txt", "unreadable");
        run.assertRejected("missing.txt", "unreadable");
        BatchRun.inProcess(dir.resolve("out-safe"), List.of(in.toString())).assertAccounted().assertRejected("mem.txt", "outside_input");
    }

    /**
     * A named pipe given as an input blocks its reader until some process writes to it. With a time
     * budget (--timeout 3s) it costs that input (timeout, or unreadable), not the run; a run that hangs
     * instead is killed after {@link dev.winnow.testing.HangGuard#LIMIT} and the test fails.
     */
    @Test
    void namedPipeGivenAsInputDoesNotHangTheRun() throws IOException, InterruptedException {
        Path in = inputs();
        Path fifo = mkfifo(dir.resolve("pipe.txt"));
        BatchRun run = BatchRun.forked(dir.resolve("out"), "256m",
                List.of(in.toString(), fifo.toString()), "--timeout", "3s").assertAccounted();
        assertNeighboursIntact(run, 3);
        String reason = run.rejection("pipe.txt").path("reason").asText();
        assertTrue(Set.of("timeout", "unreadable").contains(reason), "pipe.txt rejected as " + reason);
    }

    /**
     * A named pipe inside a folder is not a document: the walk rejects it as not_a_file (it is not a
     * regular file) and never opens it, so it cannot block the run, and it is accounted for.
     */
    @Test
    void namedPipeInAFolderIsRejectedUnread() throws IOException {
        Path in = inputs();
        mkfifo(in.resolve("pipe.txt"));
        BatchRun run = clean(in, 3);
        assertFalse(run.records().containsKey("pipe.txt"));
        run.assertRejected("pipe.txt", "not_a_file");
    }

    /**
     * Links that cannot be followed are unreadable, as RejectReason documents ("missing, a symlink
     * loop"): a folder linking back to its parent, two files linking to each other, a link to itself, and
     * a link whose target is missing, whether found in a folder or named on the command line.
     */
    @Test
    void brokenLinksAreUnreadable() throws IOException {
        Path in = inputs();
        Files.createSymbolicLink(Files.createDirectories(in.resolve("sub")).resolve("up"), in);
        Files.createSymbolicLink(in.resolve("loop_a.txt"), in.resolve("loop_b.txt"));
        Files.createSymbolicLink(in.resolve("loop_b.txt"), in.resolve("loop_a.txt"));
        Files.createSymbolicLink(in.resolve("dangling.txt"), in.resolve("nowhere.txt"));
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Path self = Files.createSymbolicLink(outside.resolve("self.txt"), outside.resolve("self.txt"));
        BatchRun run = BatchRun.inProcess(dir.resolve("out"), List.of(in.toString(), self.toString())).assertAccounted();
        for (String name : List.of("up", "self.txt", "loop_a.txt", "loop_b.txt", "dangling.txt")) run.assertRejected(name, "unreadable");
        assertNeighboursIntact(run, 7);
    }

    // ---- names ----

    /**
     * File names with spaces, non-ASCII letters, a line break, a tab, a leading dash, characters some
     * systems forbid, and the longest names Linux allows (255 bytes), in ASCII, in two-byte UTF-8, and
     * with characters the text file name must escape. Each is a record whose id is the name without its
     * extension, with its own text file.
     */
    @Test
    void oddFileNames() throws IOException {
        Path in = inputs();
        Map<String, String> idByName = new LinkedHashMap<>();
        List<String> names = List.of("with space.txt", "ünïcödé 文字.txt", "new\nline.txt", "tab\tname.txt", "-leading-dash.txt",
                "back\\slash:colon?.txt", "%41.txt", "A.txt", "a.b.c.txt", "no-extension", "emoji\uD83D\uDE80.txt",
                "x".repeat(251) + ".txt", "é".repeat(125) + ".txt", ":".repeat(100) + ".txt");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
            Files.writeString(in.resolve(name), FIRST_TEXT.replace("Saturday", "Saturday " + (i + 1)) + "\n", StandardCharsets.UTF_8);
            idByName.put(name, PerDocument.idOf(name));
        }
        BatchRun run = clean(in, names.size() + 2);
        idByName.forEach((name, id) -> assertEquals(id, run.record(name).path("id").asText(), "id of " + name));
    }

    // ---- helpers ----

    /** A fresh input folder holding the two ordinary articles. */
    private Path inputs() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve(FIRST), FIRST_TEXT + "\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve(LAST), LAST_TEXT + "\n", StandardCharsets.UTF_8);
        return in;
    }

    /** Cleans the folder in this JVM; checks the books and the two articles. {@code inputs} -1: not checked. */
    private BatchRun clean(Path in, int inputs) throws IOException {
        BatchRun run = BatchRun.inProcess(dir.resolve("out"), List.of(in.toString())).assertAccounted();
        assertNeighboursIntact(run, inputs);
        return run;
    }

    /** The two ordinary articles come out exactly as they went in, whatever ran beside them. */
    private static void assertNeighboursIntact(BatchRun run, int inputs) {
        if (inputs >= 0) assertEquals(inputs, run.report().path("inputs").asInt(), "inputs in report.json");
        assertArticle(run.record(FIRST), FIRST_TEXT);
        assertArticle(run.record(LAST), LAST_TEXT);
    }

    private static void assertArticle(JsonNode record, String text) {
        assertEquals(text, record.path("text").asText());
        assertEquals(PerDocument.sha256((text + "\n").getBytes(StandardCharsets.UTF_8)), record.at("/metadata/input/sha256").asText());
        assertEquals("UTF-8", record.at("/metadata/input/charset").asText());
    }

    private static void assertDecoded(BatchRun run, String name, String charset, String text) {
        JsonNode r = run.record(name);
        assertEquals(charset, r.at("/metadata/input/charset").asText(), "charset of " + name);
        assertEquals(text, r.path("text").asText(), "text of " + name);
    }

    private static Path mkfifo(Path path) throws IOException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            assumeTrue(p.waitFor() == 0, "mkfifo failed");
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return path;
    }

    /** {@code copies} times {@code bytes}, gzipped in memory. */
    private static byte[] gzip(byte[] bytes, int copies) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            for (int i = 0; i < copies; i++) out.write(bytes);
        }
        return gz.toByteArray();
    }

    /** 16 entries, each a zip of 128 MiB of zeros; built in memory, about 2 MiB. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(inner)) {
            z.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 128; i++) z.write(zeros);
            z.closeEntry();
        }
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(outer)) {
            z.setLevel(0);
            for (int i = 0; i < 16; i++) {
                z.putNextEntry(new ZipEntry("part" + i + ".zip"));
                inner.writeTo(z);
                z.closeEntry();
            }
        }
        return outer.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
