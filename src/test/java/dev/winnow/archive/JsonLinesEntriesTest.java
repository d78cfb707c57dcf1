package dev.winnow.archive;

import com.github.luben.zstd.ZstdOutputStream;
import dev.winnow.core.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.winnow.archive.Archives.gzip;
import static dev.winnow.archive.Archives.readAll;
import static dev.winnow.archive.Archives.save;
import static org.junit.jupiter.api.Assertions.*;

class JsonLinesEntriesTest {
    @TempDir
    Path dir;

    private static final Containers.Options OPTIONS = Containers.Options.defaults(1 << 20);

    /** Line numbers are 1-based over all lines; indexes count the non-blank ones. */
    private static final String MIXED = String.join("\n",
            "{\"url\":\"https://a.example/1\",\"id\":\"a1\",\"html\":\"<p>Caf\u00e9</p>\",\"text\":\"ignored when html is there\"}",
            "{\"url\":\"https://a.example/2\",\"id\":42,\"text\":\"Plain words.\"}",
            "",
            "{\"url\":\"https://a.example/3\", \"text\": ",
            "[1, 2, 3]",
            "{\"url\":\"https://a.example/5\",\"title\":\"no body fields\"}",
            "{\"text\":null,\"html\":7}",
            "   \t",
            "{\"text\":\"Last line, no newline at the end.\"}\r");

    @Test
    void eachLineIsOneEntryAndBadLinesDoNotStopTheRest() throws IOException {
        List<Entry> e = read("a.jsonl", MIXED.getBytes(StandardCharsets.UTF_8), OPTIONS);
        assertEquals(7, e.size(), e::toString);
        assertDocument(e.get(0), 0, "https://a.example/1", "a1", "text/html", "<p>Caf\u00e9</p>");
        assertDocument(e.get(1), 1, "https://a.example/2", "42", "text/plain", "Plain words.");
        assertFailure(e.get(2), 2, RejectReason.MALFORMED, null);
        assertTrue(e.get(2).failure().message().startsWith("line 4: not valid JSON ("), e.get(2).failure().message());
        assertFailure(e.get(3), 3, RejectReason.MALFORMED, "line 5: a JSON array, not an object");
        assertFailure(e.get(4), 4, RejectReason.MALFORMED, "line 6: no \"text\" or \"html\" field holding a string");
        assertEquals("https://a.example/5", e.get(4).url(), "a failure still names the document it stands for");
        assertFailure(e.get(5), 5, RejectReason.MALFORMED, "line 7: no \"text\" or \"html\" field holding a string");
        assertDocument(e.get(6), 6, null, null, "text/plain", "Last line, no newline at the end.");
    }

    /**
     * A string longer than Jackson's default limit (20 million characters) in a line within --max-bytes
     * is a document, not a malformed line, as text or HTML, alone or after a short line.
     */
    @Test
    void aStringPastJacksonsDefaultLimitIsStillADocument() throws IOException {
        Containers.Options roomy = Containers.Options.defaults(64L << 20);
        for (int chars : new int[]{20_000_001, 23_500_000}) {
            String body = "a".repeat(chars);
            String lines = "{\"text\":\"short\"}\n{\"url\":\"https://c.example/\",\"text\":\"" + body + "\"}\n{\"html\":\"<p>"
                    + body.substring(10) + "</p>\"}\n";
            List<Entry> e = read("long.jsonl", lines.getBytes(StandardCharsets.UTF_8), roomy);
            assertEquals(3, e.size());
            assertTrue(e.get(1).ok(), () -> "line 2 of " + chars + " characters: " + e.get(1).failure());
            assertEquals(chars, e.get(1).bytes().length);
            assertTrue(e.get(2).ok(), () -> "line 3: " + e.get(2).failure());
        }
    }

    @Test
    void customFieldNames() throws IOException {
        String lines = "{\"link\":\"https://b.example/\",\"doc_id\":\"x-1\",\"body\":\"Body text.\",\"text\":\"not this\"}\n"
                + "{\"link\":\"https://b.example/h\",\"markup\":\"<b>Bold</b>\"}\n";
        List<Entry> e = read("b.ndjson", lines.getBytes(StandardCharsets.UTF_8),
                new Containers.Options(1 << 20, new Containers.Fields("body", "markup", "link", "doc_id")));
        assertEquals(2, e.size(), e::toString);
        assertDocument(e.get(0), 0, "https://b.example/", "x-1", "text/plain", "Body text.");
        assertDocument(e.get(1), 1, "https://b.example/h", null, "text/html", "<b>Bold</b>");
    }

