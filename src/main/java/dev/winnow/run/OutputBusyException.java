package dev.winnow.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another run is writing to the same output folder; this run did nothing. A scheduler can treat it
 * apart from a failure: the earlier run is still going, and its output will appear when it finishes.
 * Raised by the local runner's {@link OutputLock} and by engines using {@link HeartbeatLock}.
 */
public final class OutputBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputBusyException(Path dir, String holder) {
        super(message(dir.toString(), holder));
    }

    /** The same message for a folder named as the user named it ({@code hdfs://nn/out}), with {@code hint} after it. */
    public OutputBusyException(String dir, String holder, String hint) {
        super(message(dir, holder) + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")"));
    }

    private static String message(String dir, String holder) {
        return dir + " is in use by " + holder + "; wait for that run to finish, or write to another folder";
    }
}
