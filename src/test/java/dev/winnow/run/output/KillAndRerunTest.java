package dev.winnow.run.output;

import dev.winnow.run.output.CleanRuns.Child;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A run killed with SIGKILL at any point, then run again, ends with exactly the output of a run that was
 * never interrupted: the same {@code articles.jsonl}, {@code rejected.jsonl} and {@code text/} bytes, the
 * same report counts, and no other file (no lock, no journal, no temporary file).
 *
 * <p>Each trial starts a real child JVM on a 120-document corpus that checkpoints every 6 outcomes,
 * kills it, maybe kills the rerun too, and finishes with a rerun in this JVM. Two trials run at a time. Kills land three ways: after a delay
 * (JVM start, listing, locking), when the articles journal reaches a share of its final size (between
 * checkpoints, wherever the writer happens to be), and at named steps where the child holds still
 * ({@code -Dwinnow.test.pauseAt}): before and after a checkpoint's rename and at every step of the commit,
 * which lasts milliseconds and would otherwise be hit only by luck. Some trials write over the finished
 * output of another configuration, or over another configuration's interrupted run. After every kill, a
 * data file in the folder is whole: the old run's or the new run's, never a mix.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillAndRerunTest {
    /** 120 documents, a missing path: 121 outcomes, checkpoints after 6, 12, ... 120, then the final one (the 21st). */
    private static final int DOCUMENTS = 120;
    private static final String EVERY = "6";
    private static final int PARALLEL = 2;

    private Path tmp;
    private Path corpus;
    private Path reference;
    private Path otherOutput;
    private long referenceArticles;
    private int referenceExit;
    private final AtomicInteger landed = new AtomicInteger();
    private int trialCount;

    /** A numbered trial: where the output folder starts, then the kills before the final rerun. */
    private record Trial(int number, Before before, Kill... kills) {
        String name() {
            return String.format(java.util.Locale.ROOT, "%02d %s: %s", number, before.name().toLowerCase(java.util.Locale.ROOT),
                    Arrays.toString(kills));
        }
    }

    /** Where the output folder starts. */
    private enum Before { EMPTY, OTHER_FINISHED, OTHER_INTERRUPTED }

    /** When to kill a child run. */
    private interface Trigger {
        /** Waits for the moment; false when the child ended before it came. */
        boolean await(Child child, Path out);
    }

    /** One kill: the child's extra system properties and the moment; {@code exact} kills must land. */
    private record Kill(String name, Map<String, String> properties, Trigger trigger, boolean exact) {
        @Override
        public String toString() { return name; }
    }

    @BeforeAll
    void uninterruptedRuns(@TempDir Path dir) throws IOException {
        tmp = dir;
        corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 42);
        reference = tmp.resolve("reference");
        CleanRuns.Result r = CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, reference, "-q"));
        referenceExit = r.exit();
        assertEquals(3, referenceExit, "the corpus has rejections: " + r.err());
        referenceArticles = Files.size(reference.resolve("articles.jsonl"));
        otherOutput = tmp.resolve("other");
        assertEquals(3, CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, otherOutput, "-q", "--source", "other")).exit());
    }

    private static Kill after(int millis) {
        return new Kill(millis + " ms after start", Map.of(), (child, out) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return child.process.isAlive();
        }, false);
    }

    private Kill journal(double share) {
        return new Kill("articles journal at " + Math.round(share * 100) + "%", Map.of(),
                (child, out) -> child.await(() -> CleanRuns.size(out.resolve(".winnow-run/articles.jsonl")) >= share * referenceArticles), true);
    }

    private static Kill pause(String point) {
        return new Kill("paused at " + point, Map.of("winnow.test.pauseAt", point), (child, out) -> child.await(child::paused), true);
    }

    /** A race with the commit: kills as soon as {@code path} appears, which may be too late. */
    private static Kill appears(String path) {
        return new Kill("when " + path + " appears", Map.of(), (child, out) -> child.await(() -> Files.exists(out.resolve(path))), false);
    }

    private Trial trial(Before before, Kill... kills) {
        return new Trial(++trialCount, before, kills);
    }

    private void run(Trial trial) throws Exception {
        Path out = tmp.resolve("trial-" + trial.number());
        List<String> args = CleanRuns.cleanArgs(corpus, out, "-q");
        List<Child> children = new ArrayList<>();
        try {
            switch (trial.before()) {
                case EMPTY -> { }
                case OTHER_FINISHED -> CleanRuns.copyTree(otherOutput, out);
                case OTHER_INTERRUPTED -> {
                    Child other = Child.start(CleanRuns.cleanArgs(corpus, out, "-q", "--source", "interrupted"),
                            Map.of("winnow.checkpoint.outcomes", EVERY, "winnow.test.pauseAt", "checkpoint.written:3"),
                            tmp.resolve("trial-" + trial.number() + "-other.err"));
                    children.add(other);
                    assertTrue(other.await(other::paused) && other.kill(), "the other configuration's run was killed");
                }
            }
            int k = 0;
            for (Kill kill : trial.kills()) {
                Map<String, String> properties = new HashMap<>(kill.properties());
                properties.put("winnow.checkpoint.outcomes", EVERY);
                Child child = Child.start(args, properties, tmp.resolve("trial-" + trial.number() + "-" + (++k) + ".err"));
                children.add(child);
                boolean due = kill.trigger().await(child, out);
                boolean alive = child.kill();
                if (due && alive) {
                    landed.incrementAndGet();
                } else if (kill.exact()) {
                    fail(kill + ": the child ended before the kill (exit " + child.process.exitValue() + "):\n" + child.err());
                }
                assertWholeFiles(out, trial.before(), kill);
            }
        } finally {
            for (Child c : children) c.process.destroyForcibly();
        }
        CleanRuns.Result rerun = CleanRuns.inProcess(args);
        assertEquals(referenceExit, rerun.exit(), "the rerun completes: " + rerun.err());
        CleanRuns.assertSameOutput(reference, out, "trial " + trial.number());
    }

    /** Whatever the kill left, each data file a reader can see is a whole one: the earlier output's or the new one. */
    private void assertWholeFiles(Path out, Before before, Kill kill) throws IOException {
        for (String name : List.of("articles.jsonl", "rejected.jsonl")) {
            Path file = out.resolve(name);
            if (!Files.exists(file)) continue;
            byte[] bytes = Files.readAllBytes(file);
            boolean ours = Arrays.equals(bytes, Files.readAllBytes(reference.resolve(name)));
            boolean earlier = before == Before.OTHER_FINISHED && Arrays.equals(bytes, Files.readAllBytes(otherOutput.resolve(name)));
            assertTrue(ours || earlier, "after a kill " + kill + ", " + name + " is neither the earlier output nor the new one");
        }
    }

    @TestFactory
    Stream<DynamicTest> killedRunsEndAsIfNeverInterrupted() {
        List<Trial> trials = List.of(
                // Before any output exists: JVM start, listing, lock, first documents.
                trial(Before.EMPTY, after(0)),
                trial(Before.EMPTY, pause("locked")),
                trial(Before.EMPTY, pause("written:4")),
                trial(Before.EMPTY, journal(0.01)),
                // Around checkpoints: temp written but not renamed, renamed, and anywhere between two.
                trial(Before.EMPTY, pause("checkpoint.tmp-written:1")),
                trial(Before.EMPTY, pause("checkpoint.written:1")),
                trial(Before.EMPTY, journal(0.2)),
                trial(Before.EMPTY, pause("written:64")),
                trial(Before.EMPTY, journal(0.6)),
                trial(Before.EMPTY, pause("checkpoint.tmp-written:20")),
                // The final checkpoint and every step of the commit.
                trial(Before.EMPTY, pause("checkpoint.tmp-written:21")),
                trial(Before.EMPTY, pause("commit.started")),
                trial(Before.EMPTY, pause("commit.articles-moved")),
                trial(Before.OTHER_FINISHED, pause("commit.rejected-moved")),
                trial(Before.OTHER_FINISHED, pause("commit.old-text-moved")),
                trial(Before.OTHER_FINISHED, pause("commit.text-moved")),
                trial(Before.OTHER_FINISHED, pause("commit.old-text-deleted")),
                trial(Before.EMPTY, pause("commit.report-written")),
                trial(Before.EMPTY, pause("commit.checkpoint-deleted")),
                trial(Before.OTHER_FINISHED, appears(".winnow-run/text.old")),
                // Over another configuration's work, and reruns killed again.
                trial(Before.OTHER_FINISHED, journal(0.4)),
                trial(Before.OTHER_INTERRUPTED, journal(0.3)),
                trial(Before.EMPTY, journal(0.3), journal(0.7), pause("commit.articles-moved")),
                trial(Before.OTHER_FINISHED, pause("checkpoint.written:2"), pause("written:30"), after(150)));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<?>> results = new ArrayList<>();
        for (Trial t : trials) results.add(pool.submit(() -> {
            run(t);
            return null;
        }));
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Future<?> result = results.get(i);
            tests.add(DynamicTest.dynamicTest(trials.get(i).name(), () -> outcome(result)));
        }
        tests.add(DynamicTest.dynamicTest("at least 20 kills landed", () -> {
            for (Future<?> r : results) outcome(r);
            assertTrue(landed.get() >= 20, "only " + landed.get() + " kills landed on a running child");
        }));
        return tests.stream();
    }

    /** Waits for a trial and rethrows what failed it. */
    private static void outcome(Future<?> result) throws Throwable {
        try {
            result.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
