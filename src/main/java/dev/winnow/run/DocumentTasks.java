package dev.winnow.run;

import dev.winnow.text.LanguageIdentifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The per-document task both runners use: each document is a {@link DocumentProcessor} job on a
 * {@link WorkerPool}, under the per-document time budget ({@code --timeout}), so a document that hangs,
 * spins or fails is its own rejection and its neighbours come out. Outcomes come back in input order
 * through a window of {@link #WINDOW_PER_THREAD} documents per worker, so memory does not grow with the
 * input and output does not depend on the number of workers. The local runner keeps one for the run,
 * with {@code --threads} workers; a Spark task keeps one with a single worker (a task is one core).
 */
public final class DocumentTasks implements AutoCloseable {

    /** Documents in flight per worker: enough to keep workers busy, small enough to bound memory. */
    static final int WINDOW_PER_THREAD = 4;

    /** A document's input (it carries the position) and what became of it. */
    public record Done(Input input, Outcome outcome) {}

    private final WorkerPool pool;
    private final int window;

    /**
     * @param threads  workers
     * @param budget   longest one document may take to read, decode and clean
     * @param warnings receives one line per worker abandoned to a document that ignored its budget
     */
    public DocumentTasks(int threads, Duration budget, Consumer<String> warnings) {
        // Every record asks the language detector; its profiles load once per JVM, slowly (seconds on a busy
        // machine). Loaded here, before the first budget starts, or the first documents time out for it.
        LanguageIdentifier.load();
        this.pool = new WorkerPool(Math.max(1, threads), budget, warnings);
        this.window = Math.max(1, threads) * WINDOW_PER_THREAD;
    }

    /**
     * The outcomes of {@code units}, in their order, each document run by {@code processor} under the budget;
     * a unit the container could not give is its outcome already. Read on one thread. An interrupt while
     * waiting for an outcome is an {@link UncheckedIOException}.
     */
    public Iterator<Done> outcomes(Iterator<Units.Unit> units, DocumentProcessor processor, String source) {
        return new InOrder(units, processor, source, null);
    }

    /**
     * The same for a second pass whose first one {@link DocumentProcessor#pausing paused} its documents into
     * {@code spill}: each unit's entry is read (in order, on the calling thread), and a document with a state is
     * resumed from it instead of being read and cleaned again. A damaged spill or one out of step with the units
     * is an {@link UncheckedIOException}: the run stops, unless {@code spill} answers such damage itself.
     */
    public Iterator<Done> outcomes(Iterator<Units.Unit> units, DocumentProcessor processor, String source,
                                   DocumentsSpill.Entries spill) {
        return new InOrder(units, processor, source, spill);
    }

    /**
     * Workers abandoned so far to documents that ignored their budget, counted once every timed-out
     * document has returned or been abandoned: call when the outcomes are read.
     */
    public int lostThreads() throws InterruptedException {
        pool.settle();
        return pool.lostThreads();
    }

    /** Stops the workers; a worker lost to a spinning document is left to itself. */
    @Override
    public void close() {
        pool.close();
    }

    private final class InOrder implements Iterator<Done> {
        private final Iterator<Units.Unit> units;
        private final DocumentProcessor processor;
        private final String source;
        private final DocumentsSpill.Entries spill;
        private final Deque<Pending> inFlight = new ArrayDeque<>();

        InOrder(Iterator<Units.Unit> units, DocumentProcessor processor, String source, DocumentsSpill.Entries spill) {
            this.units = units;
            this.processor = processor;
            this.source = source;
            this.spill = spill;
        }

        /** The unit's entry in the spill, or null (no spill, or the first pass kept no state). */
        private byte[] paused(Units.Unit unit) {
            if (spill == null) return null;
            try {
                return spill.next(unit.input());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return !inFlight.isEmpty() || units.hasNext();
        }

        @Override
        public Done next() {
            while (units.hasNext() && inFlight.size() < window) {
                Units.Unit unit = units.next();
                byte[] paused = paused(unit);
                if (unit.failed() != null) {
                    inFlight.add(new Pending(unit.input(), null, CompletableFuture.completedFuture(unit.failed())));
                } else {
                    WorkerPool.Job<Outcome> job = processor.job(unit.input(), source, paused);
                    inFlight.add(new Pending(unit.input(), job, pool.submit(job)));
                }
            }
            if (inFlight.isEmpty()) throw new NoSuchElementException();
            Pending p = inFlight.poll();
            return new Done(p.input(), p.outcome());
        }
    }

    /** A unit's job and its future outcome, kept together so a failure that could not be told is told here. */
    private record Pending(Input input, WorkerPool.Job<Outcome> job, Future<Outcome> future) {
        Outcome outcome() {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted", e));
            } catch (ExecutionException e) {
                // The worker ran out of heap even while building the rejection; its memory is free now.
                return job.failed(e.getCause());
            }
        }
    }
}
