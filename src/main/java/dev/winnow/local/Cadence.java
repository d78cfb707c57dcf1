package dev.winnow.local;

/**
 * How often a run saves its progress: a checkpoint every {@code checkpointOutcomes} outcomes (or five
 * seconds), and with {@code --compress} a gzip member or zstd frame every {@code memberOutcomes}
 * outcomes (see {@link OutputWriter}). Runs use {@link #DEFAULT}; the kill tests inject a small cadence
 * so a small corpus spans many checkpoints.
 */
public record Cadence(int checkpointOutcomes, int memberOutcomes) {
    /**
     * A checkpoint costs three disk syncs; every 10,000 outcomes, and at most one per five seconds, they
     * cost well under one percent of a run on a spinning disk, and bound the text files a resumed run
     * must clear. A member costs about 20 bytes: 1,000 outcomes make that nothing.
     */
    public static final Cadence DEFAULT = new Cadence(10_000, 1_000);

    public Cadence {
        if (checkpointOutcomes < 1 || memberOutcomes < 1) throw new IllegalArgumentException("a cadence counts from 1: " + this);
    }
}
