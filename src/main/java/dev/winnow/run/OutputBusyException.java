package dev.winnow.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another run is writing to the same output folder; this run did nothing. A scheduler can treat it
 * apart from a failure: the earlier run is still going, and its output will appear when it finishes.
 */
public final class OutputBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputBusyException(Path dir, String holder) {
        super(dir + " is in use by " + holder + "; wait for that run to finish, or write to another folder");
    }
}
