package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Reason;
import dev.winnow.testing.Invariants;
import dev.winnow.text.TextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captions are recognised by form (a credit tail, a positional marker, a credit-only line), never by topic. */
class CaptionStageTest {
    private static final CaptionStage STAGE = new CaptionStage();
    private static final String PROSE = "The annual river festival drew more visitors than ever before on Saturday.";
    private static final String CAPTION = "Volunteers clear debris from the riverbank on Sunday. EPA via Shutterstock";

    private static void assertDropped(String line, Reason reason) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + PROSE.replace("Saturday", "Sunday"));
        assertRemoved(doc, reason, line);
        assertEquals(1, doc.removals().size(), "only the caption goes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shutterstock", "Photo: Mara Vidal", "(AP Photo/Ana Lopes)", "Bloomberg"})
    void aLineThatIsOnlyACreditIsCreditOnly(String line) {
        assertDropped(line, Reason.CREDIT_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {CAPTION, "Volunteers clear debris from the riverbank on Sunday. (Photo: Mara Vidal)",
            "FILE PHOTO: Volunteers clear debris from the riverbank on Sunday"})
    void aCaptionWithACreditIsACaptionCredit(String line) {
        assertDropped(line, Reason.CAPTION_CREDIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"The mayor (left) greets visitors at the harbour on the opening day",
            "A harbour pilot (R) watches the boats with two fishermen"})
    void aCaptionWithAPositionalMarkerIsCaptionPositional(String line) {
        assertDropped(line, Reason.CAPTION_POSITIONAL);
    }

    @Test
    void aTruncatedCopyBesideACaptionIsAFragment() {
        Document doc = cleanWith(STAGE, PROSE + "\nVolunteers clear debris from the riverbank\n" + CAPTION);
        assertRemoved(doc, Reason.CAPTION_CREDIT, CAPTION);
        assertRemoved(doc, Reason.CAPTION_FRAGMENT, "Volunteers clear debris from the riverbank");
        assertKept(doc, PROSE);
    }

    // --- near misses

    @Test
    void proseLongerThanACaptionMayMentionTheLeftBank() {
        String paragraph = "The first figures came from a survey of local shops, and the second from the tax office, which "
                + "counted forty new businesses in the old harbour district over the year, more than in any year since "
                + "the records began, while the council, which had asked for the survey, said the numbers matched what "
                + "its own staff had seen on their weekly walks along the quay and through the market halls near the "
                + "river (left) bank.";
        assertTrue(TextShape.of(paragraph).words() > CaptionStage.MAX_CAPTION_WORDS, "the paragraph is longer than any caption");
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\n" + paragraph));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The museum will open a photo exhibition about the river in May.",
            "Officials confirmed the figures on Monday. Bloomberg reported them first.",
            "The figures were first published by Bloomberg.",
            "Volunteers cleared the riverbank, and the photos were shared widely.",
    })
    void sentencesThatMentionPhotosOrAgenciesStay(String line) {
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\n" + line));
    }

    @Test
    void aBodySentenceAboutSomeonePicturedStays() {
        String line = "The harbour master (pictured) said the boats would sail again next year if the weather allowed it.";
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\n\n" + line + "\n\n" + PROSE.replace("Saturday", "Sunday")));
    }

    @Test
    void aShortLineAwayFromAnyCaptionIsNotAFragment() {
        Document doc = cleanWith(STAGE, CAPTION + "\n" + PROSE + "\nVolunteers clear debris from the riverbank");
        assertRemoved(doc, Reason.CAPTION_CREDIT, CAPTION);
        assertKept(doc, "Volunteers clear debris from the riverbank");
    }

    @Test
    void aShortLineBesideACaptionButNotCopiedFromItStays() {
        Document doc = cleanWith(STAGE, PROSE + "\nHarbour Clean-Up Day\n" + CAPTION);
        assertKept(doc, "Harbour Clean-Up Day");
    }

    /** A lone line printing one phrase twice is a dumped image (alt text and title): it goes. */
    @ParameterizedTest
    @ValueSource(strings = {"A man hiking along the ridge at dusk. A man hiking along the ridge at dusk.",
            "Lantern boats on the river Lantern boats on the river"})
    void aLoneDoubledLineIsADumpedImage(String line) {
        assertDropped(line, Reason.DOUBLED_LINE);
    }

    /** Near misses: a phrase said twice in other words, a pair of buttons too short to be an image, an odd repeat. */
    @ParameterizedTest
    @ValueSource(strings = {"Reply Reply", "Lantern boats on the river, lantern boats on the sea",
            "Lantern boats on the river Lantern boats on the"})
    void aLineThatIsNotOnePhraseTwiceStays(String line) {
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\n" + line + "\n" + PROSE.replace("Saturday", "Sunday")));
    }

    /** Near miss: doubled lines in a run (each tile of a grid an image and a title) are the grid's items, and stay. */
    @Test
    void doubledLinesInARunAreAGridOfTiles() {
        String grid = "Oak Bookcase Tall Oak Bookcase Tall\nEUR 149\nPine Shelf Unit Pine Shelf Unit\nEUR 89\n"
                + "Walnut Desk Large Walnut Desk Large";
        Document doc = cleanWith(STAGE, PROSE + "\n" + grid);
        assertNothingRemoved(doc);
        assertKept(doc, "Pine Shelf Unit Pine Shelf Unit");
    }

    // --- a gallery's slides

    private static final String SLIDES = "Trail Runner Shoe - Men's 0\nTrail Runner Shoe - Men's 1\nTrail Runner Shoe - Men's 2\n"
            + "Trail Runner Shoe - Men's 3";

    /** A run of lines repeating one label with a counter is a dumped image gallery; the tile's title after it stays. */
    @Test
    void aRunOfNumberedCopiesOfOneLabelIsAGallery() {
        Document doc = cleanWith(STAGE, PROSE + "\n" + SLIDES + "\nTrail Runner Shoe - Men's\n$129.00");
        for (String slide : SLIDES.split("\n")) assertRemoved(doc, Reason.GALLERY_SLIDE, slide);
        assertKept(doc, "Trail Runner Shoe - Men's");
        assertEquals(4, doc.removals().size());
    }

    @Test
    void slideCountersMayReadNOfM() {
        Document doc = cleanWith(STAGE, PROSE + "\nHarbour at dusk 1/3\nHarbour at dusk 2/3\nHarbour at dusk 3/3");
        assertRemoved(doc, Reason.GALLERY_SLIDE, "Harbour at dusk 2/3");
    }

    /**
     * Near misses: two numbered lines are a list's entries; numbered lines with other labels are a list; one line
     * printed again whole is a repeat, not the next slide; program output on a documentation page counts too.
     */
    @Test
    void twoNumberedLinesOrDifferentLabelsStay() {
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\nStep 1\nStep 2\n" + PROSE));
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\nPlatform 1\nGate 2\nTrack 3\n" + PROSE));
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\nPrinting line 7\nPrinting line 7\nPrinting line 7\n" + PROSE));
    }

    @Test
    void countedLinesOnADocumentationPageStay() {
        assertNothingRemoved(Invariants.cleanTyped(STAGE, PROSE + "\nPrinting in g 0\nPrinting in g 1\nPrinting in g 2", "documentation"));
    }
}
