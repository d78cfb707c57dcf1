package dev.winnow.run;

import java.util.Map;

/**
 * What became of one input: a record (its JSON line and clean text) or a rejection, never both.
 *
 * @param counts removals per stage and reason for this document (empty for a rejection)
 */
public record Outcome(String id, String recordLine, String text, Rejection rejection, long bytes,
                      Map<String, Map<String, Integer>> counts) {

    static Outcome record(String id, String line, String text, long bytes, Map<String, Map<String, Integer>> counts) {
        return new Outcome(id, line, text, null, bytes, counts);
    }

    static Outcome rejected(Rejection r, long bytes) {
        return new Outcome(r.id(), null, null, r, bytes, Map.of());
    }

    public boolean isRecord() { return rejection == null; }
}
