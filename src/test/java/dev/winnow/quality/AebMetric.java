package dev.winnow.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The article-extraction benchmark's "aeb" metric, a line-for-line port of {@code ../shared/eval/score_aeb.py}
 * (itself a replica of the benchmark's {@code evaluate.py}). Same input, same numbers: the gate and the
 * Python scorer must agree, so nothing here is "improved".
 *
 * <ul>
 *   <li>Tokens are the {@code \w+} runs of the text, with Python's meaning of {@code \w} (see {@link #TOKEN}).
 *   Case is kept.</li>
 *   <li>A text's shingles are its runs of {@value #SHINGLE} consecutive tokens, as a multiset. A text with
 *   1 to 3 tokens has one shorter shingle (all its tokens); a text with no tokens has none.</li>
 *   <li>Per page, tp/fp/fn are the multiset overlap and the two differences, then divided by their sum.</li>
 *   <li>Precision is the mean over the pages with tp+fp &gt; 0, recall the mean over the pages with tp+fn &gt; 0,
 *   and F1 the harmonic mean of those two means. So an empty prediction (tp = fp = 0) is left out of the
 *   precision mean and only lowers recall.</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class AebMetric {
    private AebMetric() {}

    /** Tokens per shingle, as in the benchmark. */
    public static final int SHINGLE = 4;

    /**
     * Python's {@code re} {@code \w} on a str is "alphanumeric or underscore", where alphanumeric means
     * {@code str.isalpha() or isdecimal() or isdigit() or isnumeric()}: general categories L* and N*. Checked
     * over every code point with Python 3.11 (Unicode 14): {@code \w} matches exactly {@code [\p{L}\p{N}_]}.
     * Java's {@code \w} with {@code UNICODE_CHARACTER_CLASS} is not the same set: it also takes combining marks
     * (Mn, Mc, Me), connector punctuation and the zero-width joiners, and leaves out No (such as "½"). The
     * development pages contain such characters (Arabic and Devanagari vowel marks, U+0301, U+FE0F, U+200D,
     * "½", "¼"), so this explicit class is what agrees with the Python scorer.
     */
    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    /** The {@code \w+} tokens of {@code text} in order; none for null. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /**
     * The multiset of shingles of {@code text}, each shingle written as its tokens joined by a space (a space
     * is never part of a token, so distinct shingles stay distinct).
     */
    static Map<String, Integer> shingles(String text, int n) {
        List<String> tokens = tokens(text);
        Map<String, Integer> counts = new HashMap<>();
        // Python: for i in range(0, max(1, len(tokens) - n + 1)): shingle = tokens[i:i+n]; keep it if non-empty.
        for (int i = 0; i < Math.max(1, tokens.size() - n + 1); i++) {
            List<String> shingle = tokens.subList(Math.min(i, tokens.size()), Math.min(i + n, tokens.size()));
            if (!shingle.isEmpty()) counts.merge(String.join(" ", shingle), 1, Integer::sum);
        }
        return counts;
    }

    /** One page's shingle overlap, normalised so that tp + fp + fn = 1 (all zero when both texts are empty). */
    public record Counts(double tp, double fp, double fn) {

        /** As {@code precision_score}: 1 when nothing is wrong, 0 when nothing was predicted. */
        public double precision() {
            if (fp == 0 && fn == 0) return 1.0;
            if (tp == 0 && fp == 0) return 0.0;
            return tp / (tp + fp);
        }

        /** As {@code recall_score}: 1 when nothing is wrong, 0 when there was nothing to find. */
        public double recall() {
            if (fp == 0 && fn == 0) return 1.0;
            if (tp == 0 && fn == 0) return 0.0;
            return tp / (tp + fn);
        }

        public double f1() {
            return AebMetric.f1(precision(), recall());
        }
    }

    /** Compares a prediction with the truth of one page ({@code string_shingle_matching}). */
    public static Counts match(String truth, String prediction) {
        Map<String, Integer> t = shingles(truth, SHINGLE);
        Map<String, Integer> p = shingles(prediction, SHINGLE);
        long tp = 0, fp = 0, fn = 0;
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            int tc = e.getValue(), pc = p.getOrDefault(e.getKey(), 0);
            tp += Math.min(tc, pc);
            fn += Math.max(0, tc - pc);
        }
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            fp += Math.max(0, e.getValue() - t.getOrDefault(e.getKey(), 0));
        }
        long sum = tp + fp + fn;
        // Python sums integer-valued floats (exact) and divides each by the sum: the same divisions as here.
        if (sum == 0) return new Counts(0.0, 0.0, 0.0);
        return new Counts((double) tp / sum, (double) fp / sum, (double) fn / sum);
    }

    /** Harmonic mean, 0 when both are 0 ({@code f1_of}). */
    public static double f1(double precision, double recall) {
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    }

    /** Corpus-level precision, recall and F1 ({@code metrics_from_tp_fp_fns}). */
    public record Score(double precision, double recall, double f1) {}

    /** Averages pages as the benchmark does: precision over pages with tp+fp &gt; 0, recall over tp+fn &gt; 0. */
    public static Score aggregate(Collection<Counts> pages) {
        List<Double> ps = new ArrayList<>(), rs = new ArrayList<>();
        for (Counts c : pages) {
            if (c.tp() + c.fp() > 0) ps.add(c.precision());
            if (c.tp() + c.fn() > 0) rs.add(c.recall());
        }
        double p = mean(ps), r = mean(rs);
        return new Score(p, r, f1(p, r));
    }

    /**
     * Python's {@code statistics.mean} of floats: the exact sum divided by n, rounded once. A plain double
     * loop would drift in the last bits; this keeps the port bit-for-bit where it can. 0 for no values.
     */
    static double mean(List<Double> values) {
        if (values.isEmpty()) return 0.0;
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) sum = sum.add(new BigDecimal(v));
        return sum.divide(BigDecimal.valueOf(values.size()), new MathContext(60)).doubleValue();
    }

    /** One page's result, as a row of {@code score_aeb.py --per-page}. */
    public record PageScore(String id, Counts counts, int trueTokens, int predTokens, boolean missing) {
        public double precision() {
            return counts.precision();
        }

        public double recall() {
            return counts.recall();
        }

        public double f1() {
            return counts.f1();
        }
    }

    /** A scored corpus: the aggregate, and every page in id order. */
    public record Result(Score score, List<PageScore> pages) {
        public long missing() {
            return pages.stream().filter(PageScore::missing).count();
        }

        public long empty() {
            return pages.stream().filter(p -> p.predTokens() == 0).count();
        }
    }

    /**
     * Scores every page of {@code truth} (id to article body) against {@code predictions} (id to text). A page
     * without a prediction counts as an empty prediction. Predictions for ids not in the truth are ignored.
     */
    public static Result score(Map<String, String> truth, Map<String, String> predictions) {
        List<PageScore> rows = new ArrayList<>();
        List<Counts> counts = new ArrayList<>();
        for (String id : new TreeMap<>(truth).keySet()) {
            String t = truth.get(id);
            boolean missing = !predictions.containsKey(id);
            String p = missing ? "" : predictions.get(id);
            Counts c = match(t, p);
            counts.add(c);
            rows.add(new PageScore(id, c, tokens(t).size(), tokens(p).size(), missing));
        }
        return new Result(aggregate(counts), List.copyOf(rows));
    }

    /** Reads {@code <id>.json} files and their {@code articleBody} ({@code load_truth}). */
    public static Map<String, String> loadTruth(Path dir) {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> truth = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                JsonNode body = json.readTree(f.toFile()).path("articleBody");
                truth.put(stem(f), body.isTextual() ? body.asText() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read truth from " + dir, e);
        }
        return truth;
    }

    /**
     * Reads predictions the way the Python scorer does: a JSONL file of records ({@code id}, {@code text}; a
     * later record with the same id wins), or a folder of {@code <id>.txt} files (bad UTF-8 replaced).
     */
    public static Map<String, String> loadPredictions(Path jsonlOrDir) {
        Map<String, String> preds = new TreeMap<>();
        try {
            if (Files.isDirectory(jsonlOrDir)) {
                try (Stream<Path> files = Files.list(jsonlOrDir)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                        preds.put(stem(f), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                    }
                }
                return preds;
            }
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader in = Files.newBufferedReader(jsonlOrDir, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) continue;
                    JsonNode rec = json.readTree(line);
                    JsonNode id = rec.path("id"), text = rec.path("text");
                    preds.put(id.isMissingNode() || id.isNull() ? "None" : id.asText(),
                            text.isTextual() ? text.asText() : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read predictions from " + jsonlOrDir, e);
        }
        return preds;
    }

    /** File name without its last extension, as Python's {@code Path.stem}. */
    private static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
