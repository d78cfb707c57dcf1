package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.core.Segmenter;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.clean;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Link cards (a slug beside its headline) and repeats. Before the article's prose a slug's headline is
 * the article's own title and stays for the metadata stage; after the prose it is a teaser for another story.
 */
class SlugStageTest {
    private static final SlugStage STAGE = new SlugStage();
    private static final String PROSE = "The annual river festival drew more visitors than ever before on Saturday.";
    private static final String MORE_PROSE = "Boats were decorated with lanterns and flags along the whole quay.";

    @ParameterizedTest
    @ValueSource(strings = {"river-festival-draws-record-crowds", "https://example.org/news/2023/river-festival",
            "www.example.org/river"})
    void aSlugOrUrlAloneOnItsLineGoes(String slug) {
        Document doc = cleanWith(STAGE, slug + "\n\n" + PROSE);
        assertRemoved(doc, Reason.URL_SLUG, slug);
        assertKept(doc, PROSE);
    }

    @Test
    void theHeadlineRepeatedBesideItsSlugIsARepeatedTitle() {
        String title = "River Festival Draws Record Crowds";
        Document doc = cleanWith(STAGE, title + "\nriver-festival-draws-record-crowds\n" + title + "\n\n" + PROSE);
        assertRemoved(doc, Reason.URL_SLUG, "river-festival-draws-record-crowds");
        assertRemoved(doc, Reason.REPEATED_TITLE, title);
        assertKept(doc, title);                       // the first copy stays for the metadata stage
        assertEquals(2, doc.removals().size());
    }

