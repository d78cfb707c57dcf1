package dev.winnow.archive;

import java.util.Locale;

/**
 * What a record's id is made from ({@code --ids}). Whatever the source, ids are unique in a run: one already
 * taken gets {@code ~2}, {@code ~3}, ... in input order, as file ids do.
 */
public enum IdSource {
    /** The input's path below the folder given (the default): stable across machines, unique by construction. */
    PATH,
    /**
     * The scraper's own id where a container gives one (the WARC-Record-ID, the JSON Lines id field), so records
     * join back to the crawl; a plain file, or an entry without one, keeps its path id.
     */
    RECORD,
    /**
     * A hash of the document's bytes as read (before decoding), so the same page gets the same id in any run and
     * under any name; a byte-identical copy later in the run gets {@code ~2}.
     */
    CONTENT;

    /** The word on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
