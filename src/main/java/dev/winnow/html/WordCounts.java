package dev.winnow.html;

import dev.winnow.core.Markup.Container;
import dev.winnow.score.Attr;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Words below each element of a page's body, counted two ways in one walk (each text node's words are
 * counted once for both):
 * <ul>
 *   <li>{@link #prose}: words of runs of prose, each text node of at least {@link HtmlFrontEnd#PROSE_MIN_WORDS}
 *       words, in a paragraph or not (blog engines write posts as text broken by {@code <br>}), for the
 *       wrapper safety net of the class/id vocabularies;</li>
 *   <li>{@link #content}: every word outside links, footers and hidden dialogs, for the {@link ContentCandidate}.</li>
 * </ul>
 * Post-order sums on a stack: each element adds its total to its parent once, not once per text node; no
 * recursion, pages nest deep. Elements below their count's threshold (none) have no entry.
 */
final class WordCounts {
    /** Elements whose content is not text a reader sees: neither count reads below them. */
    static final Set<String> NOT_TEXT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "head", "select", "option", "textarea", "input", "button", "math", "video",
            "audio", "picture", "source", "map");

    final Map<Element, Integer> prose = new IdentityHashMap<>();
    final Map<Element, Integer> content = new IdentityHashMap<>();

    private WordCounts() {}

    /** Both counts below {@code body}; {@code visibility} tells hidden dialogs, whose words the content count skips. */
    static WordCounts of(Element body, Visibility visibility) {
        WordCounts counts = new WordCounts();
        NodeTraversor.filter(counts.new Counter(visibility), body);
        return counts;
    }

    /** Words as runs of non-space characters: enough to tell prose from labels. */
    static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u00A0';
            if (!space && !in) n++;
            in = !space;
        }
        return n;
    }

    /** The page's footer: never its content, however much prose a policy or sitemap in it holds. */
    private static boolean isFooter(Element e, String tag) {
        return tag.equals("footer") || Attr.get(e, "role").equals("contentinfo");
    }

    private final class Counter implements NodeFilter {
        private final Visibility visibility;
        private int[] proseStack = new int[64];
        private int[] contentStack = new int[64];
        private int top = -1;
        /** The stack level of the element whose subtree the content count skips (a link, a footer...), or -1. */
        private int contentSkip = -1;

        Counter(Visibility visibility) {
            this.visibility = visibility;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (NOT_TEXT.contains(tag)) return FilterResult.SKIP_ENTIRELY;
                if (++top == proseStack.length) {
                    proseStack = java.util.Arrays.copyOf(proseStack, top * 2);
                    contentStack = java.util.Arrays.copyOf(contentStack, top * 2);
                }
                proseStack[top] = 0;
                contentStack[top] = 0;
                if (contentSkip < 0 && (tag.equals("a") || isFooter(e, tag)
                        || visibility.of(e, tag, false) == Container.HIDDEN)) {
                    contentSkip = top;
                }
            } else if (node instanceof TextNode t && top >= 0) {
                int n = wordCount(t.getWholeText());
                if (n >= HtmlFrontEnd.PROSE_MIN_WORDS) proseStack[top] += n;
                if (contentSkip < 0) contentStack[top] += n;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e)) return FilterResult.CONTINUE;
            int level = top--;
            int n = proseStack[level];
            if (n > 0) {
                prose.put(e, n);
                if (top >= 0) proseStack[top] += n;
            }
            if (contentSkip == level) {
                contentSkip = -1;   // skipped whole: no count of its own, nothing for its parent
            } else {
                int c = contentStack[level];
                if (c > 0) {
                    content.put(e, c);
                    if (top >= 0) contentStack[top] += c;
                }
            }
            return FilterResult.CONTINUE;
        }
    }
}