    @Test
    void aLineOverTheLimitIsTooLargeAndTheNextLineIsStillRead() throws IOException {
        String big = "{\"text\":\"" + "x".repeat(200) + "\"}";
        String lines = "{\"text\":\"short\"}\n" + big + "\n{\"text\":\"after\"}\n";
        List<Entry> e = read("c.jsonl", lines.getBytes(StandardCharsets.UTF_8), Containers.Options.defaults(100));
        assertEquals(3, e.size(), e::toString);
        assertDocument(e.get(0), 0, null, null, "text/plain", "short");
        assertFailure(e.get(1), 1, RejectReason.TOO_LARGE, "line 2: 211 bytes, longer than the limit of 100 bytes (--max-bytes)");
        assertDocument(e.get(2), 2, null, null, "text/plain", "after");
    }

    @Test
    void aLineOfExactlyTheLimitFits() throws IOException {
        String line = "{\"text\":\"" + "y".repeat(89) + "\"}";   // 100 bytes
        assertEquals(100, line.length());
        List<Entry> e = read("d.jsonl", (line + "\r\n").getBytes(StandardCharsets.UTF_8), Containers.Options.defaults(100));
        assertEquals(1, e.size(), e::toString);
        assertDocument(e.get(0), 0, null, null, "text/plain", "y".repeat(89));
    }

    @Test
    void gzipAndZstdReadLikePlain() throws IOException {
        byte[] plain = MIXED.getBytes(StandardCharsets.UTF_8);
        List<Entry> expected = read("a.jsonl", plain, OPTIONS);
        assertSameEntries(expected, read("a.jsonl.gz", gzip(plain), OPTIONS));
        assertSameEntries(expected, read("a.jsonl.zst", zstd(plain), OPTIONS));
        // two gzip members, as `cat a.gz b.gz` makes
        byte[] half = Arrays.copyOf(plain, MIXED.indexOf("[1, 2, 3]"));
        byte[] rest = Arrays.copyOfRange(plain, half.length, plain.length);
        byte[] members = concat(gzip(half), gzip(rest));
        assertSameEntries(expected, read("a.ndjson.gz", members, OPTIONS));
    }

