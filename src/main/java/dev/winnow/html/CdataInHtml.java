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
     * Replaces every CDATA section in HTML content with the nodes a browser builds from what follows its comment.
     * {@code html} is the page's source: only a {@code <![CDATA[} in it makes a section, and most pages have none,
     * so they are not walked for one.
     */
    static void reparse(Document page, String html) {
        if (!mayHoldCdata(html)) return;
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
    }

    /** The source has a {@code <![CDATA[} (any case): where the parser may have made a CDATA section. */
    static boolean mayHoldCdata(String html) {
        for (int i = html.indexOf("<!["); i >= 0; i = html.indexOf("<![", i + 3)) {
            if (html.regionMatches(true, i + 3, "CDATA[", 0, 6)) return true;
        }
        return false;
    }

    private static boolean inForeignContent(Node node) {
        for (Node p = node.parent(); p instanceof Element e; p = p.parent()) {
            String tag = e.normalName();
            if (tag.equals("svg") || tag.equals("math")) return true;
        }
        return false;
    }
}
