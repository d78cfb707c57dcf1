package dev.winnow.core;

import dev.winnow.core.Block;
import dev.winnow.core.Layout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocks and their offsets: every block's text is exactly its span of the normalized input. */
class SegmenterTest {
    private static final Segmenter SEGMENTER = new Segmenter();

    private static Segmenter.Result segment(String normalized) {
        Segmenter.Result result = SEGMENTER.segment(normalized);
        for (Block b : result.blocks()) {
            assertEquals(normalized.substring(b.start(), b.end()).replace('\n', ' '), b.text(), "offsets of " + b);
            assertTrue(b.lineStart() <= b.start(), "the line (with its marker) starts no later than the text: " + b);
        }
        return result;
    }

    private static List<String> texts(Segmenter.Result r) {
        return r.blocks().stream().map(Block::text).toList();
    }

    @Test
    void blankLinesSeparateParagraphs() {
        Segmenter.Result r = segment("First paragraph here.\n\nSecond paragraph here.\n\nThird one.");
        assertEquals(Layout.BLANK_LINE_PARAGRAPHS, r.layout());
        assertEquals(List.of("First paragraph here.", "Second paragraph here.", "Third one."), texts(r));
        assertTrue(r.blocks().stream().allMatch(Block::paragraphStart));
        assertEquals(List.of(1, 3, 5), r.blocks().stream().map(Block::line).toList());
    }

    @Test
    void oneParagraphPerLine() {
        Segmenter.Result r = segment("First line.\nSecond line.\nThird line.\nFourth line.");
        assertEquals(Layout.LINE_PER_PARAGRAPH, r.layout());
        assertEquals(4, r.blocks().size());
        assertTrue(r.blocks().get(0).paragraphStart());
        assertFalse(r.blocks().get(1).paragraphStart());
        assertEquals(List.of(0, 1, 2, 3), r.blocks().stream().map(Block::index).toList());
    }

    @Test
    void aSingleLongLineIsOneBlock() {
        String text = "One sentence. Another sentence. " + "More words follow here. ".repeat(20).strip();
        Segmenter.Result r = segment(text);
        assertEquals(Layout.SINGLE_LINE, r.layout());
        assertEquals(List.of(text), texts(r));
    }

    @Test
    void nothingIsEmpty() {
        Segmenter.Result r = segment("");
        assertEquals(Layout.EMPTY, r.layout());
        assertTrue(r.blocks().isEmpty());
    }

    @Test
    void hardWrappedParagraphsAreJoined() {
        String first = "The harbour lights festival returned on Saturday after a\n"
                + "five year pause, and thousands of visitors walked along the\n"
                + "quay to watch the lantern boats drift slowly past the old\n"
                + "pier.";
        String second = "Many of the lanterns were made by hand in a small workshop\n"
                + "near the fish market, where volunteers worked every evening\n"
                + "for a month.";
        String text = first + "\n\n" + second;
        Segmenter.Result r = segment(text);
        assertEquals(Layout.WRAPPED_PARAGRAPHS, r.layout());
        assertEquals(List.of(first.replace('\n', ' '), second.replace('\n', ' ')), texts(r));
        Block b = r.blocks().get(1);
        assertEquals(text.indexOf("Many"), b.start());
        assertEquals(text.length(), b.end());
        assertEquals(6, b.line());
    }

    @Test
    void aListInsideWrappedTextStartsItsOwnBlocks() {
        String text = "The harbour lights festival returned on Saturday after a\n"
                + "five year pause, and thousands of visitors walked along the\n"
                + "quay to watch the lantern boats drift slowly past the old\n"
                + "pier, where the stalls sold lanterns made in three ways:\n"
                + "- paper lanterns\n"
                + "- glass lanterns";
        Segmenter.Result r = segment(text);
        assertEquals(Layout.WRAPPED_PARAGRAPHS, r.layout());
        assertEquals(3, r.blocks().size());
        assertEquals(List.of(false, true, true), r.blocks().stream().map(Block::listItem).toList());
        assertEquals("glass lanterns", r.blocks().get(2).text());
    }

    @Test
    void listMarkersAreLayoutNotText() {
        String text = "Intro line.\n• bullet one\n* star two\n- dash three\n+ plus four\n– en dash five";
        Segmenter.Result r = segment(text);
        assertEquals(List.of("Intro line.", "bullet one", "star two", "dash three", "plus four", "en dash five"), texts(r));
        assertEquals(List.of(false, true, true, true, true, true), r.blocks().stream().map(Block::listItem).toList());
        Block star = r.blocks().get(2);
        assertEquals(text.indexOf("* star"), star.lineStart());
        assertEquals(star.lineStart() + 2, star.start());
    }

    @Test
    void aTextBrowsersDeeperListLevelsAreListItems() {
        String text = "* Outdoor Items\n+ Camp Kitchen\no BBQ Tools\no 2-Person Tents\n@ Steel Pegs";
        Segmenter.Result r = segment(text);
        assertEquals(List.of("Outdoor Items", "Camp Kitchen", "BBQ Tools", "2-Person Tents", "Steel Pegs"), texts(r));
        assertTrue(r.blocks().stream().allMatch(Block::listItem));
    }

    @Test
    void anOBeforeALowercaseWordIsTheWordNotAMarker() {
        // Portuguese, Spanish, Italian: "o" is an article or "or"; a line starting with it is a wrapped sentence's rest
        Segmenter.Result r = segment("Ele comprou\no carro ontem.\nOmega\no\n# Heading");
        assertEquals(List.of("Ele comprou", "o carro ontem.", "Omega", "o", "# Heading"), texts(r));
        assertTrue(r.blocks().stream().noneMatch(Block::listItem));
    }

    @Test
    void aDashWithoutASpaceIsText() {
        Segmenter.Result r = segment("Low tonight:\n-5 degrees\n*Terms apply");
        assertEquals(List.of("Low tonight:", "-5 degrees", "*Terms apply"), texts(r));
        assertTrue(r.blocks().stream().noneMatch(Block::listItem));
    }

    @Test
    void aBareBulletIsKeptAsABlockSoItIsAccountedFor() {
        String text = "Intro line.\n•\nOutro line.";
        Segmenter.Result r = segment(text);
        assertEquals(List.of("Intro line.", "•", "Outro line."), texts(r));
        assertFalse(r.blocks().get(1).listItem());
    }

    @Test
    void aBareBulletInWrappedTextLeavesNoLeadingSpace() {
        String text = "The harbour lights festival returned on Saturday after a\n"
                + "five year pause, and thousands of visitors walked along the\n"
                + "quay to watch the lantern boats drift slowly past the old\n"
                + "*\n"
                + "pier where the stalls sold lanterns.";
        Segmenter.Result r = segment(text);
        assertEquals(Layout.WRAPPED_PARAGRAPHS, r.layout());
        for (Block b : r.blocks()) assertEquals(b.text().strip(), b.text(), "block text is trimmed: " + b);
    }

    @Test
    void offsetsSurviveSurrogatePairs() {
        String text = "\uD83D\uDE80 launch day.\n\nThe \uD835\uDD38 team met.";
        Segmenter.Result r = segment(text);
        assertEquals(text.indexOf("The"), r.blocks().get(1).start());
    }
}
