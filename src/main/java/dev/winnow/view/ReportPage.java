package dev.winnow.view;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code report.html}: a run's {@code report.json} for a person, in a browser, from disk: what came in and out,
 * rejections by reason, removals per stage and reason, the records' lengths, languages and page types, speed, the
 * limits in force, and the documents to look at first. Charts are inline SVG; nothing is fetched, nothing runs.
 */
public final class ReportPage {
    private static final String BAR = "#5b8def";
    private static final String REJECTED_BAR = "#e07b67";

    private ReportPage() {}

    /**
     * @param report      the run report
     * @param explainPage the file name {@code winnow explain} gives a document's page, by record id
     */
    public static String html(JsonNode report, UnaryOperator<String> explainPage) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>winnow run report</title>\n<style>\n")
                .append("body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:16px 24px;color:#1d1d1d}\n")
                .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}\n")
                .append(".tiles{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}\n")
                .append(".tile{background:#f4f6fb;border-radius:6px;padding:8px 14px;min-width:110px}\n")
                .append(".tile b{display:block;font-size:22px}\n")
                .append("table{border-collapse:collapse;font-size:14px}td,th{padding:2px 10px 2px 0;text-align:left;vertical-align:top}\n")
                .append("th{color:#666;font-weight:normal}.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("code{font-size:13px;background:#f4f4f4;padding:1px 4px;border-radius:3px}\n")
                .append(".cols{display:grid;grid-template-columns:1fr 1fr;gap:0 32px}\n")
                .append("</style>\n</head>\n<body>\n<h1>winnow run report</h1>\n<div>")
                .append(escape(report.path("engine").asText())).append(" engine, winnow ")
                .append(escape(report.path("winnow_version").asText())).append(", profile ").append(escape(report.path("profile").asText()))
                .append("</div>\n<div class=\"tiles\">\n");
        tile(h, "inputs", report.path("inputs").asText());
        tile(h, "records", report.path("records").asText());
        tile(h, "rejected", report.path("rejected").asText());
        tile(h, "seconds", report.path("seconds").asText());
        tile(h, "MB/s", report.path("mb_per_second").asText());
        tile(h, "documents/s", report.path("docs_per_second").asText());
        h.append("</div>\n");

        h.append("<h2>Rejections by reason</h2>\n");
        Map<String, Long> rejections = numbers(report.path("rejections"));
        if (rejections.isEmpty()) h.append("<p>None: every input gave a record.</p>\n");
        else bars(h, rejections, REJECTED_BAR);

        h.append("<h2>Removals by stage</h2>\n");
        Map<String, Long> stages = new LinkedHashMap<>();
        report.path("removals").fields().forEachRemaining(e -> stages.put(e.getKey(), sum(e.getValue())));
        if (stages.isEmpty()) h.append("<p>No cuts.</p>\n");
        else {
            bars(h, stages, BAR);
            h.append("<details><summary>per reason</summary>\n<table>\n<tr><th>stage</th><th>reason</th><th class=\"num\">cuts</th></tr>\n");
            report.path("removals").fields().forEachRemaining(stage -> stage.getValue().fields().forEachRemaining(reason ->
                    h.append("<tr><td>").append(escape(stage.getKey())).append("</td><td>").append(escape(reason.getKey()))
                            .append("</td><td class=\"num\">").append(reason.getValue().asLong()).append("</td></tr>\n")));
            h.append("</table>\n</details>\n");
        }

        JsonNode d = report.path("distributions");
        h.append("<h2>Records</h2>\n<div class=\"cols\">\n<div>\n<h3>Text length (characters)</h3>\n");
        bars(h, numbers(d.path("text_chars")), BAR);
        h.append("</div>\n<div>\n<h3>Page types</h3>\n");
        bars(h, largestFirst(numbers(d.path("page_types")), 8), BAR);
        h.append("<h3>Languages</h3>\n");
        bars(h, largestFirst(numbers(d.path("languages")), 12), BAR);
        h.append("</div>\n</div>\n");

        h.append("<h2>Look at these first</h2>\n<p>Pages of <code>winnow explain</code> show every cut the run made; "
                + "<code>winnow explain --run OUTDIR</code>, OUTDIR being this report's folder, writes the ones linked below.</p>\n");
        JsonNode look = report.path("look_first");
        h.append("<div class=\"cols\">\n<div>\n<h3>Largest share cut</h3>\n<table>\n<tr><th>record</th><th class=\"num\">cut</th></tr>\n");
        for (JsonNode n : look.path("most_cut")) {
            h.append("<tr><td><a href=\"explain/").append(escape(explainPage.apply(n.path("id").asText()))).append("\" title=\"")
                    .append(escape(n.path("path").asText())).append("\">").append(escape(n.path("id").asText())).append("</a></td>")
                    .append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.0f%%", 100 * n.path("cut").asDouble()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</div>\n<div>\n<h3>Rejected</h3>\n");
        if (look.path("rejected").isEmpty()) h.append("<p>None.</p>\n");
        else h.append("<table>\n<tr><th>input</th><th>reason</th></tr>\n");
        for (JsonNode n : look.path("rejected")) {
            h.append("<tr><td>").append(escape(n.path("path").asText(n.path("id").asText()))).append("</td><td>")
                    .append(escape(n.path("reason").asText())).append("</td></tr>\n");
        }
        if (!look.path("rejected").isEmpty()) h.append("</table>\n");
        h.append("</div>\n</div>\n");

        h.append("<h2>Limits in force</h2>\n<table>\n");
        JsonNode limits = report.path("limits");
        row(h, "largest input (--max-bytes)", limits.path("max_bytes").asText() + " bytes");
        row(h, "longest text (--max-chars)", limits.path("max_chars").asText() + " characters");
        row(h, "time per document (--timeout)", limits.path("timeout_ms").asText() + " ms");
        row(h, "workers lost to runaway documents", report.path("lost_threads").asText());
        h.append("</table>\n<h2>Chains</h2>\n<p>plain text: ").append(escape(join(report.path("pipeline")))).append("</p>\n<p>HTML: ")
                .append(escape(join(report.path("pipeline_html")))).append("</p>\n");
        if (report.has("pipeline_corpus")) h.append("<p>corpus: ").append(escape(join(report.path("pipeline_corpus")))).append("</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Horizontal bars, one per entry, scaled to the largest. */
    static void bars(StringBuilder h, Map<String, Long> values, String colour) {
        if (values.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int row = 22, label = 140, width = 230;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(label + width + 70)
                .append("\" height=\"").append(row * values.size()).append("\" font-size=\"13\" font-family=\"system-ui,sans-serif\">\n");
        int y = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            long w = Math.round((double) e.getValue() / max * width);
            h.append("<text x=\"").append(label - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(escape(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(label).append("\" y=\"").append(y + 4).append("\" width=\"").append(w)
                    .append("\" height=\"").append(row - 8).append("\" fill=\"").append(colour).append("\"/>")
                    .append("<text x=\"").append(label + w + 6).append("\" y=\"").append(y + 15).append("\">").append(e.getValue())
                    .append("</text>\n");
            y += row;
        }
        h.append("</svg>\n");
    }

    private static Map<String, Long> numbers(JsonNode object) {
        Map<String, Long> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    /** The {@code n} largest entries, largest first (ties by name), the rest summed as "others". */
    private static Map<String, Long> largestFirst(Map<String, Long> values, int n) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        long others = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < n) out.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            else others += sorted.get(i).getValue();
        }
        if (others > 0) out.put("others", others);
        return out;
    }

    private static long sum(JsonNode object) {
        long n = 0;
        for (JsonNode v : object) n += v.asLong();
        return n;
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(", ", out);
    }

    private static void tile(StringBuilder h, String name, String value) {
        h.append("<div class=\"tile\"><b>").append(escape(value)).append("</b> <span>").append(escape(name)).append("</span></div>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String escape(String s) {
        return Explanation.escape(s);
    }
}
