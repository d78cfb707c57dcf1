package dev.winnow.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Block;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Scorer;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Input;
import dev.winnow.run.Limits;
import dev.winnow.score.BlockFeatures;
import dev.winnow.stages.Profiles;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trains the learned block scorer ({@code make train}) from WCXB's development pages, deterministically.
 *
 * <p>Each page goes through Winnow's own document path (decode, front end, segmenter) with a scorer
 * that only records the blocks it is handed, so training sees exactly the blocks a run scores. A block
 * is labelled content when most of its word trigrams (its words, for a block under three) occur in the
 * page's reference text; it is weighted by the square root of its words, since the benchmark counts
 * words. Gradient-boosted trees (XGBoost) are trained on the features of {@link BlockFeatures}, then
 * exported tree by tree into the plain JSON that {@code dev.winnow.score.Forest} reads.
 *
 * <p>Out-of-fold: pages are split into {@value Folds#COUNT} folds by domain (a hash of the host), a model is
 * trained on four folds for the fifth, and each fold's page ids and model are written under
 * {@code OUT/oof/} so a run of Winnow with {@code --html-model}/{@code --text-model} on each fold scores
 * pages no model saw (see {@code make oof}). The shipped model is trained on all pages.
 *
 * <p>Usage: {@code TrainScorer html|text DATA_DIR MODEL_OUT OOF_DIR [--trees N] [--depth N]}
 */
public final class TrainScorer {
    static final long SEED = 20261204L;
    /** A block is content when at least this share of its trigrams occurs in the reference. */
    static final double CONTENT_SHARE = 0.5;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    static final String CONTENT = "content";
    static final String BOILERPLATE = "boilerplate";

    record Page(String id, String domain, String type, int fold, double[][] x, boolean[] y, double[] w, double[] words) {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path data = Path.of(args[1]);
        Path modelOut = Path.of(args[2]);
        Path oofDir = Path.of(args[3]);
        int trees = 300, depth = 7;
        for (int i = 4; i + 1 < args.length; i += 2) {
            if (args[i].equals("--trees")) trees = Integer.parseInt(args[i + 1]);
            if (args[i].equals("--depth")) depth = Integer.parseInt(args[i + 1]);
        }
        boolean html = kind.equals("html");
        long t0 = System.nanoTime();
        List<Page> pages = load(data, html);
        long blocks = pages.stream().mapToLong(p -> p.y().length).sum();
        long positive = pages.stream().mapToLong(p -> { int n = 0; for (boolean b : p.y()) if (b) n++; return n; }).sum();
        System.out.printf(Locale.ROOT, "%s: %d pages, %d blocks (%d content) in %.1f s%n", kind, pages.size(), blocks,
                positive, (System.nanoTime() - t0) / 1e9);

        Files.createDirectories(oofDir);
        for (int fold = 0; fold < Folds.COUNT; fold++) {
            int f = fold;
            List<Page> train = pages.stream().filter(p -> p.fold() != f).toList();
            List<Page> held = pages.stream().filter(p -> p.fold() == f).toList();
            String name = "winnow-" + kind + "-blocks-fold" + fold;
            byte[] model = export(train(train, trees, depth), name, train.size());
            Files.write(oofDir.resolve(kind + "-fold" + fold + ".json"), model);
            report(fold, held, dev.winnow.score.Forest.parse(model, name));
            Files.write(oofDir.resolve(kind + "-fold" + fold + ".ids"),
                    (String.join("\n", held.stream().map(Page::id).toList()) + "\n").getBytes(StandardCharsets.UTF_8));
            System.out.printf(Locale.ROOT, "fold %d: trained on %d pages, holds out %d (%.1f s)%n", fold, train.size(),
                    held.size(), (System.nanoTime() - t0) / 1e9);
        }
        byte[] model = export(train(pages, trees, depth), "winnow-" + kind + "-blocks", pages.size());
        Files.createDirectories(modelOut.toAbsolutePath().getParent());
        Files.write(modelOut, model);
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes) in %.1f s%n", modelOut, model.length, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Held-out figures of one fold, through the exported model as Winnow reads it: block accuracy at 0.5
     * (weighted like training), and the mean per-page word F1 of keeping the blocks scored 0.5 or more,
     * against the words of the blocks labelled content (an upper bound the chain's other stages then refine).
     */
    static void report(int fold, List<Page> held, dev.winnow.score.Forest model) {
        double right = 0, total = 0, f1 = 0;
        for (Page p : held) {
            double tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < p.y().length; i++) {
                boolean keep = model.predict(p.x()[i]) >= 0.5;
                if (keep == p.y()[i]) right += p.w()[i];
                total += p.w()[i];
                double words = p.words()[i];
                if (keep && p.y()[i]) tp += words;
                else if (keep) fp += words;
                else if (p.y()[i]) fn += words;
            }
            f1 += tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
        }
        System.out.printf(Locale.ROOT, "fold %d held out: block accuracy %.3f, page word F1 vs labels %.3f%n", fold,
                right / total, f1 / Math.max(1, held.size()));
    }

    /** Every page with a reference text, through Winnow's document path, as feature vectors and labels. */
    static List<Page> load(Path data, boolean html) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Recorder recorder = new Recorder();
        Pipeline text = Profiles.text().scoredBy(recorder);
        Pipeline markup = Profiles.html().scoredBy(recorder);
        DocumentProcessor processor = new DocumentProcessor(text, "text", markup, Limits.DEFAULTS);
        List<Page> pages = new ArrayList<>();
        List<Path> truths;
        try (Stream<Path> s = Files.list(data.resolve("truth"))) {
            truths = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path truth : truths) {
            String id = truth.getFileName().toString().replace(".json", "");
            JsonNode t = json.readTree(truth.toFile());
            String reference = t.path("ground_truth").path("main_content").asText("");
            if (reference.isBlank()) continue;
            Path file = html ? data.resolve("html").resolve(id + ".html.gz") : data.resolve("text").resolve(id + ".txt");
            if (!Files.exists(file)) continue;
            recorder.blocks = null;
            byte[] bytes = Files.readAllBytes(file);
            processor.process(new Input(id, file.getFileName().toString(), file, null), bytes, "wcxb-dev");
            List<Block> blocks = recorder.blocks;
            if (blocks == null || blocks.isEmpty()) continue;
            double[][] x = BlockFeatures.of(blocks);
            boolean[] y = new boolean[blocks.size()];
            double[] w = new double[blocks.size()];
            double[] count = new double[blocks.size()];
            Alignment ref = new Alignment(reference);
            for (int i = 0; i < y.length; i++) {
                List<String> words = words(blocks.get(i).text());
                y[i] = ref.contentShare(words) >= CONTENT_SHARE;
                count[i] = words.size();
            }
            // the benchmark counts words, but a few long blocks must not drown the many short ones that
            // decide a page's chrome: the square root (weighting each page equally did no better out of fold)
            for (int i = 0; i < w.length; i++) w[i] = Math.sqrt(1 + count[i]);
            String domain = Folds.domain(t.path("url").asText(""));
            String type = t.path("_internal").path("page_type").path("primary").asText("article");
            pages.add(new Page(id, domain, type, Folds.of(domain), x, y, w, count));
        }
        return pages;
    }

    /** Records the blocks the pipeline hands its scorer; the scores it returns are never used for training. */
    static final class Recorder implements Scorer {
        List<Block> blocks;

        @Override
        public String identity() { return "recorder"; }

        @Override
        public double[] score(List<Block> blocks) {
            this.blocks = blocks;
            double[] s = new double[blocks.size()];
            java.util.Arrays.fill(s, 1.0);
            return s;
        }
    }

    /** The reference text's words and word trigrams. */
    static final class Alignment {
        final Set<String> unigrams = new HashSet<>();
        final Set<String> trigrams = new HashSet<>();
        final String joined;

        Alignment(String reference) {
            List<String> w = words(reference);
            unigrams.addAll(w);
            for (int i = 0; i + 2 < w.size(); i++) trigrams.add(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
            joined = " " + String.join(" ", w) + " ";
        }

        double contentShare(List<String> words) {
            if (words.isEmpty()) return 0;
            if (words.size() < 3) return joined.contains(" " + String.join(" ", words) + " ") ? 1 : 0;
            int hit = 0;
            for (int i = 0; i + 2 < words.size(); i++) {
                if (trigrams.contains(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2))) hit++;
            }
            return (double) hit / (words.size() - 2);
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Gradient-boosted trees (XGBoost, histogram method): minutes on every block of the development pages. */
    static Booster train(List<Page> pages, int trees, int depth) throws XGBoostError {
        int rows = pages.stream().mapToInt(p -> p.y().length).sum();
        int cols = BlockFeatures.NAMES.size();
        float[] x = new float[rows * cols];
        float[] y = new float[rows], w = new float[rows];
        int r = 0;
        for (Page p : pages) {
            for (int i = 0; i < p.y().length; i++, r++) {
                for (int j = 0; j < cols; j++) x[r * cols + j] = (float) p.x()[i][j];
                y[r] = p.y()[i] ? 1 : 0;
                w[r] = (float) p.w()[i];
            }
        }
        DMatrix data = new DMatrix(x, rows, cols, Float.NaN);
        data.setLabel(y);
        data.setWeight(w);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("tree_method", "hist");
        params.put("max_depth", depth);
        params.put("eta", 0.1);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        params.put("min_child_weight", 5);
        params.put("base_score", 0.5);     // margin 0: the exported sum needs no intercept
        params.put("seed", (int) SEED);
        params.put("nthread", Runtime.getRuntime().availableProcessors());
        params.put("verbosity", 0);
        Booster booster = XGBoost.train(data, params, trees, new HashMap<>(), null, null);
        data.dispose();
        return booster;
    }

    /** The boosted trees as Forest's JSON: per tree, nodes in pre-order (children after parents). */
    static byte[] export(Booster booster, String name, int pages) throws IOException, XGBoostError {
        ObjectMapper json = new ObjectMapper();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("trained_on", "WCXB development split (CC-BY-4.0, WCXB, Murrough Foley, 2026), " + pages + " pages");
            g.writeStringField("output", "logistic");
            g.writeNumberField("base_margin", 0.0);
            g.writeArrayFieldStart("features");
            for (String f : BlockFeatures.NAMES) g.writeString(f);
            g.writeEndArray();
            g.writeArrayFieldStart("trees");
            for (String tree : booster.getModelDump((String) null, false, "json")) writeTree(g, json.readTree(tree));
            g.writeEndArray();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * One XGBoost tree dump ({@code nodeid, split "fN", split_condition, yes, no, children} or {@code leaf}).
     * XGBoost goes to {@code yes} when {@code x < condition} in single precision; Forest goes left when
     * {@code x <= threshold}, so the threshold is the float just below the condition.
     */
    private static void writeTree(JsonGenerator g, JsonNode root) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        Map<Integer, Integer> ids = new HashMap<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            ids.put(n.path("nodeid").asInt(), nodes.size());
            nodes.add(n);
            JsonNode children = n.path("children");
            for (int c = children.size() - 1; c >= 0; c--) todo.push(children.get(c));
        }
        int n = nodes.size();
        int[] feature = new int[n], left = new int[n], right = new int[n];
        double[] threshold = new double[n], value = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode node = nodes.get(i);
            if (node.has("leaf")) {
                feature[i] = -1;
                value[i] = node.path("leaf").asDouble();
            } else {
                feature[i] = Integer.parseInt(node.path("split").asText().substring(1));
                threshold[i] = Math.nextDown((float) node.path("split_condition").asDouble());
                left[i] = ids.get(node.path("yes").asInt());
                right[i] = ids.get(node.path("no").asInt());
            }
        }
        g.writeStartObject();
        writeInts(g, "feature", feature);
        g.writeArrayFieldStart("threshold");
        for (double d : threshold) g.writeNumber(d);
        g.writeEndArray();
        writeInts(g, "left", left);
        writeInts(g, "right", right);
        g.writeArrayFieldStart("value");
        for (double d : value) g.writeNumber(d);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeInts(JsonGenerator g, String name, int[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) g.writeNumber(v);
        g.writeEndArray();
    }
}
