package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.Main;
import dev.winnow.formats.DocumentFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every record has the same keys, whatever its input kind and whether the corpus stages ran, so that a
 * loader (pandas, DuckDB, Spark, Hugging Face datasets) infers one schema for any run. Keys are
 * compared as paths ("metadata.input.url", "metadata.removed[].score"), including those whose value is null.
 */
class RecordKeySetTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyInputKindWithAndWithoutCorpusStagesGivesOneKeySet(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<String> seeds = new ArrayList<>();
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path p : files.sorted().toList()) seeds.add(Files.readString(p));
        }
        Files.writeString(in.resolve("plain.txt"), seeds.get(3));
        Files.writeString(in.resolve("page.html"), ContainerRunTest.page("A page", seeds.get(2)));
        Files.write(in.resolve("report.docx"), DocumentFixtures.docx());
        Files.write(in.resolve("crawl.warc.gz"), ContainerRunTest.write(ContainerRunTest.crawl(seeds)));
        Files.writeString(in.resolve("scrape.jsonl"), String.join("\n",
                JSON.writeValueAsString(Map.of("id", "s-1", "url", "https://news.example.org/a", "html", ContainerRunTest.page("A", seeds.get(0)))),
                JSON.writeValueAsString(Map.of("id", "s-2", "text", seeds.get(1)))) + "\n");

        Map<String, TreeSet<String>> keySets = new TreeMap<>();     // key set -> where it was seen
        for (String corpus : List.of("--corpus", "--no-corpus")) {
            Path out = tmp.resolve("out" + corpus);
            List<String> args = new ArrayList<>(List.of("clean", in.toString(), "-o", out.toString(), "-q", "--no-text-files"));
            if (corpus.equals("--no-corpus")) args.add(corpus);
            Main.execute(args.toArray(String[]::new));
            collect(out.resolve("articles.jsonl"), corpus, keySets);

            Path stdinOut = tmp.resolve("stdin" + corpus);
            InputStream saved = System.in;
            try {
                System.setIn(new ByteArrayInputStream(seeds.get(4).getBytes(StandardCharsets.UTF_8)));
                List<String> stdinArgs = new ArrayList<>(List.of("clean", "-", "-o", stdinOut.toString(), "-q"));
                if (corpus.equals("--no-corpus")) stdinArgs.add(corpus);
                Main.execute(stdinArgs.toArray(String[]::new));
            } finally {
                System.setIn(saved);
            }
            collect(stdinOut.resolve("articles.jsonl"), "stdin " + corpus, keySets);
        }
        assertEquals(1, keySets.size(), "records with different key sets: " + keySets.values());
        String kinds = keySets.values().iterator().next().toString();
        for (String kind : List.of("text/plain", "text/html", "wordprocessingml", "crawl.warc.gz#", "scrape.jsonl#", "stdin"))
            assertTrue(kinds.contains(kind), "a record of kind " + kind + " was compared: " + kinds);
        String keys = keySets.keySet().iterator().next();
        for (String key : List.of("added", "metadata.schema_version", "metadata.input.record_id", "metadata.extraction.method",
                "metadata.near_duplicates.cluster", "metadata.removed[].score"))
            assertTrue(keys.contains(key + ","), key + " in every record: " + keys);
        assertFalse(keys.isEmpty());
    }

    /** Adds each record's key paths, and where it came from (its input path and media type). */
    private static void collect(Path articles, String run, Map<String, TreeSet<String>> keySets) throws IOException {
        List<String> lines = Files.readAllLines(articles);
        assertFalse(lines.isEmpty(), "records in " + articles);
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            TreeSet<String> paths = new TreeSet<>();
            paths(r, "", paths);
            String where = run + " " + r.at("/metadata/input/path").asText() + " " + r.at("/metadata/input/media_type").asText();
            keySets.computeIfAbsent(String.join(",", paths) + ",", k -> new TreeSet<>()).add(where);
        }
    }

    private static void paths(JsonNode node, String prefix, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path);
                paths(e.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) if (item.isObject()) paths(item, prefix + "[]", out);
        }
    }
}
