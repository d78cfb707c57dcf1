package dev.winnow.html;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code <![CDATA[} section in HTML content as a browser does. jsoup keeps it as one text node up to
 * {@code ]]>}, so a page whose template wraps its body in one (some forum software does) came out as its own
 * markup, tags and all, as words. The HTML standard makes it a bogus comment that ends at the first {@code >}
 * ("cdata-in-html-content"), and the markup after it is parsed as markup. Inside SVG and MathML a CDATA section
 * is real character data, and is left alone.
 */
final class CdataInHtml {
    private CdataInHtml() {}

    /**
     * Replaces every CDATA section in HTML content with the nodes a browser builds from what follows its comment;
     * whether there was one. Most pages have no CDATA section at all: a walk of the page that meets one (a
     * {@link CDataNode}) calls this, so that they are not walked for one.
     */
    static boolean reparse(Document page) {
        List<CDataNode> sections = new ArrayList<>();
        page.body().traverse((node, depth) -> {
            if (node instanceof CDataNode c && !inForeignContent(c)) sections.add(c);
        });
        for (CDataNode section : sections) {
            String text = section.getWholeText();
            int end = text.indexOf('>');
            Element parent = (Element) section.parent();
            List<Node> nodes = end < 0 ? List.of()
                    : Parser.parseFragment(text.substring(end + 1), parent, page.location());
            for (Node n : new ArrayList<>(nodes)) section.before(n);
            section.remove();
        }
        return !sections.isEmpty();
    }

    private static boolean inForeignContent(Node node) {
        for (Node p = node.parent(); p instanceof Element e; p = p.parent()) {
            String tag = e.normalName();
            if (tag.equals("svg") || tag.equals("math")) return true;
        }
        return false;
    }
}
