package dev.winnow.html;

import dev.winnow.core.Markup.Container;
import dev.winnow.score.Attr;
import dev.winnow.text.TextShape;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

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
 * recursion, pages nest deep. Counted element by element in the front end's one walk over the whole page
 * ({@link Counter}), which reaches the body on its way; kept by the elements' numbers in that walk
 * ({@link ElementOrder}), 0 for elements outside the body or below what neither count reads.
 */
final class WordCounts {
    /** Elements whose content is not text a reader sees: neither count reads below them. */
    static final Set<String> NOT_TEXT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "head", "select", "option", "textarea", "input", "button", "math", "video",
            "audio", "picture", "source", "map");

    private int[] prose = new int[256];
    private int[] content = new int[256];

    private WordCounts() {}

    /** Words of prose runs below element {@code number} (see above). */
    int prose(int number) {
        return number < prose.length ? prose[number] : 0;
    }

    /** Words outside links, footers and hidden dialogs below element {@code number}. */
    int content(int number) {
        return number < content.length ? content[number] : 0;
    }

    private void set(int number, int proseWords, int contentWords) {
        if (number >= prose.length) {
            int length = Math.max(number + 1, prose.length * 2);
            prose = java.util.Arrays.copyOf(prose, length);
            content = java.util.Arrays.copyOf(content, length);
        }
        prose[number] = proseWords;
        content[number] = contentWords;
    }

    /** Words as runs of non-space characters: enough to tell prose from labels. */
    static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = TextShape.isWhitespace(c) || c == '\u00A0';
            if (!space && !in) n++;
            in = !space;
        }
        return n;
    }

    /** The page's footer: never its content, however much prose a policy or sitemap in it holds. */
    private static boolean isFooter(Element e, String tag) {
        return tag.equals("footer") || Attr.get(e, "role").equals("contentinfo");
    }

    /**
     * Counts both below {@code body} as a walk over the whole page passes by; {@link #counts} once it is done.
     * The walk numbers each element in {@code order} before the counter sees it. {@code visibility} tells
     * hidden dialogs, whose words the content count skips.
     */
    static final class Counter implements NodeVisitor {
        private final WordCounts counts = new WordCounts();
        private final Element body;
        private final ElementOrder order;
        private final Visibility visibility;
        private int[] proseStack = new int[64];
        private int[] contentStack = new int[64];
        private int[] numberStack = new int[64];
        private int top = -1;
        /** The stack level of the element whose subtree the content count skips (a link, a footer...), or -1. */
        private int contentSkip = -1;
        /** The body is being walked: nothing outside it counts. */
        private boolean inBody;
        /** The element whose subtree neither count reads (a script, a form control...), or null. */
        private Node notText;

        Counter(Element body, ElementOrder order, Visibility visibility) {
            this.body = body;
            this.order = order;
            this.visibility = visibility;
        }

        /** Both counts; call once the walk is done. */
        WordCounts counts() {
            return counts;
        }

        @Override
        public void head(Node node, int depth) {
            if (node == body) inBody = true;
            if (!inBody || notText != null) return;
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (NOT_TEXT.contains(tag)) {
                    notText = e;
                    return;
                }
                if (++top == proseStack.length) {
                    proseStack = java.util.Arrays.copyOf(proseStack, top * 2);
                    contentStack = java.util.Arrays.copyOf(contentStack, top * 2);
                    numberStack = java.util.Arrays.copyOf(numberStack, top * 2);
                }
                proseStack[top] = 0;
                contentStack[top] = 0;
                int number = order.size() - 1;
                numberStack[top] = number;
                if (contentSkip < 0 && (tag.equals("a") || isFooter(e, tag)
                        || visibility.of(number, e, tag, false) == Container.HIDDEN)) {
                    contentSkip = top;
                }
            } else if (node instanceof TextNode t && top >= 0) {
                int n = wordCount(t.getWholeText());
                if (n >= HtmlFrontEnd.PROSE_MIN_WORDS) proseStack[top] += n;
                if (contentSkip < 0) contentStack[top] += n;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!inBody) return;
            if (node == body) inBody = false;
            if (notText != null) {
                if (node == notText) notText = null;
                return;
            }
            if (!(node instanceof Element)) return;
            int level = top--;
            int n = proseStack[level];
            if (top >= 0) proseStack[top] += n;
            int c = 0;
            if (contentSkip == level) {
                contentSkip = -1;   // skipped whole: no count of its own, nothing for its parent
            } else {
                c = contentStack[level];
                if (top >= 0) contentStack[top] += c;
            }
            counts.set(numberStack[level], n, c);
        }
    }
}
