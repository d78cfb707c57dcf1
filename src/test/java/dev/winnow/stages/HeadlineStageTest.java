package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Reason;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.Test;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A headline-shaped line after the prose has begun is another story's headline when no prose follows it
 * and its words are foreign to the article; a subheading introduces prose or shares the article's words.
 */
class HeadlineStageTest {
    private static final HeadlineStage STAGE = new HeadlineStage();
    private static final String ARTICLE = "The harbour lights festival returned on Saturday after a five year pause, organisers said.\n\n"
            + "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.";
    private static final String TEASER = "Ten Ways to Keep Your Garden Green Through a Dry Summer";

    @Test
    void aTrailingHeadlineAboutAnotherTopicIsUnrelated() {
        Document doc = cleanWith(STAGE, ARTICLE + "\n\n" + TEASER);
        assertRemoved(doc, Reason.UNRELATED_HEADLINE, TEASER);
        assertEquals(1, doc.removals().size());
    }

    @Test
    void aRunOfTeasersAfterTheArticleIsUnrelated() {
        Document doc = cleanWith(STAGE, ARTICLE + "\n\n" + TEASER + "\nWhy Train Fares Rise Every January");
        assertRemoved(doc, Reason.UNRELATED_HEADLINE, TEASER);
        assertRemoved(doc, Reason.UNRELATED_HEADLINE, "Why Train Fares Rise Every January");
    }

    // --- near misses

    @Test
    void aSubheadingThatIntroducesProseStays() {
        assertNothingRemoved(cleanWith(STAGE, ARTICLE + "\n\nCity Gardens Compete\n\n"
                + "Many of the lanterns were made by hand in a small workshop near the fish market."));
    }

    @Test
    void aTrailingHeadlineOnTheArticlesTopicStays() {
        Document doc = cleanWith(STAGE, ARTICLE + "\n\nHarbour Lantern Boats Drift Past the Pier");
        assertKept(doc, "Harbour Lantern Boats Drift Past the Pier");
    }

    @Test
    void aNameShapedLineAfterTheArticleIsLeftForTheBylineStage() {
        assertNothingRemoved(cleanWith(STAGE, ARTICLE + "\n\nAna Sofia Lopes"));
    }

    @Test
    void aHeadlineBeforeTheProseIsTheArticlesOwn() {
        assertNothingRemoved(cleanWith(STAGE, TEASER + "\n\n" + ARTICLE));
    }

    @Test
    void withoutProseNoHeadlineIsJudged() {
        assertNothingRemoved(cleanWith(STAGE, TEASER + "\nWhy Train Fares Rise Every January"));
    }

    /**
     * On a service page headline-shaped lines are the page's sections (what the firm offers, a line each), not other
     * stories: none is cut. The near miss: the same text typed as an article loses the foreign headline as before.
     */
    @Test
    void aServicePagesSectionLinesAreItsContent() {
        String page = ARTICLE + "\n\n" + TEASER;
        assertNothingRemoved(typed(page, "service"));
        assertRemoved(typed(page, "article"), Reason.UNRELATED_HEADLINE, TEASER);
    }

    /**
     * An article's checklist: its tasks are headline-shaped and share few words with the prose, and are the article. The
     * near miss: the same lines as a few checkboxes, under the checklist's size, are judged as headlines.
     */
    @Test
    void anArticlesChecklistItemsAreNotHeadlines() {
        StringBuilder page = new StringBuilder(ARTICLE + "\n\n");
        String[] tasks = {"Choose Wedding Date Range Early", "Hire Florist And Secure Date", "Book Music For Reception Night",
                "Send Save The Date Cards", "Plan Stationery And Order Invites", "Arrange Transportation For Guests Today",
                "Order Rentals Like Linens Chairs", "Create Seating Chart For Tables", "Write Vows And Pick Readings",
                "Attend Rehearsal With Bridal Party"};
        for (String t : tasks) page.append("[ ] ").append(t).append("\n\n");
        Document checklist = typed(page.toString(), "article");
        for (String t : tasks) assertKept(checklist, "[ ] " + t);
        String few = ARTICLE + "\n\n[ ] " + tasks[0] + "\n\n[ ] " + tasks[1];
        assertRemoved(typed(few, "article"), Reason.UNRELATED_HEADLINE, "[ ] " + tasks[0]);
    }

    private static Document typed(String input, String pageType) {
        return Invariants.cleanTyped(STAGE, input, pageType);
    }

    // --- a product's specifications, in plain text

    private static final String PRODUCT = "This stoneware mug has a gentle curve that fits between your fingers on a cold morning.\n\n"
            + "Each one is thrown by hand, so the glaze and the shape differ a little from mug to mug.";

    /** On a product page a "Label: value" line is a specification, kept however few words it shares with the prose. */
    @Test
    void aProductsSpecificationLineStays() {
        String input = PRODUCT + "\n\nCapacity: 13.5 fluid ounces\nMaterials: Stoneware and glaze";
        Document doc = Invariants.cleanTyped(STAGE, input, "product");
        assertKept(doc, "Capacity: 13.5 fluid ounces");
        assertKept(doc, "Materials: Stoneware and glaze");
        assertNothingRemoved(doc);
    }

    /** Near misses: the same line on an article is a headline like any other; a product page's teaser is still cut. */
    @Test
    void aSpecificationLineOffProductsOrATeaserOnOneIsJudgedAsAHeadline() {
        Document article = Invariants.cleanTyped(STAGE, PRODUCT + "\n\nCapacity: 13.5 fluid ounces", "article");
        assertRemoved(article, Reason.UNRELATED_HEADLINE, "Capacity: 13.5 fluid ounces");
        Document product = Invariants.cleanTyped(STAGE, PRODUCT + "\n\n" + TEASER, "product");
        assertRemoved(product, Reason.UNRELATED_HEADLINE, TEASER);
    }
}
