package dev.winnow.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.Version;
import dev.winnow.core.Pipeline;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Input;
import dev.winnow.run.Inputs;
import dev.winnow.run.Limits;
import dev.winnow.run.Outcome;
import dev.winnow.run.RejectReason;
import dev.winnow.run.Rejection;
import dev.winnow.stages.Profiles;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the per-document path on Spark: inputs are listed on the driver exactly as the local runner lists
 * them, each document is read and cleaned in an executor by a {@link DocumentProcessor}, and the driver
 * writes the outcomes in input order. For the same inputs and options, {@code articles.jsonl},
 * {@code rejected.jsonl} and {@code text/} hold the same bytes as the local runner's; {@code report.json}
 * has the same counts, its own timings, and {@code "engine": "spark"}.
 *
 * <p>Input paths must be readable at the same absolute path from every executor (a shared file system,
 * or local mode). Standard input cannot be spread over a cluster and is refused.
 *
 * <p>What the local runner does and this one does not (yet): the per-document time budget
 * ({@code --timeout}; Spark's task retries and the stage's own limits are what bound a stuck document),
 * the output folder lock, and resuming an interrupted run (a rerun starts over).
 */
public final class SparkRunner {

    /**
     * Run settings. {@code source} is written into each record's {@code source} field; {@code limits} bound
     * what one document may cost (its time budget is not enforced); {@code partitions} is the number of
     * Spark partitions, 0 to choose from the corpus size and the cluster's default parallelism.
     */
    public record Options(Path outDir, Limits limits, String source, boolean textFiles, int partitions, boolean quiet) {
        public Options {
            if (partitions < 0) throw new IllegalArgumentException("partitions must not be negative: " + partitions);
        }
    }

    /** Totals of a finished run; {@code report} is what {@code report.json} holds. */
    public record Summary(int inputs, int records, int rejected, ObjectNode report) {}

    /**
     * Most documents in one automatically sized partition. The driver holds one partition's outcomes at a
     * time while it writes them, so this bounds its memory (about 500 articles' JSON and text); more
     * partitions than that only add scheduling.
     */
    static final int MAX_DOCS_PER_PARTITION = 500;

    /** The text profile, as {@code winnow clean} runs it. */
    private static final String PROFILE = "text";

    private final JavaSparkContext spark;

