package dev.winnow.run.output;

import dev.winnow.cli.ExitCodes;
import dev.winnow.run.output.CleanRuns.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run per output folder: a second run while one is active refuses with a message naming the
 * active run and exit code 1, touching nothing; a killed run's lock goes with its process.
 */
class LockTest {

    @Test
    void aSecondRunWhileOneIsActiveRefusesAndAKilledRunLeavesNoLock(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 20, 11);
        Path out = tmp.resolve("out");
        List<String> args = CleanRuns.cleanArgs(corpus, out, "-q");
        Child first = Child.start(args, Map.of("winnow.test.pauseAt", "written:5"), tmp.resolve("first.err"));
        try {
            assertTrue(first.await(first::paused), first.err());
            assertTrue(Files.exists(out.resolve(".winnow.lock")));

            Child second = Child.start(args, Map.of(), tmp.resolve("second.err"));
            assertEquals(ExitCodes.FAILED, second.finish(), second.err());
            assertTrue(second.err().contains(out + " is in use by another winnow run (pid " + first.process.pid() + ", started "),
                    second.err());
            assertTrue(second.err().contains("wait for that run to finish, or write to another folder"), second.err());

            CleanRuns.Result inProcess = CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, out));
            assertEquals(ExitCodes.FAILED, inProcess.exit());
            assertTrue(inProcess.err().contains("is in use by another winnow run"), inProcess.err());
            assertTrue(first.process.isAlive(), "the refused runs did not disturb the active one");
            assertFalse(Files.exists(out.resolve("articles.jsonl")));
        } finally {
            assertTrue(first.kill());
        }

        // The killed run's lock file is still there, but its lock died with it.
        assertTrue(Files.exists(out.resolve(".winnow.lock")));
        CleanRuns.Result rerun = CleanRuns.inProcess(args);
        assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
        assertFalse(Files.exists(out.resolve(".winnow.lock")), "a finished run removes its lock file");
    }
}
