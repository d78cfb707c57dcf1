package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.clean;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Metadata is found relative to the article's prose (the main region): the headline just before it, a
 * byline beside it, a date near its start, a "— Outlet" credit glued to its last sentence and section
 * labels inside it. Every input therefore carries two real paragraphs.
 */
class MetadataStageTest {
    private static final MetadataStage STAGE = new MetadataStage();
    private static final String FIRST = "The harbour lights festival returned on Saturday after a five year pause, organisers said.";
    private static final String SECOND = "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.";
    private static final String ARTICLE = FIRST + "\n\n" + SECOND;
    private static final String HEADLINE = "Harbour Lights Festival Returns After Five Years";

    @Test
    void theHeadlineBeforeTheProseBecomesTheTitle() {
        Document doc = cleanWith(STAGE, HEADLINE + "\n\n" + ARTICLE);
        assertRemoved(doc, Reason.TITLE, HEADLINE);
        assertEquals(HEADLINE, doc.metadata().get(Field.TITLE));
        assertEquals(FIRST + "\n\n" + SECOND, doc.text());
    }

    @Test
    void aByLineBecomesTheAuthors() {
        Document doc = cleanWith(STAGE, HEADLINE + "\nBy Lena Marsh and Tomas Reyes\n\n" + ARTICLE);
        assertRemoved(doc, Reason.BYLINE, "By Lena Marsh and Tomas Reyes");
        assertRemoved(doc, Reason.TITLE, HEADLINE);
        assertEquals(List.of("Lena Marsh", "Tomas Reyes"), doc.metadata().all(Field.AUTHORS));
        assertEquals(HEADLINE, doc.metadata().get(Field.TITLE), "a byline under the headline is not the title");
    }

    @Test
    void aByLineKeepsOnlyTheNamesBeforeARole() {
        Document doc = cleanWith(STAGE, "By Lena Marsh | Staff writer\n\n" + ARTICLE);
        assertRemoved(doc, Reason.BYLINE, "By Lena Marsh | Staff writer");
        assertEquals(List.of("Lena Marsh"), doc.metadata().all(Field.AUTHORS));
    }

    @Test
    void aLoneByFollowedByANameIsOneByline() {
        Document doc = cleanWith(STAGE, "By:\nLena Marsh\n\n" + ARTICLE);
        assertRemoved(doc, Reason.BYLINE, "By:");
        assertRemoved(doc, Reason.BYLINE, "Lena Marsh");
        assertEquals(List.of("Lena Marsh"), doc.metadata().all(Field.AUTHORS));
    }

    @Test
    void aBareNameRightAfterTheLastParagraphIsAByline() {
        Document doc = cleanWith(STAGE, ARTICLE + "\n\nLena Marsh");
        assertRemoved(doc, Reason.BYLINE, "Lena Marsh");
        assertEquals(List.of("Lena Marsh"), doc.metadata().all(Field.AUTHORS));
    }

    @Test
    void aDateLineNearTheStartBecomesCreated() {
        Document doc = cleanWith(STAGE, HEADLINE + "\nPublished March 4, 2023\n\n" + ARTICLE);
        assertRemoved(doc, Reason.DATE_LINE, "Published March 4, 2023");
        assertEquals("2023-03-04", doc.metadata().get(Field.CREATED));
    }

    @Test
    void anIsoDateLineBecomesCreated() {
        Document doc = cleanWith(STAGE, "2021-11-30\n\n" + ARTICLE);
        assertRemoved(doc, Reason.DATE_LINE, "2021-11-30");
        assertEquals("2021-11-30", doc.metadata().get(Field.CREATED));
    }

    @Test
    void aDateLineWithAMonthItCannotReadIsRemovedWithoutACreatedDate() {
        Document doc = cleanWith(STAGE, "4 Brumaire 2023\n\n" + ARTICLE);
        assertRemoved(doc, Reason.DATE_LINE, "4 Brumaire 2023");
        assertNull(doc.metadata().get(Field.CREATED));
    }

    @Test
    void aSourceCreditGluedToTheLastSentenceBecomesThePublisher() {
        Document doc = cleanWith(STAGE, FIRST + "\n\n" + SECOND + " The boats sailed at dusk. — Coastal Daily");
        assertRemoved(doc, Reason.PUBLISHER_CREDIT, "— Coastal Daily");
        assertEquals("Coastal Daily", doc.metadata().get(Field.PUBLISHER));
        assertKept(doc, SECOND + " The boats sailed at dusk.");
    }

    @Test
    void aSourceCreditAfterAOneSentenceParagraphBecomesThePublisher() {
        String input = FIRST + "\n\n" + SECOND + " — Coastal Daily";
        Document doc = cleanWith(STAGE, input);
        assertRemoved(doc, Reason.PUBLISHER_CREDIT, "— Coastal Daily");
        assertEquals("Coastal Daily", doc.metadata().get(Field.PUBLISHER));

        Document full = clean(input);
        assertKept(full, SECOND);
        assertEquals("Coastal Daily", full.metadata().get(Field.PUBLISHER));
    }

