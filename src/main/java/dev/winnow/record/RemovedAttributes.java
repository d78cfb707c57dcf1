package dev.winnow.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winnow.core.Document;
import dev.winnow.core.Removal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line a record's removals take in the attributes side file of {@code --removed attributes}: Dolma's
 * attributes layout, so Dolma's mixer and taggers pair it with the records by position and id.
 *
 * <pre>{"id":"...","source":"...","attributes":{"winnow_removed__slugs__url_slug":[[81,156,1.0]]},"removed":[...]}</pre>
 *
 * <p>{@code attributes} holds one key per stage and reason that cut something, {@code winnow_removed__<stage>__<reason>}
 * (Dolma's {@code <experiment>__<tagger>__<attribute>}), in key order; its value is the cuts' spans
 * {@code [start, end, score]} in the order of {@code removed}. Offsets are code points of the normalized
 * input, as in {@code metadata.removed}. A span's score is how sure the cut is ({@link #removedScore}); the
 * learned scorer's own score, the probability of content, stays in {@code removed}. {@code removed} is
 * exactly what {@code metadata.removed} holds in the inline layout, so nothing of the audit is lost. A record
 * without cuts gets a line too, with empty ones: the side file has a line for every record.
 */
public final class RemovedAttributes {
    /** The attribute set's name: the folder under {@code attributes/} and every key's prefix. */
    public static final String NAME = "winnow_removed";

    private static final JsonFactory FACTORY = new JsonFactory();

    private RemovedAttributes() {}

    /** The attribute key of cuts by {@code stage} for {@code reason}. */
    public static String key(String stage, String reason) {
        return NAME + "__" + stage + "__" + reason;
    }

    /**
     * A span's score, read as Dolma reads an attribute's: how sure the span is what the attribute names,
     * here boilerplate. A learned scorer's {@code score} is the probability of content, so a span scores
     * its complement (three decimals, from the rounded score, so the two add up to 1 exactly); a rule's cut,
     * {@code null}, is certain: 1.0.
     */
    static double removedScore(Double contentScore) {
        if (contentScore == null) return 1.0;
        return (1000 - Math.round(contentScore * 1000)) / 1000.0;
    }

    /** The side file's line for the record {@code id} of {@code source} (no trailing newline). */
    public static String line(String id, String source, Document doc) {
        ArticleRecord.OffsetMap offsets = new ArticleRecord.OffsetMap(doc.source());
        Map<String, List<Removal>> byKey = new TreeMap<>();
        for (Removal x : doc.removals()) byKey.computeIfAbsent(key(x.stage(), x.reason().code()), k -> new ArrayList<>()).add(x);
        StringWriter out = new StringWriter(256 + doc.removals().size() * 128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("source", source);
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, List<Removal>> e : byKey.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (Removal x : e.getValue()) {
                    g.writeStartArray();
                    g.writeNumber(offsets.codePoint(x.start()));
                    g.writeNumber(offsets.codePoint(x.end()));
                    g.writeNumber(removedScore(x.score()));
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("removed");
            for (Removal x : doc.removals()) ArticleRecord.removal(g, x, offsets);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }
}
