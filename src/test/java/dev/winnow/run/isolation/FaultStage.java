package dev.winnow.run.isolation;

import dev.winnow.core.Draft;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Segmenter;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.stages.Profiles;
import dev.winnow.text.Normalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage that misbehaves on purpose when the document holds a marker word, and does nothing otherwise:
 * the faults a real parser or stage can have, injected where a test wants them.
 *
 * <ul>
 *   <li>{@value #THROW}: throws an exception</li>
 *   <li>{@value #RECURSE}: recurses until the stack overflows</li>
 *   <li>{@value #SLEEP}: sleeps far past any test budget, but wakes when interrupted</li>
 *   <li>{@value #SPIN}: loops without ever looking at interrupts, until {@link #release()}</li>
 *   <li>{@value #HOG}: keeps every array it allocates until the heap is gone</li>
 *   <li>{@value #HUGE}: asks for an array longer than the JVM allows, which fails at once, with no
 *       collection first, so it is safe in the test JVM</li>
 * </ul>
 */
final class FaultStage implements Stage {
    static final String THROW = "FAULTTHROW";
    static final String RECURSE = "FAULTRECURSE";
    static final String SLEEP = "FAULTSLEEP";
    static final String SPIN = "FAULTSPIN";
    static final String HOG = "FAULTHOG";
    static final String HUGE = "FAULTHUGE";

    /** Ends the busy loops of this instance; tests call it when done so no thread spins on. */
    private volatile boolean released;
    /** Keeps the JIT from proving the busy loop has no effect. */
    static volatile long sink;

    void release() {
        released = true;
    }

    /** The whole text chain with this stage first, so well-formed neighbours are cleaned as in a real run. */
    Pipeline pipeline() {
        List<Stage> stages = new ArrayList<>();
        stages.add(this);
        stages.addAll(Profiles.textStages());
        return new Pipeline(new Normalizer(), new Segmenter(), stages);
    }

    @Override
    public String name() {
        return "fault";
    }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        String s = draft.source();
        if (s.contains(THROW)) throw new IllegalStateException("injected fault");
        if (s.contains(RECURSE)) sink = recurse(0);
        if (s.contains(SLEEP)) sleep();
        if (s.contains(SPIN)) spin();
        if (s.contains(HOG)) hog();
        if (s.contains(HUGE)) sink = new byte[Integer.MAX_VALUE].length;
    }

    private static long recurse(long depth) {
        return recurse(depth + 1) + 1;
    }

    private static void sleep() {
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("woken", e);
        }
    }

    private void spin() {
        long x = 0;
        while (!released) x = x * 31 + 7;
        sink = x;
    }

    private static void hog() {
        List<long[]> kept = new ArrayList<>();
        while (true) kept.add(new long[1 << 19]);        // 4 MiB at a time, none ever released
    }
}