    @Test
    void aParagraphRepeatedWordForWordIsADuplicate() {
        Document doc = cleanWith(STAGE, PROSE + "\n\n" + MORE_PROSE + "\n\n" + PROSE);
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, PROSE);
        assertEquals(2, doc.body().size(), "the first copy stays");
        assertEquals(PROSE, doc.body().get(0).text());
    }

    private static Document html(String page) {
        HtmlFrontEnd.Extracted e = new HtmlFrontEnd().extract(page);
        return new Pipeline(new Normalizer(), new Segmenter(), java.util.List.of(STAGE)).run(e.source(), Layout.HTML, e.blocks(), e.facts());
    }

    /**
     * A tile printing its name twice in a row (under the image, then as its title) is read once; the same name further
     * on is another item, and two equal cells of a table are two values.
     */
    @Test
    void aShortBlockRepeatingTheOneJustBeforeItIsADuplicate() {
        Document doc = html("<html><body><h1>Tents</h1><div class=tile><p>Trail Tent 2</p><h3>Trail Tent 2</h3><p>$199</p></div>"
                + "<div class=tile><p>Summit Tent</p><p>$199</p><p>Trail Tent 2</p></div>"
                + "<table><tr><th>Waterproof</th><td>Yes</td><td>Yes</td></tr></table></body></html>");
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, "Trail Tent 2");
        assertEquals(1, doc.removals().size(), "only the name printed twice in a row goes: " + doc.removals());
        assertEquals(2, doc.text().split("Trail Tent 2", -1).length - 1, "the first copy and the other tile's stay");
        assertEquals(2, doc.text().split("Yes", -1).length - 1, "a table's equal cells stay");
    }

    /** A code listing repeats its lines ("return x;", a closing tag): they are the listing's own, not copies. */
    @Test
    void aRepeatedLineOfCodeIsKept() {
        Document doc = cleanWith(STAGE, PROSE + "\n\nif (ready) {\nreturn result;\n}\nif (late) {\nreturn result;\n}\n\n" + MORE_PROSE);
        assertNothingRemoved(doc);
    }

    /** Near miss: a short line repeated without a program's punctuation (a button label, a menu entry) is a duplicate. */
    @Test
    void aRepeatedShortLineWithoutCodeIsADuplicate() {
        Document doc = cleanWith(STAGE, PROSE + "\n\nreturn result\n\n" + MORE_PROSE + "\n\nreturn result");
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, "return result");
        assertEquals(1, doc.removals().size());
    }

    @Test
    void aLinkCardAfterTheProseIsAnUnrelatedHeadline() {
        Document doc = cleanWith(STAGE, PROSE + "\n\n" + MORE_PROSE
                + "\n\nhow-to-grow-tomatoes-on-a-small-balcony\nHow to Grow Tomatoes on a Small Balcony");
        assertRemoved(doc, Reason.URL_SLUG, "how-to-grow-tomatoes-on-a-small-balcony");
        assertRemoved(doc, Reason.UNRELATED_HEADLINE, "How to Grow Tomatoes on a Small Balcony");
    }

    // --- near misses

    @Test
    void theHeadlineBesideASlugBeforeTheProseIsKept() {
        Document doc = cleanWith(STAGE, "river-festival-draws-record-crowds\nRiver Festival Draws Record Crowds\n\n" + PROSE);
        assertKept(doc, "River Festival Draws Record Crowds");
        assertEquals(1, doc.removals().size());
    }

    @Test
    void aHeadlineTheSlugDoesNotSpellIsNotItsCard() {
        Document doc = cleanWith(STAGE, PROSE + "\n\n" + MORE_PROSE
                + "\n\nsummer-photo-gallery-week-two\nCouncil Approves New Library Budget");
        assertRemoved(doc, Reason.URL_SLUG, "summer-photo-gallery-week-two");
        assertKept(doc, "Council Approves New Library Budget");
    }

    @Test
    void hyphenatedWordsInProseAreNotSlugs() {
        assertNothingRemoved(cleanWith(STAGE,
                "The well-known city-run river festival drew more visitors than ever before on Saturday.\n\nA short-term plan"));
    }

    @Test
    void nearlyIdenticalParagraphsAreNotDuplicates() {
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\n\nThe annual river festival drew more visitors than ever on Saturday."));
    }

    /** The chain runs specific stages first so a cut carries the most precise reason (see Profiles). */
    @Test
    void inTheFullChainASlugIsRemovedAsASlug() {
        Document doc = clean(PROSE + "\n\n" + MORE_PROSE + "\n\nhow-to-grow-tomatoes-on-a-small-balcony\n"
                + "How to Grow Tomatoes on a Small Balcony");
        assertRemoved(doc, Reason.URL_SLUG, "how-to-grow-tomatoes-on-a-small-balcony");
    }

    // --- restated text: a dump of the article after the article

    private static final String[] STORY = {
            "The harbour authority approved the new ferry terminal on Tuesday after two years of public hearings and revisions.",
            "Construction will begin in the spring and is expected to take eighteen months, with the old pier staying open meanwhile.",
            "Local fishermen welcomed the decision but asked that the breakwater be extended before the winter storms arrive again.",
            "The council will publish the final budget next month, including the share paid by the regional transport fund."};

    @Test
    void aChunkJoiningSeveralKeptParagraphsIsADuplicate() {
        // A scrape that also dumped the page's structured data holds the article again, its paragraphs run together.
        String dump = STORY[0] + " " + STORY[1] + " " + STORY[2];
        Document doc = cleanWith(STAGE, String.join("\n\n", STORY) + "\n\nAlex Morgan\n\n" + dump);
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, dump);
        for (String p : STORY) assertKept(doc, p);
    }

    @Test
    void aVariantOfOneParagraphIsTheTemplateOfThePageNotACopy() {
        // The same offer for another product, a schedule for another week: the page's own repeated template.
        String offer = "Receive twenty percent off your purchase of three qualifying products and a free travel size cleanser "
                + "with each qualifying order, valid from January until March while supplies last at participating stores only.";
        String other = offer.replace("twenty percent", "fifteen percent").replace("cleanser", "moisturiser");
        Document doc = cleanWith(STAGE, String.join("\n\n", STORY) + "\n\n" + offer + "\n\n" + other);
        assertKept(doc, other);
        assertNothingRemoved(doc);
    }

    /**
     * A table of contents lists the headings of the text below it: the bulleted entry goes as the copy, so the
     * heading stays with its section (the main-text region, drawn later, may cut the contents around it).
     */
    @Test
    void aContentsEntryGoesAndTheHeadingItListsStays() {
        String input = "Contents\n\n* Getting started\n* Going further\n\n" + PROSE + "\n\nGetting started\n\n" + MORE_PROSE
                + "\n\nGoing further\n\n" + PROSE.replace("annual", "second");
        Document doc = cleanWith(STAGE, input);
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, "* Getting started");
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, "* Going further");
        assertTrue(doc.text().contains("\n\nGetting started\n\n" + MORE_PROSE), doc.text());
        assertEquals(doc.text(), cleanWith(STAGE, doc.text()).text(), "the cleaned text is a fixpoint");
    }

    /** Near miss: two unbulleted copies of a line, the second not heading any prose: the second is the copy. */
    @Test
    void aLineRepeatedAmongShortLinesKeepsItsFirstCopy() {
        Document doc = cleanWith(STAGE, PROSE + "\n\nRead the full report\nShare this story\n\n" + MORE_PROSE
                + "\n\nRead the full report\nPrint this page");
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, "Read the full report");
        assertTrue(doc.text().startsWith(PROSE + "\n\nRead the full report\n\n"), doc.text());
        assertTrue(doc.text().endsWith(MORE_PROSE + "\n\nPrint this page"), doc.text());
    }

    /** Near miss: a menu's bulleted entry and the footer's unbulleted copy, which heads no prose: the footer's goes. */
    @Test
    void aMenuEntryRepeatedInTheFooterKeepsTheMenusCopy() {
        Document doc = cleanWith(STAGE, "* Opening hours\n* Contact the harbour office\n\n" + PROSE + "\n\n" + MORE_PROSE
                + "\n\nContact the harbour office\nPrivacy\nTerms of use");
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, "Contact the harbour office");
        assertTrue(doc.text().contains("Contact the harbour office\n\n" + PROSE), doc.text());
    }
}