    @Test
    void labelsGluedToParagraphsBecomeSections() {
        Document doc = cleanWith(STAGE, FIRST + "\n\nWhat We Know: " + SECOND
                + "\n\nWhat Comes Next The festival brings more trade to the harbour shops than any other weekend of the year.");
        assertRemoved(doc, Reason.SECTION_LABEL, "What We Know:");
        assertRemoved(doc, Reason.SECTION_LABEL, "What Comes Next");
        assertEquals(List.of("What We Know", "What Comes Next"), doc.metadata().all(Field.SECTIONS));
        assertKept(doc, SECOND);
        assertKept(doc, "The festival brings more trade to the harbour shops than any other weekend of the year.");
    }

    // --- near misses

    @Test
    void inMarkupALabelInsideAParagraphIsTheAuthorsLeadIn() {
        // the same label as above, but one element's text: "<strong>What We Know:</strong> ..." is how the author wrote it
        String page = "<html><body><article><p>" + FIRST + "</p><p><strong>What We Know:</strong> " + SECOND + "</p><p>"
                + "The festival brings more trade to the harbour shops than any other weekend of the year.</p></article></body></html>";
        Document doc = dev.winnow.testing.Invariants.cleanHtmlTyped(page, "article");
        assertKept(doc, "What We Know: " + SECOND);
        assertEquals(List.of(), doc.metadata().all(Field.SECTIONS));
    }

    @Test
    void aNameShapedSubheadingInsideTheArticleIsNotAByline() {
        Document doc = cleanWith(STAGE, ARTICLE + "\n\nLena Marsh\n\n"
                + "Many of the lanterns were made by hand in a small workshop near the fish market, she said.\n\n"
                + "The boats will sail again next year if the weather allows it, the council said.");
        assertKept(doc, "Lena Marsh");
        assertEquals(List.of(), doc.metadata().all(Field.AUTHORS));
    }

    @Test
    void aSubheadingInsideTheArticleIsNotTheTitle() {
        Document doc = cleanWith(STAGE, ARTICLE + "\n\nLantern Makers Return\n\n"
                + "Many of the lanterns were made by hand in a small workshop near the fish market.");
        assertNothingRemoved(doc);
        assertNull(doc.metadata().get(Field.TITLE));
    }

    @Test
    void aDateInsideASentenceIsNotADateLine() {
        Document doc = cleanWith(STAGE, "The festival ends on March 4, 2023, organisers said in a statement.\n\n" + SECOND);
        assertNothingRemoved(doc);
        assertNull(doc.metadata().get(Field.CREATED));
    }

    @Test
    void dashesInsideASentenceAreNotASourceCredit() {
        Document doc = cleanWith(STAGE, FIRST
                + "\n\nThousands of visitors walked along the quay - some of them for the first time - to watch the boats.");
        assertNothingRemoved(doc);
        assertNull(doc.metadata().get(Field.PUBLISHER));
    }

    @Test
    void aOneWordLeadIsNotASectionLabel() {
        assertNothingRemoved(cleanWith(STAGE, ARTICLE
                + "\n\nNote: The quay will stay closed to cars until Monday morning, the harbour office said."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Updated 3 hours ago", "5 min read", "Lena Marsh | 12 Comments", "Posted in Local Events"})
    void aMetaLineBetweenTheHeadlineAndTheProseIsNotTheTitle(String metaLine) {
        Document doc = cleanWith(STAGE, HEADLINE + "\n" + metaLine + "\n\n" + ARTICLE);
        assertEquals(HEADLINE, doc.metadata().get(Field.TITLE));
        assertRemoved(doc, Reason.TITLE, HEADLINE);
    }

    @Test
    void aRoleLineUnderTheNameIsNotAnAuthor() {
        Document doc = cleanWith(STAGE, HEADLINE + "\nLena Marsh\nSenior Reporter\n\n" + ARTICLE);
        assertEquals(List.of("Lena Marsh"), doc.metadata().all(Field.AUTHORS));
    }

    @Test
    void aTopicKickerAboveTheHeadlineIsNotAnAuthor() {
        Document doc = cleanWith(STAGE, "Climate Change\n" + HEADLINE + "\n\n" + ARTICLE);
        assertEquals(List.of(), doc.metadata().all(Field.AUTHORS));
        assertEquals(HEADLINE, doc.metadata().get(Field.TITLE));
    }

    @Test
    void withoutProseNothingIsMetadata() {
        assertNothingRemoved(cleanWith(STAGE, HEADLINE + "\nBy Lena Marsh\nMarch 4, 2023"));
    }
}
