package dev.winnow.run.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.run.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stage that throws, overflows its stack, sleeps past the budget, spins without looking at interrupts
 * or asks for more memory than there is costs only the document it fails on: that document is rejected
 * with the matching reason and every neighbour still comes out, in order, and the run completes.
 *
 * <p>The run uses one worker thread, the hardest case: the worker that spins must be abandoned and
 * replaced, and the one that was interrupted out of its sleep must come back clean, or the documents
 * after them would never come out (or would fail reading their file with a stray interrupt).
 */
class IsolationTest {
    /** Long enough that a well-formed document never comes near it on a loaded machine, short enough to keep the test quick. */
    static final Duration BUDGET = Duration.ofMillis(500);
    static final Limits LIMITS = Limits.DEFAULTS.withTimeout(BUDGET);

    @TempDir
    static Path tmp;
    static final FaultStage FAULTS = new FaultStage();
    static Runs.Result run;

    @BeforeAll
    static void runOverFaultyDocumentsOnOneThread() throws IOException {
        warmUp(tmp.resolve("warm-up"));
        Path in = Files.createDirectories(tmp.resolve("in"));
        Runs.article(in, "a01_fine", null);
        Runs.article(in, "a02_throw", FaultStage.THROW);
        Runs.article(in, "a03_fine", null);
        Runs.article(in, "a04_recurse", FaultStage.RECURSE);
        Runs.article(in, "a05_fine", null);
        Runs.article(in, "a06_sleep", FaultStage.SLEEP);
        Runs.article(in, "a07_fine", null);
        Runs.article(in, "a08_spin", FaultStage.SPIN);
        Runs.article(in, "a09_fine", null);
        Runs.article(in, "a10_huge", FaultStage.HUGE);
        Runs.article(in, "a11_fine", null);
        run = Runs.run(FAULTS.pipeline(), in, tmp.resolve("out"), 1, LIMITS);
    }

    @AfterAll
    static void stopSpinning() {
        FAULTS.release();
    }

    @Test
    void everyNeighbourComesOutInOrder() {
        assertEquals(List.of("a01_fine", "a03_fine", "a05_fine", "a07_fine", "a09_fine", "a11_fine"), run.recordIds());
        assertEquals(List.of("a02_throw", "a04_recurse", "a06_sleep", "a08_spin", "a10_huge"), run.rejectedIds());
    }

    @Test
    void anExceptionIsAnInternalErrorNamingWhatThrew() {
        JsonNode r = run.rejection("a02_throw");
        assertEquals("internal_error", r.get("reason").asText());
        String message = r.get("message").asText();
        assertTrue(message.contains("IllegalStateException: injected fault"), message);
        assertTrue(message.contains("FaultStage.judge"), "the message names the frame that threw: " + message);
    }

    @Test
    void aStackOverflowIsAnInternalError() {
        JsonNode r = run.rejection("a04_recurse");
        assertEquals("internal_error", r.get("reason").asText());
        assertTrue(r.get("message").asText().contains("StackOverflowError"), r.toString());
    }

    @Test
    void aSleepPastTheBudgetIsATimeoutAndItsThreadIsReused() {
        JsonNode r = run.rejection("a06_sleep");
        assertEquals("timeout", r.get("reason").asText());
        assertTrue(r.get("message").asText().contains("500ms") && r.get("message").asText().contains("--timeout"), r.toString());
        // The interrupted worker came back: only the spinning one was lost.
        assertEquals(1, run.report().get("lost_threads").asInt(), run.report().toString());
    }

    @Test
    void aLoopThatIgnoresInterruptsIsATimeoutAndItsThreadIsReplaced() {
        JsonNode r = run.rejection("a08_spin");
        assertEquals("timeout", r.get("reason").asText());
        assertTrue(r.get("message").asText().contains("FaultStage.spin"), "the message says where it was stuck: " + r);
        assertEquals(1, run.report().get("lost_threads").asInt());
        assertTrue(run.log().contains("warning") && run.log().contains("a08_spin") && run.log().contains("abandoned"),
                "the log warns about the abandoned worker:\n" + run.log());
    }

    @Test
    void anAllocationBeyondWhatTheJvmAllowsIsOutOfMemory() {
        JsonNode r = run.rejection("a10_huge");
        assertEquals("out_of_memory", r.get("reason").asText());
        assertTrue(r.get("message").asText().contains("OutOfMemoryError"), r.toString());
    }

    @Test
    void theReportReconcilesAndNamesTheLimits() {
        JsonNode report = run.report();
        assertEquals(11, report.get("inputs").asInt());
        assertEquals(report.get("inputs").asInt(), report.get("records").asInt() + report.get("rejected").asInt());
        assertEquals(2, report.at("/rejections/internal_error").asInt());
        assertEquals(2, report.at("/rejections/timeout").asInt());
        assertEquals(1, report.at("/rejections/out_of_memory").asInt());
        assertEquals(500, report.at("/limits/timeout_ms").asLong());
        assertEquals(Limits.DEFAULT_MAX_BYTES, report.at("/limits/max_bytes").asLong());
        assertEquals(Limits.DEFAULT_MAX_CHARS, report.at("/limits/max_chars").asLong());
    }

    @Test
    void aLostWorkerEndsOnceItsJobReturns() throws InterruptedException {
        // Released here rather than after the class so this test sees the end; other tests only read the result.
        FAULTS.release();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!lostWorkers().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(List.of(), lostWorkers(), "a lost worker leaves once its job returns");
    }

    /** Many documents on several threads, faults spread among them: output order never changes. */
    @Test
    void manyDocumentsOnSeveralThreadsKeepTheirOrder(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        String[] faults = {FaultStage.THROW, FaultStage.SLEEP, FaultStage.SPIN, FaultStage.RECURSE};
        List<String> fine = new ArrayList<>(), failed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = String.format(java.util.Locale.ROOT, "d%02d", i);
            String marker = i % 15 == 7 ? faults[(i / 15) % faults.length] : null;
            Runs.article(in, id, marker);
            (marker == null ? fine : failed).add(id);
        }
        FaultStage stage = new FaultStage();
        try {
            Runs.Result r = Runs.run(stage.pipeline(), in, dir.resolve("out"), 3, LIMITS);
            assertEquals(fine, r.recordIds());
            assertEquals(failed, r.rejectedIds());
            assertEquals(60, r.summary().records() + r.summary().rejected());
            assertEquals(1, r.report().get("lost_threads").asInt(), "the spinning worker");
        } finally {
            stage.release();
        }
    }

    /** One clean run first, so class loading (Tika's media types) is not charged to the first document's budget. */
    static void warmUp(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Runs.article(in, "warm", null);
        Runs.run(new FaultStage().pipeline(), in, dir.resolve("out"), 1, Limits.DEFAULTS);
    }

    private static List<String> lostWorkers() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.endsWith("-lost")).toList();
    }
}
