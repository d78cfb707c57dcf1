package dev.winnow.stages;

import dev.winnow.core.Draft;
import dev.winnow.score.PageType;

/**
 * What the page typer said about the page being cleaned, as the stages ask it: the kind the chains treat it as
 * ({@link PageType#kindOf}). A chain run without the typer (a library user's own chain) sees every page as an
 * article: the behaviour every rule was first tuned on.
 */
final class PageKind {
    private PageKind() {}

    static PageType of(Draft draft) {
        return PageType.kindOf(draft.metadata());
    }

    static boolean isArticle(Draft draft) {
        return of(draft) == PageType.ARTICLE;
    }

    /**
     * On a listing the items are the content: its headline-shaped links and runs of short linked bullets are what
     * the page lists, not teasers for other stories or a menu.
     */
    static boolean itemsAreContent(Draft draft) {
        return of(draft) == PageType.LISTING;
    }

    /**
     * A shop's pages: a product, or a collection of products (a category grid). Customer reviews printed on them (the
     * product's, or a carousel of "what our customers say" under the grid) are the shop's widgets, not what it sells.
     */
    static boolean isShop(Draft draft) {
        PageType t = of(draft);
        return t == PageType.PRODUCT || t == PageType.COLLECTION;
    }

    /**
     * Pages whose markup repeats a block for another reason than content: a forum quotes earlier posts in replies,
     * shops and service pages print a carousel twice (desktop and mobile) and the product name three times. An
     * article's markup may repeat real content (a recipe's steps per serving), and is left alone.
     */
    static boolean repeatsAreCopies(Draft draft) {
        PageType t = of(draft);
        return t == PageType.FORUM || t == PageType.PRODUCT || t == PageType.SERVICE;
    }
}
