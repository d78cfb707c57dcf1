package dev.winnow.run.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.cli.ExitCodes;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.output.CleanRuns.Child;
import dev.winnow.stages.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reruns: the same inputs, options and build into a finished folder do nothing and change no byte; any
 * change to inputs or options does the run again and ends as a fresh run would; {@code --restart}
 * ignores what is there; a finished run leaves only its output.
 */
class RerunTest {
    private static final int DOCUMENTS = 30;

    private static List<String> args(Path corpus, Path out, String... extra) {
        return CleanRuns.cleanArgs(corpus, out, extra);
    }

    private static CleanRuns.Result run(List<String> args) {
        return CleanRuns.inProcess(args);
    }

    /** Runs {@code winnow clean} in a child JVM until it pauses at the kill point {@code props} names, then kills it. */
    private static void killWhenPaused(List<String> args, Map<String, String> props, Path tmp) throws Exception {
        Child child = Child.start(args, props, tmp.resolve("child.err"));
        try {
            assertTrue(child.await(child::paused), child.err());
        } finally {
            assertTrue(child.kill());
        }
    }

    @Test
    void aSecondRunOfTheSameInputsDoesNothingAndChangesNoByte(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 1);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q")).exit());
        Map<String, String> before = CleanRuns.snapshot(out);
        byte[] report = Files.readAllBytes(out.resolve("report.json"));
        FileTime articlesTime = Files.getLastModifiedTime(out.resolve("articles.jsonl"));

