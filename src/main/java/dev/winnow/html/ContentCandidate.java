package dev.winnow.html;

import org.jsoup.nodes.Element;


/**
 * The page's best content candidate: the smallest element that still holds most of the page's text
 * outside links. Walking down from {@code <body>}, it follows the child with the most such words while
 * that child holds at least {@link #DESCEND_SHARE} of its parent's; it stops where the text splits among
 * children (the list of a forum's posts, a listing's items, an article's paragraphs). Menus and footers
 * are mostly links, so they rarely hold the text. It is what a fallback measures the main chain against:
 * a chain that keeps a small part of it has likely lost the page's content.
 */
final class ContentCandidate {
    /** A child holding this share of its parent's non-link words is where the content is. */
    static final double DESCEND_SHARE = 0.6;
    /** Below this many non-link words a page has no candidate worth measuring against. */
    static final int MIN_WORDS = 30;
    private ContentCandidate() {}

    /**
     * The candidate below the body, element {@code body} of {@code order}, or null when the page has too little
     * text or it is the whole body. {@code words}: each element's words outside links, footers and hidden
     * dialogs ({@link WordCounts#content}).
     */
    static Element of(ElementOrder order, int body, WordCounts words) {
        int total = words.content(body);
        if (total < MIN_WORDS) return null;
        int at = body;
        while (true) {
            int best = -1;
            int bestWords = 0;
            for (int child = order.firstChild(at); child >= 0; child = order.nextSibling(child, at)) {
                int n = words.content(child);
                if (n > bestWords) {
                    best = child;
                    bestWords = n;
                }
            }
            if (best < 0 || bestWords < words.content(at) * DESCEND_SHARE) break;
            at = best;
        }
        return at == body ? null : order.element(at);
    }
}
