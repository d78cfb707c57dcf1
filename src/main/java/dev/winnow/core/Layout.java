package dev.winnow.core;

/** How the input was laid out, which decides how it is segmented into blocks. */
public enum Layout {
    /** Paragraphs separated by blank lines. */
    BLANK_LINE_PARAGRAPHS,
    /** One paragraph per line, no blank lines between. */
    LINE_PER_PARAGRAPH,
    /** Everything on one long line. */
    SINGLE_LINE,
    /** Hard-wrapped paragraphs: consecutive lines joined into one block, blank lines separate blocks. */
    WRAPPED_PARAGRAPHS,
    /** Blocks from the structure of an HTML page. */
    HTML,
    /** Blocks from a document format (PDF, Word, OpenDocument, EPUB, RTF) extracted by Apache Tika. */
    DOCUMENT,
    /** Nothing but blank space. */
    EMPTY
}
