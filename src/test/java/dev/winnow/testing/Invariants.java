package dev.winnow.testing;

import dev.winnow.core.Block;
import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Removal;
import dev.winnow.core.Segmenter;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.stages.Profiles;
import dev.winnow.text.Normalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The promises every cleaned {@link Document} keeps, whatever the stages decided, checked on every
 * document in every test:
 * <ul>
 *   <li>the source is the normalized input, and each kept block is exactly its span of the source;</li>
 *   <li>every removal names its stage and reason, and its offsets point at its text;</li>
 *   <li>the counts are the removals tallied by stage and reason;</li>
 *   <li><b>conservation</b>: nothing vanishes. Each non-blank source line (less its list marker) is made
 *   up of runs of words found in the kept body, the removed texts or the metadata; and, by offsets,
 *   every visible character of the source lies in exactly one kept block or one removal.</li>
 * </ul>
 * The word check is what a reader of the record can verify; the offset check is stricter (nothing is
 * counted twice) and pins a failure to a position.
 */
public final class Invariants {
    private static final Normalizer NORMALIZER = new Normalizer();
    private static final Pipeline TEXT = Profiles.text();
    /** Characters the segmenter reads as a list marker when a space follows at the start of a line. */
    private static final String BULLETS = "•*+-–·◦▪►○■●‣⁃";

    private Invariants() {}

    /** Cleans {@code input} with the full text profile and checks every invariant. */
    public static Document clean(String input) {
        Document doc = TEXT.clean(input);
        assertConserved(input, doc);
        return doc;
    }

    /** A pipeline running only {@code stage} after normalization and segmentation. */
    public static Pipeline single(Stage stage) {
        return new Pipeline(new Normalizer(), new Segmenter(), List.of(stage));
    }

    /**
     * Cleans {@code input} with {@code stage} alone and checks every invariant; the same input also goes
     * through the full text profile, whose result must keep the invariants too.
     */
    public static Document cleanWith(Stage stage, String input) {
        clean(input);
        Document doc = single(stage).clean(input);
        assertConserved(input, doc);
        return doc;
    }

    /**
     * Cleans {@code input} with {@code stage} alone on a page the typer called {@code pageType} (the code of
     * {@code metadata.page_type}), and checks every invariant: for the rules that depend on the kind of page.
     */
    public static Document cleanTyped(Stage stage, String input, String pageType) {
        String source = NORMALIZER.normalize(input);
        Segmenter.Result segmented = new Segmenter().segment(source);
        Document doc = single(stage).run(source, segmented.layout(), segmented.blocks(),
                List.of(new Verdict.Fact(Field.PAGE_TYPE, pageType)));
        assertConserved(input, doc);
        return doc;
    }

    /**
     * Cleans an HTML page with the whole HTML chain on a page the typer called {@code pageType}, with a scorer
     * that calls every block content (0.9), so only the rules decide; and checks every invariant.
     */
    public static Document cleanHtmlTyped(String page, String pageType) {
        HtmlFrontEnd.Extracted e = new HtmlFrontEnd().extract(page);
        List<Verdict.Fact> facts = new ArrayList<>(e.facts());
        facts.add(new Verdict.Fact(Field.PAGE_TYPE, pageType));
        Document doc = Profiles.html(StubScorer.of(Map.of())).run(e.source(), Layout.HTML, e.blocks(), facts);
        assertConserved(e.source(), doc);
        return doc;
    }

    /** Checks every invariant of {@code doc}, the result of cleaning {@code input}. */
    public static void assertConserved(String input, Document doc) {
        String source = doc.source();
        assertEquals(NORMALIZER.normalize(input), source, "the document's source is the normalized input");
        checkBlocks(doc);
        checkRemovals(doc);
        checkCounts(doc);
        checkSpans(doc);
        checkLines(doc);
    }

    private static void checkBlocks(Document doc) {
        String source = doc.source();
        int previousEnd = 0;
        for (Block b : doc.body()) {
            if (b.text().isEmpty()) fail("kept block " + b + " is empty");
            if (b.start() < previousEnd || b.end() > source.length()) {
                fail("kept block " + b + " [" + b.start() + ", " + b.end() + ") is out of order or out of the source");
            }
            assertEquals(source.substring(b.start(), b.end()).replace('\n', ' '), b.text(),
                    "kept block " + b.index() + " is its span of the source");
            assertEquals(b.text().strip(), b.text(), "kept block " + b.index() + " is trimmed");
            previousEnd = b.end();
        }
    }

    private static void checkRemovals(Document doc) {
        String source = doc.source();
        for (Removal r : doc.removals()) {
            if (r.stage() == null || r.stage().isBlank()) fail("removal without a stage: " + r);
            if (r.reason() == null) fail("removal without a reason: " + r);
            if (r.text() == null || r.text().isBlank()) fail("removal without text: " + r);
            if (!(0 <= r.start() && r.start() < r.end() && r.end() <= source.length())) {
                fail("removal offsets [" + r.start() + ", " + r.end() + ") outside a source of " + source.length() + " chars: " + r);
            }
            String span = source.substring(r.start(), r.end()).strip();
            if (!span.contains(r.text()) && !r.text().contains(span)) {
                fail("removal text " + quote(r.text()) + " is not what its offsets hold: " + quote(span));
            }
        }
    }