        CleanRuns.Result again = run(args(corpus, out));
        assertEquals(ExitCodes.REJECTIONS, again.exit(), "a skipped run exits as the run it skipped did");
        assertTrue(again.err().contains("already holds the finished output of this run") && again.err().contains("nothing to do"),
                again.err());
        assertEquals(before, CleanRuns.snapshot(out));
        assertTrue(java.util.Arrays.equals(report, Files.readAllBytes(out.resolve("report.json"))), "report.json is left as it was");
        assertEquals(articlesTime, Files.getLastModifiedTime(out.resolve("articles.jsonl")), "articles.jsonl was not rewritten");
        List<String> oneThread = List.of("clean", corpus.toString(), corpus.resolveSibling("missing.txt").toString(),
                "-o", out.toString(), "--threads", "1", "-q");
        assertEquals(ExitCodes.REJECTIONS, run(oneThread).exit());
        assertEquals(report.length, Files.size(out.resolve("report.json")), "the thread count does not change the output: still skipped");
        assertTrue(java.util.Arrays.equals(report, Files.readAllBytes(out.resolve("report.json"))));
    }

    @Test
    void aChangedInputOrAnAddedOneRunsAgain(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 2);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q")).exit());

        Files.writeString(corpus.resolve("doc_0003.txt"), "The harbour office added a late ferry on Sunday, the operator said.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(corpus.resolve("doc_9999.txt"), "A new pier opened on Monday morning after two years of work, the council said.\n",
                StandardCharsets.UTF_8);
        CleanRuns.Result again = run(args(corpus, out));
        assertEquals(ExitCodes.REJECTIONS, again.exit());
        assertFalse(again.err().contains("nothing to do"), again.err());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, fresh, "-q")).exit());
        CleanRuns.assertSameOutput(fresh, out, "after changed inputs");
        assertTrue(Files.readString(out.resolve("text/doc_0003.txt")).contains("late ferry"));
    }

    /**
     * A fresh checkout or a copy of a project gives every file a new absolute path and time, which the
     * cheap fingerprint sees as changed; the same bytes given by the same relative paths (what the records
     * carry) still find their finished output, and one changed byte does not.
     */
    @Test
    void theSameInputsInAnotherCheckoutFindTheirFinishedOutput(@TempDir Path tmp) throws Exception {
        Path first = Files.createDirectories(tmp.resolve("first"));
        Path corpus = CleanRuns.corpus(first.resolve("corpus"), DOCUMENTS, 5);
        Path out = tmp.resolve("out");
        List<String> relative = List.of("clean", "corpus", "missing.txt", "-o", out.toString(), "-q");
        assertEquals(ExitCodes.REJECTIONS, Child.startIn(first, relative, Map.of(), tmp.resolve("first.err")).finish());
        Map<String, String> before = CleanRuns.snapshot(out);
        byte[] report = Files.readAllBytes(out.resolve("report.json"));

        Path second = Files.createDirectories(tmp.resolve("second/corpus")).getParent();
        FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 3_600_000);
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.toList()) Files.setLastModifiedTime(Files.copy(f, second.resolve("corpus").resolve(f.getFileName())), later);
        }
        List<String> verbose = relative.subList(0, relative.size() - 1);
        Child again = Child.startIn(second, verbose, Map.of(), tmp.resolve("second.err"));
        assertEquals(ExitCodes.REJECTIONS, again.finish(), again.err());
        assertTrue(again.err().contains("nothing to do"), again.err());
        assertEquals(before, CleanRuns.snapshot(out));
        assertTrue(java.util.Arrays.equals(report, Files.readAllBytes(out.resolve("report.json"))), "report.json is left as it was");

        Files.writeString(second.resolve("corpus/doc_0003.txt"), "The harbour office added a late ferry on Sunday, the operator said.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Child changed = Child.startIn(second, verbose, Map.of(), tmp.resolve("changed.err"));
        assertEquals(ExitCodes.REJECTIONS, changed.finish(), changed.err());
        assertFalse(changed.err().contains("nothing to do"), "one changed byte is a changed corpus: " + changed.err());
        assertTrue(Files.readString(out.resolve("text/doc_0003.txt")).contains("late ferry"));
    }

    @Test
    void aChangedOptionRunsAgain(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 3);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q", "--source", "first")).exit());
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q", "--source", "second")).exit());
        JsonNode record = CleanRuns.JSON.readTree(Files.readAllLines(out.resolve("articles.jsonl")).get(0));
        assertEquals("second", record.get("source").asText());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, fresh, "-q", "--source", "second")).exit());
        CleanRuns.assertSameOutput(fresh, out, "after a changed option");
    }

    @Test
    void turningTextFilesOffRemovesTheEarlierRunsTextFolder(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 4);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q")).exit());
        assertTrue(Files.isDirectory(out.resolve("text")));
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q", "--no-text-files")).exit());
        assertFalse(Files.exists(out.resolve("text")), "text/ belonged to the earlier run; it would not match articles.jsonl");
        assertEquals(Set.of("articles.jsonl", "rejected.jsonl", "quotes.jsonl", "report.html", "report.json"), names(out));
    }

    @Test
    void aRunKilledInTheSecondPassDoesNotReadTheCorpusAgain(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 9);
        Path out = tmp.resolve("out");
        killWhenPaused(args(corpus, out, "-q"),
                Map.of("winnow.test.pauseAt", "corpus.written:1"), tmp);
        assertTrue(Files.exists(out.resolve(".winnow-run/corpus.facts")), "the first pass's facts were saved");

        CleanRuns.Result rerun = run(args(corpus, out));
        assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
        assertTrue(rerun.err().contains("resuming the interrupted run in " + out + ": 0 inputs were done"), rerun.err());
        assertFalse(rerun.err().contains("pass 1 of 2"), "the first pass is not done again: " + rerun.err());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, fresh, "-q")).exit());
        CleanRuns.assertSameOutput(fresh, out, "after a kill in the second pass");
    }

    @Test
    void anInterruptedRunResumesAndSaysHowFarItHadGot(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 5);
        Path out = tmp.resolve("out");
        killWhenPaused(args(corpus, out, "-q"),
                Map.of("winnow.checkpoint.outcomes", "5", "winnow.test.pauseAt", "checkpoint.written:2"), tmp);
        assertTrue(Files.exists(out.resolve(".winnow-run/checkpoint.json")), "the killed run left its checkpoint");
        assertFalse(Files.exists(out.resolve("articles.jsonl")), "nothing was put in place before the commit");

        CleanRuns.Result rerun = run(args(corpus, out));
        assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
        assertTrue(rerun.err().contains("resuming the interrupted run in " + out + ": 10 inputs were done"),
                rerun.err());
        JsonNode report = CleanRuns.JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(10, report.get("resumed_inputs").asInt());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, fresh, "-q")).exit());
        CleanRuns.assertSameOutput(fresh, out, "resumed");
    }

    @Test
    void anInterruptedRunOfOtherOptionsIsStartedOver(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 6);
        Path out = tmp.resolve("out");
        killWhenPaused(args(corpus, out, "-q", "--source", "other"),
                Map.of("winnow.checkpoint.outcomes", "5", "winnow.test.pauseAt", "checkpoint.written:2"), tmp);
        CleanRuns.Result rerun = run(args(corpus, out));
        assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
        assertTrue(rerun.err().contains("starting over: " + out + " holds an interrupted run of other inputs, options or build"),
                rerun.err());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, fresh, "-q")).exit());
        CleanRuns.assertSameOutput(fresh, out, "started over");
    }

    @Test
    void restartDoesTheWholeRunAgain(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 7);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q")).exit());
        Map<String, String> before = CleanRuns.snapshot(out);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalRunner.Options options = new LocalRunner.Options(out, 2, 64L << 20, "corpus", true, false, false)
                .withCorpus(CorpusSettings.DEFAULTS);
        LocalRunner.Summary summary = new LocalRunner(Profiles.text(), "text").restarting()
                .run(List.of(corpus.toString(), corpus.resolveSibling("missing.txt").toString()), InputStream.nullInputStream(),
                        options, new PrintStream(log, true, StandardCharsets.UTF_8));
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("starting over (--restart)"), said);
        assertEquals(DOCUMENTS + 1, summary.inputs());
        assertEquals(before, CleanRuns.snapshot(out), "the same inputs give the same bytes again");
    }

    @Test
    void standardInputIsReadEveryTimeNeverSkipped(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        for (String text : List.of("The quay stays closed to cars until Monday morning, the harbour office said.\n",
                "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.\n")) {
            InputStream saved = System.in;
            try {
                System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                CleanRuns.Result r = run(List.of("clean", "-", "-o", out.toString()));
                assertEquals(ExitCodes.OK, r.exit(), r.err());
                assertFalse(r.err().contains("nothing to do"), r.err());
            } finally {
                System.setIn(saved);
            }
            assertEquals(text, Files.readString(out.resolve("text/stdin.txt")));
        }
    }

    @Test
    void aFinishedRunLeavesOnlyItsOutput(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 8);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, run(args(corpus, out, "-q")).exit());
        assertEquals(Set.of("articles.jsonl", "rejected.jsonl", "quotes.jsonl", "report.html", "report.json", "text"), names(out), "no lock, journal or temporary file");
        try (Stream<Path> texts = Files.list(out.resolve("text"))) {
            assertTrue(texts.allMatch(p -> p.getFileName().toString().matches("doc_\\d{4}\\.txt")), "only text files in text/");
        }
    }

    @Test
    void aTextFolderThatIsNotWinnowsIsNotReplaced(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 3, 9);
        Path out = tmp.resolve("out");
        Path notes = Files.createDirectories(out.resolve("text")).resolve("notes.txt");
        Files.writeString(notes, "mine", StandardCharsets.UTF_8);
        CleanRuns.Result r = run(args(corpus, out));
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("Winnow did not write") && r.err().contains("text"), r.err());
        assertEquals("mine", Files.readString(notes));
        assertEquals(Set.of("text"), names(out), "nothing else was written");
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
