package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code winnow source} gives back the text a record's removal offsets index, which no output file stores: every
 * cut of every record, sliced from it by its code-point offsets, reads the cut's text (white space around it aside),
 * for plain text, HTML and an entry of a JSON Lines file.
 */
class SourceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** Every removal of {@code record} slices {@code source} (code points) to its text. */
    private static void assertOffsetsIndex(String source, JsonNode record) {
        int[] cps = source.codePoints().toArray();
        JsonNode removed = record.path("metadata").path("removed");
        assertTrue(removed.size() > 0, "the record has cuts to check: " + record.path("id"));
        for (JsonNode x : removed) {
            String slice = new String(cps, x.get("start").asInt(), x.get("end").asInt() - x.get("start").asInt());
            assertEquals(x.get("text").asText(), slice.strip(), "cut " + x + " of " + record.path("id"));
        }
    }

    private static List<JsonNode> records(Path out) throws IOException {
        return Files.readAllLines(out.resolve("articles.jsonl")).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void theSourceOfEverySeedIsWhatItsRecordsOffsetsIndex(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", out.toString(), "-q"));
        for (JsonNode record : records(out)) {
            CommandRun r = run("source", "seeds/" + record.get("id").asText() + ".txt");
            assertEquals(ExitCodes.OK, r.exit(), r.err());
            assertOffsetsIndex(r.out(), record);
        }
    }

    @Test
    void anHtmlPageAndAJsonLinesEntryGiveTheirFrontEndsText(@TempDir Path tmp) throws IOException {
        Path page = tmp.resolve("in/page.html");
        Files.createDirectories(page.getParent());
        try (var in = new GZIPInputStream(Files.newInputStream(Path.of("src/test/resources/wcxb-sample/html/0083.html.gz")))) {
            Files.write(page, in.readAllBytes());
        }
        String html = Files.readString(page);
        Path jsonl = tmp.resolve("in/pages.jsonl");
        Files.writeString(jsonl, JSON.createObjectNode().put("text", "Menu\nHome\n\nThe council met on Tuesday to agree the budget for "
                + "repairs to the old bridge.\n\nShare this").toString() + "\n"
                + JSON.createObjectNode().put("html", html).toString() + "\n");
        Path out = tmp.resolve("out");
        Main.execute("clean", tmp.resolve("in").toString(), "-o", out.toString(), "-q");
        for (JsonNode record : records(out)) {
            String id = record.get("id").asText();
            CommandRun r = id.startsWith("pages#")
                    ? run("source", jsonl.toString(), "--entry", id.substring(id.indexOf('#') + 1))
                    : run("source", page.toString());
            assertEquals(ExitCodes.OK, r.exit(), id + ": " + r.err());
            assertOffsetsIndex(r.out(), record);
        }
        assertEquals(3, records(out).size(), "the page and both entries");
    }

    @Test
    void noSuchFileOrEntryIsAUsageErrorAndPrintsNothing(@TempDir Path tmp) throws IOException {
        CommandRun missing = run("source", tmp.resolve("nothing.txt").toString());
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path jsonl = Files.writeString(tmp.resolve("a.jsonl"), "{\"text\": \"One short document about the bridge repairs.\"}\n");
        CommandRun noEntry = run("source", jsonl.toString(), "--entry", "5");
        assertEquals(ExitCodes.USAGE, noEntry.exit());
        assertTrue(noEntry.err().contains("#5"), noEntry.err());
        CommandRun unnamed = run("source", jsonl.toString());
        assertEquals(ExitCodes.USAGE, unnamed.exit());
        assertTrue(unnamed.err().contains("--entry"), unnamed.err());
        assertFalse(unnamed.out().length() > 0);
    }

    @Test
    void aBinaryFileIsRejectedWithExitThree(@TempDir Path tmp) throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        CommandRun r = run("source", Files.write(tmp.resolve("noise.bin"), noise).toString());
        assertEquals(ExitCodes.REJECTIONS, r.exit(), r.err());
        assertTrue(r.err().contains("rejected"), r.err());
        assertTrue(r.out().isEmpty());
    }

    /** The run's limits apply: an input over --max-bytes is rejected here as clean rejects it (exit 3, too_large). */
    @Test
    void theRunsLimitsApply() {
        CommandRun r = run("source", "seeds/000_ae272c2e0b32898c.txt", "--max-bytes", "100");
        assertEquals(ExitCodes.REJECTIONS, r.exit(), r.err());
        assertTrue(r.err().contains("too_large"), r.err());
        assertEquals(ExitCodes.OK, run("source", "seeds/000_ae272c2e0b32898c.txt", "--max-bytes", "1M").exit());
    }
}
