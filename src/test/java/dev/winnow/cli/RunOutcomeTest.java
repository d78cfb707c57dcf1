package dev.winnow.cli;

import dev.winnow.run.NothingToReadException;
import dev.winnow.run.OutputBusyException;
import dev.winnow.testing.CommandRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line and the exit code both engines' commands end a run with. */
class RunOutcomeTest {
    @Test
    void aFinishedRunSaysWhatItDidAndExitsThreeOnlyWhenSomethingWasRejected() {
        String said = CommandRun.stderrOf(() -> assertEquals(ExitCodes.REJECTIONS, RunOutcome.finished(5, 4, 1, false, "out", false)));
        assertEquals("winnow: 5 inputs -> 4 records, 1 rejected; wrote out\n", said.replace("\r\n", "\n"));
        said = CommandRun.stderrOf(() -> assertEquals(ExitCodes.OK, RunOutcome.finished(5, 5, 0, true, "out", false)));
        assertTrue(said.endsWith("unchanged out\n"), said);
        assertEquals("", CommandRun.stderrOf(() -> RunOutcome.finished(5, 5, 0, false, "out", true)), "quiet");
    }

    @Test
    void nothingToReadIsAUsageErrorAndABusyFolderAFailureANextTryMayNotHave() {
        String said = CommandRun.stderrOf(() -> assertEquals(ExitCodes.USAGE,
                RunOutcome.stopped(new NothingToReadException(List.of("crawl"), List.of("crawl")))));
        assertTrue(said.startsWith("winnow: not run: nothing to read"), said);
        said = CommandRun.stderrOf(() -> assertEquals(ExitCodes.FAILED,
                RunOutcome.stopped(new OutputBusyException("out", "local on host h", "wait"))));
        assertTrue(said.startsWith("winnow: not run: "), said);
    }

    @Test
    void aFailedRunSaysWhatWentWrongInALine() {
        String said = CommandRun.stderrOf(() -> assertEquals(ExitCodes.FAILED,
                RunOutcome.stopped(new UncheckedIOException(new IOException("disk full")))));
        assertTrue(said.startsWith("winnow: run failed: ") && said.contains("disk full"), said);
        // The heap running out, even wrapped or with no message of its own, says so and how to raise it.
        said = CommandRun.stderrOf(() -> RunOutcome.stopped(new IllegalStateException(new OutOfMemoryError("Java heap space"))));
        assertTrue(said.contains("out of memory (Java heap space) with a maximum heap of") && said.contains("-Xmx"), said);
        said = CommandRun.stderrOf(() -> RunOutcome.stopped(new NullPointerException()));
        assertTrue(said.contains("java.lang.NullPointerException"), "an error with no message is named: " + said);
    }
}
