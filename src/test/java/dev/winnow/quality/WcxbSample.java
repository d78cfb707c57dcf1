package dev.winnow.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample of WCXB development pages bundled in {@code src/test/resources/wcxb-sample} (WCXB, Murrough Foley,
 * 2026, CC-BY-4.0; ten pages of each of the seven page types, chosen by {@code tools/wcxb-sample.py}), cleaned the
 * way a user cleans them ({@code winnow clean}) and scored with the benchmark's own metric, a port of
 * {@code score_wcxb.py}: per page, precision and recall of lower-cased {@code \w+} words as multisets, averaged
 * over pages, and a page is lost when its record holds under 10% of the reference's words.
 */
final class WcxbSample {
    private WcxbSample() {}

    /** One page's reference: its page type and main content. */
    record Reference(String type, String text) {}

    /** Mean precision, recall and F1 over a set of pages, and how many of them lost their content. */
    record Score(int pages, double precision, double recall, double f1, int lost) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%3d pages  P %.3f R %.3f F1 %.4f  lost %d", pages, precision, recall, f1, lost);
        }
    }

    static Path root() {
        URL url = WcxbSample.class.getResource("/wcxb-sample/truth");
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path src = Path.of("src/test/resources/wcxb-sample");
        if (Files.isDirectory(src.resolve("truth"))) return src;
        throw new IllegalStateException("wcxb-sample not found on the classpath or in " + src.toAbsolutePath());
    }

    /** Every reference, by page id. */
    static Map<String, Reference> references() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Reference> refs = new TreeMap<>();
        Path dir = root().resolve("truth");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode d = json.readTree(f.toFile());
                String type = d.path("_internal").path("page_type").path("primary").asText("article");
                String name = f.getFileName().toString();
                refs.put(name.substring(0, name.length() - ".json".length()),
                        new Reference("category".equals(type) ? "collection" : type,
                                d.path("ground_truth").path("main_content").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return refs;
    }

    /**
     * Runs {@code winnow clean <sample>/<form> -o outDir} and returns each record's text by page id (the id's part
     * before the first dot, as the scorer reads it). A rejected page is absent and scores as an empty prediction.
     */
    static Map<String, String> clean(String form, Path outDir) {
        int exit = Main.execute("clean", root().resolve(form).toString(), "-o", outDir.toString(), "-q", "--no-text-files");
        if (exit != 0 && exit != 3) throw new IllegalStateException("winnow clean exited with " + exit);
        Map<String, String> texts = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(outDir.resolve("articles.jsonl"))) {
                if (line.isBlank()) continue;
                JsonNode r = json.readTree(line);
                texts.put(r.path("id").asText().split("\\.")[0], r.path("text").asText(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** The score of {@code predictions} over the pages of {@code refs} whose type is {@code type} (null: all). */
    static Score score(Map<String, Reference> refs, Map<String, String> predictions, String type) {
        List<double[]> rows = new ArrayList<>();
        int lost = 0;
        for (Map.Entry<String, Reference> e : refs.entrySet()) {
            if (type != null && !type.equals(e.getValue().type())) continue;
            Map<String, Integer> ref = words(e.getValue().text());
            Map<String, Integer> pred = words(predictions.getOrDefault(e.getKey(), ""));
            int refCount = total(ref), predCount = total(pred);
            double p, r, f1;
            if (refCount == 0) {
                p = r = f1 = predCount == 0 ? 1 : 0;
            } else if (predCount == 0) {
                p = r = f1 = 0;
            } else {
                int overlap = 0;
                for (Map.Entry<String, Integer> w : pred.entrySet()) overlap += Math.min(w.getValue(), ref.getOrDefault(w.getKey(), 0));
                p = (double) overlap / predCount;
                r = (double) overlap / refCount;
                f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            }
            if (refCount > 0 && r < 0.10) lost++;
            rows.add(new double[] {p, r, f1});
        }
        int n = rows.size();
        double p = 0, r = 0, f = 0;
        for (double[] x : rows) { p += x[0]; r += x[1]; f += x[2]; }
        return n == 0 ? new Score(0, 0, 0, 0, 0) : new Score(n, p / n, r / n, f / n, lost);
    }

    // Python's \w on str: what str.isalnum() accepts (letters and numbers of any script), and the underscore.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) counts.merge(m.group(), 1, Integer::sum);
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        int n = 0;
        for (int c : counts.values()) n += c;
        return n;
    }
}
