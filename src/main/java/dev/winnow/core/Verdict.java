package dev.winnow.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a stage decided about a draft: cuts (each with a reason) and metadata. A stage can only
 * remove text by adding a cut here; the {@link Pipeline} then applies and records it.
 */
public final class Verdict {

    /**
     * A proposed cut of {@code text[from, to)} of one block; {@code field}, if set, receives {@code value};
     * {@code score}, if set, is the content probability a learned scorer gave the block (the cut's evidence).
     */
    public record Cut(Block block, int from, int to, Reason reason, Field field, String value, Double score) {
        public boolean wholeBlock() {
            return from == 0 && to == block.text().length();
        }
    }

    /** A metadata value set without cutting text (a detected language, a quote the body keeps). */
    public record Fact(Field field, String value) {}

    private final List<Cut> cuts = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();

    /** Remove the whole block. */
    public Verdict drop(Block block, Reason reason) {
        return cut(block, 0, block.text().length(), reason, null, null, null);
    }

    /** Remove the whole block because a learned scorer gave it this content probability (kept as evidence). */
    public Verdict drop(Block block, Reason reason, double score) {
        return cut(block, 0, block.text().length(), reason, null, null, score);
    }

    /** Remove a prefix ({@code from == 0}) or a suffix ({@code to == text length}) of the block. */
    public Verdict trim(Block block, int from, int to, Reason reason) {
        return cut(block, from, to, reason, null, null, null);
    }

    /** Remove {@code text[from, to)} from the body and put {@code value} into {@code field}. */
    public Verdict move(Block block, int from, int to, Reason reason, Field field, String value) {
        return cut(block, from, to, reason, Objects.requireNonNull(field), Objects.requireNonNull(value), null);
    }

    /** Remove the whole block into {@code field}. */
    public Verdict move(Block block, Reason reason, Field field, String value) {
        return move(block, 0, block.text().length(), reason, field, value);
    }

    /** Record a metadata value that cuts nothing. */
    public Verdict set(Field field, String value) {
        facts.add(new Fact(Objects.requireNonNull(field), Objects.requireNonNull(value)));
        return this;
    }

    private Verdict cut(Block block, int from, int to, Reason reason, Field field, String value, Double score) {
        int length = block.text().length();
        if (from < 0 || to > length || from >= to || (from != 0 && to != length)) {
            throw new IllegalArgumentException("a cut is a whole block, a prefix or a suffix: [" + from + ", " + to
                    + ") of " + length + " chars in " + block);
        }
        cuts.add(new Cut(block, from, to, Objects.requireNonNull(reason), field, value, score));
        return this;
    }

    public List<Cut> cuts() { return Collections.unmodifiableList(cuts); }

    public List<Fact> facts() { return Collections.unmodifiableList(facts); }

    public boolean isEmpty() { return cuts.isEmpty() && facts.isEmpty(); }
}
