package dev.winnow.spark;

import dev.winnow.archive.Containers;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.record.RemovedLayout;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputFormat;
import dev.winnow.testing.SiteCorpus;
import dev.winnow.testing.LocalSpark;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rerun of a killed Spark run keeps the partitions the killed run completed and cleans only the rest,
 * and ends with the bytes of an uninterrupted run; {@code --restart} cleans everything again. The kill is
 * the runner's test kill (it stops once pass 2's parts are written and leaves the work folder as a killed
 * driver would); partitions it had not finished are made by removing their completion markers, one with a
 * half-written file beside it.
 */
class SparkResumeTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.close();
    }

    private static SparkRunner.Options options(Path out, CorpusSettings corpus) {
        return options(out, corpus, true);
    }

    private static SparkRunner.Options options(Path out, CorpusSettings corpus, boolean quiet) {
        return options(out, corpus, quiet, RemovedLayout.INLINE);
    }

    private static SparkRunner.Options options(Path out, CorpusSettings corpus, boolean quiet, RemovedLayout layout) {
        return new SparkRunner.Options(out.toUri().toString(), Limits.DEFAULTS, "corpus", true, 4, quiet, corpus,
                Containers.Fields.DEFAULTS, OutputCodec.NONE, false).withRemoved(layout);
    }

    /** The output's data files and text files with their bytes (the reports have timings of their own). */
    private static Map<String, String> data(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString();
                if (!name.equals(OutputFormat.REPORT) && !name.equals(OutputFormat.REPORT_HTML)) files.put(name, Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static Path parts(Path out) {
        return out.resolve(OutputFormat.SPARK_WORK_DIR).resolve(SparkOutput.PARTS);
    }

    /** The killed run's work folder: its part files, minus the markers of partitions 1 and 3, as if killed while they ran. */
    private static void killAfterPartitions0And2(List<String> args, Path out, CorpusSettings corpus) throws IOException {
        killAfterPartitions0And2(args, out, corpus, RemovedLayout.INLINE);
    }

    private static void killAfterPartitions0And2(List<String> args, Path out, CorpusSettings corpus, RemovedLayout layout)
            throws IOException {
        IOException killed = assertThrows(IOException.class,
                () -> new SparkRunner(spark).killedAfterParts().run(args, options(out, corpus, true, layout), QUIET));
        assertTrue(killed.getMessage().contains("simulated kill"), killed.getMessage());
        try (Stream<Path> markers = Files.list(parts(out))) {
            List<String> done = markers.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".done")).sorted().toList();
            assertEquals(4, done.size(), done.toString());
        }
        try (Stream<Path> files = Files.list(parts(out))) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("part-00001-") || name.startsWith("part-00003-")) Files.delete(p);
                // Partition 3 was killed half-way: its attempt's file is cut short, never renamed.
                if (name.startsWith("articles-00003-")) Files.move(p, parts(out).resolve(".articles-00003-0-99"));
            }
        }
        Path cut = parts(out).resolve(".articles-00003-0-99");
        byte[] half = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(half, half.length / 2));
    }

    /** With --removed attributes the side file's part of each kept partition is kept with it, aligned. */
    @ParameterizedTest
    @EnumSource(value = RemovedLayout.class, names = {"INLINE", "ATTRIBUTES"})
    void aKilledTwoPassRunResumesToTheBytesOfAnUninterruptedOne(RemovedLayout layout, @TempDir Path tmp) throws IOException {
        Path corpus = tmp.resolve("corpus");
        SiteCorpus.builder().seed(11).sites(3).docsPerSite(8).build().writeTextFolders(corpus);
        List<String> args = List.of(corpus.toString());
        Path clean = tmp.resolve("clean");
        SparkRunner.Summary uninterrupted = new SparkRunner(spark).run(args, options(clean, CorpusSettings.DEFAULTS, true, layout), QUIET);
        assertEquals(0, uninterrupted.report().path("resumed_partitions").asInt());

        Path out = tmp.resolve("out");
        killAfterPartitions0And2(args, out, CorpusSettings.DEFAULTS, layout);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SparkRunner.Summary resumed = new SparkRunner(spark).run(args, options(out, CorpusSettings.DEFAULTS, false, layout),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(2, resumed.report().path("resumed_partitions").asInt());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("winnow: resumed: 2 of 4 partitions"), log.toString(StandardCharsets.UTF_8));
        assertEquals(data(clean), data(out), "articles, rejections, quotations and text files, byte for byte");
        assertEquals(uninterrupted.report().path("fingerprint"), resumed.report().path("fingerprint"));
        assertEquals(uninterrupted.report().path("removals"), resumed.report().path("removals"), "the kept partitions' counts come back");
        assertEquals(uninterrupted.records(), resumed.records());
        assertFalse(Files.exists(out.resolve(OutputFormat.SPARK_WORK_DIR)));
        assertEquals(layout == RemovedLayout.ATTRIBUTES, Files.exists(out.resolve(OutputFormat.REMOVED_ATTRIBUTES_DIR)),
                "the side file is there exactly when asked for");
    }

    /**
     * The kept partitions are not cleaned again: a file of partition 0 rewritten after the kill with its size and
     * time kept (so the fingerprint, which does not read contents, is the same) still comes out as it was when the
     * killed run read it; --restart reads it again.
     */
    @Test
    void keptPartitionsAreNotCleanedAgainAndRestartStartsOver(@TempDir Path tmp) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (int i = 0; i < 12; i++) {
            Files.writeString(corpus.resolve(String.format("story-%02d.txt", i)), "Story " + i + ": the night ferry to the island "
                    + "was cancelled again because of the storm, and the harbour master said it may not sail before Friday.\n",
                    StandardCharsets.UTF_8);
        }
        List<String> args = List.of(corpus.toString());
        Path clean = tmp.resolve("clean");
        new SparkRunner(spark).run(args, options(clean, CorpusSettings.OFF), QUIET);

        Path out = tmp.resolve("out");
        killAfterPartitions0And2(args, out, CorpusSettings.OFF);
        Path first = corpus.resolve("story-00.txt");
        FileTime time = Files.getLastModifiedTime(first);
        Files.writeString(first, Files.readString(first, StandardCharsets.UTF_8).replace("ferry", "barge"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(first, time);

        SparkRunner.Summary resumed = new SparkRunner(spark).run(args, options(out, CorpusSettings.OFF), QUIET);
        assertEquals(2, resumed.report().path("resumed_partitions").asInt());
        assertEquals(data(clean), data(out), "story-00 as the killed run cleaned it: its partition was kept");

        SparkRunner.Summary restarted = new SparkRunner(spark).restarting().run(args, options(out, CorpusSettings.OFF), QUIET);
        assertEquals(0, restarted.report().path("resumed_partitions").asInt());
        assertTrue(Files.readString(out.resolve("articles.jsonl"), StandardCharsets.UTF_8).contains("night barge"));
    }

    /**
     * A rerun that fails before pass 2 (here once pass 1 is done; the work folder, which holds pass 1's spills, was
     * opened before it) keeps the killed run's completed partitions, and the next rerun still resumes them; a
     * failing run with nothing to resume from leaves no work folder, as before.
     */
    @Test
    void aRerunFailingBeforePass2KeepsTheKilledRunsPartitions(@TempDir Path tmp) throws IOException {
        Path corpus = tmp.resolve("corpus");
        SiteCorpus.builder().seed(11).sites(3).docsPerSite(8).build().writeTextFolders(corpus);
        List<String> args = List.of(corpus.toString());
        Path clean = tmp.resolve("clean");
        new SparkRunner(spark).run(args, options(clean, CorpusSettings.DEFAULTS), QUIET);

        Path out = tmp.resolve("out");
        killAfterPartitions0And2(args, out, CorpusSettings.DEFAULTS);
        RuntimeException failed = assertThrows(RuntimeException.class, () -> new SparkRunner(spark)
                .betweenPasses(work -> { throw new IllegalStateException("a failure before pass 2"); })
                .run(args, options(out, CorpusSettings.DEFAULTS), QUIET));
        assertEquals("a failure before pass 2", failed.getMessage());
        try (Stream<Path> markers = Files.list(parts(out))) {
            assertEquals(2, markers.filter(p -> p.getFileName().toString().endsWith(".done")).count(), "partitions 0 and 2 kept");
        }
        assertFalse(Files.exists(out.resolve(OutputFormat.SPARK_WORK_DIR).resolve(PartitionSpills.DIR)), "its spills went");

        SparkRunner.Summary resumed = new SparkRunner(spark).run(args, options(out, CorpusSettings.DEFAULTS), QUIET);
        assertEquals(2, resumed.report().path("resumed_partitions").asInt());
        assertEquals(data(clean), data(out), "articles, rejections, quotations and text files, byte for byte");

        Path fresh = tmp.resolve("fresh");
        assertThrows(RuntimeException.class, () -> new SparkRunner(spark)
                .betweenPasses(work -> { throw new IllegalStateException("a failure before pass 2"); })
                .run(args, options(fresh, CorpusSettings.DEFAULTS), QUIET));
        assertFalse(Files.exists(fresh.resolve(OutputFormat.SPARK_WORK_DIR)), "nothing to resume: no work folder left");
    }
}
