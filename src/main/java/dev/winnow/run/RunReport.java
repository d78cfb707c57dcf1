package dev.winnow.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.Version;

import java.util.List;

/**
 * The parts of {@code report.json} every engine writes alike, in this order: what ran (version, engine,
 * profile, the stage chains), what came of it ({@link #counts}), how fast ({@link #speed}), and under which
 * limits ({@link #limits}). Each engine adds its own facts between them (threads and resumed inputs for the
 * local runner; master, partitions and resumed partitions for Spark), so a key both engines report is
 * written by one piece of code and means the same thing in both.
 */
public final class RunReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunReport() {}

    /** A new report with what ran and what came of it: {@code inputs} is the run's whole count, resumed part included. */
    public static ObjectNode counts(String engine, String profile, List<String> textChain, List<String> markupChain,
                                    int inputs, Tally tally) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("winnow_version", Version.VERSION);
        r.put("engine", engine);
        r.put("profile", profile);
        textChain.forEach(r.putArray("pipeline")::add);
        markupChain.forEach(r.putArray("pipeline_html")::add);
        r.put("inputs", inputs);
        r.put("records", tally.records());
        r.put("rejected", tally.rejected());
        ObjectNode rej = r.putObject("rejections");
        tally.rejections().forEach(rej::put);
        ObjectNode rem = r.putObject("removals");
        tally.removals().forEach((stage, reasons) -> {
            ObjectNode s = rem.putObject(stage);
            reasons.forEach(s::put);
        });
        r.put("bytes_in", tally.bytes());
        ObjectNode d = r.putObject("distributions");
        tally.languages().forEach(d.putObject("languages")::put);
        tally.pageTypes().forEach(d.putObject("page_types")::put);
        ObjectNode len = d.putObject("text_chars");
        int[] lengths = tally.lengths();
        for (int i = 0; i < lengths.length; i++) {
            String label = i == 0 ? "<" + Tally.LENGTHS[0] : i == Tally.LENGTHS.length ? Tally.LENGTHS[i - 1] + "+"
                    : Tally.LENGTHS[i - 1] + "-" + (Tally.LENGTHS[i] - 1);
            len.put(label, lengths[i]);
        }
        ObjectNode look = r.putObject("look_first");
        Tally.looks(look.putArray("most_cut"), tally.mostCut());
        Tally.looks(look.putArray("rejected"), tally.firstRejected());
        return r;
    }

    /** This process's time and speed over the {@code bytes} and {@code docs} it did itself (not a resumed run's part). */
    public static void speed(ObjectNode report, double seconds, long bytes, long docs) {
        report.put("seconds", Math.round(seconds * 1000) / 1000.0);
        report.put("mb_per_second", Math.round(bytes / 1e6 / Math.max(seconds, 1e-9) * 100) / 100.0);
        report.put("docs_per_second", Math.round(docs / Math.max(seconds, 1e-9) * 10) / 10.0);
    }

    /** The limits in force, and the workers abandoned to documents that ignored their time budget. */
    public static void limits(ObjectNode report, Limits limits, long lostThreads) {
        ObjectNode l = report.putObject("limits");
        l.put("max_bytes", limits.maxBytes());
        l.put("max_chars", limits.maxChars());
        l.put("timeout_ms", limits.timeout().toMillis());
        report.put("lost_threads", lostThreads);
    }

    /** Container records that were not documents, by type, when there were any. */
    public static void skipped(ObjectNode report, java.util.Map<String, Long> skipped) {
        if (!skipped.isEmpty()) skipped.forEach(report.putObject("skipped_records")::put);
    }
}
