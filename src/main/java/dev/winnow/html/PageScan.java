package dev.winnow.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Verdict;
import dev.winnow.score.Attr;
import dev.winnow.score.ClassWords;
import dev.winnow.score.PageShape;
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
 * the whole tree per reader, and the page's JSON-LD, read by two of them, is parsed once.
 */
final class PageScan {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Verdict.Fact> facts;
    final PageShape shape;
    final WordCounts words;

    private PageScan(List<Verdict.Fact> facts, PageShape shape, WordCounts words) {
        this.facts = facts;
        this.shape = shape;
        this.words = words;
    }

    /** Reads {@code page}; {@code classWords} and {@code visibility} are the page's, shared with the block walk. */
    static PageScan of(Document page, ClassWords classWords, Visibility visibility) {
        PageMetadata.Scan metadata = new PageMetadata.Scan();
        PageShape.Reader shape = new PageShape.Reader(classWords);
        WordCounts.Counter words = new WordCounts.Counter(page.body(), visibility);
        List<String> scripts = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
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
            }
        }, page);
        List<JsonNode> jsonLd = jsonLd(scripts);
        return new PageScan(PageMetadata.read(metadata, jsonLd), shape.shape(jsonLd), words.counts());
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