    /** A runner on this context; the caller owns it and stops it. */
    public SparkRunner(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * Cleans the inputs named by {@code args} (files and folders, as {@code winnow clean} takes them) into
     * {@code options.outDir()}, replacing an earlier run's files there.
     *
     * @throws IllegalArgumentException when an argument is {@code -} (standard input)
     * @throws IOException when the output cannot be written; the earlier output stays as it was until
     *                     the new files are complete
     */
    public Summary run(List<String> args, Options options, PrintStream log) throws IOException {
        if (args.contains("-")) throw new IllegalArgumentException("standard input (-) cannot be read by Spark executors; name files or folders");
        long start = System.nanoTime();
        Inputs.Listing listing = Inputs.expand(args, InputStream.nullInputStream());
        List<Input> inputs = listing.inputs();
        List<Rejection> unreadable = listing.unreadable();
        int total = inputs.size() + unreadable.size();

        List<Tuple2<Integer, Doc>> docs = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            // Absolute, so an executor whose working folder differs from the driver's reads the same file.
            docs.add(new Tuple2<>(i, new Doc(in.id(), in.name(), in.path().toAbsolutePath().toString())));
        }
        int partitions = options.partitions() > 0 ? options.partitions() : partitions(inputs.size(), spark.defaultParallelism());
        Settings settings = new Settings(options.limits().maxBytes(), options.limits().maxChars(), options.source());
        if (!options.quiet()) {
            log.printf("winnow: spark: %d inputs in %d partitions on %s%n", total, partitions, spark.master());
        }

        JavaRDD<Result> results = spark.parallelizePairs(docs, partitions).mapPartitions(part -> process(settings, part));
        // toLocalIterator runs one job per partition, one after another: materialise the outcomes in parallel
        // first, then stream them to the driver a partition at a time. Serialised and spilled to disk as needed,
        // so neither the executors nor the driver hold the whole corpus.
        results.persist(StorageLevel.MEMORY_AND_DISK_SER());
        Tally tally = new Tally();
        try (SparkOutput out = SparkOutput.open(options.outDir(), options.textFiles())) {
            // Same order as the local runner: the unreadable paths, then the inputs.
            for (Rejection r : unreadable) {
                out.reject(r);
                tally.reject(r, 0);
            }
            results.count();
            // Partitions of a parallelised list keep its order and mapPartitions keeps theirs, so outcomes
            // arrive sorted by position without a shuffle; checked here, since output order is the contract.
            int expected = 0;
            for (Iterator<Result> it = results.toLocalIterator(); it.hasNext(); expected++) {
                Result r = it.next();
                if (r.position() != expected) {
                    throw new IllegalStateException("outcome of input " + r.position() + " arrived where input " + expected + " belongs");
                }
                if (r.isRecord()) {
                    out.record(r.id(), r.recordLine(), r.text());
                    tally.record(r.bytes(), r.counts());
                } else {
                    Rejection rejection = r.rejection();
                    out.reject(rejection);
                    tally.reject(rejection, r.bytes());
                }
            }
            if (expected != inputs.size()) {
                throw new IllegalStateException(expected + " outcomes for " + inputs.size() + " inputs");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ObjectNode report = report(total, tally, seconds, options, partitions);
            out.commit(report);
            return new Summary(total, tally.records, tally.rejected, report);
        } finally {
            results.unpersist(false);
        }
    }

    /** Enough partitions to use every core, and enough that none holds more than {@link #MAX_DOCS_PER_PARTITION}. */
    static int partitions(int docs, int defaultParallelism) {
        int bySize = (int) ((docs + (long) MAX_DOCS_PER_PARTITION - 1) / MAX_DOCS_PER_PARTITION);
        return Math.max(1, Math.min(Math.max(docs, 1), Math.max(defaultParallelism, bySize)));
    }

    /**
     * Runs in an executor: one processor per partition (it holds parsers and is not serialisable), one
     * outcome per document, computed as the iterator is read.
     */
    private static Iterator<Result> process(Settings settings, Iterator<Tuple2<Integer, Doc>> docs) {
        DocumentProcessor processor = new DocumentProcessor(Profiles.text(), PROFILE, settings.limits());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return docs.hasNext();
            }

            @Override
            public Result next() {
                Tuple2<Integer, Doc> d = docs.next();
                Input input = new Input(d._2().id(), d._2().name(), Path.of(d._2().path()), null);
                return Result.of(d._1(), processor.process(input, settings.source()));
            }
        };
    }

    private ObjectNode report(int inputs, Tally tally, double seconds, Options options, int partitions) {
        Pipeline pipeline = Profiles.text();
        ObjectNode r = new ObjectMapper().createObjectNode();
        r.put("winnow_version", Version.VERSION);
        r.put("engine", "spark");
        r.put("profile", PROFILE);
        pipeline.describe().forEach(r.putArray("pipeline")::add);
        new DocumentProcessor(pipeline, PROFILE, options.limits()).markupChain().forEach(r.putArray("pipeline_html")::add);
        r.put("inputs", inputs);
        r.put("records", tally.records);
        r.put("rejected", tally.rejected);
        ObjectNode rej = r.putObject("rejections");
        tally.rejections.forEach(rej::put);
        ObjectNode rem = r.putObject("removals");
        tally.removals.forEach((stage, reasons) -> {
            ObjectNode s = rem.putObject(stage);
            reasons.forEach(s::put);
        });
        r.put("bytes_in", tally.bytes);
        r.put("spark_master", spark.master());
        r.put("spark_version", spark.version());
        r.put("partitions", partitions);
        r.put("seconds", Math.round(seconds * 1000) / 1000.0);
        r.put("mb_per_second", Math.round(tally.bytes / 1e6 / Math.max(seconds, 1e-9) * 100) / 100.0);
        r.put("docs_per_second", Math.round(inputs / Math.max(seconds, 1e-9) * 10) / 10.0);
        ObjectNode l = r.putObject("limits");
        l.put("max_bytes", options.limits().maxBytes());
        l.put("max_chars", options.limits().maxChars());
        return r;
    }

    /** What executors need to build a {@link DocumentProcessor}; the processor itself is not serialisable. */
    private record Settings(long maxBytes, long maxChars, String source) implements Serializable {
        Limits limits() {
            // The time budget needs the local runner's worker pool; a processor called directly does not use it.
            return new Limits(maxBytes, maxChars, Limits.DEFAULT_TIMEOUT);
        }
    }

    /** One input as an executor opens it. */
    private record Doc(String id, String name, String path) implements Serializable {}

    /**
     * An {@link Outcome} as it travels back to the driver, with its input's position. A record carries
     * its JSON line and text; a rejection its reason and message.
     */
    private record Result(int position, String id, String path, String recordLine, String text, RejectReason reason,
                          String message, long bytes, HashMap<String, HashMap<String, Integer>> counts) implements Serializable {

        static Result of(int position, Outcome o) {
            HashMap<String, HashMap<String, Integer>> counts = new HashMap<>();
            o.counts().forEach((stage, reasons) -> counts.put(stage, new HashMap<>(reasons)));
            Rejection r = o.rejection();
            return r == null
                    ? new Result(position, o.id(), null, o.recordLine(), o.text(), null, null, o.bytes(), counts)
                    : new Result(position, r.id(), r.path(), null, null, r.reason(), r.message(), o.bytes(), counts);
        }

        boolean isRecord() { return reason == null; }

        Rejection rejection() { return new Rejection(id, path, reason, message); }
    }

    /** The counts report.json gives, as the local runner's tally keeps them: sorted maps, bytes of every outcome. */
    private static final class Tally {
        int records;
        int rejected;
        long bytes;
        final Map<String, Integer> rejections = new TreeMap<>();
        final Map<String, Map<String, Integer>> removals = new TreeMap<>();

        void record(long size, Map<String, ? extends Map<String, Integer>> counts) {
            records++;
            bytes += size;
            counts.forEach((stage, reasons) -> reasons.forEach((reason, n) ->
                    removals.computeIfAbsent(stage, k -> new TreeMap<>()).merge(reason, n, Integer::sum)));
        }

        void reject(Rejection r, long size) {
            rejected++;
            bytes += size;
            rejections.merge(r.reason().code(), 1, Integer::sum);
        }
    }
}
