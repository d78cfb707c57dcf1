package dev.winnow.score;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest of binary decision trees that gives a probability: the mean of the leaves a vector reaches
 * (a random forest), or, for a boosted ensemble (a file with {@code "output": "logistic"}), the logistic
 * of their sum plus {@code "base_margin"}. A multi-class forest (a file with {@code "classes"}) holds a
 * class distribution in each leaf instead, and gives the mean distribution ({@link #distribution}).
 * Trained elsewhere (XGBoost or Tribuo, see {@code make train}) and stored as plain JSON, so the model is a
 * versioned, diffable resource and the jar carries no training library. Its {@link #identity()} is
 * the name plus a hash of the file's bytes: a retrained model changes the run fingerprint.
 *
 * <p>File layout: {@code {"name", "features": [names], "trees": [{"feature": [..], "threshold": [..],
 * "left": [..], "right": [..], "value": [..]}]}}; node 0 is the root, a node with feature -1 is a leaf
 * holding {@code value}, any other goes left when {@code x[feature] <= threshold}. A multi-class file adds
 * {@code "classes": [names]}, and its {@code value} holds per node an array of one probability per class
 * (empty for a split node). Immutable, thread-safe.
 */
public final class Forest {
    private final String name;
    private final String identity;
    private final List<String> features;
    private final List<String> classes;
    private final Tree[] trees;
    /** Boosted: the leaves are margins to sum, not probabilities to average. */
    private final boolean logistic;
    private final double baseMargin;
    /**
     * A binary forest's trees laid end to end, for scoring: per node its feature ({@code -1} for a leaf), its
     * threshold or, for a leaf, its value, and its two children side by side in {@code children}; {@code roots}
     * holds where each tree starts. Two arrays read per step instead of four, in the same order as the trees.
     */
    private final int[] roots;
    private final int[] nodeFeature;
    private final double[] nodeThresholdOrValue;
    private final int[] children;

    /** {@code value} holds a binary forest's leaves, {@code dist} a multi-class forest's (the other is null). */
    private record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[][] dist) {
        int leaf(double[] x) {
            int node = 0;
            while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            return node;
        }

        int size() { return feature.length; }
    }

    private Forest(String name, String identity, List<String> features, List<String> classes, Tree[] trees,
                   boolean logistic, double baseMargin) {
        this.name = name;
        this.identity = identity;
        this.features = features;
        this.classes = classes;
        this.trees = trees;
        this.logistic = logistic;
        this.baseMargin = baseMargin;
        int nodes = 0;
        for (Tree t : trees) nodes += t.size();
        roots = new int[trees.length];
        nodeFeature = new int[nodes];
        nodeThresholdOrValue = new double[nodes];
        children = new int[2 * nodes];
        int at = 0;
        for (int k = 0; k < trees.length; k++) {
            Tree t = trees[k];
            roots[k] = at;
            for (int i = 0; i < t.size(); i++) {
                int node = at + i;
                nodeFeature[node] = t.feature()[i];
                boolean leaf = t.feature()[i] < 0;
                nodeThresholdOrValue[node] = leaf ? (t.value() == null ? 0 : t.value()[i]) : t.threshold()[i];
                children[2 * node] = leaf ? node : at + t.left()[i];
                children[2 * node + 1] = leaf ? node : at + t.right()[i];
            }
            at += t.size();
        }
    }

    /** The value of the leaf {@code x} reaches in the tree starting at {@code root} (a binary forest's). */
    private double leafValue(int root, double[] x) {
        int node = root;
        int f;
        while ((f = nodeFeature[node]) >= 0) node = children[2 * node + (x[f] <= nodeThresholdOrValue[node] ? 0 : 1)];
        return nodeThresholdOrValue[node];
    }

    /** A model shipped in the jar, under {@code dev/winnow/model/}. */
    public static Forest resource(String fileName) {
        try {
            return parse(resourceBytes(fileName), fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a model shipped in the jar, under {@code dev/winnow/model/}. */
    public static byte[] resourceBytes(String fileName) {
        String path = "/dev/winnow/model/" + fileName;
        try (InputStream in = Forest.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("model resource missing from the build: " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model file a user passes (a model retrained on their own pages). */
    public static Forest file(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** The file as Jackson binds it: numbers straight into primitive arrays, no tree of nodes in between. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ModelFile(String name, String output, Double base_margin, List<String> features, List<String> classes,
                             List<TreeFile> trees) {}

    /** One tree; {@code value} holds one number per node (binary) or one array per node (multi-class). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TreeFile(int[] feature, double[] threshold, int[] left, int[] right, Object value) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a model from its bytes ({@code where} names them in errors); checks every tree's structure. */
    public static Forest parse(byte[] bytes, String where) throws IOException {
        ModelFile file;
        try {
            file = JSON.readValue(bytes, ModelFile.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(where + ": not a model file: " + e.getOriginalMessage(), e);
        }
        String name = file.name() == null ? "model" : file.name();
        List<String> features = file.features() == null ? List.of() : file.features();
        List<String> classes = file.classes() == null ? List.of() : file.classes();
        String output = file.output() == null ? "mean" : file.output();
        if (!output.equals("mean") && !output.equals("logistic")) throw new IOException(where + ": unknown output " + output);
        boolean logistic = output.equals("logistic");
        if (logistic && !classes.isEmpty()) throw new IOException(where + ": a boosted model is binary");
        if (file.trees() == null || file.trees().isEmpty()) throw new IOException(where + ": a model needs at least one tree");
        Tree[] trees = new Tree[file.trees().size()];
        boolean multi = !classes.isEmpty();
        for (int t = 0; t < trees.length; t++) {
            TreeFile tree = file.trees().get(t);
            if (tree.feature() == null || tree.threshold() == null || tree.left() == null || tree.right() == null
                    || !(tree.value() instanceof List<?> values)) {
                throw new IOException(where + ": tree " + t + " lacks a node array");
            }
            Tree parsed = new Tree(tree.feature(), tree.threshold(), tree.left(), tree.right(),
                    multi ? null : numbers(values, where), multi ? distributions(values, where) : null);
            check(parsed, features.size(), classes.size(), where);
            trees[t] = parsed;
        }
        return new Forest(name, identity(name, bytes), List.copyOf(features), List.copyOf(classes), trees,
                logistic, file.base_margin() == null ? 0 : file.base_margin());
    }

    /**
     * The identity a model file's {@link #identity()} will have, read without building the model: its name
     * (the top-level {@code "name"}, "model" if none) and a hash of its bytes. Lets a run name a model in its
     * fingerprint before, or without, loading it.
     */
    public static String identityOf(byte[] bytes, String where) throws IOException {
        String name = "model";
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(bytes)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) throw new IOException(where + ": not a model file");
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("name")) {
                    name = p.getValueAsString("model");
                    break;
                }
                p.skipChildren();
            }
        }
        return identity(name, bytes);
    }

    private static String identity(String name, byte[] bytes) {
        return name + "@" + sha256(bytes).substring(0, 12);
    }

    private static double[] numbers(List<?> values, String where) throws IOException {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof Number n)) throw new IOException(where + ": a leaf value is not a number");
            out[i] = n.doubleValue();
        }
        return out;
    }

    private static double[][] distributions(List<?> values, String where) throws IOException {
        double[][] out = new double[values.size()][];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof List<?> leaf)) throw new IOException(where + ": a node's distribution is not an array");
            out[i] = numbers(leaf, where);
        }
        return out;
    }

    /** Every node refers to nodes after it and features that exist, so evaluation always ends. */
    private static void check(Tree t, int features, int classes, String where) throws IOException {
        int n = t.size();
        int values = t.value() != null ? t.value().length : t.dist().length;
        if (n == 0 || t.threshold().length != n || t.left().length != n || t.right().length != n || values != n) {
            throw new IOException(where + ": a tree's node arrays differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (t.feature()[i] < 0) {
                if (t.dist() != null && t.dist()[i].length != classes) {
                    throw new IOException(where + ": leaf " + i + " of a tree holds " + t.dist()[i].length + " probabilities for "
                            + classes + " classes");
                }
                continue;
            }
            if (t.feature()[i] >= features || t.left()[i] <= i || t.right()[i] <= i || t.left()[i] >= n || t.right()[i] >= n) {
                throw new IOException(where + ": node " + i + " of a tree points outside it");
            }
        }
    }

    private static String sha256(byte[] bytes) {
        return dev.winnow.text.Sha256.hex(bytes);
    }

    /** The probability of the positive class: the mean leaf value, or the logistic of the summed margins. */
    public double predict(double[] x) {
        if (!classes.isEmpty()) throw new IllegalStateException(name + " is a multi-class forest: use distribution()");
        double sum = 0;
        for (int root : roots) sum += leafValue(root, x);
        return logistic ? 1 / (1 + Math.exp(-(sum + baseMargin))) : sum / trees.length;
    }

    /**
     * {@link #predict} of every row, the same numbers to the last bit (each row sums its trees in the same order),
     * but tree by tree: one tree's nodes stay in cache across a page's blocks instead of every tree being fetched
     * again for every block (half the time of scoring a news page's blocks one by one).
     */
    public double[] predictAll(double[][] rows) {
        if (!classes.isEmpty()) throw new IllegalStateException(name + " is a multi-class forest: use distribution()");
        double[] sum = new double[rows.length];
        for (int root : roots) {
            for (int i = 0; i < rows.length; i++) sum[i] += leafValue(root, rows[i]);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = logistic ? 1 / (1 + Math.exp(-(sum[i] + baseMargin))) : sum[i] / trees.length;
        }
        return sum;
    }

    /** The mean leaf distribution over the trees, one probability per {@link #classes()} entry (a multi-class forest). */
    public double[] distribution(double[] x) {
        if (classes.isEmpty()) throw new IllegalStateException(name + " is a binary forest: use predict()");
        double[] sum = new double[classes.size()];
        for (Tree t : trees) {
            double[] leaf = t.dist()[t.leaf(x)];
            for (int c = 0; c < sum.length; c++) sum[c] += leaf[c];
        }
        for (int c = 0; c < sum.length; c++) sum[c] /= trees.length;
        return sum;
    }

    /** The class names of a multi-class forest, in distribution order; empty for a binary one. */
    public List<String> classes() { return classes; }

    public String name() { return name; }

    /** Name and content hash: what the run fingerprint and the record's pipeline name. */
    public String identity() { return identity; }

    /** The feature names the model was trained on, in vector order. */
    public List<String> features() { return features; }
}
