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
        PageMetadata.Scan metadata = new PageMetadata.Scan();
        PageShape.Reader shape = new PageShape.Reader(classWords);
        ElementOrder order = new ElementOrder();
        WordCounts.Counter words = new WordCounts.Counter(page.body(), order, visibility);
        List<String> scripts = new ArrayList<>();
        boolean[] metCdata = {false};
        SiblingGroups[][] siblings = {new SiblingGroups[256]};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof CDataNode) metCdata[0] = true;
                if (node instanceof Element e) {
                    int number = order.enter(e);   // numbered before any reader sees it
                    if (hasTwoElementChildren(e)) {
                        SiblingGroups groups = SiblingGroups.of(e);
                        if (number >= siblings[0].length) {
                            siblings[0] = java.util.Arrays.copyOf(siblings[0], Math.max(number + 1, 2 * siblings[0].length));
                        }
                        siblings[0][number] = groups;
                        shape.siblings(e, groups);
                    }
                }
                metadata.head(node, depth);
                shape.head(node, depth);
                words.head(node, depth);
                if (node instanceof Element e && e.normalName().equals("script")
                        && Attr.get(e, "type").equalsIgnoreCase("application/ld+json")) {
                    scripts.add(e.data());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                shape.tail(node, depth);
                words.tail(node, depth);
                if (node instanceof Element) order.leave();
            }
        }, page);
        List<JsonNode> jsonLd = jsonLd(scripts);
        return new PageScan(PageMetadata.read(metadata, jsonLd), shape.shape(jsonLd), words.counts(), order, metCdata[0],
                siblings[0]);
    }

    /** Whether the element has siblings to group: known from its child nodes, without listing its element children. */
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
