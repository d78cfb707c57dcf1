package dev.winnow.core;

/**
 * The record fields a stage may fill. Single-valued fields keep the first value set; list fields
 * ({@link #AUTHORS}, {@link #SECTIONS}, {@link #QUOTES}) collect distinct values in order.
 */
public enum Field {
    TITLE(false), AUTHORS(true), PUBLISHER(false), CREATED(false), SECTIONS(true), QUOTES(true),
    /** The page's canonical URL, from the markup. */
    URL(false),
    /**
     * The language the source declares (BCP 47 tag: {@code <html lang>}, Open Graph, document metadata).
     * The record weighs it against the language detected in the kept text ({@code text.LanguageIdentifier}).
     */
    LANGUAGE(false),
    /** What kind of page the input is (article, forum, product...), from the page-type classifier. */
    PAGE_TYPE(false),
    /**
     * The kind of page the chains treat the input as: {@link #PAGE_TYPE}, except on a page the classifier calls an
     * article without even odds (see {@code score.PageTyper.Typing}). Not in the record.
     */
    PAGE_KIND(false);

    private final boolean list;

    Field(boolean list) { this.list = list; }

    public boolean isList() { return list; }
}
