package dev.winnow.html;

import dev.winnow.score.ClassWords;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The numbering of a page's elements gives what jsoup's own tree gives: document order, children, look-ups, and
 * each element's class and id.
 */
class ElementOrderTest {

    private static ElementOrder numbered(Document page, ClassWords names) {
        ElementOrder order = new ElementOrder(names);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) order.enter(e);
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element) order.leave();
            }
        }, page);
        return order;
    }

    /** Every element's number, children and look-up against jsoup's pre-order list and child lists. */
    private static void assertMatchesTheTree(Document page) {
        ClassWords names = new ClassWords();
        ElementOrder order = numbered(page, names);
        List<Element> all = page.getAllElements();   // the page and its descendants, in document order
        assertEquals(all.size(), order.size());
        assertEquals(-1, order.parent(0));
        int from = 0;
        for (int n = 0; n < all.size(); n++) {
            Element e = all.get(n);
            assertSame(e, order.element(n));
            assertEquals(e.attr("class"), order.classOf(n));
            assertEquals(e.attr("id"), names.name(order.idNumber(n)));
            assertEquals(names.number(e.attr("class")), order.classNumber(n));
            from = order.numberOf(e, from);
            assertEquals(n, from);
            List<Element> children = new ArrayList<>();
            for (int c = order.firstChild(n); c >= 0; c = order.nextSibling(c, n)) {
                children.add(order.element(c));
                assertEquals(n, order.parent(c));
            }
            assertEquals(e.children(), children, () -> "children of " + e.cssSelector());
        }
    }

    @Test
    void numbersAPageInDocumentOrder() {
        assertMatchesTheTree(Jsoup.parse("<html><head><title>t</title></head><body><div class=' a  b ' id=x><p>one <b>two</b></p>"
                + "<p>three</p></div><ul><li>a<li>b<ul><li>c</ul></ul><br><table><tr><td>x</table></body></html>"));
    }

    @Test
    void numbersRandomTreesDeeperThanItsInitialArrays() {
        Random random = new Random(11);
        String[] tags = {"div", "p", "span", "ul", "li", "section", "b"};
        for (int page = 0; page < 50; page++) {
            StringBuilder html = new StringBuilder("<body>");
            int open = 0;
            for (int i = 0; i < 400; i++) {
                int r = random.nextInt(5);   // opens twice as often as it closes: some pages nest past 64
                if (r == 0 && open > 0) {
                    html.append("</div>");
                    open--;
                } else if (r == 1 || r == 4) {
                    html.append(random.nextBoolean() ? "<div>" : "<div class=c" + random.nextInt(3) + ">");
                    open++;
                } else {
                    String tag = tags[random.nextInt(tags.length)];
                    html.append('<').append(tag).append(">w").append(i).append("</").append(tag).append('>');
                }
            }
            assertMatchesTheTree(Jsoup.parse(html.toString()));
        }
    }
}
