package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record never has empty text: a document whose every line the stages cut is an {@code all_removed}
 * rejection whose message counts the cuts by stage, whichever stage made them (markup or a text stage),
 * in plain text, HTML and JSON Lines alike.
 */
class AllRemovedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLE = "The lifeboat crew was called out twice on Sunday, first to a yacht with a fouled "
            + "propeller and later to a kayaker caught by the tide near the harbour mouth, the station said.\n\n"
            + "Both were brought back to the quay without injury; the crew thanked the coastguard for its help.\n";

    private static Map<String, JsonNode> lines(Path file) throws IOException {
        Map<String, JsonNode> m = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            m.put(n.path("id").asText(), n);
        }
        return m;
    }

    /** Runs {@code in} and checks that no record is blank and every input is accounted for; returns rejections by id. */
    private static Map<String, JsonNode> run(Path in, Path out, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("clean", in.toString(), "-o", out.toString(), "-q"));
        args.addAll(List.of(extra));
        int exit = Main.execute(args.toArray(String[]::new));
        assertTrue(exit == ExitCodes.OK || exit == ExitCodes.REJECTIONS, "exit " + exit);
        Map<String, JsonNode> records = lines(out.resolve("articles.jsonl")), rejections = lines(out.resolve("rejected.jsonl"));
        for (JsonNode r : records.values()) assertFalse(r.path("text").asText().isBlank(), "a blank record: " + r.path("id"));
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(report.path("inputs").asInt(), records.size() + rejections.size());
        assertEquals(rejections.values().stream().filter(r -> r.path("reason").asText().equals("all_removed")).count(),
                report.path("rejections").path("all_removed").asLong(), "counted per reason in the report");
        return rejections;
    }

    private static void assertAllRemoved(Map<String, JsonNode> rejections, String id, String stage) {
        JsonNode r = rejections.get(id);
        assertEquals("all_removed", r == null ? null : r.path("reason").asText(), id + " in " + rejections);
        assertTrue(r.path("message").asText().contains(stage), r.toString());
    }

    @Test
    void documentsOfNothingButBoilerplateAreRejected(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("article.txt"), ARTICLE, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("share.txt"), "Share on Facebook\nShare on Twitter\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("follow.txt"), "Share on Facebook\n\nShare on Twitter\n\nShare on LinkedIn\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("navpage.html"), "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
                + "<footer>© 2024 Harbour Press. All rights reserved.</footer></body></html>", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("chrome.html"), "<html><head><title>x</title><script>var a = 1;</script></head><body>"
                + "<header><nav><ul><li><a href=\"/a\">Sport</a></li><li><a href=\"/b\">Weather</a></li></ul></nav></header>"
                + "<footer><p>© Harbour Press</p></footer></body></html>", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("scrape.jsonl"), JSON.writeValueAsString(Map.of("text", ARTICLE)) + "\n"
                + JSON.writeValueAsString(Map.of("html", "<nav><a href=\"/\">Home</a></nav><footer>© Harbour Press</footer>")) + "\n",
                StandardCharsets.UTF_8);
        Map<String, JsonNode> rejections = run(in, tmp.resolve("out"), "--no-corpus");
        assertAllRemoved(rejections, "share", "navigation");
        assertAllRemoved(rejections, "follow", "navigation");
        assertAllRemoved(rejections, "navpage", "markup");
        assertAllRemoved(rejections, "chrome", "markup");
        assertAllRemoved(rejections, "scrape#1", "markup");
        assertFalse(rejections.containsKey("article") || rejections.containsKey("scrape#0"), "articles stay records");
    }
}
