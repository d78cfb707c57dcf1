package dev.winnow.cli;

import dev.winnow.run.ForeignOutputException;
import dev.winnow.run.NothingToReadException;
import dev.winnow.run.OutputBusyException;

import java.util.Locale;

/**
 * How a run ended, told the same way by every engine's command ({@code winnow clean}, the Spark driver): one
 * line on standard error and the exit code a scheduler acts on (see {@link ExitCodes}).
 */
public final class RunOutcome {
    private RunOutcome() {}

    /** A finished run: its summary line (unless {@code quiet}), then 3 when any input was rejected, else 0. */
    public static int finished(int inputs, int records, int rejected, boolean unchanged, String output, boolean quiet) {
        if (!quiet) {
            System.err.printf(Locale.ROOT, "winnow: %d inputs -> %d records, %d rejected; %s %s%n",
                    inputs, records, rejected, unchanged ? "unchanged" : "wrote", output);
        }
        return rejected > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
    }

    /**
     * A run that did not start, or stopped: "not run" with exit 2 when the command line named something it must not
     * (a folder holding another program's files, nothing to read), "not run" with exit 1 when the output is busy
     * (a later retry may work), else "run failed" with exit 1.
     */
    public static int stopped(Throwable e) {
        if (e instanceof ForeignOutputException || e instanceof NothingToReadException) {
            System.err.println("winnow: not run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof OutputBusyException) {
            System.err.println("winnow: not run: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        System.err.println("winnow: run failed: " + failure(e));
        return ExitCodes.FAILED;
    }

    /**
     * What went wrong, in a line. The heap running out outside any one document fails the run; it may
     * arrive as "Self-suppression not permitted" (the JVM's preallocated error added to itself by a
     * try-with-resources), which would tell a user nothing.
     */
    static String failure(Throwable e) {
        OutOfMemoryError oom = e instanceof OutOfMemoryError o ? o : e.getCause() instanceof OutOfMemoryError o ? o : null;
        if (oom == null) return e.getMessage() != null ? e.getMessage() : e.toString();
        return "out of memory (" + oom.getMessage() + ") with a maximum heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB; raise it with java -Xmx, or lower --threads or --max-bytes";
    }
}
