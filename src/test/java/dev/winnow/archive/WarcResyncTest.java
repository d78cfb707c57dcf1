package dev.winnow.archive;

import dev.winnow.core.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytes between WARC records that are not a record (garbage, the tail of a record whose Content-Length
 * is too short, a record swallowed by one whose Content-Length is too long) cost one corrupt failure
 * entry that names the skipped range, and reading goes on at the next record: the archive's other
 * records keep their documents, in order, each with its own URL.
 */
class WarcResyncTest {
    @TempDir
    Path dir;

    private static final Containers.Options OPTIONS = Containers.Options.defaults(1 << 20);

    private static String page(int n) {
        return "<html><body><p>Story " + n + ": the ferry to the island left the harbour at dawn, the operator said.</p></body></html>";
    }

    /** A response record for page {@code n}; {@code lengthError} is added to the declared Content-Length. */
    private static byte[] record(int n, int lengthError) {
        byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page(n)).getBytes(StandardCharsets.UTF_8);
        String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/" + n + "\r\n"
                + "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000" + n + ">\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + (http.length + lengthError) + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(http);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private List<Entry> read(byte[] archive) throws IOException {
        Path file = Archives.save(dir, "a" + System.nanoTime() + ".warc", archive);
        try (ContainerReader reader = Containers.open(file, Containers.Kind.WARC, OPTIONS)) {
            return Archives.readAll(reader);
        }
    }

    /** The URLs of the documents, and "!" for each corrupt failure that says what was skipped. */
    private static List<String> shape(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            assertEquals(i, e.index(), "indexes count every entry");
            if (e.ok()) {
                out.add(e.url());
                String text = new String(e.bytes(), StandardCharsets.UTF_8);
                assertFalse(text.contains("WARC/1.0"), "no record's headers inside another's document: " + text);
            } else {
                assertEquals(RejectReason.CORRUPT, e.failure().reason(), e.failure().toString());
                assertTrue(e.failure().message().contains("not a WARC record"), e.failure().message());
                out.add("!");
            }
        }
        return out;
    }

    private static final String U1 = "http://a.example/1", U2 = "http://a.example/2", U3 = "http://a.example/3", U4 = "http://a.example/4";

    @Test
    void garbageBetweenRecordsIsSkippedAndReadingGoesOn() throws IOException {
        byte[] garbage = ascii("this line is not a WARC record\r\nnor is this one, though it mentions WARC/1.0 mid-line\r\n\r\n");
        assertEquals(List.of(U1, U2, "!", U3, U4), shape(read(concat(record(1, 0), record(2, 0), garbage, record(3, 0), record(4, 0)))));
        assertEquals(List.of("!", U1, U2, U3, U4), shape(read(concat(garbage, record(1, 0), record(2, 0), record(3, 0), record(4, 0)))));
        assertEquals(List.of(U1, U2, U3, U4, "!"), shape(read(concat(record(1, 0), record(2, 0), record(3, 0), record(4, 0), garbage))));
        assertEquals(List.of(U1, "!", U2, "!", U3, U4), shape(read(concat(record(1, 0), garbage, record(2, 0), garbage, garbage,
                record(3, 0), record(4, 0)))));
        List<Entry> entries = read(concat(record(1, 0), garbage, record(2, 0)));
        assertTrue(entries.get(1).failure().message().contains("were skipped"), entries.get(1).failure().message());
    }

    @Test
    void aContentLengthTooShortCostsOnlyTheSkippedTail() throws IOException {
        for (int shortBy : new int[]{1, 17, 60}) {
            List<String> got = shape(read(concat(record(1, 0), record(2, -shortBy), record(3, 0), record(4, 0))));
            assertEquals(List.of(U1, U2, "!", U3, U4), got, "short by " + shortBy);
        }
    }

    @Test
    void aContentLengthTooLongLosesOnlyTheRecordItSwallows() throws IOException {
        for (int longBy : new int[]{40, 120}) {
            List<Entry> entries = read(concat(record(1, 0), record(2, longBy), record(3, 0), record(4, 0)));
            List<String> urls = new ArrayList<>();
            for (Entry e : entries) if (e.ok()) urls.add(e.url());
            assertTrue(urls.contains(U4) && urls.contains(U1), "the records after the damage are read: " + entries);
            assertEquals(1, entries.stream().filter(e -> !e.ok()).count(), entries.toString());
        }
    }

    /** A line starting "WARC/1." that does not begin a record is skipped too, without looping. */
    @Test
    void aFalseRecordStartIsSkippedWithoutLooping() throws IOException {
        byte[] fake = ascii("WARC/1.0\r\nthis: is not\r\nreally a header block\r\n");
        List<Entry> entries = read(concat(record(1, 0), fake, record(2, 0), fake, fake, record(3, 0)));
        List<String> urls = new ArrayList<>();
        for (Entry e : entries) if (e.ok()) urls.add(e.url());
        assertEquals(List.of(U1, U2, U3), urls, entries.toString());
        assertTrue(entries.size() <= 3 + 6, "a few failures, not a loop: " + entries.size());
    }
}
