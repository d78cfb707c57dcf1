package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Scorer;
import dev.winnow.core.Scores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The learned block scorer: {@link BlockFeatures} of each block through a {@link Forest}, trained on the
 * HTML pages of WCXB's development split (see {@code make train}). Immutable and thread-safe.
 */
public final class BlockScorer implements Scorer {
    /** The shipped model, in {@code src/main/resources/dev/winnow/model/}. */
    public static final String HTML_MODEL = "html-blocks.json";

    private final String identity;
    private final Supplier<Forest> forest;

    /** A model already read (a file a user passes); refused when it was trained on other features. */
    public BlockScorer(Forest forest) {
        Forest model = checked(forest);
        this.identity = model.identity();
        this.forest = () -> model;
    }

    private BlockScorer(String identity, Supplier<Forest> forest) {
        this.identity = identity;
        this.forest = forest;
    }

    private static Forest checked(Forest forest) {
        if (!forest.features().equals(BlockFeatures.NAMES)) {
            throw new IllegalArgumentException("model " + forest.name() + " was trained on other features than this build"
                    + " computes: retrain it with make train");
        }
        return forest;
    }

    /**
     * The shipped model, read once per JVM on the first page it scores: a run of plain text never pays its
     * memory, and the run fingerprint names it from its bytes without reading it.
     */
    private static final class Shipped {
        static final byte[] BYTES = Forest.resourceBytes(HTML_MODEL);
        static final String IDENTITY;

        static {
            try {
                IDENTITY = Forest.identityOf(BYTES, HTML_MODEL);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static final class Model {
            static final Forest FOREST = checked(Forest.resource(HTML_MODEL));
        }

        static final BlockScorer HTML = new BlockScorer(IDENTITY, () -> Model.FOREST);
    }

    /** A model file a user passes; a clear error when it is not a model for this build's features. */
    public static BlockScorer of(java.nio.file.Path file) throws IOException {
        return new BlockScorer(Forest.file(file));
    }

    /** The model shipped for HTML pages. */
    public static BlockScorer html() {
        return Shipped.HTML;
    }

    @Override
    public String identity() { return identity; }

    @Override
    public double[] score(List<Block> blocks) {
        return forest.get().predictAll(BlockFeatures.of(blocks));
    }

    /** Sums the page once; a block's vector is made and run through the forest only when its score is read. */
    @Override
    public Scores scores(List<Block> blocks) {
        Forest model = forest.get();
        BlockFeatures.Page page = BlockFeatures.page(blocks);
        return Scores.lazy(blocks.size(), indexes -> {
            double[][] rows = new double[indexes.length][];
            for (int k = 0; k < rows.length; k++) rows[k] = page.row(indexes[k]);
            return model.predictAll(rows);
        });
    }
}
