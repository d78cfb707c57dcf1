package dev.winnow.archive;

import dev.winnow.core.RejectReason;

import java.util.Objects;

/**
 * One document read from a container, or one entry that could not be read as a document. Exactly one of
 * {@code bytes} and {@code failure} is non-null.
 *
 * @param index     0-based position among the container's document entries (failures included, skipped
 *                  records such as warcinfo not), stable across runs: ids are built as {@code <file-id>#<index>}
 * @param url       the target URI (WARC-Target-URI, or the JSON Lines url field), or null
 * @param date      WARC-Date as given (ISO-8601), or null
 * @param recordId  WARC-Record-ID, or the JSON Lines id field, or null
 * @param mediaType a hint: "text/html", "text/plain", the HTTP Content-Type's type, or null
 * @param charset   the charset the HTTP Content-Type or WARC Content-Type declares, or null
 * @param bytes     the document's bytes (an HTTP payload with transfer and content encodings removed)
 * @param truncated the WARC-Truncated value ("length", "time", "disconnect", "unspecified") when the
 *                  archiver kept only part of the document, else null
 * @param failure   why this entry is not a document, or null
 */
public record Entry(int index, String url, String date, String recordId, String mediaType, String charset,
                    byte[] bytes, String truncated, Failure failure) {

    public Entry {
        if ((bytes == null) == (failure == null)) {
            throw new IllegalArgumentException("an entry holds either bytes or a failure, not both or neither");
        }
    }

    /** Why an entry is not a document: a rejection reason and a message that says where and what. */
    public record Failure(RejectReason reason, String message) {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    public boolean ok() {
        return failure == null;
    }

    static Entry failed(int index, String url, String date, String recordId, RejectReason reason, String message) {
        return new Entry(index, url, date, recordId, null, null, null, null, new Failure(reason, message));
    }
}
