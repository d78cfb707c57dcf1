package dev.winnow.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The port against hand-computed cases. Every expected value was also checked with {@code score_aeb.py}'s
 * own functions ({@code string_shingle_matching}, {@code precision_score}, {@code recall_score},
 * {@code metrics_from_tp_fp_fns}).
 */
class AebMetricTest {
    private static final double EPS = 1e-12;

    @Test
    void tokensFollowPythonsWordCharacters() {
        // Python: ['Hello', 'wörld_x', '42', '½', 'e', 't', 'नमस', 'त', 'a', 'b']: combining marks (U+0301,
        // Devanagari signs, U+FE0F) and U+200D split tokens; "½" (No) and "_" are word characters.
        String text = "Hello, wörld_x 42 ½ e\u0301t नमस्ते ❤\uFE0F a\u200Db";
        assertEquals(List.of("Hello", "wörld_x", "42", "½", "e", "t", "नमस", "त", "a", "b"), AebMetric.tokens(text));
        assertEquals(List.of(), AebMetric.tokens(null));
        assertEquals(List.of(), AebMetric.tokens(" ,.- "));
    }

    @Test
    void javasUnicodeWordClassWouldDisagreeWithPython() {
        // Why AebMetric.TOKEN is not \w with UNICODE_CHARACTER_CLASS: that class keeps "e\u0301t" whole and drops "½".
        Pattern javaWord = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
        assertTrue(javaWord.matcher("e\u0301t").matches());
        assertFalse(javaWord.matcher("½").matches());
        assertEquals(List.of("e", "t"), AebMetric.tokens("e\u0301t"));
        assertEquals(List.of("½"), AebMetric.tokens("½"));
    }

    @Test
    void shinglesAreFourTokenRunsAsAMultiset() {
        assertEquals(Map.of("a b c d", 2, "b c d a", 1, "c d a b", 1, "d a b c", 1),
                AebMetric.shingles("a b c d a b c d", 4));
        // Fewer than four tokens: one shorter shingle; no tokens: none.
        assertEquals(Map.of("one two", 1), AebMetric.shingles("one, two!", 4));
        assertEquals(Map.of(), AebMetric.shingles("", 4));
    }

    @Test
    void identicalTextsScoreOne() {
        assertCounts(AebMetric.match("a b c d e", "a b c d e"), 1.0, 0.0, 0.0, 1.0, 1.0);
    }

    @Test
    void partialOverlapIsNormalisedToSumOne() {
        // truth {abcd, bcde, cdef}, prediction {abcd, bcde, cdex}: tp 2, fp 1, fn 1, divided by 4.
        assertCounts(AebMetric.match("a b c d e f", "a b c d e x"), 0.5, 0.25, 0.25, 2.0 / 3, 2.0 / 3);
    }

    @Test
    void repeatedShinglesCountAsOftenAsTheyOccur() {
        // truth {abcd}, prediction {abcd x2, bcda, cdab, dabc}: tp 1, fp 4, fn 0.
        assertCounts(AebMetric.match("a b c d", "a b c d a b c d"), 0.2, 0.8, 0.0, 0.2, 1.0);
    }

    @Test
    void shortTextsCompareAsOneShingle() {
        assertCounts(AebMetric.match("one two three", "one two three"), 1.0, 0.0, 0.0, 1.0, 1.0);
        assertCounts(AebMetric.match("one two three", "one two"), 0.0, 0.5, 0.5, 0.0, 0.0);
    }

    @Test
    void caseMatters() {
        assertCounts(AebMetric.match("The cat sat down", "the cat sat down"), 0.0, 0.5, 0.5, 0.0, 0.0);
    }

    @Test
    void emptyPredictionHasZeroPrecisionAndRecall() {
        assertCounts(AebMetric.match("a b c d e", ""), 0.0, 0.0, 1.0, 0.0, 0.0);
        assertCounts(AebMetric.match("a b c d e", null), 0.0, 0.0, 1.0, 0.0, 0.0);
    }

    @Test
    void emptyTruthEdgeCases() {
        // Both empty: nothing wrong, so P = R = 1 for the page (but it enters neither mean, see below).
        assertCounts(AebMetric.match("", ""), 0.0, 0.0, 0.0, 1.0, 1.0);
        // Text where the truth has none: P = 0 and, by the scorer's rule, R = 0.
        assertCounts(AebMetric.match("", "a b"), 0.0, 1.0, 0.0, 0.0, 0.0);
    }

