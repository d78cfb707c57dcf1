package dev.winnow.view;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One document's cleaning laid out for a person: the whole input with the kept text plain and every cut marked
 * by its stage, reason and score, a legend counting the cuts, the record's metadata on top. As a self-contained
 * HTML page (inline CSS, no script, nothing fetched) or as coloured text for a terminal.
 *
 * <p>The input is the text the record's {@code removed[].start/end} index (the normalized input of plain text,
 * the front end's text of HTML, blocks in page order): {@code winnow source} gives it, and so does cleaning.
 */
public final class Explanation {
    /** Background colours, one per stage in the order the chain runs them; a stage past the last takes the last. */
    private static final String[] COLOURS = {"#f4a6a6", "#f7c59f", "#f9e79f", "#c8e6a0", "#a6e3d0", "#a6cdf4", "#c3b5f0",
            "#eab0e0", "#d9c3a5", "#b8d8be", "#f2b8c6", "#bcd4e6", "#e0e0a0", "#cccccc"};
    /** ANSI foreground colours for the same stages. */
    private static final int[] ANSI = {31, 33, 93, 32, 36, 34, 35, 95, 91, 92, 96, 94, 90, 37};

    private final JsonNode record;
    private final String source;
    private final List<String> stages;
    private final List<Cut> cuts;

    /** A removal, with its offsets turned from code points into {@link #source}'s char indexes. */
    record Cut(String stage, String reason, String text, int from, int to, String score) {}

    /**
     * @param record the record as {@code articles.jsonl} holds it (with {@code metadata.removed} inline)
     * @param source the text its offsets index
     * @param stages the chain's stage names in order, which fix each stage's colour across pages
     */
    public Explanation(JsonNode record, String source, List<String> stages) {
        this.record = record;
        this.source = source;
        this.stages = List.copyOf(stages);
        this.cuts = cuts(record, source);
    }

    private static List<Cut> cuts(JsonNode record, String source) {
        List<Cut> cuts = new ArrayList<>();
        int codePoints = source.codePointCount(0, source.length());
        for (JsonNode x : record.path("metadata").path("removed")) {
            int start = x.path("start").asInt(), end = x.path("end").asInt();
            if (start < 0 || end > codePoints || start > end) {
                throw new IllegalArgumentException("a cut at " + start + ".." + end + " is outside the source of "
                        + codePoints + " code points: not the text this record indexes (another build?)");
            }
            JsonNode score = x.path("score");
            cuts.add(new Cut(x.path("stage").asText(), x.path("reason").asText(), x.path("text").asText(),
                    source.offsetByCodePoints(0, start), source.offsetByCodePoints(0, end),
                    score.isNumber() ? String.format(Locale.ROOT, "%.2f", score.asDouble()) : null));
        }
        cuts.sort(Comparator.comparingInt(Cut::from).thenComparingInt(Cut::to));
        return cuts;
    }

