package dev.winnow.run.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run touches nothing in OUTDIR but its own output: a folder holding files Winnow did not write is
 * refused (exit 2) before anything is written, a file with one of Winnow's names that Winnow did not
 * write is never replaced or deleted, {@code --allow-other-files} writes beside the user's files without
 * touching them, and an OUTDIR inside an input folder does not feed its output back in as input.
 */
class OutputFolderTest {
    private static CleanRuns.Result run(String... args) {
        return CleanRuns.inProcess(List.of(args));
    }

    private static Path corpus(Path tmp) throws IOException {
        return CleanRuns.corpus(tmp.resolve("corpus"), 6, 21);
    }

    private static void assertRan(CleanRuns.Result r) {
        assertRan(r, "");
    }

    private static void assertRan(CleanRuns.Result r, String what) {
        assertTrue(r.exit() == ExitCodes.OK || r.exit() == ExitCodes.REJECTIONS, what + " " + r.err());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** Each folder holds a file of the user's, under a name Winnow never writes; each is refused and left as it was. */
    @Test
    void aFolderOfTheUsersFilesIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws IOException {
        Path corpus = corpus(tmp);
        for (String name : List.of("notes.md", "photo.jpg", ".gitkeep", "drafts", "articles.json", "report.txt")) {
            Path out = Files.createDirectories(tmp.resolve("out-" + name.replace('.', '_')));
            Path mine = out.resolve(name);
            if (name.equals("drafts")) Files.createDirectories(mine).resolve("a.txt").toFile().createNewFile();
            else Files.writeString(mine, "mine " + name, StandardCharsets.UTF_8);
            Map<String, String> before = CleanRuns.snapshot(out);
            CleanRuns.Result r = run("clean", corpus.toString(), "-o", out.toString(), "-q");
            assertEquals(ExitCodes.USAGE, r.exit(), name + ": " + r.err());
            assertTrue(r.err().contains("Winnow did not write") && r.err().contains(name) && r.err().contains("--allow-other-files"),
                    r.err());
            assertEquals(before, CleanRuns.snapshot(out), name + ": nothing was written or removed");
        }
    }

    /**
     * Files with Winnow's names that Winnow did not write: in a folder of no run, or beside a finished run
     * that did not write them (a quotes.jsonl or another codec's articles). Refused even with
     * --allow-other-files, and never deleted.
     */
    @Test
    void aFileWithWinnowsNameThatWinnowDidNotWriteIsNeverReplaced(@TempDir Path tmp) throws IOException {
        Path corpus = corpus(tmp);
        for (String name : List.of("articles.jsonl", "quotes.jsonl", "articles.jsonl.gz", "rejected.jsonl.zst", "report.json", "text")) {
            Path out = Files.createDirectories(tmp.resolve("bare-" + name.replace('.', '_')));
            Path mine = out.resolve(name);
            if (name.equals("text")) Files.writeString(Files.createDirectories(mine).resolve("notes.txt"), "mine");
            else Files.writeString(mine, "{\"mine\": true}\n", StandardCharsets.UTF_8);
            Map<String, String> before = CleanRuns.snapshot(out);
            for (String allow : List.of("--threads=1", "--allow-other-files")) {
                CleanRuns.Result r = run("clean", corpus.toString(), "-o", out.toString(), "-q", allow);
                assertEquals(ExitCodes.USAGE, r.exit(), name + " " + allow + ": " + r.err());
                assertTrue(r.err().contains(name) && r.err().contains("would replace"), r.err());
                assertEquals(before, CleanRuns.snapshot(out), name + ": untouched");
            }
        }
        // Beside a finished run without corpus stages, plain codec: a quotes.jsonl and a .gz it did not write.
        Path out = tmp.resolve("finished");
        assertRan(run("clean", corpus.toString(), "-o", out.toString(), "-q", "--no-corpus"));
        JsonNode files = CleanRuns.JSON.readTree(out.resolve("report.json").toFile()).path("output").path("files");
        assertEquals("[\"articles.jsonl\",\"rejected.jsonl\"]", files.toString(), "the report lists the files the run wrote");
        for (String name : List.of("quotes.jsonl", "articles.jsonl.gz")) {
            Path mine = out.resolve(name);
            Files.writeString(mine, "{\"mine\": true}\n", StandardCharsets.UTF_8);
            CleanRuns.Result r = run("clean", corpus.toString(), "-o", out.toString(), "-q", "--compress", "gz", "--restart");
            assertEquals(ExitCodes.USAGE, r.exit(), r.err());
            assertEquals("{\"mine\": true}\n", Files.readString(mine), name + " is still the user's");
            Files.delete(mine);
        }
        // Without the stranger, the same run replaces its own earlier files (another codec's included).
        assertRan(run("clean", corpus.toString(), "-o", out.toString(), "-q", "--compress", "gz"));
        assertEquals(Set.of("articles.jsonl.gz", "rejected.jsonl.gz", "quotes.jsonl.gz", "report.html", "report.json", "text"), names(out));
    }

    /** The example of the issue: an input in the current folder, written to the current folder. */
    @Test
    void writingIntoTheFolderThatHoldsTheInputIsRefused(@TempDir Path tmp) throws IOException {
        Path here = Files.createDirectories(tmp.resolve("here"));
        Path input = here.resolve("articles.jsonl");
        String scrape = "{\"text\": \"The quay reopened on Monday after a week of repairs to the old harbour wall, the council said.\"}\n";
        Files.writeString(input, scrape, StandardCharsets.UTF_8);
        CleanRuns.Result r = run("clean", input.toString(), "-o", here.toString(), "-q");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertEquals(scrape, Files.readString(input), "the input is not replaced by the output");
        assertEquals(Set.of("articles.jsonl"), names(here));
    }

    @Test
    void allowOtherFilesWritesBesideTheUsersFilesWithoutTouchingThem(@TempDir Path tmp) throws IOException {
        Path corpus = corpus(tmp);
        Path out = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(out.resolve("README.md"), "my notes", StandardCharsets.UTF_8);
        Files.writeString(Files.createDirectories(out.resolve("old")).resolve("x.txt"), "x", StandardCharsets.UTF_8);
        assertRan(run("clean", corpus.toString(), "-o", out.toString(), "-q", "--allow-other-files"));
        assertRan(run("clean", corpus.toString(), "-o", out.toString(), "-q", "--allow-other-files",
                "--no-corpus"), "a second, different run into the same shared folder:");
        assertEquals("my notes", Files.readString(out.resolve("README.md")));
        assertEquals("x", Files.readString(out.resolve("old").resolve("x.txt")));
        assertEquals(Set.of("README.md", "old", "articles.jsonl", "rejected.jsonl", "report.html", "report.json", "text"), names(out));
    }

    /**
     * OUTDIR inside the input folder, or the input folder itself: each rerun sees the same inputs, never
     * the last run's output, so the second run has nothing to do.
     */
    @Test
    void anOutputFolderInsideTheInputIsNotReadBack(@TempDir Path tmp) throws IOException {
        for (String where : List.of("cleaned", "deep/er/out", "")) {
            Path data = CleanRuns.corpus(tmp.resolve("data-" + where.replace('/', '_')), 5, 33);
            Path out = where.isEmpty() ? data : data.resolve(where);
            String[] args = {"clean", data.toString(), "-o", out.toString(), "--no-corpus", "--allow-other-files"};
            int inputs = -1;
            for (int i = 0; i < 3; i++) {
                CleanRuns.Result r = run(args);
                assertRan(r);
                int now = CleanRuns.JSON.readTree(out.resolve("report.json").toFile()).path("inputs").asInt();
                if (i == 0) inputs = now;
                assertEquals(5, now, where + " run " + i + ": " + r.err());
                assertEquals(inputs, now);
                if (i > 0) assertTrue(r.err().contains("nothing to do") && r.err().contains("unchanged"), r.err());
            }
        }
    }

    @Test
    void anEmptyOutputNameIsAUsageErrorAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path corpus = corpus(tmp);
        Set<String> before = names(tmp);
        for (String empty : List.of("", " ")) {
            CleanRuns.Result r = run("clean", corpus.toString(), "-o", empty, "-q");
            assertEquals(ExitCodes.USAGE, r.exit(), r.err());
            assertTrue(r.err().contains("--output"), r.err());
        }
        assertEquals(before, names(tmp));
        assertFalse(Files.exists(Path.of("articles.jsonl")) && Files.exists(Path.of(".winnow-run")), "nothing in the current folder");
    }
}
