package dev.winnow.cli;

/** Process exit codes, documented in the README for schedulers. */
public final class ExitCodes {
    private ExitCodes() {}

    /** Every input became a record. */
    public static final int OK = 0;
    /** The run could not complete (unwritable output folder, I/O failure); output left as before the run. */
    public static final int FAILED = 1;
    /** The command line was wrong; nothing was done. */
    public static final int USAGE = 2;
    /** The run completed and its output is valid, but some inputs were rejected (see rejected.jsonl). */
    public static final int REJECTIONS = 3;
}