    @Test
    void emptyPredictionOnlyLowersRecall() {
        AebMetric.Score s = AebMetric.aggregate(List.of(
                AebMetric.match("a b c d e", "a b c d e"),       // P 1,   R 1
                AebMetric.match("a b c d e f", "a b c d e x"),   // P 2/3, R 2/3
                AebMetric.match("a b c d e", "")));              // left out of P; R 0
        assertEquals(5.0 / 6, s.precision(), EPS);
        assertEquals(5.0 / 9, s.recall(), EPS);
        assertEquals(2.0 / 3, s.f1(), EPS);
    }

    @Test
    void pagesWithNothingOnEitherSideEnterNeitherMean() {
        AebMetric.Score s = AebMetric.aggregate(List.of(
                AebMetric.match("a b c d e f", "a b c d e x"),
                AebMetric.match("", ""),                         // tp = fp = fn = 0: in no mean
                AebMetric.match("", "a b")));                    // P 0 in the precision mean; in no recall mean
        assertEquals(1.0 / 3, s.precision(), EPS);
        assertEquals(2.0 / 3, s.recall(), EPS);
        assertEquals(4.0 / 9, s.f1(), EPS);
    }

    @Test
    void noPagesScoreZero() {
        AebMetric.Score s = AebMetric.aggregate(List.of());
        assertEquals(0.0, s.precision());
        assertEquals(0.0, s.recall());
        assertEquals(0.0, s.f1());
    }

    @Test
    void meanIsRoundedOnceAsPythonsStatisticsMean() {
        // statistics.mean([0.1, 0.2, 0.3]) == 0.2, where a double loop gives 0.20000000000000004.
        assertEquals(0.2, AebMetric.mean(List.of(0.1, 0.2, 0.3)));
        assertNotEquals(0.2, (0.1 + 0.2 + 0.3) / 3);
    }

    @Test
    void missingPagesCountAsEmptyAndUnknownIdsAreIgnored() {
        AebMetric.Result r = AebMetric.score(
                Map.of("p1", "a b c d e", "p2", "a b c d e f"),
                Map.of("p1", "a b c d e", "stray", "whatever text here"));
        assertEquals(List.of("p1", "p2"), r.pages().stream().map(AebMetric.PageScore::id).toList());
        AebMetric.PageScore p2 = r.pages().get(1);
        assertTrue(p2.missing());
        assertEquals(6, p2.trueTokens());
        assertEquals(0, p2.predTokens());
        assertEquals(1, r.missing());
        assertEquals(1, r.empty());
        assertEquals(1.0, r.score().precision(), EPS);
        assertEquals(0.5, r.score().recall(), EPS);
    }

    @Test
    void readsTruthAndPredictionsAsTheScriptDoes(@TempDir Path dir) throws IOException {
        Path truth = Files.createDirectories(dir.resolve("truth"));
        Files.writeString(truth.resolve("p1.json"), "{\"articleBody\": \"a b c d\", \"url\": \"u\"}");
        Files.writeString(truth.resolve("p2.json"), "{\"url\": \"u\"}");
        assertEquals(Map.of("p1", "a b c d", "p2", ""), AebMetric.loadTruth(truth));

        Path jsonl = dir.resolve("articles.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"id\": \"p1\", \"text\": \"old\"}",
                "",
                "{\"id\": \"p1\", \"text\": \"new\"}",
                "{\"id\": \"p2\", \"text\": null}",
                "{\"id\": 7, \"text\": \"n\"}") + "\n", StandardCharsets.UTF_8);
        assertEquals(Map.of("p1", "new", "p2", "", "7", "n"), AebMetric.loadPredictions(jsonl));

        Path txt = Files.createDirectories(dir.resolve("pred"));
        Files.writeString(txt.resolve("p1.txt"), "a b c d");
        Files.writeString(txt.resolve("notes.md"), "ignored");
        assertEquals(Map.of("p1", "a b c d"), AebMetric.loadPredictions(txt));
    }

    private static void assertCounts(AebMetric.Counts c, double tp, double fp, double fn, double p, double r) {
        assertEquals(tp, c.tp(), EPS, "tp");
        assertEquals(fp, c.fp(), EPS, "fp");
        assertEquals(fn, c.fn(), EPS, "fn");
        assertEquals(p, c.precision(), EPS, "precision");
        assertEquals(r, c.recall(), EPS, "recall");
    }
}