    /** The cuts per stage, and per reason within it, in chain order. */
    Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String s : stages) for (Cut c : cuts) if (c.stage().equals(s)) counts.computeIfAbsent(s, k -> new TreeMap<>()).merge(c.reason(), 1, Integer::sum);
        for (Cut c : cuts) if (!stages.contains(c.stage())) counts.computeIfAbsent(c.stage(), k -> new TreeMap<>()).merge(c.reason(), 1, Integer::sum);
        return counts;
    }

    private int colour(String stage) {
        int i = stages.indexOf(stage);
        return i < 0 ? COLOURS.length - 1 : Math.min(i, COLOURS.length - 1);
    }

    /** The page: metadata, legend, then the input with every cut marked. */
    public String html() {
        StringBuilder h = new StringBuilder(source.length() * 2 + 4096);
        JsonNode m = record.path("metadata");
        String title = text(m, "title");
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape("winnow explain: " + record.path("id").asText())).append("</title>\n<style>\n")
                .append("body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1d;background:#fff}\n")
                .append("header{padding:16px 24px;border-bottom:1px solid #ddd;background:#fafafa}\n")
                .append("h1{font-size:20px;margin:0 0 8px}\n")
                .append("dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}\n")
                .append("dt{color:#666}dd{margin:0}\n")
                .append(".legend{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}\n")
                .append(".legend span{padding:2px 8px;border-radius:4px}\n")
                .append("main{padding:16px 24px;white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:13px}\n")
                .append(".cut{text-decoration:line-through;color:#555;border-radius:2px}\n")
                .append(".cut:hover{outline:1px solid #333}\n");
        for (int i = 0; i < COLOURS.length; i++) h.append(".s").append(i).append("{background:").append(COLOURS[i]).append("}\n");
        h.append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(title == null ? record.path("id").asText() : title))
                .append("</h1>\n<dl>\n");
        row(h, "id", record.path("id").asText());
        row(h, "authors", m.path("authors").isEmpty() ? null : String.join(", ", strings(m.path("authors"))));
        row(h, "date", text(record, "created"));
        row(h, "language", text(m, "language") == null ? null : text(m, "language")
                + (m.path("language_score").isNumber() ? String.format(Locale.ROOT, " (%.2f)", m.path("language_score").asDouble()) : ""));
        row(h, "page type", text(m, "page_type"));
        row(h, "url", text(m, "url"));
        row(h, "extraction", text(m.path("extraction"), "method") == null ? null
                : text(m.path("extraction"), "method") + ": " + text(m.path("extraction"), "reason"));
        row(h, "kept", m.path("counts").path("words").asInt() + " words; " + cuts.size() + (cuts.size() == 1 ? " cut" : " cuts"));
        h.append("</dl>\n<div class=\"legend\">\n");
        for (Map.Entry<String, Map<String, Integer>> stage : counts().entrySet()) {
            int n = stage.getValue().values().stream().mapToInt(Integer::intValue).sum();
            List<String> reasons = new ArrayList<>();
            stage.getValue().forEach((r, k) -> reasons.add(r + " " + k));
            h.append("<span class=\"s").append(colour(stage.getKey())).append("\" title=\"").append(escape(String.join(", ", reasons)))
                    .append("\">").append(escape(stage.getKey())).append(" ").append(n).append("</span>\n");
        }
        h.append("</div>\n</header>\n<main>");
        int at = 0;
        for (Cut c : cuts) {
            if (c.from() < at) continue;     // cuts do not overlap; a stray one is shown once, by its first stage
            h.append(escape(source.substring(at, c.from())));
            h.append("<span class=\"cut s").append(colour(c.stage())).append("\" data-stage=\"").append(escape(c.stage()))
                    .append("\" data-reason=\"").append(escape(c.reason())).append("\" title=\"")
                    .append(escape(c.stage() + " / " + c.reason() + (c.score() == null ? "" : " / score " + c.score())))
                    .append("\">").append(escape(source.substring(c.from(), c.to()))).append("</span>");
            at = c.to();
        }
        h.append(escape(source.substring(at))).append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The same for a terminal: cuts struck through in their stage's colour, a legend first. */
    public String ansi() {
        StringBuilder a = new StringBuilder(source.length() + 1024);
        JsonNode m = record.path("metadata");
        a.append("\u001b[1m").append(record.path("id").asText());
        String title = text(m, "title");
        if (title != null) a.append(": ").append(title);
        a.append("\u001b[0m\n");
        a.append(text(m, "page_type")).append(", ").append(text(m, "language")).append(", ")
                .append(m.path("counts").path("words").asInt()).append(" words kept, ").append(cuts.size()).append(" cuts\n");
        for (Map.Entry<String, Map<String, Integer>> stage : counts().entrySet()) {
            a.append("\u001b[").append(ANSI[colour(stage.getKey())]).append("m").append(stage.getKey()).append("\u001b[0m ")
                    .append(stage.getValue()).append('\n');
        }
        a.append('\n');
        int at = 0;
        for (Cut c : cuts) {
            if (c.from() < at) continue;
            a.append(source, at, c.from());
            a.append("\u001b[9;").append(ANSI[colour(c.stage())]).append("m").append(source, c.from(), c.to()).append("\u001b[0m");
            at = c.to();
        }
        a.append(source.substring(at)).append('\n');
        return a.toString();
    }

    private static void row(StringBuilder h, String name, String value) {
        if (value == null || value.isEmpty()) return;
        h.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    /** Text as HTML character data or an attribute value. */
    static String escape(String s) {
        return org.apache.commons.text.StringEscapeUtils.escapeHtml4(s);
    }
}
