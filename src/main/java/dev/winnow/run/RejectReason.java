package dev.winnow.run;

import java.util.Locale;

/** Why an input produced no record. A closed set; {@link #code()} is written to {@code rejected.jsonl}. */
public enum RejectReason {
    /** Zero bytes, or nothing but white space. */
    EMPTY,
    /** Not text: binary content or a media type this build cannot parse. */
    BINARY,
    /** Larger than {@code --max-bytes}. */
    TOO_LARGE,
    /** Bytes that decode to no usable text in any candidate character set. */
    DECODE_ERROR,
    /** The file or folder could not be read (permissions, missing, a symlink loop). */
    UNREADABLE,
    /** The pipeline failed on this document: a bug, reported with its message. */
    INTERNAL_ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
