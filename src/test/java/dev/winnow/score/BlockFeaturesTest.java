package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.testing.PieceStrings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block features that read a post's byline and where the page's title starts it. */
class BlockFeaturesTest {

    /** datesAndTimes tries its regex only where a run of digits starts; it must count what the plain regex finds. */
    @Test
    void datesAndTimesCountWhatThePlainRegexCounts() {
        String[] pieces = {"0", "1", "12", "123", "2006", "12345", ":", "-", "/", ".", " ", "a", "am", "١", "02:35", "24/02/2006",
                "\uD835\uDFCE", "::", "1:2", "x"};
        for (String text : PieceStrings.of(pieces, 25, 11, 20_000)) {
            java.util.regex.Matcher m = BlockFeatures.DATE_OR_TIME.matcher(text);
            int expected = 0;
            while (m.find()) expected++;
            assertEquals(expected, BlockFeatures.datesAndTimes(text), text);
        }
    }

    @Test
    void datesAndTimesInDigitsAreCountedAndOtherNumbersAreNot() {
        assertEquals(2, BlockFeatures.datesAndTimes("BMilton | 24/02/2006 02:35am | #1"));
        assertEquals(1, BlockFeatures.datesAndTimes("Joined 2016-06-29"));
        assertEquals(0, BlockFeatures.datesAndTimes("Posts: 1,204 Points 4.726 and a ratio of 3:2 stars"), "3:2 is one digit a side");
        assertEquals(0, BlockFeatures.datesAndTimes("Version 10.2 has 12 new features"));
    }

    @Test
    void blocksBeforeThePageTitleAreMarkedAndThoseAfterItCountTheirDistance() {
        String html = "<html><body><div class=top><p>Sign in</p></div><h1>Thread title</h1>"
                + "<div class=post><p>Joined 29/06/2016 14:05</p><p>The first post says something worth reading here.</p></div></body></html>";
        List<Block> blocks = new HtmlFrontEnd().extract(html).blocks();
        double[][] x = BlockFeatures.of(blocks);
        int before = BlockFeatures.NAMES.indexOf("before_h1"), after = BlockFeatures.NAMES.indexOf("after_h1_blocks_log");
        int dates = BlockFeatures.NAMES.indexOf("dates_per_word");
        for (int i = 0; i < blocks.size(); i++) {
            String t = blocks.get(i).text();
            if (t.equals("Sign in")) assertEquals(1, x[i][before], t);
            if (t.equals("Thread title")) assertEquals(0, x[i][before] + x[i][after], t);
            if (t.startsWith("Joined")) {
                assertEquals(Math.log1p(1), x[i][after], 1e-12, t);
                assertTrue(x[i][dates] > 0, t);
            }
            if (t.startsWith("The first post")) assertEquals(0, x[i][dates], t);
        }
    }
}
