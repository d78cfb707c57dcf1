package dev.winnow.html;

import dev.winnow.core.Block;
import org.jsoup.Jsoup;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A CDATA section in HTML content is a bogus comment, as browsers read it, not a text node full of markup. */
class CdataInHtmlTest {

    private static String text(String html) {
        List<Block> blocks = new HtmlFrontEnd().extract(html).blocks();
        return blocks.stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    @Test
    void aBodyWrappedInCdataIsReadAsMarkup() {
        String html = "<html><body><![CDATA[\n<div id=top></div><div class=post><p>The ferry timetable changes on "
                + "Monday, and the first boat leaves at six.</p><p>Second <b>paragraph</b> here.</p></div>]]></body></html>";
        String text = text(html);
        assertTrue(text.contains("The ferry timetable changes on Monday"), text);
        assertTrue(text.contains("Second paragraph here."), text);
        assertFalse(text.contains("<p>") || text.contains("class=post") || text.contains("<div"), text);
    }

    @Test
    void theCommentEndsAtTheFirstGreaterThanSign() {
        // what a browser shows: "<![CDATA[ hidden >" is the comment, the rest is the page
        String text = text("<html><body><div><![CDATA[ hidden > shown <em>words</em>]]></div></body></html>");
        assertFalse(text.contains("hidden"), text);
        assertTrue(text.contains("shown words"), text);
    }

    @Test
    void cdataInsideSvgStaysCharacterData() {
        String html = "<html><body><p>Tides.</p><svg><text><![CDATA[<high tide>]]></text></svg>"
                + "<div><![CDATA[ gone > kept]]></div></body></html>";
        Document page = Jsoup.parse(html);
        assertTrue(CdataInHtml.reparse(page));
        List<CDataNode> left = new ArrayList<>();
        page.body().traverse((n, depth) -> { if (n instanceof CDataNode c) left.add(c); });
        assertEquals(1, left.size(), page.body().html());
        assertEquals("<high tide>", left.get(0).getWholeText());
        assertEquals("kept", page.body().selectFirst("div").text());
    }

    @Test
    void saysWhetherItChangedThePage() {
        // the front end reads a page again only when it did
        assertFalse(CdataInHtml.reparse(Jsoup.parse("<!-- <![if IE]> --><p>CDATA[ in prose</p>")));
        assertFalse(CdataInHtml.reparse(Jsoup.parse("<p>Tides.</p><svg><text><![CDATA[<high tide>]]></text></svg>")));
        assertTrue(CdataInHtml.reparse(Jsoup.parse("<div><![CDATA[ x > y]]></div>")));
    }
}
