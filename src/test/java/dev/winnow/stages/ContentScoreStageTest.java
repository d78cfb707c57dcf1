package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.core.Removal;
import dev.winnow.core.Scorer;
import dev.winnow.core.Segmenter;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.testing.StubScorer;
import dev.winnow.text.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.assertConserved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learned scorer in the chain: content_score cuts what it scores low, with the score as evidence; on
 * pages not typed as articles it overrules the soft markup cuts, and the main-text region leaves them to it.
 * A stub scorer stands in for the model, so each test says exactly what the model claims.
 */
class ContentScoreStageTest {
    private static final String LEDE = "The harbour lights festival returned on Saturday after a five year pause, organisers said today.";
    private static final String BODY = "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.";

    /** Scores each block by the first key its text contains; 0.9 for the rest. */
    private static Scorer stub(Map<String, Double> scores) {
        return StubScorer.of(scores);
    }

    private static Document clean(Stage stage, Scorer scorer, String text) {
        Document doc = new Pipeline(new Normalizer(), new Segmenter(), List.of(stage), scorer).clean(text);
        assertConserved(text, doc);
        return doc;
    }

    @Test
    void aBlockScoredUnderTheThresholdIsCutWithItsScoreAsEvidence() {
        Document doc = clean(new ContentScoreStage(0.35), stub(Map.of("Size guide", 0.1, "Free returns", 0.34)),
                "Size guide\n\nFree returns within 30 days\n\n" + LEDE + "\n\n" + BODY);
        Removal r = assertRemoved(doc, Reason.LOW_CONTENT_SCORE, "Size guide");
        assertEquals(0.1, r.score(), 1e-9);
        assertRemoved(doc, Reason.LOW_CONTENT_SCORE, "Free returns within 30 days");
        assertEquals(LEDE + "\n\n" + BODY, doc.text());
    }

    @Test
    void aScoreAtTheThresholdIsKept() {
        assertNothingRemoved(clean(new ContentScoreStage(0.35), stub(Map.of("Size guide", 0.35)), "Size guide\n\n" + BODY));
    }

    /** A long sentence stays whatever the model says: a dump's lede looks like the menu lines before it. */
    @Test
    void aLongSentenceIsKeptDespiteALowScore() {
        Document doc = clean(new ContentScoreStage(0.35), stub(Map.of("harbour lights", 0.05, "Menu", 0.05)),
                "Menu\n\n" + LEDE + "\n\n" + BODY);
        assertRemoved(doc, Reason.LOW_CONTENT_SCORE, "Menu");
        assertKept(doc, LEDE);
    }

    @Test
    void aPageTheScorerWouldEmptyIsLeftWhole() {
        assertNothingRemoved(clean(new ContentScoreStage(0.35), stub(Map.of("Size", 0.1, "Free", 0.2)),
                "Size guide\n\nFree returns within 30 days"));
    }

    @Test
    void withoutAScorerNothingIsCut() {
        String text = "Size guide\n\n" + BODY;
        Document doc = new Pipeline(new Normalizer(), new Segmenter(), List.of(new ContentScoreStage(0.35))).clean(text);
        assertNothingRemoved(doc);
    }

    private static final String STORY = "<article><p>" + LEDE + "</p><p>" + BODY + "</p><p>Many of the lanterns were made "
            + "by hand in a small workshop near the fish market, and the boats will sail again next year.</p></article>";
    private static final String REPLY = "I went with my children and we loved every minute of the boat parade on the water.";
    private static final String FORUM = "<html><body><nav><a href=/>Home</a> <a href=/f>Forums</a></nav>" + STORY
            + "<div class=comments><div class=comment><p>" + REPLY + "</p></div></div></body></html>";

    private static Document html(String page, String pageType, Scorer scorer) {
        HtmlFrontEnd.Extracted e = new HtmlFrontEnd().extract(page);
        List<Verdict.Fact> facts = new java.util.ArrayList<>(e.facts());
        if (pageType != null) facts.add(new Verdict.Fact(Field.PAGE_TYPE, pageType));
        return Profiles.html(scorer).run(e.source(), Layout.HTML, e.blocks(), facts);
    }

    /** A forum's posts sit under class="comment": on a forum page the scorer says they are the content. */
    @Test
    void onAForumTheScorerOverrulesTheCommentsContainer() {
        Document doc = html(FORUM, "forum", stub(Map.of("Home", 0.05)));
        assertKept(doc, LEDE);
        assertKept(doc, REPLY);
        assertFalse(doc.text().contains("Forums"));
    }

    /** On an article the markup names its chrome reliably: comments stay comments whatever the score. */
    @Test
    void onAnArticleTheMarkupCutsStand() {
        Document doc = html(FORUM, "article", stub(Map.of("Home", 0.05)));
        assertKept(doc, LEDE);
        assertRemoved(doc, Reason.MARKUP_COMMENTS, REPLY);
    }

