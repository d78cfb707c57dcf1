package dev.winnow.spark;

import dev.winnow.archive.Containers;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.run.ForeignOutputException;
import dev.winnow.run.HeartbeatLock;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.testing.CommandRun;
import dev.winnow.testing.LocalSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.winnow.spark.StorageEquivalence.QUIET;
import static dev.winnow.spark.StorageEquivalence.names;
import static dev.winnow.spark.StorageEquivalence.read;
import static dev.winnow.spark.StorageEquivalence.sameOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark runner reads its inputs from, and writes its output to, a real HDFS (a name node and a data
 * node started in this JVM) and a {@code file://} URI, both through Hadoop's FileSystem, and writes the
 * local runner's bytes: {@code articles.jsonl}, {@code rejected.jsonl}, {@code quotes.jsonl} and
 * {@code text/}, with the corpus stages on, and the same counts in {@code report.json}. The corpus is
 * copied to HDFS under the same path it has on the local disk, so ids (which a clash of file names
 * makes from the path) are the same; records and rejections name an input as the user named it, so the
 * only difference allowed is the location's prefix ({@code hdfs://127.0.0.1:PORT}) in their
 * {@code path}. Everything binds to 127.0.0.1, so no host name has to resolve.
 */
class SparkHdfsTest {
    @TempDir
    static Path tmp;
    private static MiniDFSCluster hdfs;
    private static String hdfsUri;
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        for (String key : List.of("dfs.namenode.http-address", "dfs.namenode.https-address", "dfs.datanode.address",
                "dfs.datanode.http.address", "dfs.datanode.https.address", "dfs.datanode.ipc.address")) {
            conf.set(key, "127.0.0.1:0");
        }
        conf.set("dfs.datanode.hostname", "127.0.0.1");
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        hdfsUri = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
        spark = new JavaSparkContext(LocalSpark.conf()
                // A client closing a file polls the name node until the data node has reported the block, first
                // after 400 ms: on one small data node most closes wait that long, and a run writes a text file
                // per record. Polled sooner, the test runs in a fraction of the time; nothing else changes.
                .set("spark.hadoop.dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "5")
                // Polled that soon, the default five polls give up after 155 ms, which a loaded machine overruns
                // ("does not have enough number of replicas"); twelve allow about 20 s.
                .set("spark.hadoop.dfs.client.block.write.locateFollowingBlock.retries", "12")
                // A block no data node can serve is given up after three tries, by default seconds apart.
                .set("spark.hadoop.dfs.client.retry.window.base", "10"));
    }

    @AfterAll
    static void stop() {
        try {
            if (spark != null) spark.close();
        } finally {
            if (hdfs != null) hdfs.shutdown();
        }
    }

    private static SparkRunner.Summary runOnSpark(List<String> args, String out) throws IOException {
        return runOnSpark(new SparkRunner(spark), args, out);
    }

    private static SparkRunner.Summary runOnSpark(SparkRunner runner, List<String> args, String out) throws IOException {
        return runner.run(args, new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 0, true,
                CorpusSettings.DEFAULTS, Containers.Fields.DEFAULTS, OutputCodec.NONE, false), QUIET);
    }

    @Test
    void hdfsInAndOutGivesTheLocalRunnersBytes() throws IOException {
        Path corpus = StorageEquivalence.corpus(Files.createDirectories(tmp.resolve("hdfs-case")));
        FileSystem fs = FileSystem.get(URI.create(hdfsUri), spark.hadoopConfiguration());
        // The same path on HDFS as on the local disk: ids from clashing names are made from it.
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(corpus.toUri()), new org.apache.hadoop.fs.Path(hdfsUri + corpus));
        String remote = hdfsUri + corpus;
        sameOutput(spark, corpus, remote, hdfsUri + "/cleaned", fs);
    }

    @Test
    void fileUrisGiveTheLocalRunnersBytes() throws IOException {
        Path corpus = StorageEquivalence.corpus(Files.createDirectories(tmp.resolve("file-case")));
        String remote = "file://" + corpus;
        String out = "file://" + tmp.resolve("file-case").resolve("cleaned");
        FileSystem fs = Storage.locate(out, spark.hadoopConfiguration()).fs();
        sameOutput(spark, corpus, remote, out, fs);
        // The raw local file system: no .crc files beside the output for the guard to refuse next time.
        try (Stream<Path> files = Files.walk(tmp.resolve("file-case").resolve("cleaned"))) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".crc")).toList());
        }
    }

    /**
     * The output guard works on HDFS: a folder holding a file Winnow did not write is refused and left as
     * it was; the run's own finished output is replaced by a rerun, and a killed run's work folder does not
     * stop the next run, which removes it.
     */
    @Test
    void theOutputGuardWorksOnHdfs() throws IOException {
        FileSystem fs = FileSystem.get(URI.create(hdfsUri), spark.hadoopConfiguration());
        String remoteCorpus = uploadStories(fs, "guard", 3, "the night ferry to the island was "
                + "cancelled again because of the storm, and it may not sail before Friday.");

        org.apache.hadoop.fs.Path foreign = new org.apache.hadoop.fs.Path(hdfsUri + "/guard/mine");
        try (var out = fs.create(new org.apache.hadoop.fs.Path(foreign, "articles.jsonl"))) {
            out.write("my own file\n".getBytes(StandardCharsets.UTF_8));
        }
        ForeignOutputException refused = assertThrows(ForeignOutputException.class,
                () -> runOnSpark(List.of(remoteCorpus), foreign.toString()));
        assertTrue(refused.getMessage().contains("articles.jsonl"), refused.getMessage());
        assertEquals("my own file\n", read(fs, new org.apache.hadoop.fs.Path(foreign, "articles.jsonl")));
        assertEquals(List.of("articles.jsonl"), names(fs, foreign));

        String out = hdfsUri + "/guard/out";
        SparkRunner.Summary first = runOnSpark(List.of(remoteCorpus), out);
        assertEquals(3, first.records());
        String articles = read(fs, new org.apache.hadoop.fs.Path(out, "articles.jsonl"));
        // A killed run (here one told to start over) leaves its work folder behind: the folder is still Winnow's, and
        // the next run that does the work clears it. One that finds its finished output touches nothing.
        fs.mkdirs(new org.apache.hadoop.fs.Path(out, SparkOutput.WORK_DIR + "/parts"));
        assertTrue(runOnSpark(List.of(remoteCorpus), out).alreadyDone());
        SparkRunner.Summary again = runOnSpark(new SparkRunner(spark).restarting(), List.of(remoteCorpus), out);
        assertEquals(3, again.records());
        assertEquals(articles, read(fs, new org.apache.hadoop.fs.Path(out, "articles.jsonl")));
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out, SparkOutput.WORK_DIR)));
    }

    /**
     * From the command line, before Spark starts: an HDFS OUTDIR holding a file Winnow did not write is exit
     * 2 naming it, and a scheme with no connector on the class path is exit 1 naming the scheme.
     */
    @Test
    void theCommandLineGuardsUrisBeforeSparkStarts() throws IOException {
        FileSystem fs = FileSystem.get(URI.create(hdfsUri), spark.hadoopConfiguration());
        org.apache.hadoop.fs.Path mine = new org.apache.hadoop.fs.Path(hdfsUri + "/cli/mine");
        try (var out = fs.create(new org.apache.hadoop.fs.Path(mine, "photo.jpg"))) {
            out.write("not a photo".getBytes(StandardCharsets.UTF_8));
        }
        String said = CommandRun.stderrOf(() -> assertEquals(dev.winnow.cli.ExitCodes.USAGE,
                SparkMain.execute(hdfsUri + "/cli/corpus", "-o", mine.toString(), "-q")));
        assertTrue(said.contains(mine.toString()) && said.contains("photo.jpg") && said.contains("--allow-other-files"), said);
        assertEquals(List.of("photo.jpg"), names(fs, mine));

        said = CommandRun.stderrOf(() -> assertEquals(dev.winnow.cli.ExitCodes.FAILED,
                SparkMain.execute(hdfsUri + "/cli/corpus", "-o", "nosuchfs://bucket/out", "-q")));
        assertTrue(said.contains("nosuchfs"), said);
    }


    /**
     * A job that fails (an input whose only replica is corrupt cannot be read: an I/O error, not a missing
     * file, so the task fails instead of rejecting the input) leaves the previous output on HDFS as it was,
     * byte for byte, and no work folder. The failure happens while partitions write their part files.
     */
    @Test
    void aFailedJobLeavesThePreviousOutputAsItWas() throws Exception {
        FileSystem fs = FileSystem.get(URI.create(hdfsUri), spark.hadoopConfiguration());
        String remoteCorpus = uploadStories(fs, "failing", 6, "the harbour office said the quay "
                + "stays closed to cars until Monday, and the ferries sail from the north pier.");
        String out = hdfsUri + "/failing/out";
        SparkRunner.Options oneCorpusPass = new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 2, true,
                CorpusSettings.OFF, Containers.Fields.DEFAULTS, OutputCodec.NONE, false);
        assertEquals(6, new SparkRunner(spark).run(List.of(remoteCorpus), oneCorpusPass, QUIET).records());
        TreeMap<String, String> before = snapshot(fs, new org.apache.hadoop.fs.Path(out));
        assertTrue(new SparkRunner(spark).run(List.of(remoteCorpus), oneCorpusPass, QUIET).alreadyDone(),
                "a rerun over the finished output on HDFS does nothing");

        org.apache.hadoop.fs.Path broken = new org.apache.hadoop.fs.Path(remoteCorpus, "story-4.txt");
        assertEquals(1, hdfs.corruptBlockOnDataNodesByDeletingBlockFile(org.apache.hadoop.hdfs.DFSTestUtil.getFirstBlock(fs, broken)));
        // A lost block changes no file's size or time, so only a run told to start over reads the corpus again.
        Exception failed = assertThrows(Exception.class,
                () -> new SparkRunner(spark).restarting().run(List.of(remoteCorpus), oneCorpusPass, QUIET));
        assertTrue(String.valueOf(failed.getMessage()).contains("story-4.txt"), "the message names the input: " + failed);

        assertEquals(before, snapshot(fs, new org.apache.hadoop.fs.Path(out)), "the previous output, file for file");
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out, SparkOutput.WORK_DIR)), "no work folder left");
    }

    /**
     * The output lock on HDFS, where there is no operating-system lock: creating the lock file is refused by the
     * name node while it exists; a second run while a live run holds it is refused naming that run, leaving the
     * output and the holder's lock as they were; a heartbeat rewrites the file in place (a rename over it); a
     * lock past its stale timeout is taken over, and removed when the run ends. Times from fixed clocks.
     */
    @Test
    void theOutputLockWorksOnHdfs() throws IOException {
        FileSystem fs = FileSystem.get(URI.create(hdfsUri), spark.hadoopConfiguration());
        String remoteCorpus = uploadStories(fs, "locked", 3, "the ferry to the island sails again on Friday, the "
                + "harbour master said after the storm had passed.");
        String out = hdfsUri + "/locked/out";
        SparkRunner.Options options = new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 2, true,
                CorpusSettings.OFF, Containers.Fields.DEFAULTS, OutputCodec.NONE, false);
        assertEquals(3, new SparkRunner(spark).run(List.of(remoteCorpus), options, QUIET).records());
        org.apache.hadoop.fs.Path lockFile = new org.apache.hadoop.fs.Path(out, dev.winnow.run.OutputFormat.SPARK_LOCK);
        assertFalse(fs.exists(lockFile), "a finished run removes its lock");

        java.time.Instant t0 = java.time.Instant.parse("2026-12-06T12:00:00Z");
        HeartbeatLock.Store store = SparkRunner.lockFile(Storage.locate(out, spark.hadoopConfiguration()));
        HeartbeatLock held = HeartbeatLock.acquire(store, out, new HeartbeatLock.Owner("spark", "driver-7.example", 4242, t0,
                "0f1e2d3c4b5a69788796", "their-token", t0), lockAt(t0), line -> {});
        assertFalse(store.createNew(new byte[]{1}), "the name node refuses a second create");
        held.refresh();
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out, dev.winnow.run.OutputFormat.SPARK_LOCK_NEXT)));
        TreeMap<String, String> before = snapshot(fs, new org.apache.hadoop.fs.Path(out));
        assertTrue(before.get(lockFile.toString()).contains("\"host\":\"driver-7.example\""), before.toString());

        dev.winnow.run.OutputBusyException busy = assertThrows(dev.winnow.run.OutputBusyException.class, () -> new SparkRunner(spark)
                .withLock(lockAt(t0.plusSeconds(240))).restarting().run(List.of(remoteCorpus), options, QUIET));
        assertTrue(busy.getMessage().startsWith(out + " is in use by another winnow run (spark on host driver-7.example, pid 4242"),
                busy.getMessage());
        assertEquals(before, snapshot(fs, new org.apache.hadoop.fs.Path(out)), "the output and the holder's lock as they were");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(3, new SparkRunner(spark).withLock(lockAt(t0.plusSeconds(301))).restarting()
                .run(List.of(remoteCorpus), options, new PrintStream(log, true, StandardCharsets.UTF_8)).records());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("taking over the stale lock on " + out), log.toString(StandardCharsets.UTF_8));
        assertFalse(fs.exists(lockFile), "taken over, then removed when the run ended");
        held.close();   // the killed run, were it only paused, would find the lock gone and leave it so
        assertFalse(fs.exists(lockFile));
    }

    /**
     * A killed run on HDFS resumes: the partitions it completed (renamed into place, with their markers) are kept,
     * one it had not finished is cleaned again, and the output is the bytes of an uninterrupted run.
     */
    @Test
    void aKilledRunOnHdfsResumesToTheSameBytes() throws IOException {
        FileSystem fs = FileSystem.get(URI.create(hdfsUri), spark.hadoopConfiguration());
        String remoteCorpus = uploadStories(fs, "resumed", 6, "the ferry to the island sails again on Friday, the "
                + "harbour master said after the storm had passed.");
        SparkRunner.Options clean = new SparkRunner.Options(hdfsUri + "/resumed/clean", Limits.DEFAULTS, "corpus", true, 3, true,
                CorpusSettings.OFF, Containers.Fields.DEFAULTS, OutputCodec.NONE, false);
        new SparkRunner(spark).run(List.of(remoteCorpus), clean, QUIET);

        String out = hdfsUri + "/resumed/out";
        SparkRunner.Options options = new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 3, true,
                CorpusSettings.OFF, Containers.Fields.DEFAULTS, OutputCodec.NONE, false);
        assertThrows(IOException.class, () -> new SparkRunner(spark).killedAfterParts().run(List.of(remoteCorpus), options, QUIET));
        org.apache.hadoop.fs.Path parts = new org.apache.hadoop.fs.Path(out + "/" + SparkOutput.WORK_DIR + "/" + SparkOutput.PARTS);
        List<String> markers = names(fs, parts).stream().filter(n -> n.endsWith(".done")).toList();
        assertEquals(3, markers.size(), markers.toString());
        assertTrue(fs.delete(new org.apache.hadoop.fs.Path(parts, markers.get(1)), false));   // partition 1 unfinished

        SparkRunner.Summary resumed = new SparkRunner(spark).run(List.of(remoteCorpus), options, QUIET);
        assertEquals(2, resumed.report().path("resumed_partitions").asInt());
        TreeMap<String, String> expected = new TreeMap<>(), got = new TreeMap<>();
        snapshot(fs, new org.apache.hadoop.fs.Path(clean.output())).forEach((k, v) -> {
            if (!k.endsWith("/report.json") && !k.endsWith("/report.html")) expected.put(k.substring(clean.output().length()), v);
        });
        snapshot(fs, new org.apache.hadoop.fs.Path(out)).forEach((k, v) -> {
            if (!k.endsWith("/report.json") && !k.endsWith("/report.html")) got.put(k.substring(out.length()), v);
        });
        assertTrue(expected.containsKey("/articles.jsonl") && expected.keySet().stream().anyMatch(k -> k.startsWith("/text/")), expected.keySet().toString());
        assertEquals(expected, got, "data and text files, byte for byte");
    }

    /**
     * {@code --format parquet} into HDFS: Spark's writer and the commit's renames work there, a killed run resumes
     * to the Parquet bytes of an uninterrupted one, and a rerun of the finished run does nothing.
     */
    @Test
    void parquetOnHdfsResumesToTheSameFilesAndRerunsToNothing() throws IOException {
        FileSystem fs = FileSystem.get(URI.create(hdfsUri), spark.hadoopConfiguration());
        String remoteCorpus = uploadStories(fs, "parquet", 7, "the lantern boats drift past the old pier while the "
                + "harbour band plays on the quay until midnight.");
        SparkRunner.Options clean = new SparkRunner.Options(hdfsUri + "/parquet/clean", Limits.DEFAULTS, "corpus", true, 3, true,
                CorpusSettings.OFF, Containers.Fields.DEFAULTS, OutputCodec.ZSTD, false).withRecordsPerShard(3)
                .withFormat(RecordFormat.PARQUET);
        SparkRunner.Summary whole = new SparkRunner(spark).run(List.of(remoteCorpus), clean, QUIET);
        assertEquals(7, whole.records());

        String out = hdfsUri + "/parquet/out";
        SparkRunner.Options options = new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 3, true,
                CorpusSettings.OFF, Containers.Fields.DEFAULTS, OutputCodec.ZSTD, false).withRecordsPerShard(3)
                .withFormat(RecordFormat.PARQUET);
        assertThrows(IOException.class, () -> new SparkRunner(spark).killedAfterParts().run(List.of(remoteCorpus), options, QUIET));
        SparkRunner.Summary resumed = new SparkRunner(spark).run(List.of(remoteCorpus), options, QUIET);
        assertEquals(3, resumed.report().path("resumed_partitions").asInt());
        TreeMap<String, String> expected = new TreeMap<>(), got = new TreeMap<>();
        snapshot(fs, new org.apache.hadoop.fs.Path(clean.output())).forEach((k, v) -> {
            if (!k.endsWith("/report.json") && !k.endsWith("/report.html")) expected.put(k.substring(clean.output().length()), v);
        });
        snapshot(fs, new org.apache.hadoop.fs.Path(out)).forEach((k, v) -> {
            if (!k.endsWith("/report.json") && !k.endsWith("/report.html")) got.put(k.substring(out.length()), v);
        });
        assertEquals(List.of("/documents/part-00000.parquet", "/documents/part-00001.parquet", "/documents/part-00002.parquet"),
                expected.keySet().stream().filter(k -> k.startsWith("/documents/")).toList());
        assertEquals(expected, got, "the Parquet, rejected and text files, byte for byte");

        assertTrue(new SparkRunner(spark).run(List.of(remoteCorpus), options, QUIET).alreadyDone(), "a rerun does nothing");
    }

    private static HeartbeatLock.Settings lockAt(java.time.Instant now) {
        return new HeartbeatLock.Settings(java.time.Duration.ofMinutes(5), java.time.Duration.ZERO,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    /** Every file below {@code dir} with its content. */
    private static TreeMap<String, String> snapshot(FileSystem fs, org.apache.hadoop.fs.Path dir) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        var it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            org.apache.hadoop.fs.Path p = it.next().getPath();
            files.put(p.toString(), read(fs, p));
        }
        return files;
    }

    /** {@code count} one-line stories ("Story i: sentence") written locally and copied to HDFS under {@code name}/corpus. */
    private String uploadStories(FileSystem fs, String name, int count, String sentence) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve(name).resolve("corpus"));
        for (int i = 0; i < count; i++) {
            Files.writeString(corpus.resolve("story-" + i + ".txt"), "Story " + i + ": " + sentence + "\n", StandardCharsets.UTF_8);
        }
        String remoteCorpus = hdfsUri + "/" + name + "/corpus";
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(corpus.toUri()), new org.apache.hadoop.fs.Path(remoteCorpus));
        return remoteCorpus;
    }
}
