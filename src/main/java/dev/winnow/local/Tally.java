package dev.winnow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.run.Outcome;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counts {@code report.json} gives for the outcomes written so far: records, rejections per reason,
 * removals per stage and reason, bytes read. The output writer keeps it in step with the files and saves
 * it in every checkpoint, so a resumed run reports the whole run, not only its own part. A count the
 * report needs from every outcome belongs here, or a resumed run would lose the part done before.
 * Not thread-safe: only the writing thread touches it.
 */
final class Tally {
    private int outcomes;
    private int records;
    private int rejected;
    private long bytes;
    private final Map<String, Integer> rejections = new TreeMap<>();
    private final Map<String, Map<String, Integer>> removals = new TreeMap<>();

    void add(Outcome o) {
        outcomes++;
        bytes += o.bytes();
        if (o.isRecord()) {
            records++;
            o.counts().forEach((stage, reasons) -> reasons.forEach((reason, n) ->
                    removals.computeIfAbsent(stage, k -> new TreeMap<>()).merge(reason, n, Integer::sum)));
        } else {
            rejected++;
            rejections.merge(o.rejection().reason().code(), 1, Integer::sum);
        }
    }

    int outcomes() { return outcomes; }
    int records() { return records; }
    int rejected() { return rejected; }
    long bytes() { return bytes; }
    /** Rejections per reason code, sorted. */
    Map<String, Integer> rejections() { return rejections; }
    /** Removals per stage, then per reason code, sorted. */
    Map<String, Map<String, Integer>> removals() { return removals; }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("outcomes", outcomes);
        o.put("records", records);
        o.put("rejected", rejected);
        o.put("bytes", bytes);
        ObjectNode rej = o.putObject("rejections");
        rejections.forEach(rej::put);
        ObjectNode rem = o.putObject("removals");
        removals.forEach((stage, reasons) -> {
            ObjectNode s = rem.putObject(stage);
            reasons.forEach(s::put);
        });
        return o;
    }

    /** The tally saved by {@link #toJson}; throws {@link IllegalArgumentException} when a field is missing. */
    static Tally fromJson(JsonNode o) {
        Tally t = new Tally();
        t.outcomes = required(o, "outcomes").intValue();
        t.records = required(o, "records").intValue();
        t.rejected = required(o, "rejected").intValue();
        t.bytes = required(o, "bytes").longValue();
        required(o, "rejections").fields().forEachRemaining(e -> t.rejections.put(e.getKey(), e.getValue().intValue()));
        required(o, "removals").fields().forEachRemaining(stage -> stage.getValue().fields().forEachRemaining(reason ->
                t.removals.computeIfAbsent(stage.getKey(), k -> new TreeMap<>()).put(reason.getKey(), reason.getValue().intValue())));
        return t;
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("no '" + field + "' in the saved tally");
        return v;
    }
}