    /**
     * A forum that prints its replies under class="comment": they hold more of the page's words than the opening post,
     * so they are its content, and the posts' sentences stay however low the scorer (which learned comments as chrome)
     * scores them; a member card in the thread it still cuts.
     */
    @Test
    void aThreadPrintedUnderCommentsKeepsItsPostsWhateverTheirScore() {
        String more = "The lanterns looked even better from the bridge, so we stayed there until the very last boat came in.";
        String page = "<html><body><nav><a href=/>Home</a> <a href=/f>Forums</a></nav><h1>Lantern boats</h1>"
                + "<div class=thread><div class=post><p>" + LEDE + "</p></div>"
                + "<div class=comment><p>Gold member</p><p>" + BODY + "</p></div><div class=comment><p>" + REPLY + "</p></div>"
                + "<div class=comment><p>" + more + "</p></div></div></body></html>";
        Document doc = html(page, "forum", stub(Map.of("children", 0.05, "quay", 0.1, "Gold member", 0.1, "Home", 0.05)));
        assertKept(doc, LEDE);
        assertKept(doc, BODY);
        assertKept(doc, REPLY);
        assertKept(doc, more);
        assertRemoved(doc, Reason.LOW_CONTENT_SCORE, "Gold member");
        // the same thread on an article's page stays the comments it says it is
        assertRemoved(html(page, "article", stub(Map.of("Home", 0.05))), Reason.MARKUP_COMMENTS, REPLY);
    }

    /** The scorer only ever keeps what a soft cut would take: a low score saves nothing, a high one not noscript. */
    @Test
    void aLowScoreSavesNothingAndNoScoreSavesNoscript() {
        String page = "<html><body><noscript><p>Please enable JavaScript to view the comments.</p></noscript>" + STORY
                + "<div class=comments><p>" + REPLY + "</p></div></body></html>";
        Document doc = html(page, "forum", stub(Map.of("children", 0.2, "JavaScript", 0.99)));
        assertRemoved(doc, Reason.MARKUP_COMMENTS, REPLY);
        assertRemoved(doc, Reason.MARKUP_NOSCRIPT, "Please enable JavaScript to view the comments.");
        assertKept(doc, LEDE);
    }

    /** A category page: its title, an introduction, the filter list (nav-named, below the title as grids print it), tiles. */
    private static final String GRID = "<html><body><h1>Camping gear</h1><p>" + LEDE + "</p><nav><ul><li><a href=/c/tents>Tents</a></li>"
            + "<li><a href=/c/bags>Sleeping bags</a></li></ul></nav><div class=tile><p>Trail Tent 2</p><p>4.7 out of 5 stars</p>"
            + "</div><div class=tile><p>Summit Bag</p><p>Free shipping</p></div></body></html>";

    /** A collection's tile lines score low with a model that learned chrome on articles: only a confident score cuts them. */
    @Test
    void onACollectionOnlyAConfidentScoreCutsATileLine() {
        Map<String, Double> scores = Map.of("4.7 out of 5", 0.2, "Free shipping", 0.05);
        Document collection = html(GRID, "collection", stub(scores));
        assertKept(collection, "4.7 out of 5 stars");
        assertRemoved(collection, Reason.LOW_CONTENT_SCORE, "Free shipping");
        // near miss: a product page keeps the default cut
        assertRemoved(html(GRID, "product", stub(scores)), Reason.LOW_CONTENT_SCORE, "4.7 out of 5 stars");
    }

    /** A collection's filter lists sit in nav-named containers: a lower score than elsewhere saves them. */
    @Test
    void onACollectionTheScorerSavesAMarkupCutFromALowerScore() {
        Map<String, Double> scores = Map.of("Tents", 0.25, "Sleeping bags", 0.1);
        Document collection = html(GRID, "collection", stub(scores));
        assertKept(collection, "Tents");
        assertRemoved(collection, Reason.MARKUP_NAVIGATION, "Sleeping bags");
        assertRemoved(html(GRID, "service", stub(scores)), Reason.MARKUP_NAVIGATION, "Tents");
    }

