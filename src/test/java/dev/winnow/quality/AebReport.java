package dev.winnow.quality;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Per-page benchmark scores, worst F1 first, to see which development pages lose the most.
 *
 * <pre>
 *   mvn -q -B -o package -DskipTests          # also compiles the tests
 *   java -cp target/winnow.jar:target/test-classes dev.winnow.quality.AebReport            # clean the pages now
 *   java -cp target/winnow.jar:target/test-classes dev.winnow.quality.AebReport OUT/articles.jsonl
 *   ... AebReport OUT/articles.jsonl --truth DIR --top 20
 *   ... AebReport --html [--write OUT.jsonl]      # the HTML pages through the HTML path (AebHtml)
 * </pre>
 *
 * PRED is a JSONL file of records or a folder of {@code <id>.txt} files, as for {@code score_aeb.py}; without
 * it the bundled {@code aeb-dev/text} pages are cleaned with the text profile first, or with {@code --html} the
 * bundled {@code aeb-dev/html} pages with the HTML path. {@code --write} saves the predictions scored as JSONL
 * ({@code id}, {@code text}) so {@code score_aeb.py} can check the same output. The last line is the
 * corpus score, the same numbers the quality gate checks. Columns: P, R, F1 of the page ("aeb" metric), its
 * true and predicted token counts, and MISSING when the run gave the page no record. Page P and R follow the
 * scorer: an empty prediction shows P = 0 here but is left out of the corpus precision mean.
 */
public final class AebReport {
    private AebReport() {}

    private static final String USAGE = "usage: AebReport [PRED.jsonl|PRED_DIR | --html [--write OUT.jsonl]] [--truth DIR] [--top N]";

    public static void main(String[] args) throws IOException {
        Path pred = null;
        Path truthDir = null;
        Path write = null;
        boolean html = false;
        int top = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--truth" -> truthDir = Path.of(value(args, ++i));
                case "--top" -> top = Integer.parseInt(value(args, ++i));
                case "--html" -> html = true;
                case "--write" -> write = Path.of(value(args, ++i));
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    if (pred != null) usage("one PRED only: " + args[i]);
                    pred = Path.of(args[i]);
                }
            }
        }
        Map<String, String> truth = truthDir == null ? AebDev.truth() : AebMetric.loadTruth(truthDir);
        if (html && pred != null) usage("--html cleans the bundled pages; it takes no PRED");
        Map<String, String> predictions;
        if (pred != null) {
            predictions = AebMetric.loadPredictions(pred);
        } else if (html) {
            predictions = AebHtml.cleanAll(AebHtml.pages());
        } else {
            Path out = Files.createTempDirectory("winnow-aeb-");
            try {
                predictions = AebDev.clean(out);
            } finally {
                deleteTree(out);
            }
        }
        if (write != null) writeJsonl(predictions, write);
        print(AebMetric.score(truth, predictions), top, System.out);
    }

    /** Predictions as JSONL records holding only {@code id} and {@code text}, in id order: what score_aeb.py reads. */
    static void writeJsonl(Map<String, String> predictions, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(predictions).entrySet()) {
            sb.append(json.writeValueAsString(json.createObjectNode().put("id", e.getKey()).put("text", e.getValue()))).append('\n');
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(out, sb, StandardCharsets.UTF_8);
    }

    /** Writes the table, worst page first (ties by id), then the corpus line. */
    static void print(AebMetric.Result result, int top, PrintStream out) {
        List<AebMetric.PageScore> worst = result.pages().stream()
                .sorted(Comparator.comparingDouble(AebMetric.PageScore::f1).thenComparing(AebMetric.PageScore::id))
                .limit(top)
                .toList();
        out.printf(Locale.ROOT, "%-64s %6s %6s %6s %8s %8s%n", "id", "P", "R", "F1", "true_tok", "pred_tok");
        for (AebMetric.PageScore p : worst) {
            out.printf(Locale.ROOT, "%-64s %6s %6s %6s %8d %8d%s%n", p.id(), fixed(p.precision(), 3),
                    fixed(p.recall(), 3), fixed(p.f1(), 3), p.trueTokens(), p.predTokens(),
                    p.missing() ? "  MISSING" : "");
        }
        out.println(summary(result));
    }

    /** The corpus line: page counts and P, R, F1 to four decimals. */
    static String summary(AebMetric.Result result) {
        AebMetric.Score s = result.score();
        return String.format(Locale.ROOT, "pages=%d missing=%d empty=%d  P=%s R=%s F1=%s", result.pages().size(),
                result.missing(), result.empty(), fixed(s.precision(), 4), fixed(s.recall(), 4), fixed(s.f1(), 4));
    }

    /**
     * {@code v} to {@code digits} decimals the way Python's {@code f"{v:.3f}"} prints it: the exact binary value
     * rounded half to even. Java's {@code %.3f} rounds half up, so a page F1 of exactly 0.8125 would print
     * 0.813 here and 0.812 in {@code score_aeb.py}.
     */
    static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) usage(args[i - 1] + " needs a value");
        return args[i];
    }

    private static void usage(String message) {
        System.err.println("AebReport: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