    private static void checkCounts(Document doc) {
        Map<String, Map<String, Integer>> tally = new TreeMap<>();
        for (Removal r : doc.removals()) {
            tally.computeIfAbsent(r.stage(), k -> new TreeMap<>()).merge(r.reason().code(), 1, Integer::sum);
        }
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        doc.counts().forEach((stage, reasons) -> counts.put(stage, new TreeMap<>(reasons)));
        assertEquals(tally, counts, "counts are the removals tallied by stage and reason");
    }

    /** Every visible character lies in exactly one kept block or removal; list markers are layout. */
    private static void checkSpans(Document doc) {
        String source = doc.source();
        List<int[]> spans = new ArrayList<>();
        for (Block b : doc.body()) spans.add(new int[] {b.start(), b.end(), -1});
        for (int i = 0; i < doc.removals().size(); i++) {
            Removal r = doc.removals().get(i);
            spans.add(new int[] {r.start(), r.end(), i});
        }
        spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]));
        int covered = 0;
        for (int[] s : spans) {
            if (s[0] < covered && hasVisible(source, s[0], Math.min(covered, s[1]))) {
                fail("text counted twice: " + quote(source.substring(s[0], Math.min(covered, s[1])))
                        + " is inside more than one kept block or removal (" + describe(doc, s) + ")");
            }
            checkGap(source, covered, s[0]);
            covered = Math.max(covered, s[1]);
        }
        checkGap(source, covered, source.length());
    }

    private static void checkGap(String source, int from, int to) {
        int i = from;
        while (i < to) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c) || isListMarker(source, i)) {
                i++;
                continue;
            }
            int end = source.indexOf('\n', i);
            fail("text lost: " + quote(source.substring(i, Math.min(to, end < 0 ? source.length() : end)))
                    + " at offset " + i + " is in no kept block and no removal");
        }
    }

    private static boolean isListMarker(String source, int i) {
        boolean lineStart = i == 0 || source.charAt(i - 1) == '\n';
        boolean spaceAfter = i + 1 < source.length() && source.charAt(i + 1) == ' ';
        return lineStart && spaceAfter && BULLETS.indexOf(source.charAt(i)) >= 0;
    }

    private static boolean hasVisible(String s, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(s.charAt(i))) return true;
        return false;
    }

    private static String describe(Document doc, int[] span) {
        return span[2] < 0 ? "kept block at " + span[0] : "removal " + doc.removals().get(span[2]);
    }

    /**
     * Each non-blank line, less a leading list marker, is covered by runs of its words each found whole
     * (on word boundaries) inside one kept block, one removal or one metadata value. A line a stage
     * trimmed is covered by its kept part and its removed part.
     */
    private static void checkLines(Document doc) {
        StringBuilder pieces = new StringBuilder("\u0000");
        for (Block b : doc.body()) pieces.append(' ').append(words(b.text())).append(" \u0000");
        for (Removal r : doc.removals()) pieces.append(' ').append(words(r.text())).append(" \u0000");
        for (Field f : Field.values()) {
            for (String v : doc.metadata().all(f)) pieces.append(' ').append(words(v)).append(" \u0000");
        }
        String haystack = pieces.toString();
        for (String line : doc.source().split("\n")) {
            String text = line.strip();
            if (text.length() > 2 && BULLETS.indexOf(text.charAt(0)) >= 0 && text.charAt(1) == ' ') text = text.substring(2);
            if (text.isBlank()) continue;
            List<String> lost = uncovered(words(text).split(" "), haystack);
            if (!lost.isEmpty()) {
                fail("line " + quote(line) + " is not accounted for: the words " + lost
                        + " are in no kept block, removal or metadata value");
            }
        }
    }

    /**
     * Greedy longest runs: at each word, extend the run while the run still occurs in the haystack.
     * The set of runs that occur is closed under taking sub-runs, so greedy covers whatever any split can.
     */
    static List<String> uncovered(String[] tokens, String haystack) {
        List<String> lost = new ArrayList<>();
        int p = 0;
        while (p < tokens.length) {
            String run = " ";
            int at = 0, q = p;
            while (q < tokens.length) {
                String longer = run + tokens[q] + " ";
                int found = haystack.indexOf(longer, at);   // a longer run occurs no earlier than its prefix
                if (found < 0) break;
                run = longer;
                at = found;
                q++;
            }
            if (q == p) lost.add(tokens[p++]);
            else p = q;
        }
        return lost;
    }

    private static String words(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 120 ? s.substring(0, 117) + "..." : s) + "\"";
    }
}
