package dev.winnow.run.output;

import dev.winnow.corpus.CorpusSettings;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.output.CleanRuns.Child;
import dev.winnow.stages.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run tells a person: a bar with counts, rate and ETA on a terminal; no bar when not on a
 * terminal; nothing with {@code --quiet}; a resumed run says how many inputs were done before.
 */
class ProgressTest {
    private static final int DOCUMENTS = 30;

    /** Runs the corpus with the CLI's defaults and returns what the run printed. */
    private static String run(Path corpus, Path out, boolean quiet, boolean terminal) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalRunner.Options options = new LocalRunner.Options(out, 2, 64L << 20, "corpus", true, quiet, terminal)
                .withCorpus(CorpusSettings.DEFAULTS);
        new LocalRunner(Profiles.text(), "text").run(List.of(corpus.toString(), corpus.resolveSibling("missing.txt").toString()),
                InputStream.nullInputStream(), options, new PrintStream(log, true, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Leaves {@code out} with a checkpoint after 10 outcomes, as a killed scheduled run would. */
    private static void interruptedRun(Path corpus, Path out, Path tmp) throws Exception {
        Child child = Child.start(CleanRuns.cleanArgs(corpus, out, "-q"),
                Map.of("winnow.checkpoint.outcomes", "5", "winnow.test.pauseAt", "checkpoint.written:2"), tmp.resolve("child.err"));
        try {
            assertTrue(child.await(child::paused), child.err());
        } finally {
            assertTrue(child.kill());
        }
    }

    @Test
    void aTerminalGetsABarWithCountsRateAndEta(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 21);
        String said = run(corpus, tmp.resolve("out"), false, true);
        assertTrue(said.contains("\r[##############################] " + (DOCUMENTS + 1) + "/" + (DOCUMENTS + 1) + " docs, "), said);
        assertTrue(said.matches("(?s).* \\d+ rejected, [0-9.]+ MB/s, \\d+ docs/s, ETA 0:00\n"), said);
    }

    @Test
    void aLogGetsNoBar(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 22);
        String said = run(corpus, tmp.resolve("out"), false, false);
        assertFalse(said.contains("\r") || said.contains("[#"), "plain lines only, one every ten seconds: " + said);
    }

    @Test
    void quietSaysNothingEvenWhenItResumes(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 23);
        Path out = tmp.resolve("out");
        interruptedRun(corpus, out, tmp);
        assertEquals("", run(corpus, out, true, true));
        assertEquals("", run(corpus, out, true, false), "nor when it has nothing to do");
    }

    @Test
    void aResumedRunSaysHowManyWereDoneBefore(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 24);
        Path out = tmp.resolve("out");
        interruptedRun(corpus, out, tmp);
        String said = run(corpus, out, false, true);
        assertTrue(said.startsWith("winnow: resuming the interrupted run in " + out + ": 10 inputs were done, continuing\n"), said);
        assertTrue(said.contains((DOCUMENTS + 1) + "/" + (DOCUMENTS + 1) + " docs (10 done before), "), said);
    }
}
