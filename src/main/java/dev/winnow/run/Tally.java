package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
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
    /** Records per language ("none": not recognized), per page type, per text length ({@link #LENGTHS}). */
    private final TreeMap<String, Integer> languages = new TreeMap<>();
    private final TreeMap<String, Integer> pageTypes = new TreeMap<>();
    private final int[] lengths = new int[LENGTHS.length + 1];
    /** The records that lost the largest share of their input, most first, ties in input order. */
    private final List<Look> mostCut = new ArrayList<>();
    /** The first rejections, in input order. */
    private final List<Look> firstRejected = new ArrayList<>();

    /** Upper bounds (exclusive) of the text-length classes, in characters; the last class is open. */
    public static final int[] LENGTHS = {200, 500, 1_000, 2_000, 5_000, 10_000, 50_000};
    /** How many documents each list of {@link #mostCut()} and {@link #firstRejected()} keeps. */
    public static final int LOOK_FIRST = 10;

    /**
     * A document worth a look: its id and path, and for a record the share of its input cut (0 to 1), for a
     * rejection its reason code.
     */
    public record Look(String id, String path, double cut, String reason) implements Serializable {}

    /** One outcome written. */
    public void add(Outcome o) {
        if (o.isRecord()) {
            record(o.bytes(), o.counts());
            if (o.brief() != null) describe(o.id(), o.brief());
        } else {
            reject(o.rejection(), o.bytes());
        }
    }

    /** A record's language, page type and length, for the report's distributions and the documents to look at first. */
    private void describe(String id, Outcome.Brief b) {
        languages.merge(b.language() == null ? "none" : b.language(), 1, Integer::sum);
        pageTypes.merge(b.pageType(), 1, Integer::sum);
        int c = 0;
        while (c < LENGTHS.length && b.textChars() >= LENGTHS[c]) c++;
        lengths[c]++;
        double cut = Math.round((b.inputChars() == 0 ? 0 : Math.max(0, 1 - (double) b.textChars() / b.inputChars())) * 1000) / 1000.0;
        // Once the list is full, a record cut no more than its last one would be trimmed again: skip the sort.
        if (mostCut.size() == LOOK_FIRST && cut <= mostCut.get(LOOK_FIRST - 1).cut()) return;
        mostCut.add(new Look(id, b.path(), cut, null));
        trim(mostCut);
    }

    /** The most cut first, ties in the order they came (input order, in both engines), at most {@link #LOOK_FIRST}. */
    private static void trim(List<Look> looks) {
        looks.sort(java.util.Comparator.comparingDouble(Look::cut).reversed());   // stable: ties keep their order
        while (looks.size() > LOOK_FIRST) looks.remove(looks.size() - 1);
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
        if (firstRejected.size() < LOOK_FIRST) firstRejected.add(new Look(r.id(), r.path(), 0, r.reason().code()));
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
        other.languages.forEach((k, n) -> languages.merge(k, n, Integer::sum));
        other.pageTypes.forEach((k, n) -> pageTypes.merge(k, n, Integer::sum));
        for (int i = 0; i < lengths.length; i++) lengths[i] += other.lengths[i];
        mostCut.addAll(other.mostCut);
        trim(mostCut);
        for (Look l : other.firstRejected) if (firstRejected.size() < LOOK_FIRST) firstRejected.add(l);
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
    /** Records per language code ("none": not recognized), sorted. */
    public Map<String, Integer> languages() { return languages; }
    /** Records per page type, sorted. */
    public Map<String, Integer> pageTypes() { return pageTypes; }
    /** Records per text-length class: under {@code LENGTHS[0]}, ..., then {@code LENGTHS[last]} and up. */
    public int[] lengths() { return lengths.clone(); }
    /** The records that lost the largest share of their input, most first. */
    public List<Look> mostCut() { return List.copyOf(mostCut); }
    /** The first rejections, in input order. */
    public List<Look> firstRejected() { return List.copyOf(firstRejected); }

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
        languages.forEach(o.putObject("languages")::put);
        pageTypes.forEach(o.putObject("page_types")::put);
        ArrayNode len = o.putArray("lengths");
        for (int n : lengths) len.add(n);
        looks(o.putArray("most_cut"), mostCut);
        looks(o.putArray("first_rejected"), firstRejected);
        return o;
    }

    /** The documents to look at first, as the report and a checkpoint write them. */
    public static void looks(ArrayNode into, List<Look> looks) {
        for (Look l : looks) {
            ObjectNode n = into.addObject();
            n.put("id", l.id());
            if (l.path() != null) n.put("path", l.path());
            if (l.reason() != null) n.put("reason", l.reason());
            else n.put("cut", l.cut());
        }
    }

    private static void readLooks(JsonNode from, List<Look> into) {
        for (JsonNode n : from) {
            into.add(new Look(n.path("id").asText(), n.path("path").isTextual() ? n.path("path").asText() : null,
                    n.path("cut").asDouble(), n.path("reason").isTextual() ? n.path("reason").asText() : null));
        }
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
        o.path("languages").fields().forEachRemaining(e -> t.languages.put(e.getKey(), e.getValue().intValue()));
        o.path("page_types").fields().forEachRemaining(e -> t.pageTypes.put(e.getKey(), e.getValue().intValue()));
        JsonNode len = o.path("lengths");
        for (int i = 0; i < Math.min(len.size(), t.lengths.length); i++) t.lengths[i] = len.get(i).intValue();
        readLooks(o.path("most_cut"), t.mostCut);
        readLooks(o.path("first_rejected"), t.firstRejected);
        return t;
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("no '" + field + "' in the saved tally");
        return v;
    }
}
