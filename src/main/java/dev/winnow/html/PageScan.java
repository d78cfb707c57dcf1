package dev.winnow.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Verdict;
import dev.winnow.score.Attr;
import dev.winnow.score.ClassWords;
import dev.winnow.score.PageShape;
import dev.winnow.score.SiblingGroups;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the front end reads from a page before it makes blocks, in one walk over the parsed page: its
 * metadata ({@link PageMetadata}), its shape ({@link PageShape}) and the words below each element of its
 * body ({@link WordCounts}). Each reader looks at every element; one walk for all of them saves a walk of
 * the whole tree per reader, and the page's JSON-LD, read by two of them, is parsed once. The walk numbers the
 * elements ({@link ElementOrder}) so that facts about them are kept in arrays, for the block walk too.
 */
final class PageScan {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Verdict.Fact> facts;
    final PageShape shape;
    final WordCounts words;
    /** The page's elements in the walk's order: the numbers {@link #words} and the visibility judge keep facts by. */
    final ElementOrder order;
    /** What hides the page's elements, judged for the word counts and kept for the block walk. */
    final Visibility visibility;
    /** The walk met a CDATA section somewhere ({@link CdataInHtml}): the page may need parsing again. */
    final boolean metCdata;
    /**
     * Per element number, how many of its parent's element children share its tag and class (itself included);
     * 0, or beyond the array's end, for an element that was not grouped: an only child, or the page itself.
     */
    private final int[] lookAlikes;

    private PageScan(List<Verdict.Fact> facts, PageShape shape, WordCounts words, ElementOrder order,
                     Visibility visibility, boolean metCdata, int[] lookAlikes) {
        this.facts = facts;
        this.shape = shape;
        this.words = words;
        this.order = order;
        this.visibility = visibility;
        this.metCdata = metCdata;
        this.lookAlikes = lookAlikes;
    }

    /**
     * How many of its parent's element children share element {@code number}'s tag and class (itself included):
     * the items of a grid or a thread.
     */
    int lookAlikes(int number) {
        return number < lookAlikes.length ? Math.max(1, lookAlikes[number]) : 1;
    }

    /** Reads {@code page}; {@code classWords} are the page's, shared with the block walk. */
    static PageScan of(Document page, ClassWords classWords) {
        Walk walk = new Walk(page.body(), classWords);
        NodeTraversor.traverse(walk, page);
        List<JsonNode> jsonLd = jsonLd(walk.scripts);
        return new PageScan(PageMetadata.read(walk.metadata, jsonLd), walk.shape.shape(jsonLd), walk.words.counts(),
                walk.order, walk.visibility, walk.metCdata, walk.lookAlikes);
    }

    /**
     * The one walk: numbers each element, hands each node to every reader, and groups an element's children once
     * the walk leaves it, when they are all numbered (their tags and classes are then at hand).
     */
    private static final class Walk implements NodeVisitor {
        final PageMetadata.Scan metadata = new PageMetadata.Scan();
        final PageShape.Reader shape;
        final ElementOrder order;
        final Visibility visibility;
        final WordCounts.Counter words;
        final List<String> scripts = new ArrayList<>();
        boolean metCdata;
        int[] lookAlikes = new int[256];
        /** The children being grouped: their numbers, tags and classes (reused from parent to parent). */
        private int[] children = new int[64];
        private String[] tags = new String[64];
        private String[] classNames = new String[64];

        Walk(Element body, ClassWords classWords) {
            shape = new PageShape.Reader(classWords);
            order = new ElementOrder(classWords);
            visibility = new Visibility(order);
            words = new WordCounts.Counter(body, order, visibility);
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof CDataNode) metCdata = true;
            if (node instanceof Element e) {
                int number = order.enter(e);   // numbered before any reader sees it
                shape.enter(e, order.classNumber(number), order.idNumber(number));
                if (e.normalName().equals("script") && Attr.get(e, "type").equalsIgnoreCase("application/ld+json")) {
                    scripts.add(e.data());
                }
            }
            metadata.head(node, depth);
            words.head(node, depth);
        }

        @Override
        public void tail(Node node, int depth) {
            words.tail(node, depth);
            if (node instanceof Element e) {
                shape.leave(e);
                int number = order.leave();
                int first = order.firstChild(number);
                if (first >= 0 && order.nextSibling(first, number) >= 0) groupChildren(e, number, first);
            }
        }

        /** Groups the element's children (it has two or more) by tag and class, for the look-alikes and the shape. */
        private void groupChildren(Element parent, int number, int first) {
            int n = 0;
            for (int c = first; c >= 0; c = order.nextSibling(c, number)) {
                if (n == children.length) {
                    children = Arrays.copyOf(children, n * 2);
                    tags = Arrays.copyOf(tags, n * 2);
                    classNames = Arrays.copyOf(classNames, n * 2);
                }
                children[n] = c;
                tags[n] = order.element(c).normalName();
                classNames[n] = order.classOf(c).trim();
                n++;
            }
            SiblingGroups groups = SiblingGroups.of(tags, classNames, n);
            shape.siblings(parent, groups);
            int last = children[n - 1];
            if (last >= lookAlikes.length) lookAlikes = Arrays.copyOf(lookAlikes, Math.max(last + 1, 2 * lookAlikes.length));
            for (int i = 0; i < n; i++) lookAlikes[children[i]] = groups.sizeOf(i);
        }
    }

    /** The JSON-LD scripts' trees, in page order; a broken one (common) is left out, the rest still count. */
    private static List<JsonNode> jsonLd(List<String> scripts) {
        List<JsonNode> trees = new ArrayList<>(scripts.size());
        for (String script : scripts) {
            try {
                trees.add(JSON.readTree(script));
            } catch (Exception e) {
                // the page's other metadata and shape still count
            }
        }
        return trees;
    }
}
