package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Scorer;

import java.util.List;

/**
 * The learned block scorer: {@link BlockFeatures} of each block through a {@link Forest}. One model for
 * HTML blocks (markup features) and one for plain-text lines, trained on the pages of WCXB's development
 * split (see {@code make train}). Immutable and thread-safe.
 */
public final class BlockScorer implements Scorer {
    /** The shipped models, in {@code src/main/resources/dev/winnow/model/}. */
    public static final String HTML_MODEL = "html-blocks.json";
    public static final String TEXT_MODEL = "text-blocks.json";

    private final Forest forest;

    public BlockScorer(Forest forest) {
        if (!forest.features().equals(BlockFeatures.NAMES)) {
            throw new IllegalArgumentException("model " + forest.name() + " was trained on other features than this build"
                    + " computes: retrain it with make train");
        }
        this.forest = forest;
    }

    /** The model shipped for HTML pages. */
    public static BlockScorer html() {
        return new BlockScorer(Forest.resource(HTML_MODEL));
    }

    /** The model shipped for plain text. */
    public static BlockScorer text() {
        return new BlockScorer(Forest.resource(TEXT_MODEL));
    }

    @Override
    public String identity() { return forest.identity(); }

    @Override
    public double[] score(List<Block> blocks) {
        double[][] x = BlockFeatures.of(blocks);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = forest.predict(x[i]);
        return out;
    }
}
