package dev.winnow.run;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fixed number of long-lived worker threads that run jobs under a watchdog, so one job that hangs,
 * spins or fails costs that job only. Every submitted job's future completes exactly once: with the
 * job's result, with {@link Job#failed} when it threw anything (an {@link OutOfMemoryError} included),
 * or with {@link Job#timedOut} when it ran past the time budget.
 *
 * <p>The watchdog is one thread that wakes a few times per budget and looks at what each worker is
 * running; nothing is created per job, so the budget costs a normal run nothing measurable. When a job
 * passes its budget the watchdog completes its future as timed out and interrupts the worker. A job that
 * honours interrupts (sleep, blocking I/O, a loop that checks) returns within the grace period, its late
 * result is dropped and the worker takes the next job. A job that does not (a busy loop, a runaway regular
 * expression) cannot be stopped safely inside a JVM, so its worker is abandoned: marked lost, counted,
 * reported through the warning sink, and replaced by a new worker so the pool keeps its size. A lost
 * worker ends by itself if its job ever returns; until then it keeps one core busy (threads are daemons,
 * so it never holds up the JVM's exit).
 *
 * <p>The watchdog also replaces a worker whose thread died (an error outside any job), so queued jobs
 * always find a thread and no future is left waiting forever.
 */
final class WorkerPool implements AutoCloseable {

    /** Work to run on a worker, and the results to use when it cannot finish. */
    interface Job<T> {
        /** The work itself, on a worker thread, with the budget's clock already running. */
        T run(Budget budget) throws Exception;

        /**
         * The result when the work ran past the budget; called on the watchdog thread, must be quick.
         * {@code stack} is where the worker was when the budget ran out.
         */
        T timedOut(Duration budget, StackTraceElement[] stack);

        /** The result when the work threw; {@code error} may be an {@link OutOfMemoryError}. */
        T failed(Throwable error);

        /** What the job works on, for warnings ("seeds/003.txt"). */
        String describe();
    }

    /**
     * The running job's clock. A job stops it while it waits on something outside the document (standard
     * input fed by another program, which may be slow by design) and starts it afresh afterwards.
     */
    interface Budget {
        /** Stop the clock: the watchdog leaves this job alone until {@link #restart()}. */
        void pause();

        /** Start the whole budget again from now. */
        void restart();
    }

    /** Longest wait for an interrupted job to return before its worker is abandoned. */
    static final Duration MAX_GRACE = Duration.ofSeconds(1);
    /** The watchdog looks about twenty times per budget: a timeout fires at most 5% late. */
    static final int CHECKS_PER_BUDGET = 20;
    static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Duration budget;
    private final long budgetNanos;
    private final long graceNanos;
    private final long tickNanos;
    private final Consumer<String> warnings;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger lostCount = new AtomicInteger();
    private final Thread watchdog;
    private volatile boolean closed;

    /**
     * @param threads  workers kept running
     * @param budget   longest a job may run
     * @param warnings receives one line per abandoned worker
     */
    WorkerPool(int threads, Duration budget, Consumer<String> warnings) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.budget = budget;
        this.budgetNanos = budget.toNanos();
        this.graceNanos = Math.min(budgetNanos, MAX_GRACE.toNanos());
        this.tickNanos = Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, budgetNanos / CHECKS_PER_BUDGET));
        this.warnings = warnings;
        for (int i = 0; i < threads; i++) startWorker();
        this.watchdog = new Thread(this::watch, "winnow-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Queue a job; jobs start in the order submitted. */
    <T> Future<T> submit(Job<T> job) {
        if (closed) throw new IllegalStateException("the pool is closed");
        Task<T> task = new Task<>(job);
        queue.add(task);
        return task.result;
    }

    /** Workers abandoned so far because their job ignored an interrupt past the grace period. */
    int lostThreads() {
        return lostCount.get();
    }

    /**
     * Waits until no worker is still inside a timed-out job: each one returns or is abandoned within the
     * grace period. Call when every future is done, before reporting {@link #lostThreads()}: a run that
     * ends right after a timeout would otherwise report a spinning worker as not lost.
     */
    void settle() throws InterruptedException {
        while (!closed) {
            boolean pending = false;
            for (Worker w : workers) pending |= w.stillInterrupted();
            if (!pending) return;
            TimeUnit.NANOSECONDS.sleep(tickNanos);
        }
    }

    /** Stops the workers and the watchdog; jobs still queued never run. Lost workers are left to themselves. */
    @Override
    public void close() {
        closed = true;
        watchdog.interrupt();
        for (Worker w : workers) w.thread.interrupt();
    }

    private void startWorker() {
        Worker w = new Worker("winnow-worker-" + started.incrementAndGet());
        w.thread.start();
        workers.add(w);
    }

    private void watch() {
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(tickNanos);
                long now = System.nanoTime();
                for (Worker w : workers) w.check(now);
            } catch (InterruptedException e) {
                if (closed) return;
            } catch (Throwable t) {
                // Short of memory for a moment: look again on the next tick rather than leave jobs unwatched.
            }
        }
    }

    /** A job and its one-shot result. */
    private static final class Task<T> {
        final Job<T> job;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Task(Job<T> job) {
            this.job = job;
        }

        void run(Budget budget) {
            try {
                result.complete(job.run(budget));
            } catch (Throwable t) {
                fail(t);
            }
        }

        /**
         * Completes with the job's own failure result. Short of heap, building that result may fail too; the
         * future then completes exceptionally with the first error, and whoever waits on it (holding the job)
         * asks {@link Job#failed} again once the failed work's memory is free.
         */
        void fail(Throwable t) {
            try {
                result.complete(job.failed(t));
            } catch (Throwable again) {
                result.completeExceptionally(t);
            }
        }

        void timeOut(Duration budget, StackTraceElement[] stack) {
            try {
                result.complete(job.timedOut(budget, stack));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }

    /**
     * One worker thread and what it is running. The fields are guarded by the worker's monitor, so the
     * watchdog interrupts a thread only while it still runs the late job, and a worker clears a stray
     * interrupt before it takes the next one.
     */
    private final class Worker implements Runnable, Budget {
        final Thread thread;
        private Task<?> current;
        private long startedNanos;
        private long interruptedNanos;
        private boolean paused;
        private boolean interrupted;
        private boolean abandoned;

        Worker(String name) {
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        /**
         * Takes jobs until the pool closes. The heap running out is survived anywhere in the loop, not only
         * inside a job: waiting on the queue allocates too, and a worker that died of it would leave its job
         * waiting on a thread that the watchdog, short of the same memory, might fail to replace.
         */
        @Override
        public void run() {
            while (!closed) {
                Task<?> task = null;
                try {
                    task = queue.take();
                    synchronized (this) {
                        current = task;
                        startedNanos = System.nanoTime();
                        paused = false;
                        interrupted = false;
                    }
                    task.run(this);
                } catch (InterruptedException e) {
                    continue;
                } catch (Throwable t) {
                    // Even completing the future failed: the frames that held the job's memory are gone now.
                    if (task != null && !task.result.isDone()) task.fail(t);
                }
                synchronized (this) {
                    current = null;
                    Thread.interrupted();
                    if (abandoned) return;
                }
            }
        }

        @Override
        public synchronized void pause() {
            paused = true;
        }

        @Override
        public synchronized void restart() {
            paused = false;
            startedNanos = System.nanoTime();
        }

        synchronized boolean stillInterrupted() {
            return !abandoned && current != null && interrupted;
        }

        /** The watchdog's look at this worker. */
        synchronized void check(long now) {
            if (abandoned) return;
            if (!thread.isAlive()) {
                // Died outside a job: keep the pool at its size. The replacement starts before this worker
                // leaves the set, so a failure to start it is retried on the next look.
                if (!closed) startWorker();
                workers.remove(this);
                if (current != null) current.fail(new IllegalStateException("worker thread died"));
                return;
            }
            if (current == null) return;
            if (!interrupted) {
                if (paused || now - startedNanos < budgetNanos) return;
                current.timeOut(budget, thread.getStackTrace());
                interrupted = true;
                interruptedNanos = now;
                thread.interrupt();
            } else if (now - interruptedNanos >= graceNanos) {
                if (!closed) startWorker();     // first: if even that fails, the next look tries again
                abandoned = true;
                workers.remove(this);
                int n = lostCount.incrementAndGet();
                String name = thread.getName();
                thread.setName(name + "-lost");
                warnings.accept("worker " + name + " did not stop " + Duration.ofNanos(graceNanos).toMillis()
                        + " ms after its " + budget.toMillis() + " ms budget on " + current.job.describe()
                        + "; abandoned it and started another (" + n + " lost so far; each keeps a core busy until its job returns)");
            }
        }
    }
}
