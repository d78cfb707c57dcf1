package dev.winnow.archive;

import dev.winnow.core.RejectReason;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The documents of a WARC or WET archive: {@code response} records (the HTTP payload with chunked
 * transfer and gzip/deflate/br/zstd content encodings removed), {@code resource} records and
 * {@code conversion} records (WET plain text). Other records are counted in {@link #skipped()}.
 *
 * <p>Damage inside one record whose framing holds (a malformed HTTP message, a 404, a payload over the
 * limit, a corrupt content encoding) costs that record only. Bytes between records that are not a
 * record (garbage, or the tail of a record whose Content-Length is too short) are one corrupt failure
 * entry that names the skipped range, and reading resynchronises on the next line starting "WARC/1.",
 * at most {@value #MAX_RESYNCS} times per archive. A record whose Content-Length is too long by exactly
 * the records after it swallows them without breaking the stream: each block (up to the payload limit) is
 * read whole and the records found in it by {@link EmbeddedRecords} are read as themselves. Damage to the stream itself (the file ends inside a
 * record, a gzip member is cut or corrupt) ends the iteration with one failure entry.
 *
 * <p>The file is decompressed by {@link Compression#open}, not by jwarc: jwarc 0.36.0's zstd channel
 * spins forever at the end of a stream compressed as one frame, and one decompressor for every container
 * keeps "cut short" and "corrupt" meaning the same thing. Offsets in messages are offsets in the
 * decompressed archive.
 */
final class WarcEntries extends ReadAhead {
    /** Record types that carry a document. */
    private static final Set<String> DOCUMENT_TYPES = Set.of("response", "resource", "conversion");

    /** Resynchronising re-reads the archive from its start, so it is bounded: a file of garbage gives up. */
    static final int MAX_RESYNCS = 100;
    /** A WARC header block longer than this is not one: resynchronising scans instead of parsing it. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final Path path;
    private final Containers.Options options;
    private DamageFence source;
    private WarcReader reader;
    /** Where the stream {@link #reader} reads starts in the decompressed archive (after a resync, not 0). */
    private long base;
    private int resyncs;
    /** Where the last resync went on reading, -1 before any. */
    private long resumedAt = -1;
    private final Map<String, Long> skipped = new TreeMap<>();
    /** Where the last record read starts, for messages; -1 before the first. */
    private long lastRecordStart = -1;
    /**
     * The records re-read from the block just taken from {@link #reader}, before it goes on: the record
     * itself, and the whole records its Content-Length swallowed ({@link EmbeddedRecords}); null between.
     */
    private WarcReader reframed;
    private int index;

    WarcEntries(Path path, Containers.Options options) throws IOException {
        this.path = path;
        this.options = options;
        this.source = new DamageFence(Compression.open(path, options.pipeWait()));
        WarcReader opened = null;
        try {
            PushbackInputStream in = new PushbackInputStream(source, 1);
            int first = in.read();
            if (first < 0 && source.damage() == null) {
                end();   // an empty archive holds no records; nothing is lost
            } else if (first < 0) {
                pending(framingFailure(null, "the archive cannot be read from its start"));
            } else {
                in.unread(first);
                opened = new WarcReader(in);
            }
        } catch (IOException e) {
            pending(framingFailure(e, "the archive cannot be read from its start"));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        this.reader = opened;
    }

    @Override
    public Map<String, Long> skipped() {
        return Collections.unmodifiableMap(skipped);
    }

    @Override
    public void close() throws IOException {
        try {
            if (reader != null) reader.close();
        } finally {
            source.close();
        }
    }

    /** The next document or failure entry, or null at the end of the archive. */
    @Override
    Entry advance() {
        while (true) {
            WarcRecord record;
            if (reframed != null) {
                try {
                    Optional<WarcRecord> read = reframed.next();
                    if (read.isEmpty()) {
                        reframed = null;
                        continue;
                    }
                    record = read.get();
                } catch (IOException | RuntimeException e) {
                    reframed = null;   // bytes this class framed itself: not expected, but never a silent loss
                    return framingFailure(e, after());
                }
            } else {
                try {
                    Optional<WarcRecord> read = reader.next();
                    if (read.isEmpty()) {
                        // a clean end, unless the decompressor stopped early at a record boundary
                        return source.damage() == null ? null : framingFailure(null, after());
                    }
                    record = read.get();
                    lastRecordStart = base + reader.position();
                } catch (IOException | RuntimeException e) {
                    // Resynchronising reopens the file: a pipe given by name cannot be read a second time.
                    if (e instanceof ParsingException && source.damage() == null && resyncs < MAX_RESYNCS
                            && java.nio.file.Files.isRegularFile(path)) {
                        return resync();
                    }
                    return framingFailure(e, after());
                }
                long declared;
                byte[] block;
                try {
                    declared = record.body().size();
                    block = declared >= 0 && declared <= options.maxBytes() + MAX_HEADER_BYTES
                            ? readBlock(record.body(), (int) declared) : null;
                } catch (IOException | RuntimeException e) {
                    return framingFailure(e, after());   // half-read block: neither it nor what follows can be trusted
                }
                if (block != null && block.length < declared) {
                    if (!isDocument(record)) return cut(index++, null, null, null, null, declared, block.length);
                    MessageHeaders warc = record.headers();
                    return cut(index++, record instanceof WarcTargetRecord target ? target.target() : null,
                            warc.sole("WARC-Date").orElse(null), warc.sole("WARC-Record-ID").map(WarcEntries::unbracket).orElse(null),
                            null, declared, block.length);
                }
                try {
                    reframed = block == null ? null : reframe(record, block);
                } catch (IOException e) {
                    return framingFailure(e, after());   // not expected: the bytes are in memory
                }
                if (reframed != null) continue;
            }
            String type = record.type();
            if (isDns(record)) {
                skipped.merge("dns", 1L, Long::sum);
            } else if (!DOCUMENT_TYPES.contains(type)) {
                skipped.merge(type, 1L, Long::sum);
            } else {
                return document(record);
            }
        }
    }

    /**
     * A reader over the record re-framed from its whole {@code block}, followed by any whole records the
     * block swallowed, or null when the record is read as it stands (it is not a document and swallowed
     * nothing). Only a block up to the payload limit plus room for its HTTP header is held: a larger one
     * is read as a stream, as it always was (a document over it is too large anyway).
     */
    private WarcReader reframe(WarcRecord record, byte[] block) throws IOException {
        int swallowed = EmbeddedRecords.start(block);
        if (swallowed < 0 && !isDocument(record)) return null;
        int own = swallowed < 0 ? block.length : swallowed - TERMINATOR.length;
        // Read in place, not copied: the block is already one document's worth of memory.
        List<InputStream> framed = new ArrayList<>(List.of(new ByteArrayInputStream(header(record, own)),
                new ByteArrayInputStream(block, 0, own), new ByteArrayInputStream(TERMINATOR)));
        if (swallowed >= 0) {
            framed.add(new ByteArrayInputStream(block, swallowed, block.length - swallowed));
            framed.add(new ByteArrayInputStream(TERMINATOR));
        }
        return new WarcReader(new SequenceInputStream(Collections.enumeration(framed)));
    }

    /** The block's bytes, fewer than {@code declared} when the archive ends inside it. */
    private static byte[] readBlock(MessageBody body, int declared) throws IOException {
        // grown as bytes arrive, not sized by the Content-Length: a lying header must not cost memory
        java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream(Math.min(declared, 1 << 16));
        InputStream in = body.stream();
        byte[] buffer = new byte[1 << 16];
        try {
            for (int r; block.size() < declared && (r = in.read(buffer, 0, Math.min(buffer.length, declared - block.size()))) > 0; ) {
                block.write(buffer, 0, r);
            }
        } catch (java.io.EOFException e) {
            // jwarc's way of saying the archive ends inside the block: what was read is all there is
        }
        return block.toByteArray();
    }

    private static boolean isDocument(WarcRecord record) {
        return DOCUMENT_TYPES.contains(record.type()) && !isDns(record);
    }

    private static final byte[] TERMINATOR = "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The record's WARC header block with {@code length} as its Content-Length. */
    private static byte[] header(WarcRecord record, long length) {
        StringBuilder header = new StringBuilder(record.version().toString()).append("\r\n");
        record.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                for (String value : values) header.append(name).append(": ").append(value).append("\r\n");
            }
        });
        header.append("Content-Length: ").append(length).append("\r\n\r\n");
        return header.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The record's document, or the failure that stands for it. */
    private Entry document(WarcRecord record) {
        int at = index++;
        MessageHeaders warc = record.headers();
        String url = record instanceof WarcTargetRecord target ? target.target() : null;
        String date = warc.sole("WARC-Date").orElse(null);
        String recordId = warc.sole("WARC-Record-ID").map(WarcEntries::unbracket).orElse(null);
        String truncated = warc.sole("WARC-Truncated").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse(null);
        Entry entry;
        try {
            MessageBody payload;
            String contentType;
            if (record instanceof WarcResponse response && isHttp(record)) {
                HttpResponse http = response.http();
                if (http.status() < 200 || http.status() > 299) {
                    String message = "HTTP " + http.status() + (http.reason().isBlank() ? "" : " " + http.reason().strip());
                    return completeOrCut(record, Entry.failed(at, url, date, recordId, RejectReason.HTTP_STATUS, message));
                }
                payload = http.bodyDecoded();
                contentType = http.headers().first("Content-Type").orElse(null);
            } else {
                payload = record.body();
                contentType = warc.first("Content-Type").orElse(record.type().equals("conversion") ? "text/plain" : null);
            }
            byte[] bytes = readBounded(payload);
            if (bytes == null) {
                entry = Entry.failed(at, url, date, recordId, RejectReason.TOO_LARGE,
                        "the record's payload is larger than the limit of " + options.maxBytes() + " bytes (--max-bytes)");
            } else {
                MediaType media = contentType == null ? null : MediaType.parseLeniently(contentType);
                // lenient parsing keeps what it can of a sloppy header ("text/html;;charset=utf-8"); a hint is enough
                String mediaType = media == null || media.type().isEmpty() || media.subtype().isEmpty() ? null
                        : (media.type() + "/" + media.subtype()).toLowerCase(Locale.ROOT);
                String charset = media == null ? null : media.parameters().get("charset");
                entry = new Entry(at, url, date, recordId, mediaType, charset, bytes, truncated, null);
            }
        } catch (IOException | RuntimeException e) {
            // broken HTTP framing or content encoding; whether the archive itself is cut decides if reading goes on
            boolean malformed = e instanceof ParsingException;
            entry = Entry.failed(at, url, date, recordId, malformed ? RejectReason.MALFORMED : RejectReason.CORRUPT,
                    (malformed ? "the record's HTTP message is malformed: " : "the record's payload cannot be decoded: ") + describe(e));
        }
        return completeOrCut(record, entry);
    }

    /**
     * {@code entry} when the record's block is all there, else a failure in its place that ends the
     * iteration: a block shorter than its Content-Length means the archive ends (or its compression
     * breaks) inside it, and whatever was read of it cannot be trusted.
     */
    private Entry completeOrCut(WarcRecord record, Entry entry) {
        MessageBody block = record.body();
        IOException problem = null;
        long declared = 0;
        long reached = 0;
        try {
            block.consume();
            declared = block.size();
            reached = block.position();
        } catch (IOException e) {
            problem = e;
        }
        if (problem == null && reached >= declared) return entry;   // damage after this record: the next call reports it
        return cut(entry.index(), entry.url(), entry.date(), entry.recordId(), problem, declared, reached);
    }

    /** The failure, ending the iteration, for a record whose block has {@code reached} of its {@code declared} bytes. */
    private Entry cut(int at, String url, String date, String recordId, IOException problem, long declared, long reached) {
        end();
        IOException cause = source.damage() != null ? source.damage() : problem;
        RejectReason reason = cause == null ? RejectReason.TRUNCATED : Compression.damage(cause);
        String detail = cause != null ? describe(cause)
                : "its block has " + reached + " of the " + declared + " bytes its Content-Length declares";
        String message = "the archive " + (reason == RejectReason.TRUNCATED ? "ends" : "breaks")
                + " inside the record at byte " + lastRecordStart + ": " + detail;
        return Entry.failed(at, url, date, recordId, reason, message);
    }

    /** One failure for damage between records, which ends the iteration. */
    private Entry framingFailure(Exception thrown, String where) {
        end();
        Exception cause = source.damage() != null ? source.damage() : thrown;
        RejectReason reason = cause instanceof IOException io ? Compression.damage(io) : RejectReason.CORRUPT;
        return Entry.failed(index++, null, null, null, reason, where + ": " + (cause == null ? "no detail" : describe(cause)));
    }

    /**
     * After bytes that are not a record: reopens the archive, finds where the last good record ends (its
     * header block, then the Content-Length it declares), scans from there to the next line starting
     * "WARC/1." and goes on reading there. Returns the failure entry that accounts for the skipped bytes.
     */
    private Entry resync() {
        resyncs++;
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            // the old reader is dropped either way
        }
        try {
            source.close();
        } catch (IOException e) {
            // as above
        }
        reader = null;
        try {
            source = new DamageFence(Compression.open(path));
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(source, 1 << 16);
            long at = 0;
            long from = 0;
            if (resumedAt > lastRecordStart) {
                // No record was read since the last resync: what starts there is not a record either; look past it.
                at = skipFully(in, resumedAt + 1);
                from = at;
            } else if (lastRecordStart >= 0) {
                at = skipFully(in, lastRecordStart);
                long length = declaredLength(in);
                at += headerBytes;
                at += skipFully(in, Math.max(0, length));
                at += skipTerminator(in);
                from = at;
            }
            long scanned = scanToRecord(in);
            if (source.damage() != null) return framingFailure(null, after());
            int atIndex = index++;
            if (scanned < 0) {
                end();
                return Entry.failed(atIndex, null, null, null, RejectReason.CORRUPT, "bytes " + from
                        + " to the end of the archive are not a WARC record; no record follows them");
            }
            long found = at + scanned;
            String range = "bytes " + from + " to " + found + " of the archive";
            base = found;
            resumedAt = found;
            reader = new WarcReader(in);
            return Entry.failed(atIndex, null, null, null, RejectReason.CORRUPT, range + " (" + (found - from)
                    + " bytes) are not a WARC record and were skipped; reading went on at the record at byte " + found);
        } catch (IOException | RuntimeException e) {
            return framingFailure(e, after());
        }
    }

    /** Bytes of the header block {@link #declaredLength} last read. */
    private long headerBytes;

    /** Reads a WARC header block (up to its blank line) and returns its Content-Length, or -1 when it has none. */
    private long declaredLength(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        int matched = 0;
        while (header.size() < MAX_HEADER_BYTES) {
            int b = in.read();
            if (b < 0) break;
            header.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) break;
        }
        headerBytes = header.size();
        for (String line : header.toString(java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
                try {
                    return Long.parseLong(line.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Reads past bytes until the stream stands at a line starting "WARC/1."; returns how many, or -1 at the end. */
    private static long scanToRecord(java.io.BufferedInputStream in) throws IOException {
        long n = 0;
        int prev = '\n';       // the scan starts where a record should: as at a line start
        while (true) {
            if (prev == '\n' && startsRecord(in)) return n;
            int b = in.read();
            if (b < 0) return -1;
            prev = b;
            n++;
        }
    }

    /** Whether the stream's next bytes are "WARC/1."; the stream is left where it was. */
    private static boolean startsRecord(java.io.BufferedInputStream in) throws IOException {
        byte[] magic = "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return java.util.Arrays.equals(head, magic);
    }

    /** Reads past the blank line that ends a record ("\r\n\r\n") when it is there; returns its length or 0. */
    private static int skipTerminator(java.io.BufferedInputStream in) throws IOException {
        byte[] end = "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        in.mark(end.length);
        if (java.util.Arrays.equals(in.readNBytes(end.length), end)) return end.length;
        in.reset();
        return 0;
    }

    /** Reads past {@code n} bytes; returns how many there were (fewer at the end of the stream). */
    private static long skipFully(InputStream in, long n) throws IOException {
        byte[] scratch = new byte[1 << 16];
        long skipped = 0;
        for (int r; skipped < n && (r = in.read(scratch, 0, (int) Math.min(scratch.length, n - skipped))) > 0; ) skipped += r;
        return skipped;
    }

    private String after() {
        return lastRecordStart < 0 ? "the archive breaks before its first record"
                : "the archive breaks after the record at byte " + lastRecordStart;
    }

    /** The payload's bytes, or null when there are more than the limit. */
    private byte[] readBounded(MessageBody payload) throws IOException {
        InputStream in = payload.stream();
        int limit = (int) options.maxBytes();
        byte[] bytes = in.readNBytes(limit);
        return bytes.length == limit && in.read() != -1 ? null : bytes;
    }

    private static boolean isHttp(WarcRecord record) {
        String type = record.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("application/http");
    }

    /** Heritrix archives its DNS lookups as response records: not documents. */
    private static boolean isDns(WarcRecord record) {
        return record instanceof WarcTargetRecord target && target.target() != null
                && target.target().regionMatches(true, 0, "dns:", 0, 4);
    }

    private static String unbracket(String id) {
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
