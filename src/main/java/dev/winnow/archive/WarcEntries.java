package dev.winnow.archive;

import dev.winnow.run.Compression;
import dev.winnow.run.RejectReason;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.Collections;
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
 * limit, a corrupt content encoding) costs that record only. Damage to the framing (the file ends
 * inside a record, a gzip member is cut or corrupt, bytes between records are not a record) ends the
 * iteration with one failure entry, since the next record's start can no longer be found.
 *
 * <p>The file is decompressed by {@link Compression#open}, not by jwarc: jwarc 0.36.0's zstd channel
 * spins forever at the end of a stream compressed as one frame, and one decompressor for every container
 * keeps "cut short" and "corrupt" meaning the same thing. Offsets in messages are offsets in the
 * decompressed archive.
 */
final class WarcEntries extends ReadAhead {
    /** Record types that carry a document. */
    private static final Set<String> DOCUMENT_TYPES = Set.of("response", "resource", "conversion");

    private final Containers.Options options;
    private final DamageFence source;
    private final WarcReader reader;
    private final Map<String, Long> skipped = new TreeMap<>();
    /** Where the last record read starts, for messages; -1 before the first. */
    private long lastRecordStart = -1;
    private int index;

    WarcEntries(Path path, Containers.Options options) throws IOException {
        this.options = options;
        this.source = new DamageFence(Compression.open(path));
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
            try {
                Optional<WarcRecord> read = reader.next();
                if (read.isEmpty()) {
                    // a clean end, unless the decompressor stopped early at a record boundary
                    return source.damage() == null ? null : framingFailure(null, after());
                }
                record = read.get();
                lastRecordStart = reader.position();
            } catch (IOException | RuntimeException e) {
                return framingFailure(e, after());
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
        end();
        IOException cause = source.damage() != null ? source.damage() : problem;
        RejectReason reason = cause == null ? RejectReason.TRUNCATED : Compression.damage(cause);
        String detail = cause != null ? describe(cause)
                : "its block has " + reached + " of the " + declared + " bytes its Content-Length declares";
        String message = "the archive " + (reason == RejectReason.TRUNCATED ? "ends" : "breaks")
                + " inside the record at byte " + lastRecordStart + ": " + detail;
        return Entry.failed(entry.index(), entry.url(), entry.date(), entry.recordId(), reason, message);
    }

    /** One failure for damage between records, which ends the iteration. */
    private Entry framingFailure(Exception thrown, String where) {
        end();
        Exception cause = source.damage() != null ? source.damage() : thrown;
        RejectReason reason = cause instanceof IOException io ? Compression.damage(io) : RejectReason.CORRUPT;
        return Entry.failed(index++, null, null, null, reason, where + ": " + (cause == null ? "no detail" : describe(cause)));
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