    /** On a forum an uncertain score cuts (0.5), and a long sentence goes under 0.25, not only under 0.15. */
    @Test
    void onAForumTheCutsAreHigher() {
        String page = "<html><body><h1>Boat parade</h1><p>" + LEDE + "</p><p>" + BODY + "</p><p>" + REPLY + "</p>"
                + "<p>Sent from my phone</p></body></html>";
        Map<String, Double> scores = Map.of("Sent from", 0.4, "harbour lights", 0.2, "Thousands", 0.3);
        Document forum = html(page, "forum", stub(scores));
        assertRemoved(forum, Reason.LOW_CONTENT_SCORE, "Sent from my phone");
        assertRemoved(forum, Reason.LOW_CONTENT_SCORE, LEDE);
        assertKept(forum, BODY);
        assertKept(forum, REPLY);
        // near miss: elsewhere 0.4 is content and a long sentence at 0.2 is not confident enough to cut
        Document service = html(page, "service", stub(scores));
        assertKept(service, "Sent from my phone");
        assertKept(service, LEDE);
    }

    /** Off articles a long sentence is cut when the score is confident (under 0.15), kept when it is merely low. */
    @Test
    void offArticlesALongSentenceIsCutOnlyOnAConfidentScore() {
        String page = "<html><body><h1>Trail Jacket</h1><p>" + LEDE + "</p><p>" + BODY + "</p><p>" + REPLY + "</p></body></html>";
        Document product = html(page, "product", stub(Map.of("harbour lights", 0.05, "Thousands", 0.3)));
        Removal r = assertRemoved(product, Reason.LOW_CONTENT_SCORE, LEDE);
        assertEquals(0.05, r.score(), 1e-9);
        assertKept(product, BODY);
        assertKept(product, REPLY);
        Document article = html(page, "article", stub(Map.of("harbour lights", 0.05, "Thousands", 0.3)));
        assertKept(article, LEDE);
    }

    /**
     * A collection cuts tile lines only under 0.10, and a long sentence (the category text under its grid) only under
     * 0.04: the same proportion to the block cut as the default's.
     */
    @Test
    void onACollectionALongSentenceIsCutOnlyUnderTheLowerProseCut() {
        String page = "<html><body><h1>Trail Jackets</h1><p>" + LEDE + "</p><p>" + BODY + "</p><p>Summit Shell</p>"
                + "<p>Free shipping</p></body></html>";
        Map<String, Double> scores = Map.of("harbour lights", 0.07, "Thousands", 0.02, "Free shipping", 0.07);
        Document collection = html(page, "collection", stub(scores));
        assertKept(collection, LEDE);
        assertRemoved(collection, Reason.LOW_CONTENT_SCORE, BODY);
        assertRemoved(collection, Reason.LOW_CONTENT_SCORE, "Free shipping");
        // near miss: on a product page a long sentence at 0.07 is a confident enough score to cut
        assertRemoved(html(page, "product", stub(scores)), Reason.LOW_CONTENT_SCORE, LEDE);
    }

    @Test
    void theMainTextRegionBoundsArticlesOnly() {
        String text = new Normalizer().normalize("Weekly Events Calendar\n\nVisit the Old Town\n\n" + LEDE + "\n\n" + BODY
                + "\n\nTen Ways to Keep Your Garden Green");
        Pipeline chain = new Pipeline(new Normalizer(), new Segmenter(), List.of(MainTextStage.articlesOnly()));
        List<Block> blocks = new Segmenter().segment(text).blocks();
        Document article = chain.run(text, Layout.BLANK_LINE_PARAGRAPHS, blocks, List.of(new Verdict.Fact(Field.PAGE_TYPE, "article")));
        assertRemoved(article, Reason.OUTSIDE_MAIN_TEXT, "Weekly Events Calendar");
        Document listing = chain.run(text, Layout.BLANK_LINE_PARAGRAPHS, blocks, List.of(new Verdict.Fact(Field.PAGE_TYPE, "listing")));
        assertNothingRemoved(listing);
    }

    /**
     * A collection keeps its tiles' lines down to a score of 0.10, but a tile's price and cart row (buying-widget classes)
     * must reach the default cut to stay; a tile's name scored the same, outside those classes, stays.
     */
    @Test
    void onACollectionABuyingWidgetNeedsTheDefaultScore() {
        String name = "Harbour Lantern, Brass", price = "Sale price $49.99";
        String page = "<html><body><main><h1>Lanterns</h1><p>" + LEDE + "</p><ul class=grid><li class=tile><h3>" + name
                + "</h3><div class=price>" + price + "</div></li></ul><p>" + BODY + "</p></main></body></html>";
        Scorer scorer = stub(Map.of(name, 0.2, price, 0.2));
        Document doc = html(page, "collection", scorer);
        assertKept(doc, name);
        assertRemoved(doc, Reason.LOW_CONTENT_SCORE, price);
        // near misses: a price the scorer rates at the default cut stays, and so does one on a page of another type
        assertKept(html(page, "collection", stub(Map.of(name, 0.2, price, 0.36))), price);
        assertKept(html(page, "service", stub(Map.of(name, 0.25, price, 0.25))), price);
    }
}
