package dev.winnow.core;

import java.util.Arrays;

/**
 * The block scores of one document, worked out when a stage first reads them: most of a page's blocks are
 * cut by markup before any stage asks their score, and scoring them all up front cost a quarter of a page's
 * time. A block's score is the same number whether it is read alone, in a batch, or with every other block
 * ({@link Scorer#score}). Belongs to one document, read by one thread: not thread-safe.
 */
public final class Scores {
    /** Scores some blocks of the document, by index, in the order given: the scorer's side of a {@link Scores}. */
    @FunctionalInterface
    public interface Rows {
        double[] score(int[] indexes);
    }

    private final Rows rows;
    private final double[] values;
    private final boolean[] known;

    private Scores(int size, Rows rows) {
        this.rows = rows;
        this.values = new double[size];
        this.known = new boolean[size];
    }

    /** Scores for a document of {@code size} blocks, each worked out by {@code rows} when first read. */
    public static Scores lazy(int size, Rows rows) {
        return new Scores(size, rows);
    }

    /** Scores already worked out, one per block in order. */
    public static Scores of(double[] all) {
        Scores s = new Scores(all.length, indexes -> {
            throw new IllegalStateException("every score is known");
        });
        System.arraycopy(all, 0, s.values, 0, all.length);
        Arrays.fill(s.known, true);
        return s;
    }

    /** The score of the block with this index. */
    public double of(int index) {
        if (!known[index]) fill(new int[] {index});
        return values[index];
    }

    /** The scores of the blocks with these indexes, in the order given; those not yet known are scored together. */
    public double[] of(int[] indexes) {
        int missing = 0;
        for (int i : indexes) if (!known[i]) missing++;
        if (missing > 0) {
            int[] ask = new int[missing];
            int k = 0;
            for (int i : indexes) if (!known[i]) ask[k++] = i;
            fill(ask);
        }
        double[] out = new double[indexes.length];
        for (int k = 0; k < indexes.length; k++) out[k] = values[indexes[k]];
        return out;
    }

    private void fill(int[] indexes) {
        double[] s = rows.score(indexes);
        for (int k = 0; k < indexes.length; k++) {
            // a block asked twice in one batch gets the same number both times
            values[indexes[k]] = s[k];
            known[indexes[k]] = true;
        }
    }
}
