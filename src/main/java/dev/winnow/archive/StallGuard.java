package dev.winnow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pipe's reading end whose writer may go silent for at most a time budget between bytes. A read of a
 * pipe blocks until its writer writes or closes, in a call no interrupt ends, so the pipe is read by a
 * daemon thread into a short queue, and a read here waits for the queue at most the budget: past it,
 * a {@link StalledException}, and the caller (a container read on the run's main thread) ends that
 * input with a {@code timeout} and goes on. The pump thread is then left blocked until the writer writes
 * or goes away; it closes the pipe on its way out.
 */
public final class StallGuard extends InputStream {
    /** Bytes per read of the pipe: a pipe's buffer is 64 KiB on Linux. */
    private static final int CHUNK = 64 * 1024;
    /** Chunks read ahead: enough to keep the pipe drained, few enough that memory stays small. */
    private static final int QUEUE = 4;
    private static final byte[] END = new byte[0];

    /** The pipe's writer wrote nothing for longer than the budget, and did not close it. */
    public static final class StalledException extends IOException {
        private static final long serialVersionUID = 1L;

        StalledException(Path pipe, Duration budget, long read) {
            super("the program writing the pipe " + pipe + " wrote nothing for " + human(budget)
                    + " (--timeout) after " + read + " bytes, and did not close it");
        }
    }

    private final Path pipe;
    private final Duration budget;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread pump;
    private byte[] chunk = new byte[0];
    private int position;
    private long read;
    /** The failure every later read repeats: a stall, or the pipe's own error. */
    private IOException failed;
    private boolean ended;
    private volatile boolean closed;

    StallGuard(Path pipe, InputStream in, Duration budget) {
        this.pipe = pipe;
        this.budget = budget;
        this.pump = new Thread(() -> pump(in), "winnow-pipe-read");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[CHUNK];
        try (in) {
            while (!closed) {
                int n = in.read(buffer);
                queue.put(n < 0 ? END : Arrays.copyOf(buffer, n));
                if (n < 0) return;
            }
        } catch (IOException e) {
            queue.offer(e);   // the reader is waiting on an empty queue, or has stopped reading
        } catch (InterruptedException e) {
            // closed while the queue was full: nobody reads on
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (position == chunk.length && !fill()) return -1;
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        read += n;
        return n;
    }

    /** Takes the next chunk from the pump, waiting at most the budget; false at the end of the pipe. */
    private boolean fill() throws IOException {
        if (failed != null) throw failed;
        if (ended) return false;
        Object next;
        try {
            next = queue.poll(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the pipe " + pipe, e);
        }
        if (next == null) throw failed = new StalledException(pipe, budget, read);
        if (next instanceof IOException e) throw failed = e;
        if (next == END) {
            ended = true;
            return false;
        }
        chunk = (byte[]) next;
        position = 0;
        return true;
    }

    @Override
    public int available() {
        return chunk.length - position;
    }

    @Override
    public void close() {
        closed = true;
        pump.interrupt();   // frees a pump waiting on a full queue; one blocked in the pipe leaves when the writer does
    }
    /** "30s", "500ms", "2m": the budget as the user wrote it. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

}
