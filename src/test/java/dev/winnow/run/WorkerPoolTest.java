package dev.winnow.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pool's promise under a heap that runs out: every future completes, and the worker lives on. */
class WorkerPoolTest {

    /** A job that returns {@code result}, or throws {@code error} from its work and again from {@link #failed}. */
    private record Job(String result, Error error) implements WorkerPool.Job<String> {
        @Override
        public String run(WorkerPool.Budget budget) {
            if (error != null) throw error;
            return result;
        }

        @Override
        public String timedOut(Duration budget, StackTraceElement[] stack) {
            return "timed out";
        }

        @Override
        public String failed(Throwable e) {
            if (error != null) throw new OutOfMemoryError("again, while telling the first");
            return "failed: " + e.getMessage();
        }

        @Override
        public String describe() {
            return result;
        }
    }

    @Test
    void aJobThatCannotEvenReportItsFailureCompletesWithItsErrorAndTheWorkerTakesTheNextJob() throws Exception {
        WorkerPool pool = new WorkerPool(1, Duration.ofSeconds(30), warning -> {});
        try {
            OutOfMemoryError first = new OutOfMemoryError("while working");
            Future<String> failing = pool.submit(new Job("a", first));
            Future<String> next = pool.submit(new Job("b", null));
            ExecutionException e = assertThrows(ExecutionException.class, () -> failing.get(10, TimeUnit.SECONDS));
            assertSame(first, e.getCause(), "the waiter gets the error the work threw, to build the rejection itself");
            assertEquals("b", next.get(10, TimeUnit.SECONDS), "one thread: the same worker survived and ran the next job");
        } finally {
            pool.close();
        }
    }

    @Test
    void anErrorInTheWorkIsTheJobsFailureResult() throws Exception {
        WorkerPool pool = new WorkerPool(1, Duration.ofSeconds(30), warning -> {});
        try {
            WorkerPool.Job<String> job = new WorkerPool.Job<>() {
                public String run(WorkerPool.Budget budget) { throw new OutOfMemoryError("Java heap space"); }
                public String timedOut(Duration budget, StackTraceElement[] stack) { return "timed out"; }
                public String failed(Throwable error) { return "failed: " + error.getMessage(); }
                public String describe() { return "c"; }
            };
            assertEquals("failed: Java heap space", pool.submit(job).get(10, TimeUnit.SECONDS));
        } finally {
            pool.close();
        }
    }
}
