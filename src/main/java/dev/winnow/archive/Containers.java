package dev.winnow.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.io.Serializable;
import java.util.Objects;

/**
 * Recognises files that hold many documents (WARC and WET archives, JSON Lines exports) and opens a
 * streaming {@link ContainerReader} on them. Everything else is a single document ({@link Kind#NONE}).
 */
public final class Containers {
    private Containers() {}

    /** What a file holds. */
    public enum Kind {
        /** A WARC or WET archive, plain, gzip (per-record members) or zstd compressed. */
        WARC,
        /** JSON Lines: one JSON object per line, plain, gzip or zstd compressed. */
        JSONL,
        /** One document, read as a whole by the single-document path. */
        NONE
    }

    /**
     * JSON Lines field names.
     *
     * @param text the field holding plain text
     * @param html the field holding HTML, preferred over the text field when both are set
     * @param url  the field holding the document's URL
     * @param id   the field holding the scraper's own id, carried as {@link Entry#recordId()}
     * @param ids  what names each record: its path, the scraper's id, or its content
     */
    public record Fields(String text, String html, String url, String id, IdSource ids) implements Serializable {
        /** The names common scrapers write. */
        public static final Fields DEFAULTS = new Fields("text", "html", "url", "id");

        public Fields {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ids, "ids");
        }

        /** Records named by their path. */
        public Fields(String text, String html, String url, String id) {
            this(text, html, url, id, IdSource.PATH);
        }

        public Fields withIds(IdSource source) {
            return new Fields(text, html, url, id, source);
        }
    }

    /**
     * How entries are read.
     *
     * @param maxBytes the most bytes one entry may hold; a larger entry becomes a {@code too_large}
     *                 failure and reading goes on with the next
     * @param fields   the JSON Lines field names
     * @param pipeWait how long a container given as a named pipe may wait for a program to open it for
     *                 writing (the run's --timeout): past it, the container is a timeout rejection
     */
    public record Options(long maxBytes, Fields fields, java.time.Duration pipeWait) implements Serializable {
        /** How long a pipe waits for its writer when no run says otherwise: the default --timeout. */
        public static final java.time.Duration DEFAULT_PIPE_WAIT = java.time.Duration.ofSeconds(30);

        public Options {
            if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
            // one entry's bytes live in one array
            maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 8);
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(pipeWait, "pipeWait");
        }

        public Options(long maxBytes, Fields fields) {
            this(maxBytes, fields, DEFAULT_PIPE_WAIT);
        }

        /** With the field names common scrapers write. */
        public static Options defaults(long maxBytes) {
            return new Options(maxBytes, Fields.DEFAULTS);
        }
    }

    /** The first bytes of a WARC record (WARC/1.0, WARC/1.1), decompressed. */
    private static final byte[] WARC_MAGIC = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

    private static final String[] WARC_SUFFIXES = {".warc", ".wet", ".warc.gz", ".wet.gz", ".warc.zst", ".wet.zst"};
    private static final String[] JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst"};

    /**
     * What the file holds, by its name, or for WARC also by content: {@code head} (the file's first
     * bytes, e.g. 8 KiB; may be compressed) opening with "WARC/1." once decompressed marks an archive
     * whatever its name. JSON Lines is recognised by name only: a single JSON document also opens with '{'.
     */
    public static Kind kindOf(String fileName, byte[] head) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (endsWithAny(name, WARC_SUFFIXES)) return Kind.WARC;
        if (endsWithAny(name, JSONL_SUFFIXES)) return Kind.JSONL;
        if (head != null && startsWith(decompressedHead(head), WARC_MAGIC)) return Kind.WARC;
        return Kind.NONE;
    }

    /**
     * A streaming reader over the container's entries. Throws only when the file cannot be opened at all
     * (missing, unreadable, or a WARC whose first bytes are not a record); damage further on becomes
     * failure entries.
     */
    public static ContainerReader open(Path file, Kind kind, Options options) throws IOException {
        return switch (kind) {
            case WARC -> new WarcEntries(file, options);
            case JSONL -> new JsonLinesEntries(Compression.open(file, options.pipeWait()), options);
            case NONE -> throw new IllegalArgumentException(file + " is a single document, not a container");
        };
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String suffix : suffixes) if (name.endsWith(suffix)) return true;
        return false;
    }

    /** The head decompressed as far as it goes; a head cut inside a compressed block yields what came before. */
    private static byte[] decompressedHead(byte[] head) {
        try (InputStream in = Compression.decompressing(new ByteArrayInputStream(head))) {
            byte[] out = new byte[WARC_MAGIC.length];
            int n = in.readNBytes(out, 0, out.length);
            return n == out.length ? out : new byte[0];
        } catch (IOException | RuntimeException e) {
            return new byte[0];   // not decompressible: not something we recognise
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }
}
