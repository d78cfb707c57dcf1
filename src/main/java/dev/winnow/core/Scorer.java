package dev.winnow.core;

import java.util.List;

/**
 * Gives every block of a document, as its front end made it and before any stage cut, a probability
 * of being content. The {@link Pipeline} asks once per document for {@link #scores} and every stage reads
 * them through {@link Draft#score(int)}: one analysis shared by the chain, not recomputed per stage, and
 * made only for the blocks a stage reads.
 * Implementations are immutable and thread-safe, like stages.
 */
public interface Scorer {
    /** A short stable identity (model name and content hash), named in the run report and fingerprint. */
    String identity();

    /** One probability in [0, 1] per block, in block order. */
    double[] score(List<Block> blocks);

    /**
     * The same probabilities as {@link #score}, each worked out when first read. This default scores every
     * block at once; a scorer that can score a block alone (it still sees the whole page) does less.
     */
    default Scores scores(List<Block> blocks) {
        return Scores.of(score(blocks));
    }
}
