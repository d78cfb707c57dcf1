package dev.winnow.run.output;

import dev.winnow.local.RunSteps;
import dev.winnow.run.output.CleanRuns.Child;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A default run (two passes, corpus stages on) killed with SIGKILL during its first pass, once or twice,
 * then run again, ends with exactly the output of a run never interrupted: nothing lost, nothing twice.
 * The first pass is not checkpointed: a rerun does it again from the start (the spill files and staged
 * quotations of the killed pass are cleared with the work folder), and only a run killed after the
 * pass saved its facts ("corpus.written") goes on without it. The children hold still at the K-th
 * document of pass 1 ({@code corpus.analyzed:K}) through the injected {@link dev.winnow.local.RunSteps}.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassOneKillTest {
    /** 60 documents (pass 1 analyses each), and a missing path: 61 outcomes. */
    private static final int DOCUMENTS = 60;

    private Path tmp;
    private Path corpus;
    private int trials;

    @BeforeAll
    void corpus(@TempDir Path dir) throws IOException {
        tmp = dir;
        corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 1010);
    }

    /** An uninterrupted run's output folder, with {@code extra} options. */
    private Path reference(String... extra) {
        Path out = tmp.resolve("reference" + String.join("", extra).replace("-", "_").replace(" ", ""));
        if (!Files.exists(out)) {
            CleanRuns.Result r = CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, out, with(extra, "-q")));
            assertEquals(3, r.exit(), "the corpus has rejections: " + r.err());
        }
        return out;
    }

    private static String[] with(String[] extra, String... more) {
        List<String> all = new ArrayList<>(List.of(extra));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * Kills a child run at each of {@code pauses} in turn, then reruns in this JVM (not quiet, so it says
     * what it did), checks the output is the uninterrupted run's and returns what the rerun said.
     */
    private String killThenRerun(String[] extra, String... pauses) throws Exception {
        Path out = tmp.resolve("trial-" + (++trials));
        List<String> args = CleanRuns.cleanArgs(corpus, out, with(extra, "-q"));
        for (int k = 0; k < pauses.length; k++) {
            Child child = Child.start(args, Map.of("winnow.test.pauseAt", pauses[k]), tmp.resolve("trial-" + trials + "-" + k + ".err"));
            try {
                assertTrue(child.await(child::paused), pauses[k] + ": the child ended before the pause:\n" + child.err());
                assertTrue(child.kill(), pauses[k] + ": the kill landed");
            } finally {
                child.process.destroyForcibly();
            }
            assertFalse(Files.exists(out.resolve("articles.jsonl")), "a run killed before pass 2 published nothing");
        }
        CleanRuns.Result rerun = CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, out, extra));
        assertEquals(3, rerun.exit(), "the rerun completes: " + rerun.err());
        CleanRuns.assertSameOutput(reference(extra), out, String.join(", ", pauses));
        return rerun.err();
    }

    @Test
    void killedAtTheFirstDocumentOfPassOne() throws Exception {
        String said = killThenRerun(new String[0], "corpus.analyzed:1");
        assertTrue(said.contains("pass 1 of 2"), "the rerun does pass 1 again: " + said);
    }

    @Test
    void killedHalfWayThroughPassOne() throws Exception {
        killThenRerun(new String[0], "corpus.analyzed:30");
    }

    @Test
    void killedTwiceInPassOne() throws Exception {
        killThenRerun(new String[0], "corpus.analyzed:45", "corpus.analyzed:10");
    }

    @Test
    void killedAtTheLastDocumentOfPassOne() throws Exception {
        killThenRerun(new String[0], "corpus.analyzed:" + DOCUMENTS);
    }

    /** Pass 1 done, its checkpoint written but not yet in place: the pass is done again. */
    @Test
    void killedBeforePassOnesCheckpointIsInPlace() throws Exception {
        String said = killThenRerun(new String[0], "corpus.tmp-written");
        assertTrue(said.contains("pass 1 of 2"), "the rerun does pass 1 again: " + said);
    }

    /** Pass 1's facts saved: the rerun goes on with pass 2 and does not do pass 1 again. */
    @Test
    void killedAfterPassOneSavedItsFacts() throws Exception {
        String said = killThenRerun(new String[0], "corpus.written");
        assertTrue(said.contains("resuming the interrupted run"), said);
        assertFalse(said.contains("pass 1 of 2"), "pass 1 is not done again: " + said);
    }

    @Test
    void killedInPassOneOfACompressedRun() throws Exception {
        killThenRerun(new String[]{"--compress", "gz"}, "corpus.analyzed:20");
    }
}
