package dev.winnow.corpus;

import java.io.Serializable;

/**
 * What the corpus stages do, as the user set it.
 *
 * @param repeatedLineDocs a line is a site's boilerplate when it recurs in at least this many of the
 *                         site's documents, near-duplicate copies of one article counting once (a
 *                         story republished on three pages of a site is one article, its paragraphs
 *                         are not template); 0 turns the repeated-line stage off
 * @param dropNearDuplicates reject every member of a near-duplicate cluster but its representative
 * @param dedupeQuotes     remove a quotation from articles after the first that carries it
 */
public record CorpusSettings(boolean enabled, int repeatedLineDocs, boolean dropNearDuplicates, boolean dedupeQuotes)
        implements Serializable {
    /**
     * Three documents, not two: two articles of one story often share a paragraph (a quoted statement,
     * a wire paragraph), while a template line is on nearly every page of its site.
     */
    public static final int DEFAULT_REPEATED_LINE_DOCS = 3;

    public static final CorpusSettings DEFAULTS = new CorpusSettings(true, DEFAULT_REPEATED_LINE_DOCS, false, false);
    public static final CorpusSettings OFF = new CorpusSettings(false, 0, false, false);

    public CorpusSettings {
        if (repeatedLineDocs < 0) throw new IllegalArgumentException("repeatedLineDocs must be 0 (off) or more");
        if (repeatedLineDocs == 1) throw new IllegalArgumentException("a line in one document is not repeated: use 2 or more, or 0 for off");
    }

    /** The rule for lines, in one place so every engine applies it the same way. */
    public boolean isRepeated(long documents) {
        return repeatedLineDocs > 0 && documents >= repeatedLineDocs;
    }
}
