package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under the C or POSIX locale (containers, bare cron) the JVM's file name encoding is ASCII: a name with
 * 'é' in it reads back with U+FFFD and cannot be created. A run there still finishes: files in a folder
 * are read and cleaned (their text files get percent-encoded names, their ids stay distinct), and a
 * name given on the command line that the JVM cannot open is one unreadable rejection, not a failed run.
 * The runs happen in a child JVM with LC_ALL=C; the files are made by the shell, from bytes, so the
 * test does not depend on its own locale.
 */
class PosixLocaleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs a shell script in {@code dir} with the C locale; returns its exit code. */
    private static int shell(Path dir, String script, Path err) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child finished");
        return p.exitValue();
    }

    private static final String WINNOW = "\"$JAVA\" -XX:TieredStopAtLevel=1 -Xmx256m -cp \"$CP\" dev.winnow.cli.Main clean ";

    /** Files named by octal-escaped UTF-8 bytes: café, Fähre, Föhre (which read alike in ASCII), 日本, plain. */
    private static void files(Path dir) throws IOException, InterruptedException {
        String script = "mkdir -p in && cd in"
                + " && printf 'The ferry to the island left the harbour at dawn, the operator said today.\\n' > \"$(printf 'caf\\303\\251.txt')\""
                + " && printf 'Die F\\303\\244hre legte im Morgengrauen ab, sagte der Betreiber am Montag.\\n' > \"$(printf 'F\\303\\244hre.txt')\""
                + " && printf 'The pine stood on the hill above the harbour for a hundred years, the parish said.\\n' > \"$(printf 'F\\303\\266hre.txt')\""
                + " && printf 'The lighthouse keeper retired after forty years on the point, the trust said.\\n' > \"$(printf '\\346\\227\\245\\346\\234\\254.txt')\""
                + " && printf 'The quay reopened on Monday after a week of repairs, the council said.\\n' > plain.txt";
        assertEquals(0, shell(dir, script, dir.resolve("mk.err")), Files.readString(dir.resolve("mk.err")));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) out.add(JSON.readTree(line));
        return out;
    }

    @Test
    void aFolderOfNonAsciiNamesIsCleanedUnderTheCLocale(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        files(tmp);
        Path err = tmp.resolve("run.err");
        int exit = shell(tmp, WINNOW + "in -o out -q", err);
        assertEquals(ExitCodes.OK, exit, Files.readString(err, StandardCharsets.ISO_8859_1));
        List<JsonNode> records = lines(tmp.resolve("out/articles.jsonl"));
        assertEquals(5, records.size());
        HashSet<String> ids = new HashSet<>();
        for (JsonNode r : records) ids.add(r.path("id").asText());
        assertEquals(5, ids.size(), "distinct ids, though Fähre and Föhre read alike: " + ids);
        try (Stream<Path> texts = Files.list(tmp.resolve("out/text"))) {
            assertEquals(5, texts.count(), "one text file per record");
        }
        assertTrue(records.stream().anyMatch(r -> r.path("text").asText().contains("F\u00e4hre legte")), "the contents are UTF-8 as ever");
    }

    @Test
    void aNonAsciiNameGivenOnTheCommandLineIsOneRejection(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        files(tmp);
        Path err = tmp.resolve("run.err");
        int exit = shell(tmp, WINNOW + "\"$(printf 'in/caf\\303\\251.txt')\" in/plain.txt -o out -q", err);
        assertEquals(ExitCodes.REJECTIONS, exit, Files.readString(err, StandardCharsets.ISO_8859_1));
        List<JsonNode> rejected = lines(tmp.resolve("out/rejected.jsonl"));
        assertEquals(1, rejected.size());
        assertEquals("unreadable", rejected.get(0).path("reason").asText());
        assertTrue(rejected.get(0).path("message").asText().contains("LC_ALL=C.UTF-8"), rejected.toString());
        assertEquals(1, lines(tmp.resolve("out/articles.jsonl")).size(), "the other input is cleaned");
    }
}
