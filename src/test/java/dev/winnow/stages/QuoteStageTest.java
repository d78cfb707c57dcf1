package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A quotation stays where it first appears; a later paragraph that is mostly the same quotation goes.
 * Short phrases, new quotations and paragraphs with much new prose around a quote stay.
 */
class QuoteStageTest {
    private static final QuoteStage STAGE = new QuoteStage();
    private static final String QUOTE = "We have never seen so many boats on the water at once";
    private static final String FIRST = "“" + QUOTE + ",” the harbour master said on Saturday.";
    private static final String MIDDLE = "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.";

    @Test
    void aParagraphThatRestatesAnEarlierQuoteIsARepeat() {
        String repeat = "“" + QUOTE + ",” she said.";
        Document doc = cleanWith(STAGE, FIRST + "\n\n" + MIDDLE + "\n\n" + repeat);
        assertRemoved(doc, Reason.REPEATED_QUOTE, repeat);
        assertKept(doc, FIRST);
        assertEquals(List.of(QUOTE), doc.metadata().all(Field.QUOTES));
    }

    @Test
    void aTruncatedRestatementInStraightQuotesIsARepeat() {
        String repeat = "\"never seen so many boats on the water,\" the harbour master added.";
        Document doc = cleanWith(STAGE, FIRST + "\n\n" + MIDDLE + "\n\n" + repeat);
        assertRemoved(doc, Reason.REPEATED_QUOTE, repeat);
    }

    // --- near misses

    @Test
    void aQuoteRepeatedAsAShortPhraseStays() {
        String echo = "Asked about “so many boats” again on Sunday, the harbour master only smiled.";
        Document doc = cleanWith(STAGE, FIRST + "\n\n" + MIDDLE + "\n\n" + echo);
        assertNothingRemoved(doc);
    }

    @Test
    void aRepeatedQuoteInsideMuchNewProseStays() {
        String paragraph = "Repeating that “" + QUOTE + ",” the harbour master then explained at length how the quay "
                + "would be widened next spring, who would pay for the new moorings and why the fish market must move.";
        assertNothingRemoved(cleanWith(STAGE, FIRST + "\n\n" + MIDDLE + "\n\n" + paragraph));
    }

    @Test
    void aParagraphThatAddsANewQuotationStays() {
        String paragraph = "“" + QUOTE + ",” she said, adding: “Next year we will need a second pier for the visitors.”";
        Document doc = cleanWith(STAGE, FIRST + "\n\n" + paragraph);
        assertNothingRemoved(doc);
        assertEquals(List.of(QUOTE, "Next year we will need a second pier for the visitors"), doc.metadata().all(Field.QUOTES));
    }

    @Test
    void aFullerVersionOfAnEarlierFragmentStays() {
        String fragment = "The harbour master said Saturday was “the biggest night the quay has seen” in years.";
        String full = "“This was the biggest night the quay has seen in fifty years, and we will do it all again next summer,” she said.";
        Document doc = cleanWith(STAGE, fragment + "\n\n" + MIDDLE + "\n\n" + full);
        assertKept(doc, full);
    }

    @Test
    void scareQuotesAreNotQuotations() {
        Document doc = cleanWith(STAGE, "The so-called “lantern tax” was dropped by the council on Friday.");
        assertNothingRemoved(doc);
        assertEquals(List.of(), doc.metadata().all(Field.QUOTES));
    }
}
