package dev.winnow.html;

import dev.winnow.core.Markup.Container;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

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
    /** Elements whose text a reader does not see as the page's text. */
    private static final Set<String> NOT_TEXT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "head", "select", "option", "textarea", "input", "button", "math", "video",
            "audio", "picture", "source", "map", "a");

    private ContentCandidate() {}

    /** The candidate below {@code body}, or null when the page has too little text or it is the whole body. */
    static Element of(Element body, Visibility visibility) {
        Counter counter = new Counter(visibility);
        NodeTraversor.filter(counter, body);
        Map<Element, Integer> words = counter.words;
        int total = words.getOrDefault(body, 0);
        if (total < MIN_WORDS) return null;
        Element at = body;
        while (true) {
            Element best = null;
            int bestWords = 0;
            for (Element child : at.children()) {
                int n = words.getOrDefault(child, 0);
                if (n > bestWords) {
                    best = child;
                    bestWords = n;
                }
            }
            if (best == null || bestWords < words.getOrDefault(at, 0) * DESCEND_SHARE) break;
            at = best;
        }
        return at == body ? null : at;
    }

    /** The page's footer: never its content, however much prose a policy or sitemap in it holds. */
    private static boolean isFooter(Element e, String tag) {
        return tag.equals("footer") || e.attr("role").equals("contentinfo");
    }

    /** Non-link words below each element, skipping unseen elements and hidden dialogs; post-order sums. */
    private static final class Counter implements NodeFilter {
        final Map<Element, Integer> words = new IdentityHashMap<>();
        private final Visibility visibility;
        private int[] stack = new int[64];
        private int top = -1;

        Counter(Visibility visibility) {
            this.visibility = visibility;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (NOT_TEXT.contains(tag) || isFooter(e, tag) || visibility.of(e, tag, false) == Container.HIDDEN) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (++top == stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                stack[top] = 0;
            } else if (node instanceof TextNode t && top >= 0) {
                stack[top] += HtmlFrontEnd.wordCount(t.getWholeText());
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element)) return FilterResult.CONTINUE;
            int n = stack[top--];
            if (n > 0) {
                words.put((Element) node, n);
                if (top >= 0) stack[top] += n;
            }
            return FilterResult.CONTINUE;
        }
    }
}
