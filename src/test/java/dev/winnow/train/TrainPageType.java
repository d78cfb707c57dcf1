package dev.winnow.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Field;
import dev.winnow.core.Verdict;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.run.Decoder;
import dev.winnow.run.Input;
import dev.winnow.score.Forest;
import dev.winnow.score.PageFeatures;
import dev.winnow.score.PageType;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Trains the page-type classifier ({@code make train-page-type}) from WCXB's development pages,
 * deterministically (fixed seed, pages in id order).
 *
 * <p>HTML pages go through Winnow's own decoder and front end, and the URL the model sees is the one the
 * page states (canonical or og:url), as in a run. Text dumps carry no URL, but a text input from a web
 * archive has one: the text model learns from each dump twice, without its URL and with it.
 *
 * <p>Out-of-fold: pages are split into {@value Folds#COUNT} folds by domain ({@link Folds}, shared with the block scorer:
 * SHA-256 of the host), a forest trained on four folds types the fifth, through
 * the exported JSON and {@link Forest} as a run reads it. Accuracy, per-type precision and recall and the
 * confusion matrix printed are out-of-fold only. The shipped models are then trained on every page.
 *
 * <p>Usage: {@code TrainPageType DATA_DIR MODEL_DIR [--trees N] [--depth N]}
 */
public final class TrainPageType {
    static final long SEED = 20261205L;
    /**
     * How far page weights even out the types: 0 not at all, 1 every type weighs as much as any other.
     * Out-of-fold, full balance gave HTML a better accuracy and article precision (0.819 and 0.876 against
     * 0.810 and 0.839 at 0.5); plain text, with less to go by, lost accuracy with it (0.674 against 0.712)
     * by calling too many articles something else, so it keeps the square root.
     */
    static final double HTML_BALANCE = 1.0, TEXT_BALANCE = 0.5;
    static final List<String> CLASSES = java.util.Arrays.stream(PageType.values()).map(PageType::code).toList();

    /** Tribuo logs a line per tree; held here, since java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    record Page(String id, String type, int fold, double[] x) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path modelDir = Path.of(args[1]);
        int trees = 60, depth = 10;
        Path folds = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (args[i].equals("--trees")) trees = Integer.parseInt(args[i + 1]);
            if (args[i].equals("--depth")) depth = Integer.parseInt(args[i + 1]);
            if (args[i].equals("--folds")) folds = Path.of(args[i + 1]);
        }
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        long t0 = System.nanoTime();
        Loaded loaded = load(data);
        System.out.printf(Locale.ROOT, "%d HTML pages, %d text pages loaded in %.1f s%n", loaded.html.size(),
                loaded.textBare.size(), (System.nanoTime() - t0) / 1e9);

        System.out.println("\n== HTML, out-of-fold (URL as the page states it) ==");
        outOfFold(loaded.html, List.of(), PageFeatures.HTML_NAMES, HTML_BALANCE, trees, depth, false, folds, "html");
        System.out.println("\n== text, out-of-fold, no URL (a folder of .txt files) ==");
        outOfFold(loaded.textBare, loaded.textUrl, PageFeatures.TEXT_NAMES, TEXT_BALANCE, trees, depth, false, folds, "text");
        System.out.println("\n== text, out-of-fold, with the URL (a web archive's text) ==");
        outOfFold(loaded.textBare, loaded.textUrl, PageFeatures.TEXT_NAMES, TEXT_BALANCE, trees, depth, true, null, "text");

        Files.createDirectories(modelDir);
        byte[] html = export(train(loaded.html, PageFeatures.HTML_NAMES, HTML_BALANCE, trees, depth), "winnow-html-page-type",
                PageFeatures.HTML_NAMES, loaded.html.size());
        Files.write(modelDir.resolve("html-page-type.json"), html);
        List<Page> both = new ArrayList<>(loaded.textBare);
        both.addAll(loaded.textUrl);
        byte[] text = export(train(both, PageFeatures.TEXT_NAMES, TEXT_BALANCE, trees, depth), "winnow-text-page-type",
                PageFeatures.TEXT_NAMES, loaded.textBare.size());
        Files.write(modelDir.resolve("text-page-type.json"), text);
        System.out.printf(Locale.ROOT, "%nwrote %s (%d bytes) and %s (%d bytes) in %.1f s%n", modelDir.resolve("html-page-type.json"),
                html.length, modelDir.resolve("text-page-type.json"), text.length, (System.nanoTime() - t0) / 1e9);
    }

    record Loaded(List<Page> html, List<Page> textBare, List<Page> textUrl) {}

    static Loaded load(Path data) throws IOException {
        ObjectMapper json = new ObjectMapper();
        HtmlFrontEnd front = new HtmlFrontEnd();
        Decoder decoder = new Decoder();
        List<Page> html = new ArrayList<>(), bare = new ArrayList<>(), withUrl = new ArrayList<>();
        List<Path> truths;
        try (Stream<Path> s = Files.list(data.resolve("truth"))) {
            truths = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path truth : truths) {
            String id = truth.getFileName().toString().replace(".json", "");
            JsonNode t = json.readTree(truth.toFile());
            String url = t.path("url").asText("");
            String type = t.path("_internal").path("page_type").path("primary").asText("");
            if (type.isEmpty()) continue;
            PageType.of(type);      // fails on a type the record cannot say
            int fold = Folds.of(Folds.domain(url));
            Path h = data.resolve("html").resolve(id + ".html.gz");
            if (Files.exists(h)) {
                byte[] bytes;
                try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(h))) {
                    bytes = in.readAllBytes();
                }
                Decoder.Decoded d = decoder.decode(new Input(id, id + ".html", h, null), bytes, id + ".html");
                if (d.text() != null) {
                    HtmlFrontEnd.Extracted page = front.extract(d.text());
                    html.add(new Page(id, type, fold, PageFeatures.html(page.source(), page.blocks(), statedUrl(page.facts()), page.shape())));
                }
            }
            Path x = data.resolve("text").resolve(id + ".txt");
            if (Files.exists(x)) {
                Decoder.Decoded d = decoder.decode(new Input(id, id + ".txt", x, null), Files.readAllBytes(x), id + ".txt");
                if (d.text() != null) {
                    bare.add(new Page(id, type, fold, PageFeatures.text(d.text(), null)));
                    withUrl.add(new Page(id, type, fold, PageFeatures.text(d.text(), url)));
                }
            }
        }
        return new Loaded(html, bare, withUrl);
    }

    /** The first URL the page's markup states, as a run takes it. */
    static String statedUrl(List<Verdict.Fact> facts) {
        for (Verdict.Fact f : facts) if (f.field() == Field.URL) return f.value();
        return null;
    }

