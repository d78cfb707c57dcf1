package dev.winnow.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A read-only view of a document between stages: the blocks still kept, in order, and the metadata
 * gathered so far. Stages read it; only the {@link Pipeline} changes the state behind it.
 */
public final class Draft {
    private final String source;
    private final List<Block> blocks;
    private final List<Block> kept;
    private final Metadata metadata;
    private final Reason[] removed;
    private final Scores scores;

    Draft(String source, List<Block> blocks, List<Block> kept, Metadata metadata, Reason[] removed, Scores scores) {
        this.source = source;
        this.blocks = blocks;
        this.kept = Collections.unmodifiableList(new ArrayList<>(kept));
        this.metadata = metadata;
        this.removed = removed.clone();
        this.scores = scores;
    }

    /**
     * The content probability the chain's {@link Scorer} gave the block with this index before any cut,
     * or NaN when the chain has no scorer.
     */
    public double score(int index) {
        return scores == null ? Double.NaN : scores.of(index);
    }

    /**
     * {@link #score(int)} of each of {@code some}, in order: blocks not yet scored are scored together, which
     * is cheaper than one by one. NaN for each when the chain has no scorer.
     */
    public double[] scores(List<Block> some) {
        double[] out = new double[some.size()];
        if (scores == null) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        int[] indexes = new int[some.size()];
        for (int i = 0; i < indexes.length; i++) indexes[i] = some.get(i).index();
        return scores.of(indexes);
    }

    /** The chain has a scorer: {@link #score(int)} is a number. */
    public boolean scored() { return scores != null; }

    /** Why an earlier stage removed the block with this index, or null if it is kept. */
    public Reason removedAs(int index) {
        return removed[index];
    }

    /** How many blocks the document has, kept or removed: block indexes run from 0 to this, exclusive. */
    public int size() { return removed.length; }

    /**
     * Blocks removed by earlier stages strictly between two block indexes: how much chrome separates them.
     * Text the page never shows as such ({@link Reason#unseen()}: a button's label, a noscript notice)
     * separates nothing.
     */
    public int removedBetween(int fromIndex, int toIndex) {
        int n = 0;
        for (int i = Math.max(0, fromIndex + 1); i < Math.min(toIndex, removed.length); i++) {
            if (removed[i] != null && !removed[i].unseen()) n++;
        }
        return n;
    }

    /** The normalized input text all offsets refer to. */
    public String source() { return source; }

    /** The block with this index, kept or removed: what an earlier stage cut still tells where a kept block sits. */
    public Block block(int index) { return blocks.get(index); }

    /** Kept blocks in document order. */
    public List<Block> kept() { return kept; }

    /** Metadata gathered by earlier stages (read-only snapshot). */
    public Metadata metadata() { return metadata; }
}
