package dev.winnow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.run.RunFingerprint;
import dev.winnow.run.Tally;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far an unfinished run got, saved only after the journals it describes were flushed to disk: the
 * first {@code done} outcomes are the first {@code articlesBytes} of the articles journal and the first
 * {@code rejectedBytes} of the rejections journal, with {@code tally} their counts. Anything in the
 * journals past those lengths was written after the checkpoint and is cut off on resume.
 *
 * @param fingerprint the run's {@link RunFingerprint}; a checkpoint of another run is never resumed
 * @param total       the number of outcomes once the run has written them all and is committing; -1 before
 *                    (a web archive's documents are only counted by reading it)
 * @param quotesBytes length of the staged quotes.jsonl of a run with corpus stages, -1 for other runs
 * @param attributesBytes length of the removed-attributes journal ({@code --removed attributes}), which
 *                    holds a line for each record in the first {@code articlesBytes}; -1 for other layouts
 */
record Checkpoint(String fingerprint, int done, int total, long articlesBytes, long rejectedBytes, long quotesBytes,
                  long attributesBytes, Tally tally) {

    /** Every outcome is in the journals: the run is committing, and its final files may already be in place. */
    boolean complete() {
        return done == total;
    }

    byte[] toBytes(ObjectMapper mapper) throws IOException {
        ObjectNode o = mapper.createObjectNode();
        o.put("fingerprint", fingerprint);
        o.put("done", done);
        o.put("total", total);
        o.put("articles_bytes", articlesBytes);
        o.put("rejected_bytes", rejectedBytes);
        o.put("quotes_bytes", quotesBytes);
        o.put("attributes_bytes", attributesBytes);
        o.set("tally", tally.toJson(mapper));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
    }

    /** The checkpoint in {@code file}, or null when there is none or it cannot be used. */
    static Checkpoint read(Path file, ObjectMapper mapper) {
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode o = mapper.readTree(file.toFile());
            Checkpoint c = new Checkpoint(o.get("fingerprint").asText(), o.get("done").intValue(), o.get("total").intValue(),
                    o.get("articles_bytes").longValue(), o.get("rejected_bytes").longValue(),
                    o.get("quotes_bytes").longValue(), o.path("attributes_bytes").asLong(-1), Tally.fromJson(o.get("tally")));
            return c.done >= 0 && (c.total == -1 || c.done == c.total) && c.tally.outcomes() == c.done ? c : null;
        } catch (IOException | RuntimeException e) {
            return null;    // written by temp and rename, so this is damage from outside: start over
        }
    }
}
