package dev.winnow.core;

import java.util.List;
import java.util.Map;

/**
 * The outcome of cleaning one input: the normalized source, the kept body blocks, every removal and
 * the gathered metadata. {@code removals} together with the body and metadata account for every
 * non-blank line of the source. Immutable.
 */
public final class Document {
    private final String source;
    private final Layout layout;
    private final List<Block> body;
    private final List<Removal> removals;
    private final Metadata metadata;
    private final Map<String, Map<String, Integer>> counts;
    private final String text;
    private final int words;
    private final Extraction extraction;
    /** The chain's state when it ended, for {@link Pipeline#resume}; null for a document no pipeline made. */
    private final Paused paused;

    /**
     * Where a {@link Pipeline} stood after its last stage: every block as the stages left it (kept or cut,
     * narrowed where a stage cut part of it), why each cut one was cut, and which blocks a kept reason spared.
     * Enough for more stages to go on as if they had been in the chain ({@link Pipeline#resume}). The arrays
     * are the pipeline's own, never changed once the document is made.
     */
    record Paused(Block[] blocks, Reason[] removed, boolean[] spared) {}

    /**
     * Which extraction a document's body comes from and why it was chosen: {@code main} (the normal chain)
     * or {@code fallback} (a lenient chain, when the main one kept a small part of the page's content).
     */
    public record Extraction(String method, String reason) {
        public static final String MAIN = "main";
        public static final String FALLBACK = "fallback";
    }

    /**
     * @param source   the normalized input text; all offsets refer to it
     * @param layout   how the input was laid out (see {@link Layout})
     * @param body     the kept blocks, in order
     * @param removals every cut, in the order the stages made them
     * @param metadata fields filled by stages
     * @param counts   removals per stage and reason code, {@code stage -> code -> count}
     */
    public Document(String source, Layout layout, List<Block> body, List<Removal> removals, Metadata metadata,
                    Map<String, Map<String, Integer>> counts) {
        this(source, layout, body, removals, metadata, counts, null, null);
    }

    /** A document a pipeline made, which more stages may {@link Pipeline#resume}. */
    Document(String source, Layout layout, List<Block> body, List<Removal> removals, Metadata metadata,
             Map<String, Map<String, Integer>> counts, Paused paused) {
        this(source, layout, body, removals, metadata, counts, null, paused);
    }

    private Document(String source, Layout layout, List<Block> body, List<Removal> removals, Metadata metadata,
                     Map<String, Map<String, Integer>> counts, Extraction extraction, Paused paused) {
        this.extraction = extraction;
        this.paused = paused;
        this.source = source;
        this.layout = layout;
        this.body = List.copyOf(body);
        this.removals = List.copyOf(removals);
        this.metadata = metadata;
        this.counts = counts;
        StringBuilder sb = new StringBuilder(source.length());
        int w = 0;
        for (Block b : this.body) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(b.text());
            w += b.shape().words();
        }
        this.text = sb.toString();
        this.words = w;
    }

    public String source() { return source; }
    public Layout layout() { return layout; }
    public List<Block> body() { return body; }
    public List<Removal> removals() { return removals; }
    public Metadata metadata() { return metadata; }
    public Map<String, Map<String, Integer>> counts() { return counts; }

    /** Which extraction the body comes from, or null when only one chain ran (plain text, documents). */
    public Extraction extraction() { return extraction; }

    /** This document, saying which extraction it comes from. */
    public Document withExtraction(Extraction extraction) {
        return new Document(source, layout, body, removals, metadata, counts, extraction, paused);
    }

    /** The chain's state when it ended, or null when no pipeline made this document. */
    Paused paused() { return paused; }

    /** The body text: kept blocks joined by a blank line. */
    public String text() { return text; }

    /** Words in the body (the sum of its blocks' word counts). */
    public int words() { return words; }
}