    /**
     * Trains on four folds (pages and their {@code extra} twins) and types the fifth; {@code useExtra}
     * types the held-out twins instead of the pages. With {@code folds}, each fold's model is also written there as
     * {@code <kind>-page-type-fold<k>.json}, with the ids of the pages it holds out: {@code make oof} types each page with the model that never saw its site,
     * so the chains' out-of-fold figures do not read a page type learned from the page itself.
     */
    static void outOfFold(List<Page> pages, List<Page> extra, List<String> names, double balance, int trees, int depth,
                          boolean useExtra, Path folds, String kind)
            throws IOException {
        int k = CLASSES.size();
        int[][] confusion = new int[k][k];
        for (int fold = 0; fold < Folds.COUNT; fold++) {
            int f = fold;
            List<Page> train = new ArrayList<>(pages.stream().filter(p -> p.fold() != f).toList());
            train.addAll(extra.stream().filter(p -> p.fold() != f).toList());
            byte[] bytes = export(train(train, names, balance, trees, depth), "winnow-" + kind + "-page-type-fold" + fold, names, train.size());
            if (folds != null) {
                Files.createDirectories(folds);
                Files.write(folds.resolve(kind + "-page-type-fold" + fold + ".json"), bytes);
                Files.write(folds.resolve(kind + "-page-type-fold" + fold + ".ids"),
                        pages.stream().filter(p -> p.fold() == f).map(Page::id).toList());
            }
            Forest model = Forest.parse(bytes, "fold" + fold);
            for (Page p : (useExtra ? extra : pages)) {
                if (p.fold() != fold) continue;
                double[] d = model.distribution(p.x());
                int best = 0;
                for (int i = 1; i < d.length; i++) if (d[i] > d[best]) best = i;
                confusion[CLASSES.indexOf(p.type())][CLASSES.indexOf(model.classes().get(best))]++;
            }
        }
        report(confusion);
    }

