package dev.winnow.archive;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Archives the tests write themselves with jwarc's {@link WarcWriter}: every record kind Winnow reads or
 * skips, with fixed ids and dates so the expected entries can be spelled out exactly.
 */
public final class Archives {
    private Archives() {}

    static final Instant DATE = Instant.parse("2024-05-06T07:08:09Z");
    static final String DATE_TEXT = "2024-05-06T07:08:09Z";

    static final String LATIN1_HTML = "<html><body><p>Caf\u00e9 cr\u00e8me at the corner.</p></body></html>";
    static final String GZIP_HTML = "<html><body><p>Chunked and gzipped \u2014 still one page.</p></body></html>";
    static final String RESOURCE_TEXT = "A plain text resource.\n";
    public static final String WET_TEXT = "Converted text of a page.\nSecond line.\n";
    static final String CUT_HTML = "<html><body><p>The crawler stopped here";
    public static final String LAST_HTML = "<html><body><p>The last page of the archive, long enough to be cut in its middle.</p></body></html>";

    static final Map<String, Long> STANDARD_SKIPPED = Map.of("dns", 1L, "metadata", 1L, "request", 1L, "revisit", 1L, "warcinfo", 1L);

    /** Every record kind: skipped ones between the documents, so skipping must not disturb indexes. */
    public static List<WarcRecord> standardRecords() {
        try {
            List<WarcRecord> records = new ArrayList<>();
            records.add(new Warcinfo.Builder().recordId(id(1)).date(DATE).filename("test.warc")
                    .fields(Map.of("software", List.of("winnow-tests"))).build());
            records.add(new WarcResponse.Builder("dns:example.com").recordId(id(2)).date(DATE)
                    .body(MediaType.parse("text/dns"), "20240506070809\nexample.com. 300 IN A 93.184.215.14\n".getBytes(StandardCharsets.US_ASCII))
                    .build());
            records.add(new WarcRequest.Builder("http://example.com/cafe").recordId(id(3)).date(DATE)
                    .body(MediaType.HTTP_REQUEST, http("GET /cafe HTTP/1.1\r\nHost: example.com\r\n\r\n", new byte[0])).build());
            records.add(response("http://example.com/cafe", 4, http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n"
                    + "Content-Length: " + LATIN1_HTML.length() + "\r\n\r\n", LATIN1_HTML.getBytes(StandardCharsets.ISO_8859_1))));
            records.add(response("http://example.com/gz", 5, http("HTTP/1.1 200 OK\r\nContent-Type: text/html;charset=utf-8\r\n"
                    + "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(gzip(GZIP_HTML.getBytes(StandardCharsets.UTF_8)), 17))));
            records.add(new WarcMetadata.Builder().targetURI("http://example.com/gz").recordId(id(6)).date(DATE)
                    .body(MediaType.WARC_FIELDS, "outlinks: http://example.com/\r\n".getBytes(StandardCharsets.US_ASCII)).build());
            records.add(response("http://example.com/missing", 7, http("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
                    + "Content-Length: 9\r\n\r\n", "not here!".getBytes(StandardCharsets.US_ASCII))));
            records.add(new WarcResource.Builder(URI.create("file:///notes.txt")).recordId(id(8)).date(DATE)
                    .body(MediaType.parse("text/plain; charset=utf-8"), RESOURCE_TEXT.getBytes(StandardCharsets.UTF_8)).build());
            records.add(new WarcRevisit.Builder("http://example.com/cafe", URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
                    .recordId(id(9)).date(DATE).build());
            records.add(new WarcConversion.Builder().recordId(id(10)).date(DATE).refersTo(URI.create("urn:uuid:" + uuid(4)))
                    .setHeader("WARC-Target-URI", "http://example.com/cafe")
                    .body(MediaType.PLAIN_TEXT, WET_TEXT.getBytes(StandardCharsets.UTF_8)).build());
            records.add(new WarcResponse.Builder("http://example.com/cut").recordId(id(11)).date(DATE)
                    .truncated(WarcTruncationReason.LENGTH)
                    .body(MediaType.HTTP_RESPONSE, http("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", CUT_HTML.getBytes(StandardCharsets.UTF_8)))
                    .build());
            records.add(response("http://example.com/last", 12, http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
                    LAST_HTML.getBytes(StandardCharsets.UTF_8))));
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WarcResponse response(String url, int id, byte[] http) throws IOException {
        return new WarcResponse.Builder(url).recordId(id(id)).date(DATE).body(MediaType.HTTP_RESPONSE, http).build();
    }

    /**
     * The archive's bytes, uncompressed or one gzip member per record. A record's body is a channel that
     * writing consumes, so each archive is written from freshly built records.
     */
    public static byte[] write(Supplier<List<WarcRecord>> build, boolean gzip) {
        return write(build.get(), gzip);
    }

    private static byte[] write(List<WarcRecord> records, boolean gzip) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WarcWriter writer = new WarcWriter(Channels.newChannel(out), gzip ? WarcCompression.GZIP : WarcCompression.NONE);
            for (WarcRecord record : records) writer.write(record);
            writer.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte offsets at which each record starts in {@link #write}'s output. */
    public static long[] offsets(Supplier<List<WarcRecord>> build, boolean gzip) {
        int n = build.get().size();
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) offsets[i] = write(build.get().subList(0, i), gzip).length;
        return offsets;
    }

    static Path save(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI id(int n) {
        return URI.create("urn:uuid:" + uuid(n));
    }

    static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    static byte[] http(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTP/1.1 chunked transfer coding with chunks of {@code size} bytes. */
    static byte[] chunked(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += size) {
            int n = Math.min(size, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static List<Entry> readAll(ContainerReader reader) {
        List<Entry> entries = new ArrayList<>();
        reader.forEachRemaining(entries::add);
        return entries;
    }
}
