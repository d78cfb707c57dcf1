package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Scores;
import dev.winnow.html.HtmlFrontEnd;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The block scorer: the shipped model fits this build's features, boosted forests read as XGBoost wrote them. */
class BlockScorerTest {

    @Test
    void theShippedModelWasTrainedOnTheFeaturesThisBuildComputes() {
        // BlockScorer refuses a model whose feature list differs: a feature change needs `make train`
        BlockScorer html = BlockScorer.html();
        assertTrue(html.identity().startsWith("winnow-html-blocks@"), html.identity());
        // named from its bytes before it is read, the same name the model gives once read
        assertEquals(Forest.resource(BlockScorer.HTML_MODEL).identity(), html.identity());
        assertEquals(1, html.score(new HtmlFrontEnd().extract("<p>One paragraph.</p>").blocks()).length);
    }

    @Test
    void anArticleParagraphOutscoresAMenuOnTheShippedHtmlModel() {
        List<Block> blocks = new HtmlFrontEnd().extract(newsPage()).blocks();
        double[] s = BlockScorer.html().score(blocks);
        double menu = -1, prose = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).text().equals("Home")) menu = s[i];
            if (blocks.get(i).text().startsWith("The harbour lights")) prose = s[i];
            assertTrue(s[i] >= 0 && s[i] <= 1, "a probability");
        }
        assertTrue(prose > 0.5 && menu < prose, "prose " + prose + ", menu " + menu);
    }

    /** A boosted file sums its leaves' margins and gives their logistic. */
    @Test
    void aBoostedForestGivesTheLogisticOfItsSummedLeaves() throws IOException {
        String json = "{\"name\":\"t\",\"output\":\"logistic\",\"base_margin\":0.5,\"features\":[\"a\"],\"trees\":["
                + "{\"feature\":[0,-1,-1],\"threshold\":[1.0,0,0],\"left\":[1,0,0],\"right\":[2,0,0],\"value\":[0,-2.0,1.0]},"
                + "{\"feature\":[-1],\"threshold\":[0],\"left\":[0],\"right\":[0],\"value\":[0.25]}]}";
        Forest f = Forest.parse(json.getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(1 / (1 + Math.exp(-(0.5 - 2.0 + 0.25))), f.predict(new double[] {1.0}), 1e-12);
        assertEquals(1 / (1 + Math.exp(-(0.5 + 1.0 + 0.25))), f.predict(new double[] {1.5}), 1e-12);
    }

    /** Scoring a page's blocks tree by tree gives each block the very bits scoring it alone gives. */
    @Test
    void predictingRowsTogetherGivesTheSameBitsAsOneByOne() {
        List<Block> blocks = new HtmlFrontEnd().extract(newsPage()).blocks();
        double[][] x = BlockFeatures.of(blocks);
        Forest shipped = Forest.resource(BlockScorer.HTML_MODEL);
        double[] together = shipped.predictAll(x);
        for (int i = 0; i < x.length; i++) assertEquals(shipped.predict(x[i]), together[i], 0.0, "block " + i);
    }

    /** A block scored alone when a stage first reads it has the very bits scoring the whole page at once gives it. */
    @Test
    void scoringOneBlockAloneGivesItsBatchScore() {
        List<Block> blocks = new HtmlFrontEnd().extract(newsPage()).blocks();
        double[] batch = BlockScorer.html().score(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(batch[i], BlockScorer.html().scores(blocks).of(i), 0.0, "block " + i + " alone");
        }
        // read in another order and in batches of some blocks, each still gets its own score
        Scores lazy = BlockScorer.html().scores(blocks);
        for (int i = blocks.size() - 1; i >= 0; i -= 2) assertEquals(batch[i], lazy.of(i), 0.0, "block " + i + " backwards");
        int[] rest = java.util.stream.IntStream.range(0, blocks.size()).toArray();
        double[] together = lazy.of(rest);
        for (int i = 0; i < blocks.size(); i++) assertEquals(batch[i], together[i], 0.0, "block " + i + " in a batch");
    }

    /** The same on real pages, whose sections, repeats and windows the page sums carry. */
    @Test
    void scoringBlocksAloneGivesTheirBatchScoresOnDevelopmentPages() {
        int pages = 0;
        for (byte[] bytes : dev.winnow.quality.AebHtml.pages().values()) {
            if (pages++ == 6) break;
            List<Block> blocks = new HtmlFrontEnd().extract(dev.winnow.quality.AebHtml.decode(bytes)).blocks();
            double[] batch = BlockScorer.html().score(blocks);
            Scores lazy = BlockScorer.html().scores(blocks);
            for (int i = 0; i < blocks.size(); i += 3) assertEquals(batch[i], lazy.of(i), 0.0, "block " + i);
            for (int i = 0; i < blocks.size(); i++) assertEquals(batch[i], lazy.of(i), 0.0, "block " + i);
        }
    }

    @Test
    void anUnknownOutputIsRefused() {
        String json = "{\"name\":\"t\",\"output\":\"softmax\",\"features\":[\"a\"],\"trees\":[{\"feature\":[-1],"
                + "\"threshold\":[0],\"left\":[0],\"right\":[0],\"value\":[0.25]}]}";
        assertThrows(IOException.class, () -> Forest.parse(json.getBytes(StandardCharsets.UTF_8), "test"));
    }

    @Test
    void aModelForOtherFeaturesIsRefusedWithAHint() throws IOException {
        String json = "{\"name\":\"t\",\"features\":[\"a\"],\"trees\":[{\"feature\":[-1],\"threshold\":[0],\"left\":[0],"
                + "\"right\":[0],\"value\":[0.25]}]}";
        Forest f = Forest.parse(json.getBytes(StandardCharsets.UTF_8), "test");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlockScorer(f));
        assertTrue(e.getMessage().contains("make train"));
    }

    /** A menu, a headline, five paragraphs of prose and a footer. */
    private static String newsPage() {
        StringBuilder page = new StringBuilder("<html><body><nav><ul><li><a href=/a>Home</a></li><li><a href=/b>World</a>"
                + "</li><li><a href=/c>Sport</a></li></ul></nav><article><h1>Harbour lights return</h1>");
        for (int i = 0; i < 5; i++) {
            page.append("<p>The harbour lights festival returned on Saturday after a five year pause, and thousands of ")
                    .append("visitors walked along the quay to watch the lantern boats drift past the pier ").append(i).append(".</p>");
        }
        page.append("</article><footer><a href=/p>Privacy</a> <a href=/t>Terms</a></footer></body></html>");
        return page.toString();
    }
}
