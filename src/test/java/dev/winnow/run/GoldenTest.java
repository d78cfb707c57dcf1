package dev.winnow.run;

import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cleaned/} is exactly what the pipeline makes of {@code seeds/}: the records, the rejections and
 * every text file, byte for byte ({@code report.json} holds timings and is not compared). After an
 * intended change, rewrite it on purpose and review the diff:
 * <pre>mvn test -Dtest=GoldenTest -Dwinnow.golden.update=true</pre>
 */
class GoldenTest {
    static final Path SEEDS = Path.of("seeds");
    static final Path CLEANED = Path.of("cleaned");
    static final List<String> DATA_FILES = List.of("articles.jsonl", "rejected.jsonl", "quotes.jsonl");
    static final String UPDATE = "winnow.golden.update";

    @Test
    void cleaningTheSeedsGivesTheCommittedOutput(@TempDir Path out) throws IOException {
        assertTrue(Files.isDirectory(SEEDS), "run from the project root: no " + SEEDS.toAbsolutePath());
        int exit = Main.execute("clean", SEEDS.toString(), "-o", out.toString(), "-q");
        assertEquals(ExitCodes.OK, exit, "every seed becomes a record");

        if (Boolean.getBoolean(UPDATE)) {
            rewrite(out);
            return;
        }
        assertTrue(Files.isDirectory(CLEANED.resolve("text")), "no golden output in " + CLEANED.toAbsolutePath()
                + "; create it with mvn test -Dtest=GoldenTest -D" + UPDATE + "=true and review it");
        for (String name : DATA_FILES) assertSameBytes(CLEANED.resolve(name), out.resolve(name));
        List<String> expected = textFiles(CLEANED), actual = textFiles(out);
        assertEquals(expected, actual, "text files in " + CLEANED + "/text");
        for (String name : expected) assertSameBytes(CLEANED.resolve("text").resolve(name), out.resolve("text").resolve(name));
    }

    private static void assertSameBytes(Path golden, Path actual) throws IOException {
        byte[] want = Files.readAllBytes(golden), got = Files.readAllBytes(actual);
        if (java.util.Arrays.equals(want, got)) return;
        String hint = golden + " differs from this run's output; if the change is intended, rewrite it with -D" + UPDATE + "=true";
        assertEquals(new String(want, StandardCharsets.UTF_8), new String(got, StandardCharsets.UTF_8), hint);
        assertArrayEquals(want, got, hint);
    }

    private static List<String> textFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("text"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** Replaces the golden data files and text folder with this run's output; stale text files go. */
    private static void rewrite(Path out) throws IOException {
        Files.createDirectories(CLEANED.resolve("text"));
        for (String name : DATA_FILES) {
            Files.copy(out.resolve(name), CLEANED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String stale : textFiles(CLEANED)) Files.delete(CLEANED.resolve("text").resolve(stale));
        for (String name : textFiles(out)) {
            Files.copy(out.resolve("text").resolve(name), CLEANED.resolve("text").resolve(name));
        }
        System.err.println("GoldenTest: rewrote " + CLEANED.toAbsolutePath() + "; review the diff before committing");
    }
}
