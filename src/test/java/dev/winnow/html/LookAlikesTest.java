package dev.winnow.html;

import dev.winnow.core.Block;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A block's look-alikes: how many siblings share its element's tag and class, counted among that element's own
 * siblings (the front end counts a parent's children once, when the first of them is reached, and remembers the
 * count of each).
 */
class LookAlikesTest {

    @Test
    void siblingsAreCountedPerParentAndPerTagAndClass() {
        String html = "<html><body>"
                + "<div class=list>"
                + "<div class=card>card one</div><div class=ad>ad one</div><div class=card>card two</div>"
                + "<div class=ad>ad two</div><div class=card>card three</div><span class=card>not a div</span>"
                + "</div>"
                // the same tag and class under another parent is not one of the three cards
                + "<section><div class=card>a lone card</div><p class=note>a note</p></section>"
                + "</body></html>";
        Map<String, Integer> lookAlikes = new HashMap<>();
        List<Block> blocks = new HtmlFrontEnd().extract(html).blocks();
        for (Block b : blocks) lookAlikes.put(b.text(), b.markup().lookAlikes());
        assertEquals(3, lookAlikes.get("card one"));
        assertEquals(3, lookAlikes.get("card three"));
        assertEquals(2, lookAlikes.get("ad one"));
        assertEquals(2, lookAlikes.get("ad two"));
        assertEquals(1, lookAlikes.get("a lone card"));
        assertEquals(1, lookAlikes.get("a note"));
    }
}
