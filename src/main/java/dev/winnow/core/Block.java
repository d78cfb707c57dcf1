package dev.winnow.core;

import dev.winnow.text.TextShape;

/**
 * One paragraph or line of a document: its text and where that text sits in the normalized input.
 *
 * <p>{@code text} is always {@code source.substring(start, end)} with line breaks read as spaces (a
 * paragraph wrapped over several lines keeps its length), so offsets stay exact after a stage trims a
 * prefix or suffix. Layout markers such as a leading bullet are outside {@code [start, end)} but inside
 * {@code [lineStart, end)}, the span a whole-block removal records. Immutable.
 */
public final class Block {
    private final int index;
    private final int line;
    private final int lineStart;
    private final int start;
    private final String text;
    private final boolean listItem;
    private final boolean paragraphStart;
    private final Markup markup;
    private String key;             // computed on first use; a benign race, as String.hashCode's
    // computed on first use, as key: a resumed document's blocks are rebuilt from the spill, and the stages
    // that run after the pause read few shapes (building them all was half the spill's reading)
    private TextShape shape;        // a record of final fields, so a racing reader sees it whole

    public Block(int index, int line, int lineStart, int start, String text, boolean listItem, boolean paragraphStart) {
        this(index, line, lineStart, start, text, listItem, paragraphStart, null);
    }

    /** A block with what the markup it came from knew about it ({@code markup} may be null). */
    public Block(int index, int line, int lineStart, int start, String text, boolean listItem, boolean paragraphStart,
                 Markup markup) {
        this.index = index;
        this.line = line;
        this.lineStart = lineStart;
        this.start = start;
        this.text = text;
        this.listItem = listItem;
        this.paragraphStart = paragraphStart;
        this.markup = markup;
    }

    /** Position in the document's block list (stable for the whole run of the pipeline). */
    public int index() { return index; }
    /** 1-based line number of the block's first line in the input. */
    public int line() { return line; }
    /** Offset of the block's line, including any layout marker, in the normalized input. */
    public int lineStart() { return lineStart; }
    /** Offset of {@link #text()} in the normalized input. */
    public int start() { return start; }
    /** End offset (exclusive) of {@link #text()} in the normalized input. */
    public int end() { return start + text.length(); }
    public String text() { return text; }
    /** The line began with a list marker (bullet, dash, asterisk), which is layout, not text. */
    public boolean listItem() { return listItem; }
    /** A blank line (or the start of the input) precedes this block. */
    public boolean paragraphStart() { return paragraphStart; }
    /** The text as a vocabulary look-up key ({@link TextShape#key}), computed on first use. */
    public String key() {
        String k = key;
        if (k == null) key = k = TextShape.key(text);
        return k;
    }
    /** What the HTML markup knew about this block, or null for plain text. */
    public Markup markup() { return markup; }
    /** Shape features of the text, computed on first use. */
    public TextShape shape() {
        TextShape s = shape;
        if (s == null) shape = s = TextShape.of(text);
        return s;
    }

    /** This block narrowed to {@code text[from, to)}, trimmed; offsets follow. */
    Block narrowed(int from, int to) {
        String kept = text.substring(from, to);
        int lead = 0;
        while (lead < kept.length() && Character.isWhitespace(kept.charAt(lead))) lead++;
        String trimmed = kept.strip();
        return new Block(index, line, start + from + lead, start + from + lead, trimmed, listItem, paragraphStart, markup);
    }

    @Override
    public String toString() {
        return "Block[" + index + "@" + line + ": " + text + "]";
    }
}
