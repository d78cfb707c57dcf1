package dev.winnow.core;

/**
 * One piece of text taken out of the body: which stage took it, why, the text itself and its offsets
 * ({@code [start, end)} in UTF-16 units of the normalized input, see {@link Document#source()}).
 * {@code score}, when the cut was decided by a learned scorer, is the probability the scorer gave the
 * text of being content (the evidence a user tunes a threshold with); null for a cut made by a rule alone.
 */
public record Removal(String stage, Reason reason, String text, int start, int end, Double score) {
    /** A cut made by a rule, with no score behind it. */
    public Removal(String stage, Reason reason, String text, int start, int end) {
        this(stage, reason, text, start, end, null);
    }
}
