package dev.winnow.archive;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a named pipe for reading within a time budget. The open blocks until a program opens the pipe
 * for writing, in a call no interrupt ends, so it happens on a daemon thread and the caller waits at
 * most the budget. Past it the thread is left blocked, and closes the pipe if a writer ever comes. What
 * it returns is read through a {@link StallGuard}: the writer may then go silent for at most the budget.
 */
final class PipeWriter {
    private PipeWriter() {}

    /** No program opened the pipe for writing within the budget. */
    public static final class NoWriterException extends IOException {
        private static final long serialVersionUID = 1L;

        NoWriterException(Path pipe, Duration budget) {
            super("no program opened the pipe " + pipe + " for writing within " + StallGuard.human(budget)
                    + " (--timeout)");
        }
    }

    /** The reading end of {@code pipe}, once a writer has it open too. */
    static InputStream open(Path pipe, Duration budget) throws IOException {
        CompletableFuture<InputStream> opened = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                InputStream in = new FileInputStream(pipe.toFile());
                if (!opened.complete(in)) in.close();      // the caller stopped waiting
            } catch (IOException e) {
                opened.completeExceptionally(e);
            }
        }, "winnow-pipe-open");
        opener.setDaemon(true);
        opener.start();
        try {
            // once open, a writer that goes silent without closing must not hang the run either
            return new StallGuard(pipe, opened.get(budget.toMillis(), TimeUnit.MILLISECONDS), budget);
        } catch (TimeoutException e) {
            opened.completeExceptionally(e);
            throw new NoWriterException(pipe, budget);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a writer to " + pipe, e);
        }
    }
}
