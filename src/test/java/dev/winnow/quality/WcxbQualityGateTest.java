package dev.winnow.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quality gates per page type on the bundled WCXB sample ({@link WcxbSample}: ten development pages of each type,
 * as HTML and as a text-browser dump), cleaned by {@code winnow clean} with its defaults and scored with the
 * benchmark's metric. A gate fails when a type's F1 drops below its pinned floor or more pages lose their content
 * than were pinned: it catches a change that quietly costs one kind of page while the overall number holds.
 *
 * <p>These are regression floors, not quality figures. The shipped block model was trained on every WCXB dev page,
 * these ten per type included, so the HTML numbers here are in-sample; the honest figure is the out-of-fold one
 * ({@code make train oof}) in the README. Ten pages per type make a noisy mean, so each floor is the measured F1
 * minus 0.02, rounded down to two decimals. To re-pin after a deliberate change (say why in the commit), run this
 * test and read the printed table, or run the CLI and the Python scorer on the same folder:
 * <pre>
 *   java -jar target/winnow.jar clean src/test/resources/wcxb-sample/html -o /tmp/ws -q
 *   python3 ../shared/eval/score_wcxb.py /tmp/ws/articles.jsonl --types --within src/test/resources/wcxb-sample/html
 * </pre>
 */
class WcxbQualityGateTest {

    private static final List<String> TYPES =
            List.of("article", "forum", "product", "collection", "listing", "documentation", "service");

    /**
     * Floors in {@link #TYPES} order, pinned from (HTML) .858 .875 .588 .833 .865 .918 .927, lost 0 of 70. Collection
     * re-pinned from .807 after its own block-scorer cuts (0.10, veto 0.20): in sample the shipped model's cuts were
     * right on its own training pages, out of fold (README) collection went from 0.677 to 0.699. Forum re-pinned from .849
     * (was .875) when a thread printed under comment containers became content: two sample pages print more of the
     * thread than their reference holds (a news discussion whose reference stops partway through the comments), while out
     * of fold forum went from 0.805 to 0.811.
     */
    static final double[] HTML_FLOORS = {0.83, 0.82, 0.56, 0.78, 0.84, 0.89, 0.90};
    static final int HTML_MAX_LOST = 0;

    /**
     * Pinned from (text dumps) .812 .728 .500 .407 .418 .841 .851, lost 5 of 70. Collection re-pinned from .455 when a
     * collection's price and rating lines began to mark its grid as the main text, documentation raised to 0.86 (measured
     * .904) when short code lines stopped being cut as stray words and duplicates, listing raised to 0.50 (measured .567,
     * .537 before) when a listing's price lines began to mark its items too; the other types measured .812 .743 .502
     * .853, lost 0 of 70, and keep their floors.
     */
    static final double[] TEXT_FLOORS = {0.79, 0.70, 0.48, 0.43, 0.50, 0.86, 0.83};
    static final int TEXT_MAX_LOST = 5;

    @Test
    void htmlPagesOfEveryTypeStayAboveTheirFloors(@TempDir Path out) {
        gate("html", out, HTML_FLOORS, HTML_MAX_LOST);
    }

    @Test
    void textDumpsOfEveryTypeStayAboveTheirFloors(@TempDir Path out) {
        gate("text", out, TEXT_FLOORS, TEXT_MAX_LOST);
    }

    private static void gate(String form, Path out, double[] floors, int maxLost) {
        Map<String, WcxbSample.Reference> refs = WcxbSample.references();
        assertEquals(70, refs.size(), "sample pages in src/test/resources/wcxb-sample/truth");
        Map<String, String> predictions = WcxbSample.clean(form, out);

        StringBuilder table = new StringBuilder("WCXB sample, " + form + ":\n");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            WcxbSample.Score s = WcxbSample.score(refs, predictions, TYPES.get(i));
            table.append(String.format(Locale.ROOT, "  %-14s %s  (floor %.2f)%n", TYPES.get(i), s, floors[i]));
            if (s.f1() < floors[i]) failures.add(TYPES.get(i) + " F1 " + s.f1() + " < " + floors[i]);
        }
        WcxbSample.Score all = WcxbSample.score(refs, predictions, null);
        table.append(String.format(Locale.ROOT, "  %-14s %s  (at most %d lost)%n", "all", all, maxLost));
        if (all.lost() > maxLost) failures.add(all.lost() + " pages lost their content, at most " + maxLost + " allowed");
        System.out.print(table);

        assertTrue(failures.isEmpty(), table + String.join("\n", failures)
                + "\nIf the loss is a deliberate trade, re-pin the floors as this class's comment says.");
    }
}
