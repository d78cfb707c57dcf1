package dev.winnow.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A forest of binary decision trees that gives a probability: the mean of the leaves a vector reaches.
 * A multi-class forest (a file with {@code "classes"}) holds a class distribution in each leaf instead,
 * and gives the mean distribution ({@link #distribution}).
 * Trained elsewhere (Tribuo, see {@code make train}) and stored as plain JSON, so the model is a
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

    /** {@code value} holds a binary forest's leaves, {@code dist} a multi-class forest's (the other is null). */
    private record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[][] dist) {
        int leaf(double[] x) {
            int node = 0;
            while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            return node;
        }

        int size() { return feature.length; }
    }

    private Forest(String name, String identity, List<String> features, List<String> classes, Tree[] trees) {
        this.name = name;
        this.identity = identity;
        this.features = features;
        this.classes = classes;
        this.trees = trees;
    }

    /** A model shipped in the jar, under {@code dev/winnow/model/}. */
    public static Forest resource(String fileName) {
        String path = "/dev/winnow/model/" + fileName;
        try (InputStream in = Forest.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("model resource missing from the build: " + path);
            return parse(in.readAllBytes(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model file a user passes (a model retrained on their own pages). */
    public static Forest file(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Reads a model from its bytes ({@code where} names them in errors); checks every tree's structure. */
    public static Forest parse(byte[] bytes, String where) throws IOException {
        JsonNode root = new ObjectMapper().readTree(bytes);
        String name = root.path("name").asText("model");
        List<String> features = new ArrayList<>();
        root.path("features").forEach(f -> features.add(f.asText()));
        List<String> classes = new ArrayList<>();
        root.path("classes").forEach(c -> classes.add(c.asText()));
        JsonNode treesNode = root.path("trees");
        if (!treesNode.isArray() || treesNode.isEmpty()) throw new IOException(where + ": a model needs at least one tree");
        Tree[] trees = new Tree[treesNode.size()];
        for (int t = 0; t < trees.length; t++) {
            JsonNode tree = treesNode.get(t);
            int[] feature = ints(tree.path("feature"));
            boolean multi = !classes.isEmpty();
            Tree parsed = new Tree(feature, doubles(tree.path("threshold")), ints(tree.path("left")),
                    ints(tree.path("right")), multi ? null : doubles(tree.path("value")),
                    multi ? distributions(tree.path("value")) : null);
            check(parsed, features.size(), classes.size(), where);
            trees[t] = parsed;
        }
        return new Forest(name, name + "@" + sha256(bytes).substring(0, 12), List.copyOf(features), List.copyOf(classes), trees);
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

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asInt();
        return out;
    }

    private static double[][] distributions(JsonNode a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) out[i] = doubles(a.get(i));
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The mean leaf value over the trees (a binary forest). */
    public double predict(double[] x) {
        if (!classes.isEmpty()) throw new IllegalStateException(name + " is a multi-class forest: use distribution()");
        double sum = 0;
        for (Tree t : trees) sum += t.value()[t.leaf(x)];
        return sum / trees.length;
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
