package dev.winnow.core;

/**
 * One cleaning step. A stage looks at the draft and proposes cuts into the verdict; it never changes
 * the document itself: the {@link Pipeline} applies the verdict, records every removal with the
 * stage's name and the reason, and counts it. Implementations are immutable and thread-safe, do no
 * I/O and hold no engine types, so one instance serves every thread, test and runner.
 */
public interface Stage {
    /** Short stable name, written into every removal this stage causes ({@code navigation}, {@code captions}). */
    String name();

    /** Inspect the kept blocks of {@code draft} and propose cuts into {@code verdict}. */
    void judge(Draft draft, Verdict verdict);
}
