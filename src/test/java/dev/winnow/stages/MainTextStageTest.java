package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.text.Normalizer;
import dev.winnow.text.Segmenter;
import org.junit.jupiter.api.Test;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.assertConserved;
import static dev.winnow.testing.Invariants.clean;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The main text is the stretch where prose outweighs chrome (see MainRegion): what lies before or after
 * it goes; short lines, lists and subheadings inside it are bridged.
 */
class MainTextStageTest {
    private static final MainTextStage STAGE = new MainTextStage();
    private static final String P1 = "The harbour lights festival returned on Saturday after a five year pause, organisers said.";
    private static final String P2 = "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.";
    private static final String P3 = "Many of the lanterns were made by hand in a small workshop near the fish market.";
    private static final String ARTICLE = P1 + "\n\n" + P2 + "\n\n" + P3;

    @Test
    void chromeBeforeAndAfterTheProseIsOutsideTheMainText() {
        Document doc = cleanWith(STAGE, "Harbour Guide\nWeekly Events Calendar\nVisit the Old Town\n\n" + ARTICLE
                + "\n\nTen Ways to Keep Your Garden Green\nFive Cheap Weekend Trips by Train\nContact the editors");
        for (String chrome : new String[] {"Harbour Guide", "Weekly Events Calendar", "Visit the Old Town",
                "Ten Ways to Keep Your Garden Green", "Five Cheap Weekend Trips by Train", "Contact the editors"}) {
            assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, chrome);
        }
        assertEquals(ARTICLE, doc.text());
    }

    @Test
    void aMenuRenderedAsBulletsBeforeTheArticleIsOutside() {
        Document doc = cleanWith(STAGE, "• Events\n• Harbour\n• Old Town\n• Contact\n\n" + ARTICLE);
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "• Events");
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "• Contact");
        assertEquals(ARTICLE, doc.text());
    }

    /**
     * A comment heading ends the article: the thread after it is not main text, however long. The rules
     * alone: in the shipped chain the learned scorer may keep replies it is sure of (a forum's thread).
     */
    @Test
    void aCommentThreadAfterTheArticleIsOutsideEvenWhenLonger() {
        String comment = "I went to the festival with my children and we loved every minute of the boat parade on the water.";
        String article = P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\n"
                + "The boats will sail again next year if the weather allows it, the council said in a short statement.";
        String input = article + "\n\n12 Comments\n\n" + comment + "\n\n" + comment.replace("children", "parents")
                + "\n\n" + comment.replace("children", "neighbours") + "\n\n" + comment.replace("children", "friends");
        Document doc = new Pipeline(new Normalizer(), new Segmenter(), Profiles.textStages()).clean(input);
        assertConserved(input, doc);
        assertRemoved(doc, Reason.COMMENT_COUNTER, "12 Comments");
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, comment);
        assertEquals(article, doc.text());
    }

    // --- near misses

    @Test
    void aSubheadingAndAShortListInsideTheArticleAreBridged() {
        String input = P1 + "\n\nLantern Makers Return\n\n" + P2 + "\n\n• Paper\n• Wire\n\n" + P3;
        Document doc = cleanWith(STAGE, input);
        assertNothingRemoved(doc);
        assertKept(doc, "Lantern Makers Return");
        assertKept(doc, "Wire");
    }

    @Test
    void withoutProseNothingIsRemoved() {
        assertNothingRemoved(cleanWith(STAGE, "Harbour Guide\nWeekly Events Calendar\n• Events\n• Contact"));
    }

    @Test
    void aLongUnpunctuatedParagraphCountsAsProse() {
        String sloppy = "thousands of visitors walked along the quay to watch the lantern boats drift past the old pier";
        Document doc = cleanWith(STAGE, P1 + "\n\n" + sloppy + "\n\n" + P3);
        assertNothingRemoved(doc);
    }
}
