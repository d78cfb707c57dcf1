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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code text/<id>.txt} holds each record's body for people to read: one file per record, never shared. */
class TextFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "The quay will stay closed to cars until Monday morning, the harbour office said.\n";
    private static final String SECOND = "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.\n";

    /** Each record's text file holds exactly its text and a final newline. */
    private static void assertOneFilePerRecord(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("articles.jsonl"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(out.resolve("text"))) {
            assertEquals(lines.size(), files.count(), "one text file per record");
        }
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            Path file = out.resolve("text").resolve(OutputFormat.safeName(record.get("id").asText()) + ".txt");
            assertEquals(record.get("text").asText() + "\n", Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
    }

    @Test
    void sameFileNamesInTwoFoldersGetTwoRecordsAndTwoTextFiles(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("north"));
        Files.createDirectories(in.resolve("south"));
        Files.writeString(in.resolve("north").resolve("quay.txt"), FIRST, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("south").resolve("quay.txt"), SECOND, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, Main.execute("clean", in.toString(), "-o", out.toString(), "-q"));
        assertOneFilePerRecord(out);
    }

    @Test
    void noTextFilesMeansNoTextFolder(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("quay.txt"), FIRST, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, Main.execute("clean", in.toString(), "-o", out.toString(), "-q", "--no-text-files"));
        assertFalse(Files.exists(out.resolve("text")));
        assertEquals(1, Files.readAllLines(out.resolve("articles.jsonl")).size());
    }

    @Test
    void idsThatDifferOnlyInUnsafeCharactersStillGetTheirOwnTextFiles(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("x:1.txt"), FIRST, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("x_1.txt"), SECOND, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, Main.execute("clean", in.toString(), "-o", out.toString(), "-q"));
        assertOneFilePerRecord(out);
    }
}
