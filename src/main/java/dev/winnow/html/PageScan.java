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
    /** The walk met a CDATA section somewhere ({@link CdataInHtml}): the page may need parsing again. */
    final boolean metCdata;
    /** Per element number, its children grouped by tag and class; null for an element with fewer than two. */
    private final SiblingGroups[] siblings;

    private PageScan(List<Verdict.Fact> facts, PageShape shape, WordCounts words, ElementOrder order, boolean metCdata,
                     SiblingGroups[] siblings) {
        this.facts = facts;
        this.shape = shape;
        this.words = words;
        this.order = order;
        this.metCdata = metCdata;
        this.siblings = siblings;
    }

    /**
     * How many of its parent's element children share element {@code number}'s tag and class (itself included):
     * the items of a grid or a thread.
     */
    int lookAlikes(int number) {
        int parent = order.parent(number);
        SiblingGroups groups = parent < siblings.length ? siblings[parent] : null;
        return groups == null ? 1 : groups.sizeOf(order.element(number).siblingIndex());
    }

    /** Reads {@code page}; {@code classWords} and {@code visibility} are the page's, shared with the block walk. */
    static PageScan of(Document page, ClassWords classWords, Visibility visibility) {
        Walk walk = new Walk(page.body(), classWords, visibility);
        NodeTraversor.traverse(walk, page);
        List<JsonNode> jsonLd = jsonLd(walk.scripts);
        return new PageScan(PageMetadata.read(walk.metadata, jsonLd), walk.shape.shape(jsonLd), walk.words.counts(),
                walk.order, walk.metCdata, walk.siblings);
    }

    /** The one walk: numbers each element, groups its children, then hands each node to every reader. */
    private static final class Walk implements NodeVisitor {
        final PageMetadata.Scan metadata = new PageMetadata.Scan();
        final PageShape.Reader shape;
        final ElementOrder order = new ElementOrder();
        final WordCounts.Counter words;
        final List<String> scripts = new ArrayList<>();
        boolean metCdata;
        SiblingGroups[] siblings = new SiblingGroups[256];

        Walk(Element body, ClassWords classWords, Visibility visibility) {
            shape = new PageShape.Reader(classWords);
            words = new WordCounts.Counter(body, order, visibility);
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof CDataNode) metCdata = true;
            if (node instanceof Element e) {
                int number = order.enter(e);   // numbered before any reader sees it
                if (hasTwoElementChildren(e)) {
                    SiblingGroups groups = SiblingGroups.of(e);
                    if (number >= siblings.length) siblings = Arrays.copyOf(siblings, Math.max(number + 1, 2 * siblings.length));
                    siblings[number] = groups;
                    shape.siblings(e, groups);
                }
                if (e.normalName().equals("script") && Attr.get(e, "type").equalsIgnoreCase("application/ld+json")) {
                    scripts.add(e.data());
                }
            }
            metadata.head(node, depth);
            shape.head(node, depth);
            words.head(node, depth);
        }

        @Override
        public void tail(Node node, int depth) {
            shape.tail(node, depth);
            words.tail(node, depth);
            if (node instanceof Element) order.leave();
        }
    }

    /** Whether the element has two element children or more (siblings to group), known from its child nodes alone. */
    private static boolean hasTwoElementChildren(Element parent) {
        int n = 0;
        for (int i = 0, size = parent.childNodeSize(); i < size; i++) {
            if (parent.childNode(i) instanceof Element && ++n == 2) return true;
        }
        return false;
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
