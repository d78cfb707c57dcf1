package dev.winnow.run.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Pipeline;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.Limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link LocalRunner} on a folder and reads back everything it wrote. */
final class Runs {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A short article every stage keeps; the marker word, when there is one, goes in its own paragraph. */
    static final String PROSE = "The harbour lights festival returned on Saturday after a five year pause, organisers said.\n\n"
            + "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.\n";

    private Runs() {}

    /** What one run wrote: records and rejections in file order, the report, and the log. */
    record Result(LocalRunner.Summary summary, List<JsonNode> records, List<JsonNode> rejections, JsonNode report, String log) {
        List<String> recordIds() {
            return records.stream().map(r -> r.get("id").asText()).toList();
        }

        List<String> rejectedIds() {
            return rejections.stream().map(r -> r.get("id").asText()).toList();
        }

        JsonNode rejection(String id) {
            return rejections.stream().filter(r -> r.get("id").asText().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError(id + " is not rejected; rejections: " + rejections));
        }
    }

    /** Writes an article with {@code marker} (if not null) as its middle paragraph. */
    static void article(Path dir, String name, String marker) throws IOException {
        String text = marker == null ? PROSE : PROSE.replace("\n\n", "\n\nThe notice said " + marker + " in red letters today.\n\n");
        Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    }

    static Result run(Pipeline pipeline, Path in, Path out, int threads, Limits limits) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalRunner.Options options = new LocalRunner.Options(out, threads, limits, "in", true, true, false);
        LocalRunner.Summary summary;
        try (PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            summary = new LocalRunner(pipeline, "test").run(List.of(in.toString()), System.in, options, ps);
        }
        return read(summary, out, log.toString(StandardCharsets.UTF_8));
    }

    static Result read(LocalRunner.Summary summary, Path out, String log) throws IOException {
        return new Result(summary, lines(out.resolve("articles.jsonl")), lines(out.resolve("rejected.jsonl")),
                JSON.readTree(out.resolve("report.json").toFile()), log);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) nodes.add(JSON.readTree(line));
        return nodes;
    }
}
