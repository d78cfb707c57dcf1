package dev.winnow.core;

import dev.winnow.testing.Invariants;
import dev.winnow.text.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one removal mechanism: a stage proposes whole-block, prefix or suffix cuts; the pipeline applies
 * them, records each with stage, reason, text and offsets, and counts it. Metadata keeps the first
 * value of a single field and distinct values of a list field.
 */
class PipelineTest {

    /** A stage whose judgement is given by the test. */
    private record Scripted(String name, BiConsumer<Draft, Verdict> judgement) implements Stage {
        @Override
        public void judge(Draft draft, Verdict verdict) {
            judgement.accept(draft, verdict);
        }
    }

    private static Pipeline pipeline(Stage... stages) {
        return new Pipeline(new Normalizer(), new Segmenter(), List.of(stages));
    }

    /** Runs the stages and checks the invariants on the result. */
    private static Document run(String input, Stage... stages) {
        Document doc = pipeline(stages).clean(input);
        Invariants.assertConserved(input, doc);
        return doc;
    }

    private static Block blockStarting(Draft draft, String prefix) {
        return draft.kept().stream().filter(b -> b.text().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aCutInsideABlockIsRefused() {
        Stage middle = new Scripted("middle", (d, v) -> v.trim(d.kept().get(0), 3, 8, Reason.NAV_SHORT_LINE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipeline(middle).clean("Neither a prefix nor a suffix is cut here."));
        assertTrue(e.getMessage().contains("prefix or a suffix"), e.getMessage());
    }

    @Test
    void emptyAndOutOfRangeCutsAreRefused() {
        Block block = new Block(0, 1, 0, 0, "Ten chars!", false, true);
        Verdict verdict = new Verdict();
        assertThrows(IllegalArgumentException.class, () -> verdict.trim(block, 0, 0, Reason.TITLE));
        assertThrows(IllegalArgumentException.class, () -> verdict.trim(block, 5, 11, Reason.TITLE));
        assertThrows(IllegalArgumentException.class, () -> verdict.trim(block, -1, 4, Reason.TITLE));
        assertThrows(IllegalArgumentException.class, () -> verdict.trim(block, 6, 4, Reason.TITLE));
        assertTrue(verdict.isEmpty(), "a refused cut leaves nothing behind");
    }

    @Test
    void aCutNeedsAReasonAndAMoveNeedsAField() {
        Block block = new Block(0, 1, 0, 0, "Ten chars!", false, true);
        Verdict verdict = new Verdict();
        assertThrows(NullPointerException.class, () -> verdict.drop(block, null));
        assertThrows(NullPointerException.class, () -> verdict.move(block, Reason.TITLE, null, "x"));
        assertThrows(NullPointerException.class, () -> verdict.move(block, Reason.TITLE, Field.TITLE, null));
    }

    @Test
    void stagesCannotEditTheDraft() {
        Stage sneaky = new Scripted("sneaky", (d, v) -> d.kept().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> pipeline(sneaky).clean("One.\nTwo."));
    }

    @Test
    void aPrefixTrimRecordsItsOffsetsAndNarrowsTheBlock() {
        String input = "Intro line here.\nLabel: the rest of the paragraph stays.";
        Stage label = new Scripted("labels", (d, v) -> {
            Block b = blockStarting(d, "Label:");
            v.trim(b, 0, "Label: ".length(), Reason.SECTION_LABEL);
        });
        Document doc = run(input, label);
        Removal r = doc.removals().get(0);
        assertEquals(new Removal("labels", Reason.SECTION_LABEL, "Label:", input.indexOf("Label"), input.indexOf("the rest")), r);
        Block kept = doc.body().get(1);
        assertEquals("the rest of the paragraph stays.", kept.text());
        assertEquals(input.indexOf("the rest"), kept.start());
        assertEquals(input.length(), kept.end());
    }

    @Test
    void aSuffixTrimRecordsItsOffsetsAndNarrowsTheBlock() {
        String input = "The paragraph ends here. — Some Outlet";
        Stage credit = new Scripted("credits", (d, v) -> {
            Block b = d.kept().get(0);
            int from = b.text().indexOf(" —");
            v.move(b, from, b.text().length(), Reason.PUBLISHER_CREDIT, Field.PUBLISHER, "Some Outlet");
        });
        Document doc = run(input, credit);
        Removal r = doc.removals().get(0);
        assertEquals("— Some Outlet", r.text());
        assertEquals(input.indexOf(" —"), r.start());
        assertEquals(input.length(), r.end());
        assertEquals("The paragraph ends here.", doc.text());
        assertEquals(0, doc.body().get(0).start());
        assertEquals("Some Outlet", doc.metadata().get(Field.PUBLISHER));
    }

    @Test
    void laterStagesSeeTheNarrowedBlock() {
        List<String> seen = new ArrayList<>();
        Stage trim = new Scripted("first", (d, v) -> v.trim(d.kept().get(0), 0, 6, Reason.SECTION_LABEL));
        Stage look = new Scripted("second", (d, v) -> d.kept().forEach(b -> seen.add(b.text())));
        run("Note: the quay is closed.", trim, look);
        assertEquals(List.of("the quay is closed."), seen);
    }

    @Test
    void aWholeBlockRemovalOfAListItemIncludesItsMarker() {
        String input = "Intro line here.\n• Menu entry";
        Stage drop = new Scripted("nav", (d, v) -> v.drop(blockStarting(d, "Menu"), Reason.LINK_LIST));
        Document doc = run(input, drop);
        assertEquals(new Removal("nav", Reason.LINK_LIST, "• Menu entry", input.indexOf('•'), input.length()), doc.removals().get(0));
    }

    @Test
    void aBlockIsCutOncePerStageAndRemovedBlocksAreGoneForLaterStages() {
        List<Integer> keptForSecond = new ArrayList<>();
        Stage twice = new Scripted("twice", (d, v) -> {
            Block b = d.kept().get(0);
            v.drop(b, Reason.NAV_SHORT_LINE);
            v.drop(b, Reason.UI_CONTROL);
        });
        Stage after = new Scripted("after", (d, v) -> keptForSecond.add(d.kept().size()));
        Document doc = run("one\nTwo words.", twice, after);
        assertEquals(1, doc.removals().size());
        assertEquals(Reason.NAV_SHORT_LINE, doc.removals().get(0).reason());
        assertEquals(List.of(1), keptForSecond);
    }

    @Test
    void removalsAreCountedPerStageAndReason() {
        Stage nav = new Scripted("nav", (d, v) -> {
            for (Block b : d.kept()) {
                if (b.text().equals("a") || b.text().equals("b")) v.drop(b, Reason.NAV_SHORT_LINE);
                if (b.text().equals("Share")) v.drop(b, Reason.SOCIAL_WIDGET);
            }
        });
        Stage quotes = new Scripted("quotes", (d, v) -> v.drop(blockStarting(d, "Again"), Reason.REPEATED_QUOTE));
        Document doc = run("a\nb\nShare\nKept sentence stays.\nAgain the same.", nav, quotes);
        assertEquals(Map.of("nav", Map.of("nav_short_line", 2, "social_widget", 1), "quotes", Map.of("repeated_quote", 1)),
                doc.counts());
        assertEquals(List.of("nav", "quotes"), List.copyOf(doc.counts().keySet()), "stages in the order they ran");
        assertEquals("Kept sentence stays.", doc.text());
    }

    @Test
    void singleFieldsKeepTheFirstValueListFieldsKeepDistinctValues() {
        Stage first = new Scripted("first", (d, v) -> v.set(Field.TITLE, "First Title").set(Field.AUTHORS, "Ana Lopes")
                .set(Field.AUTHORS, " Tomas Reyes ").set(Field.TITLE, "Second Title"));
        List<String> seenTitle = new ArrayList<>();
        Stage second = new Scripted("second", (d, v) -> {
            seenTitle.add(d.metadata().get(Field.TITLE));
            v.set(Field.TITLE, "Third Title").set(Field.AUTHORS, "Ana Lopes").set(Field.AUTHORS, "Lena Marsh")
                    .set(Field.PUBLISHER, "   ");
        });
        Document doc = run("Some text here.", first, second);
        assertEquals("First Title", doc.metadata().get(Field.TITLE));
        assertEquals(List.of("First Title"), doc.metadata().all(Field.TITLE));
        assertEquals(List.of("Ana Lopes", "Tomas Reyes", "Lena Marsh"), doc.metadata().all(Field.AUTHORS));
        assertNull(doc.metadata().get(Field.PUBLISHER), "a blank value is no value");
        assertEquals(List.of("First Title"), seenTitle, "later stages see earlier metadata");
    }

    @Test
    void theDraftsMetadataIsASnapshot() {
        Stage writer = new Scripted("writer", (d, v) -> v.set(Field.SECTIONS, "One"));
        List<List<String>> seen = new ArrayList<>();
        Stage reader = new Scripted("reader", (d, v) -> {
            seen.add(d.metadata().all(Field.SECTIONS));
            v.set(Field.SECTIONS, "Two");
            seen.add(d.metadata().all(Field.SECTIONS));
        });
        run("Some text here.", writer, reader);
        assertEquals(List.of(List.of("One"), List.of("One")), seen, "a verdict changes nothing until the stage is done");
    }

    @Test
    void describeListsNormalizationSegmentationAndStagesInOrder() {
        Pipeline p = pipeline(new Scripted("alpha", (d, v) -> {}), new Scripted("beta", (d, v) -> {}));
        assertEquals(List.of("normalize(NFC)", "segment", "alpha", "beta"), p.describe());
    }

    @Test
    void anEmptyInputIsAnEmptyDocument() {
        Document doc = run(" \n\t", new Scripted("none", (d, v) -> {}));
        assertEquals(Layout.EMPTY, doc.layout());
        assertTrue(doc.body().isEmpty() && doc.removals().isEmpty() && doc.counts().isEmpty());
    }

    /**
     * {@code --keep}: a kept reason's cut is not made (the text stays, nothing is recorded or counted), nor a later
     * stage's cut of the same block, a field it would have filled is filled all the same, other blocks are cut as
     * before, and the chain says what it keeps.
     */
    @Test
    void aKeptReasonLeavesItsTextButStillFillsItsField() {
        String input = "The paragraph ends here. — Some Outlet\nMenu";
        Stage credit = new Scripted("credits", (d, v) -> {
            Block b = d.kept().get(0);
            v.move(b, b.text().indexOf(" —"), b.text().length(), Reason.PUBLISHER_CREDIT, Field.PUBLISHER, "Some Outlet");
        });
        Stage nav = new Scripted("nav", (d, v) -> v.drop(blockStarting(d, "Menu"), Reason.LINK_LIST));
        Stage region = new Scripted("region", (d, v) -> v.drop(blockStarting(d, "The paragraph"), Reason.OUTSIDE_MAIN_TEXT));
        Pipeline keeping = pipeline(credit, nav, region).keeping(java.util.Set.of(Reason.PUBLISHER_CREDIT));
        Document doc = keeping.clean(input);
        Invariants.assertConserved(input, doc);
        assertEquals("The paragraph ends here. — Some Outlet", doc.text());
        assertEquals("Some Outlet", doc.metadata().get(Field.PUBLISHER));
        assertEquals(List.of(Reason.LINK_LIST), doc.removals().stream().map(Removal::reason).toList());
        assertEquals(java.util.Map.of("nav", java.util.Map.of("link_list", 1)), doc.counts());
        assertEquals("keep(publisher_credit)", keeping.describe().get(keeping.describe().size() - 1));
        assertEquals(keeping.describe(), keeping.then(List.of()).describe());
        assertTrue(keeping.then(List.of(new Scripted("more", (d, v) -> {}))).describe().contains("keep(publisher_credit)"),
                "stages added after keep as well");
    }
}
