package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.Main;
import dev.winnow.formats.DocumentFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each record names the models that shaped it ({@code metadata.pipeline.models}), the same identities the
 * run report gives for its chains: an HTML page its block model and the HTML page-type model, a document
 * the block model and the plain-text page-type model (its text has no markup), plain text the plain-text
 * page-type model only.
 */
class RecordProvenanceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IDENTITY = Pattern.compile("[a-z0-9-]+@[0-9a-f]{12}");

    @Test
    void eachRecordNamesTheModelsOfItsChain(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String story = Files.readString(Path.of("seeds").resolve(firstSeed()));
        Files.writeString(in.resolve("plain.txt"), story);
        Files.writeString(in.resolve("page.html"), ContainerRunTest.page("A page", story));
        Files.write(in.resolve("report.docx"), DocumentFixtures.docx());
        Path out = tmp.resolve("out");
        Main.execute("clean", in.toString(), "-o", out.toString(), "-q", "--no-corpus", "--no-text-files");

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        String block = only(report.path("pipeline_html"), "score(");
        List<String> pageTypes = identities(only(report.path("pipeline_html"), "page_type("));
        String htmlPageType = pageTypes.get(0), textPageType = pageTypes.get(1);
        assertTrue(htmlPageType.startsWith("winnow-html-page-type@") && textPageType.startsWith("winnow-text-page-type@"), pageTypes.toString());

        Map<String, List<String>> models = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            List<String> named = new ArrayList<>();
            r.path("metadata").path("pipeline").path("models").forEach(m -> named.add(m.asText()));
            models.put(r.path("metadata").path("input").path("path").asText().replaceAll(".*/", ""), named);
        }
        assertEquals(List.of(identities(block).get(0), htmlPageType), models.get("page.html"));
        assertEquals(List.of(identities(block).get(0), textPageType), models.get("report.docx"));
        assertEquals(List.of(textPageType), models.get("plain.txt"));
    }

    private static String firstSeed() throws IOException {
        try (var files = Files.list(Path.of("seeds"))) {
            return files.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    /** The one entry of a report chain that starts with {@code prefix}. */
    private static String only(JsonNode chain, String prefix) {
        List<String> found = new ArrayList<>();
        chain.forEach(stage -> { if (stage.asText().startsWith(prefix)) found.add(stage.asText()); });
        assertEquals(1, found.size(), prefix + " in " + chain);
        return found.get(0);
    }

    private static List<String> identities(String stage) {
        List<String> ids = new ArrayList<>();
        for (Matcher m = IDENTITY.matcher(stage); m.find(); ) ids.add(m.group());
        return ids;
    }
}
