package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts {@code report.json} gives for the outcomes written so far: records, rejections per reason,
 * removals per stage and reason, bytes read, and container records that were not documents. Both engines
 * keep one: the local runner's output writer keeps it in step with the files and saves it in every
 * checkpoint, so a resumed run reports the whole run, not only its own part; each Spark partition keeps
 * one and the driver merges them ({@link #add(Tally)}). A count the report needs from every outcome belongs
 * here, or a resumed run would lose the part done before. Maps are sorted, so reports are byte-stable.
 * Not thread-safe: one writer per tally.
 */
public final class Tally implements Serializable {
    private int outcomes;
    private int records;
    private int rejected;
    private long bytes;
    private final TreeMap<String, Integer> rejections = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, Integer>> removals = new TreeMap<>();
    private final TreeMap<String, Long> skipped = new TreeMap<>();

    /** One outcome written. */
    public void add(Outcome o) {
        if (o.isRecord()) record(o.bytes(), o.counts());
        else reject(o.rejection(), o.bytes());
    }

    /** A record of an input of {@code size} bytes, with its removals per stage and reason. */
    public void record(long size, Map<String, ? extends Map<String, Integer>> counts) {
        outcomes++;
        records++;
        bytes += size;
        counts.forEach((stage, reasons) -> reasons.forEach((reason, n) ->
                removals.computeIfAbsent(stage, k -> new TreeMap<>()).merge(reason, n, Integer::sum)));
    }

    /** A rejection of an input of {@code size} bytes. */
    public void reject(Rejection r, long size) {
        outcomes++;
        rejected++;
        bytes += size;
        rejections.merge(r.reason().code(), 1, Integer::sum);
    }

    /** Container records passed over as not documents, by record type. */
    public void skip(Map<String, Long> types) {
        types.forEach((type, n) -> skipped.merge(type, n, Long::sum));
    }

    /** Adds another tally's counts (a Spark partition's, on the driver). */
    public void add(Tally other) {
        outcomes += other.outcomes;
        records += other.records;
        rejected += other.rejected;
        bytes += other.bytes;
        other.rejections.forEach((reason, n) -> rejections.merge(reason, n, Integer::sum));
        other.removals.forEach((stage, reasons) -> reasons.forEach((reason, n) ->
                removals.computeIfAbsent(stage, k -> new TreeMap<>()).merge(reason, n, Integer::sum)));
        skip(other.skipped);
    }

    public int outcomes() { return outcomes; }
    public int records() { return records; }
    public int rejected() { return rejected; }
    public long bytes() { return bytes; }
    /** Rejections per reason code, sorted. */
    public Map<String, Integer> rejections() { return rejections; }
    /** Removals per stage, then per reason code, sorted. */
    public Map<String, ? extends Map<String, Integer>> removals() { return removals; }
    /** Container records that were not documents, per record type, sorted. */
    public Map<String, Long> skipped() { return skipped; }

    /** The tally as a checkpoint saves it. */
    public ObjectNode toJson(ObjectMapper mapper) {
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
        ObjectNode skip = o.putObject("skipped");
        skipped.forEach(skip::put);
        return o;
    }

    /**
     * The tally saved by {@link #toJson}; throws {@link IllegalArgumentException} when a field is missing.
     * A checkpoint written before tallies carried {@code skipped} reads as none skipped.
     */
    public static Tally fromJson(JsonNode o) {
        Tally t = new Tally();
        t.outcomes = required(o, "outcomes").intValue();
        t.records = required(o, "records").intValue();
        t.rejected = required(o, "rejected").intValue();
        t.bytes = required(o, "bytes").longValue();
        required(o, "rejections").fields().forEachRemaining(e -> t.rejections.put(e.getKey(), e.getValue().intValue()));
        required(o, "removals").fields().forEachRemaining(stage -> stage.getValue().fields().forEachRemaining(reason ->
                t.removals.computeIfAbsent(stage.getKey(), k -> new TreeMap<>()).put(reason.getKey(), reason.getValue().intValue())));
        o.path("skipped").fields().forEachRemaining(e -> t.skipped.put(e.getKey(), e.getValue().longValue()));
        return t;
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("no '" + field + "' in the saved tally");
        return v;
    }
}
