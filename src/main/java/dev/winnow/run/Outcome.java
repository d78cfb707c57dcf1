package dev.winnow.run;

import dev.winnow.corpus.Features;

import java.util.Map;

/**
 * What became of one input: a record (its JSON line and clean text) or a rejection, never both.
 *
 * In a corpus's first pass a document that would become a record yields its {@code features} instead.
 *
 * @param counts         removals per stage and reason for this document (empty for a rejection)
 * @param attributesLine a record's line in the removed-attributes side file ({@code --removed attributes}),
 *                       null in the other layouts and for a rejection
 * @param brief          what the run report counts of a record (null for a rejection)
 * @param paused         in a first pass that spills ({@link DocumentProcessor#pausing()}), the document's state for the
 *                       second pass ({@link DocumentsSpill.Paused}'s bytes); null otherwise
 */
public record Outcome(String id, String recordLine, String text, Rejection rejection, long bytes,
                      Map<String, Map<String, Integer>> counts, Features features, String attributesLine, Brief brief,
                      byte[] paused) {

    /**
     * What the report counts of a record: its input's name, its language (null: none recognized), page type, and
     * the characters (code points) of its input as cleaned and of its text.
     */
    public record Brief(String path, String language, String pageType, long inputChars, long textChars) {}

    static Outcome record(String id, String line, String text, long bytes, Map<String, Map<String, Integer>> counts) {
        return record(id, line, null, text, bytes, counts, null);
    }

    static Outcome record(String id, String line, String attributesLine, String text, long bytes,
                          Map<String, Map<String, Integer>> counts, Brief brief) {
        return new Outcome(id, line, text, null, bytes, counts, null, attributesLine, brief, null);
    }

    public static Outcome rejected(Rejection r, long bytes) {
        return new Outcome(r.id(), null, null, r, bytes, Map.of(), null, null, null, null);
    }

    static Outcome analyzed(String id, Features features, long bytes, byte[] paused) {
        return new Outcome(id, null, null, null, bytes, Map.of(), features, null, null, paused);
    }

    public boolean isRecord() { return rejection == null; }
}
