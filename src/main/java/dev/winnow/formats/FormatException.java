package dev.winnow.formats;

import dev.winnow.core.RejectReason;
import java.util.Locale;

/**
 * A document that {@link DocumentFrontEnd} cannot turn into text, with the reason as a closed set. Each
 * {@link Reason}'s name is also a {@code dev.winnow.core.RejectReason} name, so a runner maps one to the
 * other with {@code RejectReason.valueOf(e.reason().name())} and writes {@link Reason#code()} as is.
 */
public final class FormatException extends Exception {

    /** Why a document gave no text. Names and codes match {@code dev.winnow.core.RejectReason}. */
    public enum Reason {
        /** Needs a password or key: an encrypted PDF, Office or OpenDocument file, or one that forbids extraction. */
        ENCRYPTED,
        /** The structure is broken: a damaged PDF or zip, bad XML, random bytes under a document's name. */
        CORRUPT,
        /**
         * The file ends before its declared end (a PDF without {@code %%EOF}, a zip without its central
         * directory, an RTF with open groups): a download or copy cut short. Rejected even when a lenient
         * parser could read the beginning, because the text would be part of the article.
         */
        TRUNCATED,
        /**
         * Expands far beyond its own size, or nests deeper than the limits: a decompression bomb, stopped
         * by Tika's {@code SecureContentHandler} or POI's zip checks before it exhausts memory.
         */
        BOMB,
        /** The thread was interrupted while parsing (a runner's time budget ran out). */
        TIMEOUT,
        /** A media type this front end does not read: plain text, HTML, archives, images, audio, video. */
        BINARY,
        /** Zero bytes. */
        EMPTY;

        /** The snake_case code written to {@code rejected.jsonl}, as {@code RejectReason.code()} writes it. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String mediaType;

    FormatException(Reason reason, String mediaType, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.mediaType = mediaType;
    }

    public Reason reason() {
        return reason;
    }

    /** The media type Tika detected for the document, when detection got that far; else null. */
    public String mediaType() {
        return mediaType;
    }
}
