package dev.winnow.spark;

import dev.winnow.archive.Containers;
import dev.winnow.core.Draft;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputFormat;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.LocalSpark;
import dev.winnow.testing.SiteCorpus;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Spark, as on one machine, a run with the corpus stages cleans each document once: pass 1 leaves each
 * partition's documents in a spill in the work folder and pass 2's task for that partition resumes them. A spill
 * missing or damaged between the passes costs time, not bytes: that partition's documents (from the damage on) are
 * cleaned again, with a warning, and the output is the undamaged run's.
 */
class SparkCleanOnceTest {
    /** Documents the counting stage was shown, in this JVM (local mode: the executors are threads of it). */
    private static final AtomicInteger JUDGED = new AtomicInteger();
    private static JavaSparkContext spark;

    @TempDir
    static Path tmp;
    private static Path in;
    private static long docs;

    /** Judges nothing, counts the documents it is shown. */
    static final class Counted implements Stage {
        @Override
        public String name() { return "counted"; }

        @Override
        public void judge(Draft draft, Verdict verdict) {
            JUDGED.incrementAndGet();
        }
    }

    /** The text chain with the counting stage last, built in the executor. */
    static Pipeline countedChain() {
        return Profiles.text().then(List.of(new Counted()));
    }

    @BeforeAll
    static void startSpark() throws IOException {
        spark = LocalSpark.start();
        in = tmp.resolve("in");
        docs = SiteCorpus.builder().seed(11).sites(4).docsPerSite(12).build().writeTextFolders(in).documents();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.close();
    }

    private static SparkRunner.Options options(Path out, CorpusSettings corpus) {
        return new SparkRunner.Options(out.toString(), Limits.DEFAULTS, "test", true, 3, true, corpus, Containers.Fields.DEFAULTS,
                OutputCodec.NONE, false);
    }

    /** Runs {@code runner} over the corpus into {@code out}; the documents judged, and what it logged. */
    private static int judged(SparkRunner runner, Path out, CorpusSettings corpus, ByteArrayOutputStream log) throws IOException {
        int before = JUDGED.get();
        runner.run(List.of(in.toString()), options(out, corpus), new PrintStream(log, true, StandardCharsets.UTF_8));
        return JUDGED.get() - before;
    }

    /** The output's data files and text files with their bytes (the reports have timings of their own). */
    private static Map<String, String> data(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString();
                if (!name.equals(OutputFormat.REPORT) && !name.equals(OutputFormat.REPORT_HTML)) {
                    files.put(name, Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    @Test
    void eachDocumentIsJudgedOnceWithTheCorpusStages() throws IOException {
        SparkRunner runner = new SparkRunner(spark, SparkCleanOnceTest::countedChain);
        Path out = tmp.resolve("once");
        assertEquals(docs, judged(runner, out, CorpusSettings.OFF, new ByteArrayOutputStream()), "one pass");
        Path corpusOut = tmp.resolve("once-corpus");
        assertEquals(docs, judged(runner, corpusOut, CorpusSettings.DEFAULTS, new ByteArrayOutputStream()),
                "each document judged once, in pass 1");
        // Pass 2 still applied the corpus stages to what it resumed, and the spills went with the work folder.
        assertTrue(Files.readString(corpusOut.resolve("articles.jsonl")).contains("\"site_repeated_line\""));
        assertTrue(Files.notExists(corpusOut.resolve(OutputFormat.SPARK_WORK_DIR)));
    }

    @Test
    void aMissingOrDamagedSpillIsCleanedAgainToTheSameBytes() throws IOException {
        SparkRunner runner = new SparkRunner(spark, SparkCleanOnceTest::countedChain);
        Path sound = tmp.resolve("sound");
        judged(runner, sound, CorpusSettings.DEFAULTS, new ByteArrayOutputStream());

        // Partition 0's spill gone, partition 1's cut short, partition 2's with a byte changed half-way.
        SparkRunner damaging = runner.betweenPasses(work -> {
            Path spills = Path.of(java.net.URI.create(work)).resolve(PartitionSpills.DIR);
            try {
                Files.delete(spills.resolve("part-00000.spill"));
                byte[] one = Files.readAllBytes(spills.resolve("part-00001.spill"));
                Files.write(spills.resolve("part-00001.spill"), java.util.Arrays.copyOf(one, one.length - 10));
                byte[] two = Files.readAllBytes(spills.resolve("part-00002.spill"));
                two[two.length / 2] ^= 0x55;
                Files.write(spills.resolve("part-00002.spill"), two);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path damaged = tmp.resolve("damaged");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int judged = judged(damaging, damaged, CorpusSettings.DEFAULTS, log);
        assertEquals(data(sound), data(damaged), "the same records, rejections, quotes and text files");
        // Partition 0's documents twice, and those from the damage on in partitions 1 and 2.
        assertTrue(judged > docs + 2, judged + " judged for " + docs + " documents");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("3 partition tasks found their pass-1 spill missing or unusable"),
                log.toString(StandardCharsets.UTF_8));
    }
}
