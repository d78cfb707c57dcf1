package dev.winnow.testing;

import dev.winnow.core.Block;
import dev.winnow.core.Document;
import dev.winnow.core.Layout;
import dev.winnow.core.Metadata;
import dev.winnow.core.Reason;
import dev.winnow.core.Removal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invariant checks pass on an honest document and fail on each way a document can lose or invent text. */
class InvariantsTest {
    private static final String SOURCE = "Menu\nKept line stays.";
    private static final Block KEPT = new Block(1, 2, 5, 5, "Kept line stays.", false, false);
    private static final Removal MENU = new Removal("nav", Reason.NAV_SHORT_LINE, "Menu", 0, 4);
    private static final Map<String, Map<String, Integer>> ONE_NAV = Map.of("nav", Map.of("nav_short_line", 1));

    private static Document doc(String source, List<Block> body, List<Removal> removals, Map<String, Map<String, Integer>> counts) {
        return new Document(source, Layout.LINE_PER_PARAGRAPH, body, removals, new Metadata(), counts);
    }

    private static void assertFailsWith(String fragment, Document doc) {
        AssertionError e = assertThrows(AssertionError.class, () -> Invariants.assertConserved(doc.source(), doc));
        assertTrue(e.getMessage().contains(fragment), "expected a failure about \"" + fragment + "\" but got: " + e.getMessage());
    }

    @Test
    void anHonestDocumentPasses() {
        Invariants.assertConserved(SOURCE, doc(SOURCE, List.of(KEPT), List.of(MENU), ONE_NAV));
    }

    @Test
    void aLineInNoBlockAndNoRemovalIsLost() {
        assertFailsWith("text lost", doc(SOURCE, List.of(KEPT), List.of(), Map.of()));
    }

    @Test
    void aRemovalWhoseTextIsNotAtItsOffsetsFails() {
        Removal elsewhere = new Removal("nav", Reason.NAV_SHORT_LINE, "Footer", 0, 4);
        assertFailsWith("not what its offsets hold", doc(SOURCE, List.of(KEPT), List.of(elsewhere), ONE_NAV));
    }

    @Test
    void aRemovalThatRecordsOnlyPartOfItsWordsLosesTheRest() {
        Removal partial = new Removal("nav", Reason.NAV_SHORT_LINE, "Men", 0, 4);
        assertFailsWith("not accounted for", doc(SOURCE, List.of(KEPT), List.of(partial), ONE_NAV));
    }

    @Test
    void textBothKeptAndRemovedIsCountedTwice() {
        Removal again = new Removal("dup", Reason.DUPLICATE_BLOCK, "Kept line stays.", 5, SOURCE.length());
        Map<String, Map<String, Integer>> counts = Map.of("nav", Map.of("nav_short_line", 1), "dup", Map.of("duplicate_block", 1));
        assertFailsWith("counted twice", doc(SOURCE, List.of(KEPT), List.of(MENU, again), counts));
    }

    @Test
    void countsThatDisagreeWithTheRemovalsFail() {
        assertFailsWith("counts", doc(SOURCE, List.of(KEPT), List.of(MENU), Map.of("nav", Map.of("nav_short_line", 2))));
    }

    @Test
    void aRemovalWithoutStageOrReasonFails() {
        assertFailsWith("without a stage", doc(SOURCE, List.of(KEPT), List.of(new Removal(null, Reason.NAV_SHORT_LINE, "Menu", 0, 4)), Map.of()));
        assertFailsWith("without a reason", doc(SOURCE, List.of(KEPT), List.of(new Removal("nav", null, "Menu", 0, 4)), Map.of()));
    }

    @Test
    void offsetsOutsideTheSourceFail() {
        Removal past = new Removal("nav", Reason.NAV_SHORT_LINE, "Menu", 0, SOURCE.length() + 1);
        assertFailsWith("outside a source", doc(SOURCE, List.of(KEPT), List.of(past), ONE_NAV));
    }

    @Test
    void aKeptBlockThatIsNotItsSpanFails() {
        Block edited = new Block(1, 2, 5, 5, "Kept line moves", false, false);
        assertFailsWith("is its span", doc(SOURCE, List.of(edited), List.of(MENU), ONE_NAV));
    }

    @Test
    void aSourceThatIsNotTheNormalizedInputFails() {
        Document doc = doc(SOURCE, List.of(KEPT), List.of(MENU), ONE_NAV);
        AssertionError e = assertThrows(AssertionError.class, () -> Invariants.assertConserved("Menu\n\n\nKept  line stays.", doc));
        assertTrue(e.getMessage().contains("normalized input"), e.getMessage());
    }

    @Test
    void aLineIsCoveredByRunsFromSeveralPieces() {
        String haystack = "\u0000 Label: \u0000 the rest stays. \u0000";
        assertEquals(List.of(), Invariants.uncovered("Label: the rest stays.".split(" "), haystack));
        assertEquals(List.of("gone"), Invariants.uncovered("Label: gone the rest".split(" "), haystack));
    }

    @Test
    void wordsMatchOnlyWholeWords() {
        assertEquals(List.of("rest"), Invariants.uncovered(new String[] {"rest"}, "\u0000 restless \u0000"));
    }
}
