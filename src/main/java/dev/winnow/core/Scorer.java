package dev.winnow.core;

import java.util.List;

/**
 * Gives every block of a document, as its front end made it and before any stage cut, a probability
 * of being content. The {@link Pipeline} computes the scores once per document and every stage reads
 * them through {@link Draft#score(int)}: one analysis shared by the chain, not recomputed per stage.
 * Implementations are immutable and thread-safe, like stages.
 */
public interface Scorer {
    /** A short stable identity (model name and content hash), named in the run report and fingerprint. */
    String identity();

    /** One probability in [0, 1] per block, in block order. */
    double[] score(List<Block> blocks);
}
