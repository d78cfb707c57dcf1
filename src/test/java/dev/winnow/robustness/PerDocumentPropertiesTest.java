package dev.winnow.robustness;

import dev.winnow.core.Document;
import dev.winnow.core.Pipeline;
import dev.winnow.run.Outcome;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.Invariants;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Properties of the per-document path over generated inputs (jqwik): arbitrary bytes and strings, and
 * realistic scrapes from {@link Scrapes}. Tries are moderate so the class runs in seconds; jqwik picks a
 * new seed each run and prints it with any failure (replay with {@code @Property(seed = "...")}).
 */
class PerDocumentPropertiesTest {
    private static final Pipeline TEXT = Profiles.text();

    // ---- never throws past its boundary; every record line is strict UTF-8 JSON matching the schema ----

    /**
     * Bytes of any kind (noise, mutated text, every encoding) through {@code DocumentProcessor.process}:
     * one outcome, no exception, no internal_error, and a record line that is valid UTF-8 JSON matching
     * the schema, whose text keeps the conservation invariants.
     */
    @Property(tries = 300)
    void anyBytesGiveOneValidOutcome(@ForAll("bytes") byte[] bytes) {
        PerDocument.check("page.txt", bytes);
    }

    /** The same over realistic scrapes, encoded as files arrive, with special characters salted in. */
    @Property(tries = 200)
    void encodedScrapesGiveOneValidOutcome(@ForAll("encodedScrapes") byte[] bytes) {
        PerDocument.check("page.txt", bytes);
    }

    /**
     * {@code Profiles.text().clean(String)} on any string, including unpaired surrogates and control
     * characters: it returns, and the document keeps every invariant (nothing lost, nothing counted twice).
     */
    @Property(tries = 400)
    void cleaningAnyTextKeepsTheInvariants(@ForAll("text") String text) {
        Invariants.assertConserved(text, TEXT.clean(text));
    }

    // ---- idempotence ----

    /**
     * Cleaning clean text changes nothing, stated as a fixpoint: feed a record's text back through the
     * pipeline and the text that comes out is the text that went in. Restricted to clean prose (sentences
     * in paragraphs, no chrome), the text a cleaner must leave alone.
     */
    @Property(tries = 300, seed = "20261121")
    void cleanProseIsAFixpoint(@ForAll("cleanProse") String prose) {
        assertFixpoint(prose);
    }

    /**
     * The same fixpoint over whole scrapes: what one pass keeps, a second pass keeps too. The seed is
     * fixed so the build is deterministic: heuristics that place a line relative to prose a later stage
     * removes can still, rarely, judge a second pass differently (see the closing notes); change the seed
     * to explore.
     */
    @Property(tries = 150, seed = "20261121")
    void cleanedScrapeIsAFixpoint(@ForAll("scrapes") String scrape) {
        assertFixpoint(scrape);
    }

    /** The record text of a UTF-8 document, fed back as a file of its own, comes out unchanged. */
    @Property(tries = 60)
    void recordTextFedBackAsAFileComesOutUnchanged(@ForAll("cleanProse") String prose) {
        Outcome first = PerDocument.check("first.txt", prose.getBytes(StandardCharsets.UTF_8));
        if (!first.isRecord() || first.text().isEmpty()) return;   // a record may be empty when every block was removed
        Outcome second = PerDocument.check("second.txt", first.text().getBytes(StandardCharsets.UTF_8));
        assertEquals(first.text(), second.isRecord() ? second.text() : null, "the record text of the record text");
    }

    // ---- counterexamples the properties found, pinned so they fail on every run until fixed ----
    // (A numeric reference beyond Unicode, "&#x110000;", is pinned in the fuzz corpus:
    //  PerDocumentFuzzTestInputs/bytesToRecord/crash-entity-beyond-unicode.txt.)

    /**
     * What cleanProseIsAFixpoint shrank to (about 1 in 300 generated prose documents fails): the first of
     * two short paragraphs becomes the title, so the record text starts with the second, and a second
     * pass takes that one as the title too and leaves nothing.
     */
    @Example
    void twoShortParagraphsAreAFixpoint() {
        assertFixpoint("The the the the the the the the?\n\nThe the the the the the the a?");
    }

    /**
     * What cleanedScrapeIsAFixpoint finds in about 1 in 40 scrapes, in a realistic form: headline-shaped
     * lines after the prose survive the first pass as list items ("• Ferry Timetable..."), the record
     * text drops the bullets, and the second pass removes them as unrelated_headline. The same happens
     * on 8 of the 96 aeb-dev pages.
     */
    @Example
    void bulletedTeaserHeadlinesAreAFixpoint() {
        String story = "Engineers from the county council closed the old harbour bridge to traffic on Monday after an"
                + " inspection found cracks in two of its steel beams.";
        assertFixpoint("Harbour Bridge Closes for Repairs\n" + story + "\n"
                + "The council said repairs would take at least a month and that a ferry would carry foot passengers"
                + " across the harbour until the bridge reopens.\n"
                + "• Ferry Timetable Changes For The Summer\n• Council Approves New Harbour Budget\n"
                + story.replace("Monday", "Tuesday") + "\n");
    }

    /**
     * What encodedScrapesGiveOneValidOutcome shrank to ("Doe\n*\ne l\ns"), in a realistic form: in
     * hard-wrapped text, a line holding only a bullet ("*", "•" or "-") is in no kept block and no
     * removal. It vanishes without a record of why, which the conservation invariant forbids.
     */
    @Example
    void aLoneBulletLineInWrappedTextIsAccountedFor() {
        Invariants.clean("The harbour lights festival returned on Saturday after a five year\n"
                + "pause, organisers said, and thousands of visitors walked along the\nquay to watch the lantern boats.\n"
                + "*\n"
                + "Volunteers spent the following morning clearing paper and wire from\n"
                + "the beach below the pier, the harbour office said on Monday.\n");
    }

    /**
     * What both byte properties first shrank to: a numeric character reference to a surrogate
     * ("&#xD800;") decoded to an unpaired surrogate, which no UTF-8 writer can encode, and the whole run
     * failed ("Input length = 1", exit 1). The normalizer now drops lone halves; kept as a regression.
     */
    @Example
    void entityForALoneSurrogateGivesAWritableRecord() {
        PerDocument.check("page.txt", "&#xD800;The harbour lights festival returned on Saturday.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFixpoint(String input) {
        Document once = TEXT.clean(input);
        String text = once.text();
        if (text.isEmpty()) return;
        Document twice = TEXT.clean(text);
        Invariants.assertConserved(text, twice);
        assertEquals(text, twice.text(), () -> "a second pass removed " + twice.removals());
    }

    // ---- generators ----

    @Provide
    Arbitrary<byte[]> bytes() { return Scrapes.anyBytes(); }

    @Provide
    Arbitrary<byte[]> encodedScrapes() { return Scrapes.encoded(Scrapes.saltedScrape()); }

    @Provide
    Arbitrary<String> text() { return Scrapes.anyText(); }

    @Provide
    Arbitrary<String> cleanProse() { return Scrapes.cleanProse(); }

    @Provide
    Arbitrary<String> scrapes() { return Scrapes.scrape(); }
}
