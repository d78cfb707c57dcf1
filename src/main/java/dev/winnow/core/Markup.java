package dev.winnow.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the markup knew about a block that came from HTML: its element, heading level, how much of it
 * is link text, and which kinds of container it sits in. Plain-text blocks have none.
 *
 * @param tag          the innermost block-level element ("p", "h2", "li", "td", "div"...)
 * @param headingLevel 1-6 for h1-h6, else 0
 * @param linkDensity  share of the block's characters inside links
 * @param containers   the kinds of container among its ancestors (semantic elements and class/id vocabularies)
 * @param sections     identities of the nearest enclosing section-level elements (div, section, article,
 *                     table...), nearest first: blocks sharing one are parts of the same section of the layout
 * @param lookAlikes   the longest run of look-alike siblings (same element, same class) the block sits in at any
 *                     depth, 1 when none repeats: a product grid's tiles, a forum's posts, a listing's items
 */
public record Markup(String tag, int headingLevel, double linkDensity, Set<Container> containers, int[] sections,
                     int lookAlikes) {

    /** Kinds of container, from semantic elements or from class/id vocabularies. */
    public enum Container {
        NAVIGATION, HEADER, FOOTER, ASIDE, FORM, FIGURE, CAPTION, LIST, TABLE, QUOTE, PREFORMATTED,
        SHARE, RELATED, COMMENTS, ADVERTISING, META, HIDDEN, MAIN,
        /** The element the publisher marked as the article's body (schema.org itemprop="articleBody"). */
        ARTICLE_BODY,
        /**
         * Hidden by the markup only until a script reveals it (entrance animations, lazy or streamed blocks,
         * accordions, tabs, "read more"): text the reader sees, unlike {@link #HIDDEN}.
         */
        REVEALABLE,
        /** Inside {@code <noscript>}: shown only to readers without scripts. */
        NOSCRIPT,
        /** A form control's own text: {@code <select>} options, {@code <button>}, {@code <textarea>}. */
        CONTROL,
        /** Inside {@code <template>}: markup a script instantiates, not shown as it stands. */
        TEMPLATE,
        /** Fallback or drawing text of embedded content: {@code <iframe>}, {@code <object>}, {@code <svg>}, media. */
        EMBEDDED,
        /** Text from the page's {@code <head>} (description, title), used when the body shows nothing. */
        HEAD,
        /**
         * Inside the page's best content candidate: the smallest element holding most of its text outside
         * links, which a fallback measures the main chain's result against.
         */
        CANDIDATE,
        /** Customer reviews and their widgets (class, id or itemprop words): a shop's reviews, not its product. */
        REVIEWS,
        /**
         * A shop's buying widgets by class/id words (cart, wishlist, swatches, price, rating): read by the learned
         * block scorer only, since a product's own name and description often sit inside them.
         */
        COMMERCE,
        /**
         * A listing's filter and sort panels by class/id words (facet, filter, sort): read by the block scorer, and by
         * the markup stage only inside a form (a filter form's options are never the page's text).
         */
        FACETS,
        /** A shop's recommendation grids by class/id words (upsell, cross-sell, similar, recently viewed): scorer only. */
        UPSELL
    }

    public Markup {
        containers = containers.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(containers));
        sections = sections.clone();
    }

    /** Markup of a block in no repeated structure. */
    public Markup(String tag, int headingLevel, double linkDensity, Set<Container> containers, int[] sections) {
        this(tag, headingLevel, linkDensity, containers, sections, 1);
    }

    /** The nearest enclosing section, or -1. */
    public int parent() {
        return sections.length == 0 ? -1 : sections[0];
    }

    /** The block sits, at some depth, inside the section with this identity. */
    public boolean within(int section) {
        for (int s : sections) if (s == section) return true;
        return false;
    }

    public boolean in(Container c) {
        return containers.contains(c);
    }

    /** Mostly link text: at least half of the characters are inside links. */
    public boolean isLinkText() {
        return linkDensity >= 0.5;
    }
}
