package dev.winnow.archive;

import com.github.luben.zstd.ZstdOutputStream;
import dev.winnow.core.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static dev.winnow.archive.Archives.*;
import static org.junit.jupiter.api.Assertions.*;

class WarcEntriesTest {
    @TempDir
    Path dir;

    private static final Containers.Options OPTIONS = Containers.Options.defaults(1 << 20);
    private static final Supplier<List<WarcRecord>> RECORDS = Archives::standardRecords;
    private static final int LAST = standardRecords().size() - 1;

    // ---- every record kind, plain and compressed ----

    @Test
    void plainArchiveYieldsEachDocumentInOrderAndCountsTheRest() throws IOException {
        assertStandard(read("a.warc", write(RECORDS, false)));
    }

    @Test
    void gzipArchiveYieldsTheSameEntries() throws IOException {
        assertStandard(read("a.warc.gz", write(RECORDS, true)));
    }

    @Test
    void zstdArchiveYieldsTheSameEntries() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream zstd = new ZstdOutputStream(out)) {
            zstd.write(write(RECORDS, false));
        }
        assertStandard(read("a.warc.zst", out.toByteArray()));
    }

    @Test
    void aGzipArchiveNamedPlainIsStillRead() throws IOException {
        assertStandard(read("renamed.warc", write(RECORDS, true)));
    }

    /** An archive cannot count its records unread: skipping reads and drops them, and the rest comes out as read whole. */
    @Test
    void skippingToAnEntryGivesTheWholeReadsEntriesFromThere() throws IOException {
        byte[] archive = write(RECORDS, true);
        List<Entry> whole = read("a.warc.gz", archive).entries;
        for (int first = 0; first <= whole.size(); first++) {
            Path file = save(dir, "a.warc.gz", archive);
            try (ContainerReader reader = Containers.open(file, Containers.Kind.WARC, OPTIONS)) {
                reader.skipTo(first);
                List<Entry> from = readAll(reader);
                assertEquals(whole.size() - first, from.size(), "from entry " + first);
                for (int i = 0; i < from.size(); i++) assertEquals(whole.get(first + i).index(), from.get(i).index());
                assertEquals(STANDARD_SKIPPED, reader.skipped(), "every record is still counted once the archive ends");
            }
        }
    }

    private static void assertStandard(Read read) {
        List<Entry> e = read.entries;
        assertEquals(7, e.size(), () -> e.toString());
        assertDocument(e.get(0), 0, "http://example.com/cafe", 4, "text/html", "ISO-8859-1", LATIN1_HTML, StandardCharsets.ISO_8859_1, null);
        assertDocument(e.get(1), 1, "http://example.com/gz", 5, "text/html", "utf-8", GZIP_HTML, StandardCharsets.UTF_8, null);
        assertFailure(e.get(2), 2, RejectReason.HTTP_STATUS, "HTTP 404 Not Found");
        assertEquals("http://example.com/missing", e.get(2).url());
        assertEquals("urn:uuid:" + uuid(7), e.get(2).recordId());
        assertDocument(e.get(3), 3, "file:///notes.txt", 8, "text/plain", "utf-8", RESOURCE_TEXT, StandardCharsets.UTF_8, null);
        assertDocument(e.get(4), 4, "http://example.com/cafe", 10, "text/plain", null, WET_TEXT, StandardCharsets.UTF_8, null);
        assertDocument(e.get(5), 5, "http://example.com/cut", 11, "text/html", null, CUT_HTML, StandardCharsets.UTF_8, "length");
        assertDocument(e.get(6), 6, "http://example.com/last", 12, "text/html", "utf-8", LAST_HTML, StandardCharsets.UTF_8, null);
        assertEquals(STANDARD_SKIPPED, read.skipped);
    }

    // ---- an archive cut short or damaged: everything before the damage, then one failure ----

    @Test
    void archiveCutInsideTheLastRecordsBlockEndsWithOneTruncatedEntry() throws IOException {
        byte[] whole = write(RECORDS, false);
        long start = offsets(RECORDS, false)[LAST];
        byte[] cut = Arrays.copyOf(whole, (int) (start + (whole.length - start) * 3 / 4));
        Read read = read("cut.warc", cut);
        assertIntactUpToTheLast(read.entries);
        Entry last = read.entries.get(6);
        assertFailure(last, 6, RejectReason.TRUNCATED, null);
        assertEquals("http://example.com/last", last.url(), "the record's header was read, so the failure names it");
        assertTrue(last.failure().message().startsWith("the archive ends inside the record at byte " + start + ": "),
                last.failure().message());
    }

    @Test
    void archiveCutInsideTheLastRecordsHeaderEndsWithOneTruncatedEntry() throws IOException {
        byte[] whole = write(RECORDS, false);
        long start = offsets(RECORDS, false)[LAST];
        Read read = read("cut.warc", Arrays.copyOf(whole, (int) start + 40));
        assertIntactUpToTheLast(read.entries);
        assertFailure(read.entries.get(6), 6, RejectReason.TRUNCATED, null);
        long previous = offsets(RECORDS, false)[LAST - 1];
        assertTrue(read.entries.get(6).failure().message().startsWith("the archive breaks after the record at byte " + previous + ": "),
                read.entries.get(6).failure().message());
    }

    @Test
    void gzipArchiveCutInsideTheLastMemberEndsWithOneTruncatedEntry() throws IOException {
        byte[] whole = write(RECORDS, true);
        long start = offsets(RECORDS, true)[LAST];
        Read read = read("cut.warc.gz", Arrays.copyOf(whole, (int) (start + (whole.length - start) / 2)));
        assertIntactUpToTheLast(read.entries);
        assertFailure(read.entries.get(6), 6, RejectReason.TRUNCATED, null);
    }

    /** The garbage is one corrupt entry naming its 34 bytes; the last record after it is still read (see WarcResyncTest). */
    @Test
    void bytesBetweenRecordsThatAreNotARecordAreOneCorruptEntryAndReadingGoesOn() throws IOException {
        byte[] whole = write(RECORDS, false);
        int start = (int) offsets(RECORDS, false)[LAST];
        byte[] garbage = "this line is not a WARC record\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] damaged = new byte[whole.length + garbage.length];
        System.arraycopy(whole, 0, damaged, 0, start);
        System.arraycopy(garbage, 0, damaged, start, garbage.length);
        System.arraycopy(whole, start, damaged, start + garbage.length, whole.length - start);
        Read read = read("bad.warc", damaged);
        List<Entry> upToTheLast = read.entries.subList(0, 7);
        assertEquals(8, read.entries.size(), () -> read.entries.toString());
        assertIntactUpToTheLast(upToTheLast);
        assertFailure(read.entries.get(6), 6, RejectReason.CORRUPT, null);
        assertTrue(read.entries.get(6).failure().message().contains("(34 bytes) are not a WARC record and were skipped"),
                read.entries.get(6).failure().message());
        assertTrue(read.entries.get(7).ok(), () -> read.entries.get(7).toString());
        assertEquals(7, read.entries.get(7).index());
    }

    @Test
    void corruptGzipMemberEndsWithOneCorruptEntry() throws IOException {
        byte[] damaged = write(RECORDS, true);
        int start = (int) offsets(RECORDS, true)[LAST];
        for (int i = start + 20; i < start + 40; i++) damaged[i] ^= 0x5A;   // inside the deflate data, past the gzip header
        Read read = read("bad.warc.gz", damaged);
        assertIntactUpToTheLast(read.entries);
        assertFailure(read.entries.get(6), 6, RejectReason.CORRUPT, null);
    }

    private static void assertIntactUpToTheLast(List<Entry> entries) {
        assertEquals(7, entries.size(), () -> entries.toString());
        for (int i = 0; i < 6; i++) {
            assertEquals(i, entries.get(i).index());
            assertEquals(i != 2, entries.get(i).ok(), "entry " + i + ": " + entries.get(i));
        }
        assertArrayEquals(CUT_HTML.getBytes(StandardCharsets.UTF_8), entries.get(5).bytes());
    }

    // ---- damage that costs one record only ----

    @Test
    void aPayloadOverTheLimitIsTooLargeAndReadingGoesOn() throws IOException {
        // 40 bytes: the 23-byte resource and the 38-byte conversion fit, every HTML page is longer
        Read read = read("a.warc", write(RECORDS, false), new Containers.Options(40, Containers.Fields.DEFAULTS));
        List<Entry> e = read.entries;
        assertEquals(7, e.size());
        assertFailure(e.get(0), 0, RejectReason.TOO_LARGE, "the record's payload is larger than the limit of 40 bytes (--max-bytes)");
        assertFailure(e.get(1), 1, RejectReason.TOO_LARGE, null);
        assertFailure(e.get(2), 2, RejectReason.HTTP_STATUS, "HTTP 404 Not Found");
        assertEquals(RESOURCE_TEXT, new String(e.get(3).bytes(), StandardCharsets.UTF_8));
        assertEquals(WET_TEXT, new String(e.get(4).bytes(), StandardCharsets.UTF_8));
        assertEquals(CUT_HTML, new String(e.get(5).bytes(), StandardCharsets.UTF_8), "41 bytes? no: exactly 40 fit");
        assertFailure(e.get(6), 6, RejectReason.TOO_LARGE, null);
    }

    @Test
    void aResponseThatIsNotHttpIsMalformedAndReadingGoesOn() throws IOException {
        Supplier<List<WarcRecord>> records = () -> {
            try {
                return List.of(response("http://example.com/bad", 1,
                        "this is not an HTTP response\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII)), standardRecords().get(LAST));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Read read = read("a.warc", write(records, false));
        assertEquals(2, read.entries.size(), () -> read.entries.toString());
        assertFailure(read.entries.get(0), 0, RejectReason.MALFORMED, null);
        assertTrue(read.entries.get(0).failure().message().startsWith("the record's HTTP message is malformed: "));
        assertDocument(read.entries.get(1), 1, "http://example.com/last", 12, "text/html", "utf-8", LAST_HTML, StandardCharsets.UTF_8, null);
    }

    @Test
    void anEmptyFileHoldsNoEntries() throws IOException {
        Read read = read("empty.warc", new byte[0]);
        assertEquals(List.of(), read.entries);
        assertEquals(java.util.Map.of(), read.skipped);
    }

    // ---- helpers ----

    private record Read(List<Entry> entries, java.util.Map<String, Long> skipped) {}

    private Read read(String name, byte[] bytes) throws IOException {
        return read(name, bytes, OPTIONS);
    }

    private Read read(String name, byte[] bytes, Containers.Options options) throws IOException {
        Path file = save(dir, name, bytes);
        try (ContainerReader reader = Containers.open(file, Containers.Kind.WARC, options)) {
            List<Entry> entries = readAll(reader);
            assertFalse(reader.hasNext(), "stays at its end");
            return new Read(entries, reader.skipped());
        }
    }

    static void assertDocument(Entry e, int index, String url, int id, String mediaType, String charset,
                               String text, Charset encoding, String truncated) {
        assertNull(e.failure(), () -> "expected a document at " + index + ", got " + e.failure());
        assertEquals(index, e.index());
        assertEquals(url, e.url());
        assertEquals(DATE_TEXT, e.date());
        assertEquals("urn:uuid:" + uuid(id), e.recordId());
        assertEquals(mediaType, e.mediaType());
        assertEquals(charset, e.charset());
        assertArrayEquals(text.getBytes(encoding), e.bytes(), () -> "bytes of entry " + index + ": " + new String(e.bytes(), encoding));
        assertEquals(truncated, e.truncated());
    }

    static void assertFailure(Entry e, int index, RejectReason reason, String message) {
        assertNotNull(e.failure(), () -> "expected a failure at " + index + ", got a document " + e);
        assertNull(e.bytes());
        assertEquals(index, e.index());
        assertEquals(reason, e.failure().reason(), () -> e.failure().message());
        if (message != null) assertEquals(message, e.failure().message());
    }
}
