package dev.winnow.spark;

import dev.winnow.cli.ExitCodes;
import dev.winnow.core.Pipeline;
import dev.winnow.run.HeartbeatLock;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputBusyException;
import dev.winnow.run.OutputLock;
import dev.winnow.run.OutputFormat;
import dev.winnow.stages.Profiles;
import org.apache.hadoop.conf.Configuration;
import dev.winnow.testing.LocalSpark;
import dev.winnow.testing.CommandRun;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark runner's output lock on a local folder through {@code file://} (HDFS: {@link SparkHdfsTest}):
 * held for the run, with its fingerprint; a second run while a live run holds it is refused naming that
 * run (exit 1 from the command line) and changes nothing; a lock whose heartbeat is older than the stale
 * timeout is taken over; the lock is gone after a run that succeeds and after one that fails. The holder
 * is simulated by a lock taken in the test, its age by a fixed clock, not by waiting.
 */
class SparkLockTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(5);
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.close();
    }

    private static List<String> corpus(Path tmp) throws IOException {
        return SparkOutputFolderTest.corpus(tmp);
    }

    /** The output as a file: URI, so it goes through Hadoop's FileSystem as hdfs:// and s3a:// do. */
    private static SparkRunner.Options options(Path out) {
        return new SparkRunner.Options(out.toUri().toString(), Limits.DEFAULTS, "corpus", true, 0, true, dev.winnow.corpus.CorpusSettings.OFF,
                dev.winnow.archive.Containers.Fields.DEFAULTS, dev.winnow.run.OutputCodec.NONE, false);
    }

    private static HeartbeatLock.Settings at(Instant now) {
        return new HeartbeatLock.Settings(STALE, Duration.ZERO, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Another driver's lock on {@code out}, taken at {@code when} and never refreshed. */
    private static HeartbeatLock otherRun(Path out, Instant when) throws IOException {
        Files.createDirectories(out);
        HeartbeatLock.Owner other = new HeartbeatLock.Owner("spark", "driver-7.example", 4242, when, "0f1e2d3c4b5a69788796",
                "their-token", when);
        return HeartbeatLock.acquire(store(out), out.toUri().toString(), other, at(when), line -> {});
    }

    private static HeartbeatLock.Store store(Path out) throws IOException {
        return SparkRunner.lockFile(Storage.locate(out.toUri().toString(), new Configuration()));
    }

    /** Every file under {@code dir} with its content, to show a refused run changed nothing. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }


    /** The lock file as an executor found it while cleaning (local mode: the executors are this JVM). */
    private static volatile Path watched;
    private static volatile String seenByExecutor;

    static Pipeline watchingChain() {
        if (org.apache.spark.TaskContext.get() != null) {
            try {
                seenByExecutor = Files.readString(watched.resolve(OutputFormat.SPARK_LOCK), StandardCharsets.UTF_8);
            } catch (IOException e) {
                seenByExecutor = "no lock file: " + e;
            }
        }
        return Profiles.text();
    }

    /** Builds on the driver (the fingerprint names its stages), fails in the executors: a job that fails. */
    static Pipeline failingChain() {
        if (org.apache.spark.TaskContext.get() != null) throw new IllegalStateException("the executor's chain is broken");
        return Profiles.text();
    }

    @Test
    void aRunHoldsTheLockWhileItWorksAndRemovesItWhenDone(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        watched = out;
        seenByExecutor = null;
        SparkRunner.Summary s = new SparkRunner(spark, SparkLockTest::watchingChain).run(corpus(tmp), options(out), System.err);
        assertEquals(4, s.records());
        assertTrue(seenByExecutor != null && seenByExecutor.contains("\"engine\":\"spark\"")
                && seenByExecutor.contains("\"pid\":" + ProcessHandle.current().pid())
                && seenByExecutor.contains("\"fingerprint\":\"" + s.report().path("fingerprint").asText() + "\""), seenByExecutor);
        assertFalse(Files.exists(out.resolve(OutputFormat.SPARK_LOCK)), "a finished run removes its lock");
        assertFalse(Files.exists(out.resolve(OutputFormat.SPARK_LOCK_NEXT)));
    }

    @Test
    void aSecondRunWhileALiveRunHoldsTheLockIsRefusedNamingItAndTouchesNothing(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = tmp.resolve("out");
        new SparkRunner(spark).run(args, options(out), System.err);
        try (HeartbeatLock held = otherRun(out, T0)) {
            Map<String, String> before = snapshot(out);
            // Four minutes after its last heartbeat: alive. --restart, so the finished output is no reason to stop early.
            OutputBusyException e = assertThrows(OutputBusyException.class, () -> new SparkRunner(spark)
                    .withLock(at(T0.plus(Duration.ofMinutes(4)))).restarting().run(args, options(out), System.err));
            assertTrue(e.getMessage().startsWith(out.toUri() + " is in use by another winnow run (spark on host driver-7.example, "
                    + "pid 4242, started " + T0 + ", fingerprint 0f1e2d3c4b5a, last heartbeat " + T0 + "); wait for that run to "
                    + "finish, or write to another folder"), e.getMessage());
            assertEquals(before, snapshot(out), "the previous output and the holder's lock, byte for byte");

            // From the command line: exit 1 before Spark starts, as winnow clean refuses a busy folder. The lock was
            // taken at T0, hours ago by the wall clock, so the timeout is a year: what is tested is the refusal.
            String said = CommandRun.stderrOf(() -> assertEquals(ExitCodes.FAILED, SparkMain.execute(args.get(0), "-o", out.toUri().toString(),
                    "--restart", "--stale-lock-after", String.valueOf(Duration.ofDays(365).toSeconds()), "-q")));
            assertTrue(said.startsWith("winnow: not run: " + out.toUri() + " is in use by another winnow run (spark on host "
                    + "driver-7.example, pid 4242"), said);
            assertEquals(before, snapshot(out));
        }
        assertFalse(Files.exists(out.resolve(OutputFormat.SPARK_LOCK)));
    }

    @Test
    void aStaleLockIsTakenOverAndSaidSo(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = tmp.resolve("out");
        otherRun(out, T0);     // a driver killed outright: its lock stays
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SparkRunner.Summary s = new SparkRunner(spark).withLock(at(T0.plus(STALE).plusSeconds(1)))
                .run(args, options(out), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(4, s.records());
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("winnow: taking over the stale lock on " + out.toUri() + " of another winnow run (spark on host "
                + "driver-7.example, pid 4242") && said.contains("no heartbeat for more than 5m"), said);
        assertFalse(Files.exists(out.resolve(OutputFormat.SPARK_LOCK)), "and removed it when done");
    }

    @Test
    void aFailedRunRemovesItsLockAndLeavesThePreviousOutput(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = tmp.resolve("out");
        new SparkRunner(spark).run(args, options(out), System.err);
        Map<String, String> before = snapshot(out);
        Exception failed = assertThrows(Exception.class,
                () -> new SparkRunner(spark, SparkLockTest::failingChain).restarting().run(args, options(out), System.err));
        assertTrue(String.valueOf(failed.getMessage()).contains("the executor's chain is broken"), String.valueOf(failed));
        assertEquals(before, snapshot(out), "no lock, no work folder, the previous output byte for byte");
    }

    /**
     * The two engines keep each other out of one local folder: a {@code winnow clean} at work there (its OS lock)
     * refuses a Spark run, and a live Spark run (its heartbeat lock) refuses {@code winnow clean}; neither refused run
     * changes anything.
     */
    @Test
    void aLocalRunAndASparkRunIntoOneFolderKeepEachOtherOut(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = tmp.resolve("out");
        new SparkRunner(spark).run(args, options(out), System.err);
        Map<String, String> before = snapshot(out);

        try (OutputLock localRun = OutputLock.acquire(out)) {
            assertThrows(OutputBusyException.class, () -> new SparkRunner(spark).restarting().run(args, options(out), System.err));
        }
        assertEquals(before, snapshot(out), "the refused Spark run left its lock nowhere and the output as it was");

        try (HeartbeatLock sparkRun = otherRun(out, Instant.now())) {
            Map<String, String> held = snapshot(out);
            String said = CommandRun.stderrOf(() -> assertEquals(ExitCodes.FAILED,
                    dev.winnow.cli.Main.execute("clean", args.get(0), "-o", out.toString(), "--restart", "-q")));
            assertTrue(said.contains("is in use by another winnow run (spark on host driver-7.example, pid 4242"), said);
            assertEquals(held, snapshot(out));
        }
    }
}