    @Test
    void aCutGzipStreamEndsWithOneTruncatedEntryAfterTheGoodLines() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) lines.append("{\"text\":\"document number ").append(i).append(" with some words\"}\n");
        byte[] whole = gzip(lines.toString().getBytes(StandardCharsets.UTF_8));
        List<Entry> e = read("cut.jsonl.gz", Arrays.copyOf(whole, whole.length / 2), OPTIONS);
        Entry last = e.get(e.size() - 1);
        assertEquals(RejectReason.TRUNCATED, last.failure().reason(), last.failure().message());
        assertTrue(last.failure().message().startsWith("line " + e.size() + ": the stream ends early ("), last.failure().message());
        assertTrue(e.size() > 500, "the lines before the cut come back: " + e.size());
        for (int i = 0; i < e.size() - 1; i++) {
            assertDocument(e.get(i), i, null, null, "text/plain", "document number " + i + " with some words");
        }
    }

    @Test
    void aCutZstdStreamEndsWithOneTruncatedEntry() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) lines.append("{\"text\":\"zstd line ").append(i).append("\"}\n");
        byte[] whole = zstd(lines.toString().getBytes(StandardCharsets.UTF_8));
        List<Entry> e = read("cut.jsonl.zst", Arrays.copyOf(whole, whole.length - 10), OPTIONS);
        Entry last = e.get(e.size() - 1);
        assertEquals(RejectReason.TRUNCATED, last.failure().reason(), last.failure().message());
        for (int i = 0; i < e.size() - 1; i++) assertDocument(e.get(i), i, null, null, "text/plain", "zstd line " + i);
    }

    @Test
    void garbageAfterTheLastGzipMemberIsCorrupt() throws IOException {
        byte[] bytes = concat(gzip("{\"text\":\"one\"}\n".getBytes(StandardCharsets.UTF_8)), "not gzip".getBytes(StandardCharsets.US_ASCII));
        List<Entry> e = read("g.jsonl.gz", bytes, OPTIONS);
        assertEquals(2, e.size(), e::toString);
        assertDocument(e.get(0), 0, null, null, "text/plain", "one");
        assertFailure(e.get(1), 1, RejectReason.CORRUPT, null);
        assertTrue(e.get(1).failure().message().startsWith("line 2: the compressed stream is corrupt ("), e.get(1).failure().message());
    }

    @Test
    void anEmptyFileHasNoEntries() throws IOException {
        assertEquals(List.of(), read("empty.jsonl", new byte[0], OPTIONS));
        assertEquals(List.of(), read("blank.jsonl", "\n\n  \n".getBytes(StandardCharsets.US_ASCII), OPTIONS));
    }

    /**
     * A reader told to start at the k-th entry hands out exactly the entries a whole read gives from k on,
     * for every k: blank lines are no entry, bad JSON and over-long lines are one each, as when parsed.
     */
    @Test
    void skippingToAnEntryGivesTheWholeReadsEntriesFromThere() throws IOException {
        // Also counted without being copied: a blank line with a '\r', a line of exactly the limit once its '\r' is
        // dropped, and a line of spaces over the limit (an entry: too large, not blank).
        String lines = MIXED.replace("[1, 2, 3]", "[1, 2, 3]\n{\"text\":\"" + "z".repeat(200) + "\"}\n \t\r\n{\"text\":\""
                + "y".repeat(89) + "\"}\r\n" + " ".repeat(150));
        Containers.Options small = Containers.Options.defaults(100);
        List<Entry> whole = read("s.jsonl", lines.getBytes(StandardCharsets.UTF_8), small);
        assertEquals(RejectReason.TOO_LARGE, whole.get(4).failure().reason(), "the over-long line is entry 4");
        for (int first = 0; first <= whole.size() + 1; first++) {
            List<Entry> from = readFrom("s.jsonl", lines.getBytes(StandardCharsets.UTF_8), small, first);
            assertSameEntries(whole.subList(Math.min(first, whole.size()), whole.size()), from);
        }
    }

    /** Passing over a cut stream stops at the cut: the entries before it belong to an earlier slice. */
    @Test
    void skippingPastACutStreamGivesNothing() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) lines.append("{\"text\":\"document number ").append(i).append("\"}\n");
        byte[] whole = gzip(lines.toString().getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        List<Entry> all = read("cut.jsonl.gz", cut, OPTIONS);
        int truncated = all.size() - 1;
        assertSameEntries(all.subList(truncated, all.size()), readFrom("cut.jsonl.gz", cut, OPTIONS, truncated));
        assertEquals(List.of(), readFrom("cut.jsonl.gz", cut, OPTIONS, 1999));
    }

    // ---- helpers ----

    private List<Entry> readFrom(String name, byte[] bytes, Containers.Options options, int first) throws IOException {
        Path file = save(dir, name, bytes);
        try (ContainerReader reader = Containers.open(file, Containers.Kind.JSONL, options)) {
            reader.skipTo(first);
            return readAll(reader);
        }
    }

    private List<Entry> read(String name, byte[] bytes, Containers.Options options) throws IOException {
        Path file = save(dir, name, bytes);
        try (ContainerReader reader = Containers.open(file, Containers.Kind.JSONL, options)) {
            List<Entry> entries = readAll(reader);
            assertEquals(java.util.Map.of(), reader.skipped());
            return entries;
        }
    }

    private static void assertDocument(Entry e, int index, String url, String id, String mediaType, String text) {
        assertNull(e.failure(), () -> "expected a document at " + index + ", got " + e.failure());
        assertEquals(index, e.index());
        assertEquals(url, e.url());
        assertEquals(id, e.recordId());
        assertNull(e.date());
        assertEquals(mediaType, e.mediaType());
        assertEquals("UTF-8", e.charset());
        assertEquals(text, new String(e.bytes(), StandardCharsets.UTF_8));
        assertNull(e.truncated());
    }

    private static void assertFailure(Entry e, int index, RejectReason reason, String message) {
        WarcEntriesTest.assertFailure(e, index, reason, message);
    }

    private static void assertSameEntries(List<Entry> expected, List<Entry> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Entry a = expected.get(i), b = actual.get(i);
            assertEquals(a.index(), b.index());
            assertEquals(a.url(), b.url());
            assertEquals(a.mediaType(), b.mediaType());
            assertArrayEquals(a.bytes(), b.bytes());
            assertEquals(a.failure(), b.failure());
        }
    }

    static byte[] zstd(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
