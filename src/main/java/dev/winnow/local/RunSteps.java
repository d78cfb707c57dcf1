package dev.winnow.local;

/**
 * Told each named step of the output protocol as a run reaches it: "locked", "corpus.analyzed" (a
 * document of the corpus stages' first pass counted, which writes nothing until that pass ends),
 * "written" (an outcome appended), "checkpoint.tmp-written" and "checkpoint.written" (and "corpus." for
 * the first pass's checkpoint), and each step of the commit ("commit.started" ... "commit.checkpoint-deleted"). The
 * kill-and-rerun tests inject one that holds the run still at a chosen step so it can be killed there,
 * reaching every step of a commit (which takes milliseconds) on every build instead of by luck.
 * A run that is given none is told nothing.
 */
@FunctionalInterface
public interface RunSteps {
    RunSteps NONE = step -> {};

    void reached(String step);
}
