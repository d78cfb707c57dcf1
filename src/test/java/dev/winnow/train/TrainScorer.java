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
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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
 * words. A random forest (Tribuo CART trees) is trained on the features of {@link BlockFeatures}, then
 * exported tree by tree into the plain JSON that {@code dev.winnow.score.Forest} reads.
 *
 * <p>Out-of-fold: pages are split into {@value #FOLDS} folds by domain (a hash of the host), a model is
 * trained on four folds for the fifth, and each fold's page ids and model are written under
 * {@code OUT/oof/} so a run of Winnow with {@code --html-model}/{@code --text-model} on each fold scores
 * pages no model saw (see {@code make oof}). The shipped model is trained on all pages.
 *
 * <p>Usage: {@code TrainScorer html|text DATA_DIR MODEL_OUT OOF_DIR [--trees N] [--depth N]}
 */
public final class TrainScorer {
    static final int FOLDS = 5;
    static final long SEED = 20261204L;
    /** A block is content when at least this share of its trigrams occurs in the reference. */
    static final double CONTENT_SHARE = 0.5;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    static final String CONTENT = "content";
    static final String BOILERPLATE = "boilerplate";

    record Page(String id, String domain, String type, int fold, double[][] x, boolean[] y, double[] w) {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path data = Path.of(args[1]);
        Path modelOut = Path.of(args[2]);
        Path oofDir = Path.of(args[3]);
        int trees = 40, depth = 14;
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
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            List<Page> train = pages.stream().filter(p -> p.fold() != f).toList();
            List<Page> held = pages.stream().filter(p -> p.fold() == f).toList();
            String name = "winnow-" + kind + "-blocks-fold" + fold;
            byte[] model = export(train(train, trees, depth), name, train.size());
            Files.write(oofDir.resolve(kind + "-fold" + fold + ".json"), model);
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
            Alignment ref = new Alignment(reference);
            for (int i = 0; i < y.length; i++) {
                List<String> words = words(blocks.get(i).text());
                y[i] = ref.contentShare(words) >= CONTENT_SHARE;
                w[i] = Math.sqrt(1 + words.size());
            }
            String domain = domain(t.path("url").asText(""));
            String type = t.path("_internal").path("page_type").path("primary").asText("article");
            pages.add(new Page(id, domain, type, fold(domain), x, y, w));
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

    static String domain(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) return url;
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The fold of a domain: a hash, so a domain's pages share a fold and the split never depends on order. */
    static int fold(String domain) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(domain.getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(((h[0] & 0xff) << 8) | (h[1] & 0xff), FOLDS);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static EnsembleModel<Label> train(List<Page> pages, int trees, int depth) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("wcxb-dev", labels), labels);
        String[] names = BlockFeatures.NAMES.toArray(new String[0]);
        Label content = new Label(CONTENT), boilerplate = new Label(BOILERPLATE);
        for (Page p : pages) {
            for (int i = 0; i < p.y().length; i++) {
                ArrayExample<Label> e = new ArrayExample<>(p.y()[i] ? content : boilerplate, names, p.x()[i]);
                e.setWeight((float) p.w()[i]);
                data.add(e);
            }
        }
        CARTClassificationTrainer cart = new CARTClassificationTrainer(depth, 5f, 0f, 0.5f, false, new GiniIndex(), SEED);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(cart, new VotingCombiner(), trees, SEED);
        return (EnsembleModel<Label>) forest.train(data);
    }

    /** The forest as Forest's JSON: per tree, nodes in pre-order (children after parents). */
    static byte[] export(EnsembleModel<Label> model, String name, int pages) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("trained_on", "WCXB development split (CC-BY-4.0, WCXB, Murrough Foley, 2026), " + pages + " pages");
            g.writeArrayFieldStart("features");
            for (String f : BlockFeatures.NAMES) g.writeString(f);
            g.writeEndArray();
            g.writeArrayFieldStart("trees");
            for (Model<Label> member : model.getModels()) writeTree(g, (TreeModel<Label>) member);
            g.writeEndArray();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("deprecation")
    private static void writeTree(JsonGenerator g, TreeModel<Label> tree) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < BlockFeatures.NAMES.size(); i++) index.put(BlockFeatures.NAMES.get(i), i);
        List<Node<Label>> nodes = new ArrayList<>();
        Map<Node<Label>, Integer> ids = new java.util.IdentityHashMap<>();
        Deque<Node<Label>> todo = new ArrayDeque<>();
        todo.push(tree.getRoot());
        while (!todo.isEmpty()) {
            Node<Label> n = todo.pop();
            ids.put(n, nodes.size());
            nodes.add(n);
            if (n instanceof SplitNode<Label> s) {
                todo.push(s.getGreaterThan());
                todo.push(s.getLessThanOrEqual());
            }
        }
        int n = nodes.size();
        int[] feature = new int[n], left = new int[n], right = new int[n];
        double[] threshold = new double[n], value = new double[n];
        for (int i = 0; i < n; i++) {
            Node<Label> node = nodes.get(i);
            if (node instanceof SplitNode<Label> s) {
                feature[i] = index.get(tree.getFeatureIDMap().get(s.getFeatureID()).getName());
                threshold[i] = s.splitValue();
                left[i] = ids.get(s.getLessThanOrEqual());
                right[i] = ids.get(s.getGreaterThan());
            } else {
                LeafNode<Label> leaf = (LeafNode<Label>) node;
                feature[i] = -1;
                Label c = leaf.getDistribution().get(CONTENT);
                value[i] = c == null ? 0 : Math.round(c.getScore() * 1e4) / 1e4;
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
