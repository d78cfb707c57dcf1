package dev.winnow.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record whose Content-Length is too long by exactly the size of the records after it swallows them
 * whole and ends at a record boundary, so the stream reads on cleanly. Each swallowed record must still
 * be its own document (or be counted as skipped), the swallowing record must hold only its own page, and
 * the indexes after must not shift. A page that merely quotes WARC headers must not be split.
 */
class WarcSwallowedRecordsTest {
    @TempDir
    Path dir;

    private static final Containers.Options OPTIONS = Containers.Options.defaults(1 << 20);

    private static String page(int n) {
        return "<html><body><p>Report " + n + ": the council voted on the new bridge after a long night of debate.</p></body></html>";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** A WARC record of {@code type} around {@code block}, declaring {@code extra} bytes more than it has. */
    private static byte[] record(String type, String uri, String contentType, byte[] block, int extra) {
        String head = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri + "\r\n"
                + "WARC-Date: 2024-02-03T04:05:06Z\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(utf8(uri + type)) + ">\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + (block.length + extra) + "\r\n\r\n";
        return concat(utf8(head), block, utf8("\r\n\r\n"));
    }

    private static byte[] response(int n, int extra) {
        return record("response", url(n), "application/http; msgtype=response",
                utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page(n)), extra);
    }

    private static byte[] resource(int n, String text, int extra) {
        return record("resource", url(n), "text/plain", utf8(text), extra);
    }

    private static String url(int n) {
        return "http://news.example/" + n;
    }

    private List<Entry> read(String name, byte[] archive) throws IOException {
        Path file = Archives.save(dir, name, archive);
        try (ContainerReader reader = Containers.open(file, Containers.Kind.WARC, OPTIONS)) {
            return Archives.readAll(reader);
        }
    }

    /** Each entry's URL, checking indexes count up and no document carries another record's headers. */
    private static List<String> urls(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            assertEquals(i, e.index(), "indexes count every entry: " + entries);
            assertTrue(e.ok(), "no failure: " + e.failure());
            assertFalse(new String(e.bytes(), StandardCharsets.UTF_8).contains("WARC-Type"), "no record inside another: " + e);
            out.add(e.url());
        }
        return out;
    }

    @Test
    void aRecordTooLongByTheNextRecordGivesItBack() throws IOException {
        byte[] third = response(3, 0);
        List<Entry> entries = read("one.warc", concat(response(1, 0), response(2, third.length), third, response(4, 0)));
        assertEquals(List.of(url(1), url(2), url(3), url(4)), urls(entries));
        assertEquals(page(2), new String(entries.get(1).bytes(), StandardCharsets.UTF_8), "the swallowing record keeps only its page");
        assertEquals(page(3), new String(entries.get(2).bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void severalSwallowedRecordsOfAnyKindAreEachAccountedFor() throws IOException {
        byte[] request = record("request", url(3), "application/http; msgtype=request",
                utf8("GET /3 HTTP/1.1\r\nHost: news.example\r\n\r\n"), 0);
        byte[] third = response(3, 0);
        byte[] fourth = resource(4, "Plain text of the fourth record.\n", 0);
        byte[] swallowed = concat(request, third, fourth);
        try (ContainerReader reader = Containers.open(Archives.save(dir, "many.warc",
                concat(resource(2, "The second record's own text.\n", swallowed.length), swallowed, response(5, 0))),
                Containers.Kind.WARC, OPTIONS)) {
            List<Entry> entries = Archives.readAll(reader);
            assertEquals(List.of(url(2), url(3), url(4), url(5)), urls(entries));
            assertEquals("The second record's own text.\n", new String(entries.get(0).bytes(), StandardCharsets.UTF_8));
            assertEquals(Map.of("request", 1L), reader.skipped());
        }
    }

    @Test
    void aSwallowedRecordIsFoundInACompressedArchiveToo() throws IOException {
        byte[] second = response(2, 0);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(concat(response(1, second.length), second, response(3, 0)));
        }
        assertEquals(List.of(url(1), url(2), url(3)), urls(read("z.warc.gz", gz.toByteArray())));
    }

    /** A page about WARC files is a page: quoted headers split it only when they frame the record's end. */
    @Test
    void aPageQuotingWarcHeadersIsNotSplit() throws IOException {
        String quoted = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello";
        String[] texts = {
                "A record looks like this:\r\n\r\n" + quoted + "\r\n\r\nand then the next one follows.\n",
                "The header alone:\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\n\r\nno length, so not a record",
                "A broken length:\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\nContent-Length: five\r\n\r\nhello",
                "No type:\r\n\r\nWARC/1.0\r\nContent-Length: 5\r\n\r\nhello",
                "Not at a record's blank line:\r\n" + quoted,
                "A length past the end:\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\nContent-Length: 6\r\n\r\nhello",
        };
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            List<Entry> entries = read("quote" + i + ".warc", concat(resource(1, text, 0), response(2, 0)));
            assertEquals(2, entries.size(), text);
            assertEquals(text, new String(entries.get(0).bytes(), StandardCharsets.UTF_8));
            assertEquals(url(2), entries.get(1).url());
        }
    }
}
