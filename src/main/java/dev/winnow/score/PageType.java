package dev.winnow.score;

import java.util.Locale;

/**
 * What kind of page a record comes from, as {@code metadata.page_type} says it: the seven types of the
 * WCXB benchmark, and {@link #OTHER} for a page with nothing to go by (no words, no markup).
 */
public enum PageType {
    ARTICLE, FORUM, PRODUCT, COLLECTION, LISTING, DOCUMENTATION, SERVICE, OTHER;

    /** The name in records and model files: lower case. */
    public String code() { return name().toLowerCase(Locale.ROOT); }

    /** The type a code names. */
    public static PageType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
