package dev.winnow.run;

import java.io.IOException;
import java.util.List;

/**
 * The inputs given hold nothing to read: every path is missing or an empty folder. The run did nothing and
 * wrote nothing. A usage error, not a run of zero documents: a scheduler that passed a mistyped path or a
 * folder the crawl has not filled yet must see a failure, not success.
 */
public final class NothingToReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public NothingToReadException(List<String> args, List<String> absent) {
        super(message(args, absent));
    }

    private static String message(List<String> args, List<String> absent) {
        if (absent.size() == args.size()) {
            return "nothing to read: no such file or folder: " + String.join(", ", absent) + " (nothing was written)";
        }
        return "nothing to read: " + String.join(", ", args) + " holds no files (hidden files are skipped; "
                + (absent.isEmpty() ? "" : "missing: " + String.join(", ", absent) + "; ") + "nothing was written)";
    }
}
