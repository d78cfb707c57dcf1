package dev.winnow.spark;

import dev.winnow.cli.ExitCodes;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.ForeignOutputException;
import dev.winnow.run.Limits;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.LocalSpark;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark runner guards its output folder as the local runner does, with the same code: a folder
 * holding files Winnow did not write is refused before anything is touched (exit 2 from the command
 * line), a file with one of Winnow's names that Winnow did not write is never replaced, and
 * {@code --allow-other-files} writes beside the user's files without touching them. Either engine's
 * finished output is Winnow's to the other.
 */
class SparkOutputFolderTest {
    private static JavaSparkContext spark;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.close();
    }

    /** Four short stories in a folder: the input of the output-folder and lock tests. */
    static List<String> corpus(Path tmp) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(corpus.resolve("story-" + i + ".txt"), "Story " + i + ": the night ferry to the island was "
                    + "cancelled again because of the storm, and the harbour master said it may not sail before Friday.\n",
                    StandardCharsets.UTF_8);
        }
        return List.of(corpus.toString());
    }

    private static SparkRunner.Options options(Path out) {
        return new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 0, true);
    }

    /** Every file under {@code dir} with its content, to show a refused run changed nothing. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String name = dir.relativize(p).toString();
                files.put(name, Files.isDirectory(p) ? "/" : Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void aFolderOfTheUsersFilesIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        for (String name : List.of("notes.md", ".gitkeep", "drafts")) {
            Path out = Files.createDirectories(tmp.resolve("out-" + name.replace('.', '_')));
            if (name.equals("drafts")) Files.writeString(Files.createDirectories(out.resolve(name)).resolve("a.txt"), "a");
            else Files.writeString(out.resolve(name), "mine " + name, StandardCharsets.UTF_8);
            Map<String, String> before = snapshot(out);
            ForeignOutputException e = assertThrows(ForeignOutputException.class,
                    () -> new SparkRunner(spark).run(args, options(out), QUIET));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("--allow-other-files"), e.getMessage());
            assertEquals(before, snapshot(out), name + ": nothing was written or removed");
        }
    }

    @Test
    void aFileWithWinnowsNameThatWinnowDidNotWriteIsNeverReplaced(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        for (String name : List.of("articles.jsonl", "quotes.jsonl", "rejected.jsonl.gz", "report.json", "text")) {
            Path out = Files.createDirectories(tmp.resolve("bare-" + name.replace('.', '_')));
            if (name.equals("text")) Files.writeString(Files.createDirectories(out.resolve(name)).resolve("notes.txt"), "mine");
            else Files.writeString(out.resolve(name), "{\"mine\": true}\n", StandardCharsets.UTF_8);
            Map<String, String> before = snapshot(out);
            for (SparkRunner.Options o : List.of(options(out), options(out).allowingOtherFiles())) {
                ForeignOutputException e = assertThrows(ForeignOutputException.class, () -> new SparkRunner(spark).run(args, o, QUIET));
                assertTrue(e.getMessage().contains(name) && e.getMessage().contains("would replace"), e.getMessage());
                assertEquals(before, snapshot(out), name + ": untouched");
            }
        }
    }

    @Test
    void allowOtherFilesWritesBesideTheUsersFilesWithoutTouchingThem(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(out.resolve("README.md"), "my notes", StandardCharsets.UTF_8);
        new SparkRunner(spark).run(args, options(out).allowingOtherFiles(), QUIET);
        new SparkRunner(spark).run(args, options(out).allowingOtherFiles(), QUIET);
        assertEquals("my notes", Files.readString(out.resolve("README.md")));
        assertEquals(Set.of("README.md", "articles.jsonl", "rejected.jsonl", "report.html", "report.json", "text"), names(out));
    }

    /** A rerun on either engine takes the other's finished output as Winnow's, and replaces it. */
    @Test
    void eachEngineTakesTheOthersOutputAsWinnows(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = tmp.resolve("out");
        new SparkRunner(spark).run(args, options(out), QUIET);
        new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(out, 1, Limits.DEFAULTS, "corpus", true, true, false), QUIET);
        new SparkRunner(spark).run(args, options(out), QUIET);
        assertEquals(Set.of("articles.jsonl", "rejected.jsonl", "report.html", "report.json", "text"), names(out));
    }

    /**
     * A rerun with the same inputs, options and build over its finished output does nothing, as the local
     * runner's does: not a file is rewritten. A changed input, another option or {@code restarting()} runs again.
     */
    /** As winnow clean: a mistyped path or an empty folder is a usage error that writes nothing, not a run of nothing. */
    @Test
    void nothingToReadIsRefusedAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path out = tmp.resolve("out");
        for (List<String> args : List.of(List.of(tmp.resolve("missing").toString()), List.of(empty.toString()))) {
            assertThrows(dev.winnow.run.NothingToReadException.class, () -> new SparkRunner(spark).run(args, options(out), QUIET));
            assertFalse(Files.exists(out), "nothing written for " + args);
        }
    }

    @Test
    void aRerunOfAFinishedRunDoesNothing(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = tmp.resolve("out");
        SparkRunner.Summary first = new SparkRunner(spark).run(args, options(out), QUIET);
        assertFalse(first.alreadyDone());
        assertEquals(64, first.report().path("fingerprint").asText().length(), "the report carries the run's fingerprint");
        Map<String, String> written = snapshot(out);
        java.nio.file.attribute.FileTime reportTime = Files.getLastModifiedTime(out.resolve("report.json"));

        SparkRunner.Summary again = new SparkRunner(spark).run(args, options(out), QUIET);
        assertTrue(again.alreadyDone());
        assertEquals(first.records(), again.records());
        assertEquals(first.rejected(), again.rejected());
        assertEquals(written, snapshot(out));
        assertEquals(reportTime, Files.getLastModifiedTime(out.resolve("report.json")), "report.json was not rewritten");

        assertFalse(new SparkRunner(spark).restarting().run(args, options(out), QUIET).alreadyDone(), "restarting runs again");
        SparkRunner.Options noText = new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", false, 0, true);
        assertFalse(new SparkRunner(spark).run(args, noText, QUIET).alreadyDone(), "another option runs again");
        assertFalse(Files.exists(out.resolve("text")));
        Files.writeString(Path.of(args.get(0)).resolve("story-1.txt"), "Story 1: rewritten, the ferry sails again on "
                + "Friday morning from the north pier, the harbour master said.\n", StandardCharsets.UTF_8);
        SparkRunner.Summary changed = new SparkRunner(spark).run(args, noText, QUIET);
        assertFalse(changed.alreadyDone(), "a changed input runs again");
        assertTrue(Files.readString(out.resolve("articles.jsonl"), StandardCharsets.UTF_8).contains("rewritten"));
    }

    /** From the command line: exit 2 and a message that says what to do, before Spark is started. */
    @Test
    void theCommandLineRefusesWithAUsageError(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("photo.jpg"), "not a photo", StandardCharsets.UTF_8);
        Map<String, String> before = snapshot(out);
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = SparkMain.execute(args.get(0), "-o", out.toString(), "-q");
        } finally {
            System.setErr(saved);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, exit, said);
        assertTrue(said.contains("photo.jpg") && said.contains("--allow-other-files"), said);
        assertEquals(before, snapshot(out));
    }
}
