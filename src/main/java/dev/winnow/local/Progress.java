package dev.winnow.local;

import dev.winnow.run.Outcome;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Tells a person how a run is going: a redrawn progress bar (count, rate, ETA) on a terminal, a
 * plain log line every few seconds otherwise (cron, CI logs), nothing with {@code --quiet}. A resumed
 * run counts the inputs an earlier run finished as done, says how many they were, and leaves them out
 * of the rate and the ETA.
 */
final class Progress {
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean quiet;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private int done;
    private int resumed;
    private int rejected;
    private long bytes;

    Progress(PrintStream out, int total, boolean quiet, boolean terminal) {
        this.out = out;
        this.total = total;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    /** The first {@code inputs} were done by an earlier run, {@code rejected} of them rejections. */
    void resume(int inputs, int rejected) {
        this.done = inputs;
        this.resumed = inputs;
        this.rejected = rejected;
    }

    void update(Outcome outcome) {
        done++;
        bytes += outcome.bytes();
        if (!outcome.isRecord()) rejected++;
        long now = System.nanoTime();
        if (quiet || now - lastNanos < (terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS)) return;
        lastNanos = now;
        print(now, false);
    }

    void finish() {
        if (!quiet && terminal) print(System.nanoTime(), true);
    }

    private void print(long now, boolean last) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double docsPerSecond = (done - resumed) / seconds;
        double mbPerSecond = bytes / 1e6 / seconds;
        long eta = docsPerSecond > 0 ? Math.round((total - done) / docsPerSecond) : 0;
        String stats = String.format(Locale.ROOT, "%d/%d docs%s, %d rejected, %.1f MB/s, %.0f docs/s, ETA %s",
                done, total, resumed > 0 ? " (" + resumed + " done before)" : "", rejected, mbPerSecond, docsPerSecond,
                duration(eta));
        if (terminal) {
            int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
            out.print("\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + stats + (last ? "\n" : ""));
        } else {
            out.println("winnow: " + stats);
        }
        out.flush();
    }

    /** "4:05", or "2:04:05" from an hour on. */
    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
