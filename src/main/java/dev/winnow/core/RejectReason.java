package dev.winnow.core;

import java.util.Locale;

/**
 * Why an input produced no record. A closed set: every input ends as one record or one rejection with
 * exactly one of these reasons, {@link #code()} is written to {@code rejected.jsonl} and counted per
 * reason in {@code report.json}, and {@code schema/rejection.schema.json} lists the same codes. A new
 * reason is a schema change: add it here, to the schema and to the README.
 *
 * <p>Some reasons belong to input formats that later parsers bring (archives, compressed files,
 * documents); they are part of the set now so the contract a scheduler sees does not grow under it.
 */
public enum RejectReason {
    /** Zero bytes, only white space, or nothing left after normalization. */
    EMPTY("the input holds no text"),
    /**
     * The document had text, but the cleaning stages cut all of it (a page of navigation, a cookie wall,
     * every line a site-wide repeat): a record never has empty text. The message counts the cuts by stage.
     */
    ALL_REMOVED("every line was cut as boilerplate: no article left"),
    /** Binary content (NUL bytes, control characters) or a media type this build cannot parse. */
    BINARY("binary content or an unsupported media type"),
    /** A document format that needs a password or key (an encrypted PDF, ZIP or Office file). */
    ENCRYPTED("encrypted content that cannot be read without a key"),
    /** A container or document whose structure is broken (bad zip directory, invalid gzip header). */
    CORRUPT("the file's structure is broken"),
    /**
     * Larger than a size limit: the input's bytes exceed {@code --max-bytes}, or its clean text exceeds
     * {@code --max-chars}. The message names the limit and how to raise it.
     */
    TOO_LARGE("larger than a size limit"),
    /**
     * A compressed input or archive that expands far beyond its own size or nests too deep: a
     * decompression bomb, stopped before it exhausts memory or disk.
     */
    BOMB("expands beyond the decompression limits (a decompression bomb)"),
    /**
     * Reading and cleaning this document took longer than {@code --timeout}. Its worker was interrupted,
     * and abandoned if it did not stop (counted as {@code lost_threads} in {@code report.json}).
     */
    TIMEOUT("took longer than the per-document time budget"),
    /**
     * The JVM ran out of heap while processing this document. The document's memory is released with it
     * and the run goes on; a document processed at the same moment can be caught by the same shortage.
     */
    OUT_OF_MEMORY("ran out of memory while processing"),
    /** Bytes that decode to no usable text in any candidate character set. */
    DECODE_ERROR("bytes that are not text in any supported character set"),
    /** The source ends early: a compressed stream or archive member cut short before its declared end. */
    TRUNCATED("the source ends before its declared end"),
    /**
     * One entry of a container that is not a document: a JSON Lines line that is not a JSON object or
     * has no text or html field. The message names the line; the container's other entries are read.
     */
    MALFORMED("a container entry that is not a well-formed document"),
    /**
     * An archived HTTP response whose status is not 2xx (a 404 page, a redirect, a server error): what
     * the crawler got was not the document. The message gives the status line, e.g. "HTTP 404 Not Found".
     */
    HTTP_STATUS("an archived HTTP response that is not a success (status outside 2xx)"),
    /**
     * The file or folder could not be read (permissions, missing, a symlink loop or a link to nothing,
     * an I/O error, a name the system's file name encoding cannot represent).
     */
    UNREADABLE("the input could not be read"),
    /**
     * A named pipe, socket or device found inside an input folder: not read, since reading it can block
     * forever or never end. Given by name on the command line, a pipe is read.
     */
    NOT_A_FILE("a pipe, socket or device inside an input folder"),
    /**
     * A symbolic link inside an input folder that leads outside that folder: not followed, so a folder
     * cannot pull in files its owner did not put there ({@code --follow-links} reads it).
     */
    OUTSIDE_INPUT("a symbolic link leading outside the input folder (--follow-links reads it)"),
    /** Not kept with {@code --drop-near-duplicates}: an earlier document of the corpus is nearly the same. */
    NEAR_DUPLICATE("a near-duplicate of an earlier document (--drop-near-duplicates)"),
    /** A page of a type the run was not asked for ({@code --only-page-types}); the message names its type. */
    PAGE_TYPE("a page of a type the run does not keep (--only-page-types)"),
    /** Winnow failed on this document: a bug, reported with the exception and its message. */
    INTERNAL_ERROR("an internal error in Winnow");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    /** Stable snake_case code written to {@code rejected.jsonl}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the reason means, for a person; a rejection's own message says what happened to that input. */
    public String description() {
        return description;
    }
}
