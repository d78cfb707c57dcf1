package dev.winnow.score;

import dev.winnow.core.Field;
import dev.winnow.core.Metadata;

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

    /**
     * Whether a page with this {@code metadata.page_type} code is judged as an article: typed so, or not typed at
     * all (a chain run without the page typer keeps the article behaviour every rule was first tuned on).
     */
    public static boolean isArticle(String code) {
        return code == null || code.equals(ARTICLE.code());
    }

    /**
     * The kind of page the chains treat a page of this metadata as: its {@link Field#PAGE_KIND}, else its
     * {@link Field#PAGE_TYPE} (a chain given only the stated type), else an article (a chain run without the page
     * typer keeps the article behaviour every rule was first tuned on).
     */
    public static PageType kindOf(Metadata metadata) {
        String code = metadata.get(Field.PAGE_KIND);
        if (code == null) code = metadata.get(Field.PAGE_TYPE);
        return isArticle(code) ? ARTICLE : of(code);
    }
}