    static void report(int[][] c) {
        int k = CLASSES.size(), total = 0, right = 0;
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) {
            total += c[i][j];
            if (i == j) right += c[i][j];
        }
        System.out.printf(Locale.ROOT, "accuracy %.3f (%d of %d pages)%n", (double) right / total, right, total);
        System.out.printf(Locale.ROOT, "%-14s %6s %9s %6s %6s%n", "type", "pages", "precision", "recall", "F1");
        double macro = 0;
        int present = 0;
        for (int i = 0; i < k; i++) {
            int truth = 0, said = 0;
            for (int j = 0; j < k; j++) {
                truth += c[i][j];
                said += c[j][i];
            }
            if (truth == 0 && said == 0) continue;
            double p = said == 0 ? 0 : (double) c[i][i] / said, r = truth == 0 ? 0 : (double) c[i][i] / truth;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (truth > 0) {
                macro += f1;
                present++;
            }
            System.out.printf(Locale.ROOT, "%-14s %6d %9.3f %6.3f %6.3f%n", CLASSES.get(i), truth, p, r, f1);
        }
        System.out.printf(Locale.ROOT, "macro F1 %.3f%n", macro / present);
        System.out.println("confusion (rows: true type, columns: said):");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s", ""));
        for (String n : CLASSES) head.append(String.format(Locale.ROOT, "%6s", n.substring(0, Math.min(5, n.length()))));
        System.out.println(head);
        for (int i = 0; i < k; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", CLASSES.get(i)));
            for (int j = 0; j < k; j++) row.append(String.format(Locale.ROOT, "%6d", c[i][j]));
            System.out.println(row);
        }
    }

    /**
     * A random forest of CART trees. Each page is weighted by its type's rarity to the power
     * {@code balance}, so the 793 articles do not drown the 91 documentation pages.
     */
    static EnsembleModel<Label> train(List<Page> pages, List<String> names, double balance, int trees, int depth) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("wcxb-dev", labels), labels);
        String[] featureNames = names.toArray(new String[0]);
        Map<String, Integer> perType = new HashMap<>();
        for (Page p : pages) perType.merge(p.type(), 1, Integer::sum);
        for (Page p : pages) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(p.type()), featureNames, p.x());
            e.setWeight((float) Math.pow((double) pages.size() / (perType.size() * perType.get(p.type())), balance));
            data.add(e);
        }
        CARTClassificationTrainer cart = new CARTClassificationTrainer(depth, 3f, 0f, 0.3f, false, new GiniIndex(), SEED);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(cart, new VotingCombiner(), trees, SEED);
        return (EnsembleModel<Label>) forest.train(data);
    }

    /** The forest as Forest's multi-class JSON: per tree, nodes in pre-order, leaves holding a distribution over CLASSES. */
    static byte[] export(EnsembleModel<Label> model, String name, List<String> names, int pages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("trained_on", "WCXB development split (CC-BY-4.0, WCXB, Murrough Foley, 2026), " + pages + " pages");
            g.writeArrayFieldStart("classes");
            for (String c : CLASSES) g.writeString(c);
            g.writeEndArray();
            g.writeArrayFieldStart("features");
            for (String f : names) g.writeString(f);
            g.writeEndArray();
            g.writeArrayFieldStart("trees");
            for (Model<Label> member : model.getModels()) writeTree(g, (TreeModel<Label>) member, names);
            g.writeEndArray();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("deprecation")
    private static void writeTree(JsonGenerator g, TreeModel<Label> tree, List<String> names) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
        List<Node<Label>> nodes = new ArrayList<>();
        Map<Node<Label>, Integer> ids = new IdentityHashMap<>();
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
        g.writeStartObject();
        g.writeArrayFieldStart("feature");
        for (Node<Label> node : nodes) {
            g.writeNumber(node instanceof SplitNode<Label> s ? index.get(tree.getFeatureIDMap().get(s.getFeatureID()).getName()) : -1);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("threshold");
        // doubles, not floats: a threshold rounded to float can send a value to the other side than in training
        for (Node<Label> node : nodes) g.writeNumber(node instanceof SplitNode<Label> s ? s.splitValue() : 0);
        g.writeEndArray();
        g.writeArrayFieldStart("left");
        for (Node<Label> node : nodes) g.writeNumber(node instanceof SplitNode<Label> s ? ids.get(s.getLessThanOrEqual()) : 0);
        g.writeEndArray();
        g.writeArrayFieldStart("right");
        for (Node<Label> node : nodes) g.writeNumber(node instanceof SplitNode<Label> s ? ids.get(s.getGreaterThan()) : 0);
        g.writeEndArray();
        g.writeArrayFieldStart("value");
        for (Node<Label> node : nodes) {
            g.writeStartArray();
            if (node instanceof LeafNode<Label> leaf) {
                Map<String, Label> dist = leaf.getDistribution();
                for (String c : CLASSES) {
                    Label l = dist.get(c);
                    g.writeNumber(l == null ? 0 : Math.round(l.getScore() * 1e3) / 1e3);
                }
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (n == 0) throw new IllegalStateException("an empty tree");
    }
}
