package dev.winnow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.core.Draft;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Segmenter;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.run.Limits;
import dev.winnow.stages.Profiles;
import dev.winnow.text.Normalizer;
import org.apache.spark.SparkConf;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Spark, as on one machine, a document past the per-document time budget is a {@code timeout}
 * rejection and its neighbours, in the same task, come out: a stage that sleeps (and wakes when
 * interrupted) and one that spins without looking at interrupts each cost their own document only, and
 * the spinning worker is counted as lost. {@code --timeout} is taken by the Spark entry point as by
 * {@code winnow clean}.
 */
class SparkTimeoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough that a well-formed document never comes near it on a loaded machine, short enough to keep the test quick. */
    private static final Duration BUDGET = Duration.ofMillis(500);
    private static final String SLEEP = "FAULTSLEEP";
    private static final String SPIN = "FAULTSPIN";
    private static final String PROSE = "The harbour lights festival returned on Saturday after a five year pause, organisers said.\n\n"
            + "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.\n";
    /** Ends the busy loop once the test is done, so no executor thread spins on. */
    private static volatile boolean released;
    static volatile long sink;

    @TempDir
    static Path tmp;
    private static List<JsonNode> records;
    private static List<JsonNode> rejections;
    private static JsonNode report;

    /** A stage that sleeps or spins when the document holds a marker, and does nothing otherwise. */
    static final class Faults implements Stage {
        @Override
        public String name() {
            return "fault";
        }

        @Override
        public void judge(Draft draft, Verdict verdict) {
            if (draft.source().contains(SLEEP)) {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("woken", e);
                }
            }
            if (draft.source().contains(SPIN)) {
                long x = 0;
                while (!released) x = x * 31 + 7;
                sink = x;
            }
        }
    }

    /** The text chain with the faulty stage first, built in the executor. */
    static Pipeline faultyChain() {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Faults());
        stages.addAll(Profiles.textStages());
        return new Pipeline(new Normalizer(), new Segmenter(), stages);
    }

    private static void article(Path dir, String name, String marker) throws IOException {
        String text = marker == null ? PROSE : PROSE.replace("\n\n", "\n\nThe notice said " + marker + " in red letters today.\n\n");
        Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void runOverSlowDocumentsInOnePartition() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        article(in, "a01_fine", null);
        article(in, "a02_sleep", SLEEP);
        article(in, "a03_fine", null);
        article(in, "a04_spin", SPIN);
        article(in, "a05_fine", null);
        Path out = tmp.resolve("out");
        try (JavaSparkContext spark = new JavaSparkContext(conf())) {
            // The first document of a JVM loads the models, which can take longer than the test's budget.
            Path warm = Files.createDirectories(tmp.resolve("warm-up"));
            article(warm, "warm", null);
            new SparkRunner(spark, SparkTimeoutTest::faultyChain).run(List.of(warm.toString()),
                    new SparkRunner.Options(tmp.resolve("warm-out"), Limits.DEFAULTS, "in", true, 2, true),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            // One partition: the slow documents and their neighbours share a task, the hardest case.
            SparkRunner.Options options = new SparkRunner.Options(out, Limits.DEFAULTS.withTimeout(BUDGET), "in", true, 1, true);
            new SparkRunner(spark, SparkTimeoutTest::faultyChain).run(List.of(in.toString()), options,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        records = lines(out.resolve("articles.jsonl"));
        rejections = lines(out.resolve("rejected.jsonl"));
        report = JSON.readTree(out.resolve("report.json").toFile());
    }

    @AfterAll
    static void stopSpinning() {
        released = true;
    }

    private static SparkConf conf() {
        return new SparkConf()
                .setMaster("local[2]")
                .setAppName("winnow-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) nodes.add(JSON.readTree(line));
        return nodes;
    }

    private static List<String> ids(List<JsonNode> nodes) {
        return nodes.stream().map(n -> n.get("id").asText()).toList();
    }

    @Test
    void theSlowDocumentsAreTimeoutsAndTheirNeighboursComeOut() {
        assertEquals(List.of("a01_fine", "a03_fine", "a05_fine"), ids(records));
        assertEquals(List.of("a02_sleep", "a04_spin"), ids(rejections));
        for (JsonNode r : rejections) {
            assertEquals("timeout", r.get("reason").asText(), r.toString());
            assertTrue(r.get("message").asText().contains("500ms") && r.get("message").asText().contains("--timeout"), r.toString());
        }
        assertTrue(rejections.get(1).get("message").asText().contains("SparkTimeoutTest$Faults.judge"),
                "the message says where it was stuck: " + rejections.get(1));
    }

    @Test
    void theReportCountsTheTimeoutsTheBudgetAndTheLostWorker() {
        assertEquals(2, report.at("/rejections/timeout").asInt());
        assertEquals(500, report.at("/limits/timeout_ms").asLong());
        assertEquals(1, report.get("lost_threads").asInt(), "the spinning worker; the sleeping one came back");
    }

    /** The Spark entry point takes {@code --timeout} as {@code winnow clean} does, and the run keeps to it. */
    @Test
    void theCommandLineTakesTimeout(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        article(in, "a01_fine", null);
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of(in.toString(), "-o", out.toString(), "-q", "--timeout", "2m"));
        for (scala.Tuple2<String, String> kv : conf().getAll()) {
            if (kv._1().equals("spark.master")) args.addAll(List.of("--master", kv._2()));
            else args.addAll(List.of("--conf", kv._1() + "=" + kv._2()));
        }
        assertEquals(ExitCodes.OK, SparkMain.execute(args.toArray(String[]::new)));
        assertEquals(120_000, JSON.readTree(out.resolve("report.json").toFile()).at("/limits/timeout_ms").asLong());
    }
}
