package dev.winnow.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.archive.Containers;
import dev.winnow.archive.IdSource;
import dev.winnow.core.Pipeline;
import dev.winnow.core.RejectReason;
import dev.winnow.corpus.Cluster;
import dev.winnow.corpus.Clusters;
import dev.winnow.corpus.CorpusFacts;
import dev.winnow.corpus.CorpusIndex;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.corpus.CorpusStages;
import dev.winnow.corpus.Features;
import dev.winnow.corpus.QuoteTable;
import dev.winnow.corpus.QuotesFile;
import dev.winnow.record.RemovedLayout;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.DocumentTasks;
import dev.winnow.run.DocumentsSpill;
import dev.winnow.run.HeartbeatLock;
import dev.winnow.run.Input;
import dev.winnow.run.Inputs;
import dev.winnow.run.Limits;
import dev.winnow.run.Naming;
import dev.winnow.run.NothingToReadException;
import dev.winnow.run.Outcome;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputFormat;
import dev.winnow.run.OutputLock;
import dev.winnow.run.OutputOwnership;
import dev.winnow.run.Rejection;
import dev.winnow.run.RunFingerprint;
import dev.winnow.run.RunReport;
import dev.winnow.run.Tally;
import dev.winnow.run.Tuning;
import dev.winnow.run.Units;
import dev.winnow.stages.Profiles;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the local runner's two passes on Spark. Inputs are listed on the driver exactly as the local
 * runner lists them; executors expand each input into its documents ({@link Units#of}) and clean them
 * with a {@link DocumentProcessor}; each partition writes its outcomes, in order, to part files in the
 * output's work folder, and the driver joins the parts in input order. For the same inputs
 * and options, {@code articles.jsonl}, {@code rejected.jsonl}, {@code quotes.jsonl} and {@code text/}
 * hold the same bytes as the local runner's; {@code report.json} has the same counts, its own timings,
 * and {@code "engine": "spark"}.
 *
 * <p>With the corpus stages on (see {@link CorpusSettings}), pass 1 runs every document through
 * {@link DocumentProcessor#analyzing()} into an RDD of {@link Features}, which Spark aggregates as
 * {@link dev.winnow.corpus.CorpusIndex} does on one machine, with the same engine-neutral rules:
 * documents sharing a MinHash band bucket become edges, unioned on the driver by {@link Clusters};
 * line keys are counted once per cluster root ({@link CorpusFacts#root}) and kept by
 * {@link CorpusSettings#isRepeated}; quotations go into one {@link QuoteTable} on the driver. The
 * resulting {@link CorpusFacts} are broadcast. As locally, pass 1 cleans each document once
 * ({@link DocumentProcessor#pausing()}) and leaves its state in its partition's spill in the work folder
 * ({@link PartitionSpills}), and pass 2's task for the same partition resumes it with only the corpus stages
 * ({@link DocumentProcessor#withCorpus}); a document without an entry, or a partition whose spill is missing
 * or damaged, is read and cleaned again. Containers are read twice, once per pass, as locally.
 *
 * <p>Inputs and the output folder are read and written through Hadoop's FileSystem when named by a URI
 * ({@code hdfs://}, {@code s3a://}, {@code file://}, any connector on the class path; see {@link Storage}):
 * the driver lists them, an executor copies each input it reads to its local disk for the front ends,
 * and part files, text files and the commit go through the file system. A plain path is read through
 * {@code java.nio} and must be at the same absolute path on every executor and the driver (a shared
 * mount, or local mode); the output is written through Hadoop's raw local file system. Standard input
 * cannot be spread over a cluster and is refused. Executors get absolute paths (or the URIs as listed),
 * so a plain file's origin (its site when it has no URL) is its absolute folder where the local runner
 * has the folder as given: the keys differ, the grouping and so the output do not, unless one folder is
 * named twice in two spellings.
 *
 * <p>The output folder is guarded as the local runner guards it ({@link OutputOwnership}): a folder
 * holding files Winnow did not write is refused before any work, unless {@code otherFiles}.
 *
 * <p>Each document is cleaned as the local runner cleans it, by a {@link DocumentTasks} worker under the
 * per-document time budget ({@code --timeout}): a document past it is a {@code timeout} rejection and its
 * neighbours come out; a worker lost to a document that ignores interrupts is replaced (one pool per task).
 *
 * <p>The output folder is locked for the run by {@link HeartbeatLock} ({@code OUTDIR/.winnow-spark.lock}),
 * not by the local runner's operating-system lock, which HDFS and object stores do not have: a second run
 * into the same folder is refused ({@link dev.winnow.run.OutputBusyException}) while the first one's
 * driver keeps the lock's heartbeat fresh; a killed driver's lock goes stale and is taken over.
 *
 * <p>A rerun of a killed run with the same fingerprint keeps the pass-2 partitions it completed (each
 * partition's parts are renamed into place when complete and vouched for by a marker, see
 * {@code writePart}) and does pass 1 again; the local runner checkpoints finer (within an input) and
 * keeps pass 1 too.
 * The driver holds the near-duplicate edges and clusters, the repeated line keys and every quotation
 * of the corpus: small next to the corpus's text, but they grow with it.
 */
public final class SparkRunner {

    /**
     * Run settings. {@code output} is the output folder: a local path, or a URI of any Hadoop file system
     * ({@code hdfs://nn/out}, {@code s3a://bucket/out}, {@code file:///out}). {@code source} is written into each record's {@code source} field; {@code limits} bound
     * what one document may cost; {@code partitions} is the number of
     * Spark partitions, 0 to choose from the corpus size and the cluster's default parallelism;
     * {@code corpus} turns on the two-pass corpus stages; {@code fields} names JSON Lines fields;
     * {@code codec} compresses the JSON Lines outputs; {@code otherFiles} lets the output folder hold files
     * Winnow did not write; {@code recordsPerShard}, when above 0, writes the records as
     * {@code documents/part-NNNNN.jsonl} of that many each, as the local runner does ({@link dev.winnow.run.RecordShards});
     * {@code format} Parquet writes the records as {@code documents/part-NNNNN.parquet} instead ({@link ParquetRecords}).
     */
    public record Options(String output, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                          CorpusSettings corpus, Containers.Fields fields, OutputCodec codec, boolean otherFiles,
                          RemovedLayout removed, int recordsPerShard, RecordFormat format, String added, Tuning tuning) {
        public Options {
            if (output == null || output.isEmpty()) throw new IllegalArgumentException("no output folder");
            if (partitions < 0) throw new IllegalArgumentException("partitions must not be negative: " + partitions);
            if (recordsPerShard < 0) throw new IllegalArgumentException("records per shard must not be negative: " + recordsPerShard);
            if (format == RecordFormat.PARQUET && removed == RemovedLayout.ATTRIBUTES) {
                throw new IllegalArgumentException(PARQUET_WITH_ATTRIBUTES);
            }
        }

        /** Records without an {@code added} time unless their input gives one. */
        public Options(String output, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                       CorpusSettings corpus, Containers.Fields fields, OutputCodec codec, boolean otherFiles,
                       RemovedLayout removed, int recordsPerShard, RecordFormat format) {
            this(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, removed, recordsPerShard,
                    format, null, Tuning.NONE);
        }

        /** JSON Lines records. */
        public Options(String output, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                       CorpusSettings corpus, Containers.Fields fields, OutputCodec codec, boolean otherFiles,
                       RemovedLayout removed, int recordsPerShard) {
            this(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, removed, recordsPerShard,
                    RecordFormat.JSONL);
        }

        /** One records file. */
        public Options(String output, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                       CorpusSettings corpus, Containers.Fields fields, OutputCodec codec, boolean otherFiles,
                       RemovedLayout removed) {
            this(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, removed, 0);
        }

        /** Removals inline. */
        public Options(String output, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                       CorpusSettings corpus, Containers.Fields fields, OutputCodec codec, boolean otherFiles) {
            this(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, RemovedLayout.INLINE);
        }

        /** Into a local folder. */
        public Options(Path outDir, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                       CorpusSettings corpus, Containers.Fields fields, OutputCodec codec, boolean otherFiles) {
            this(outDir.toString(), limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles);
        }

        /** Into an output folder that holds only Winnow's files. */
        public Options(Path outDir, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                       CorpusSettings corpus, Containers.Fields fields, OutputCodec codec) {
            this(outDir.toString(), limits, source, textFiles, partitions, quiet, corpus, fields, codec, false);
        }

        /** One pass, without the corpus stages, with the default JSON Lines fields. */
        public Options(Path outDir, Limits limits, String source, boolean textFiles, int partitions, boolean quiet) {
            this(outDir, limits, source, textFiles, partitions, quiet, CorpusSettings.OFF, Containers.Fields.DEFAULTS,
                    OutputCodec.NONE);
        }

        /** Plain output. */
        public Options(Path outDir, Limits limits, String source, boolean textFiles, int partitions, boolean quiet,
                       CorpusSettings corpus, Containers.Fields fields) {
            this(outDir, limits, source, textFiles, partitions, quiet, corpus, fields, OutputCodec.NONE);
        }

        public Options withCorpus(CorpusSettings settings) {
            return new Options(output, limits, source, textFiles, partitions, quiet, settings, fields, codec, otherFiles, removed,
                    recordsPerShard, format, added, tuning);
        }

        /** Records whose input gives no acquisition time get {@code time} as {@code added} ({@code --added}). */
        public Options withAdded(String time) {
            return new Options(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, removed,
                    recordsPerShard, format, time, tuning);
        }

        /** The chains tuned by the user ({@code --keep}, {@code --only-page-types}). */
        public Options withTuning(Tuning choices) {
            return new Options(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, removed,
                    recordsPerShard, format, added, choices);
        }

        /** Records laid out with their removals as {@code layout} says ({@code --removed}). */
        public Options withRemoved(RemovedLayout layout) {
            return new Options(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, layout,
                    recordsPerShard, format, added, tuning);
        }

        /** Records in shards of {@code n} ({@code --records-per-shard}); 0 for one records file. */
        public Options withRecordsPerShard(int n) {
            return new Options(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, removed, n,
                    format, added, tuning);
        }

        /** Writing beside files Winnow did not write, which are never touched ({@code --allow-other-files}). */
        public Options allowingOtherFiles() {
            return new Options(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, true, removed,
                    recordsPerShard, format, added, tuning);
        }

        /** Records written as {@code format} ({@code --format}). */
        public Options withFormat(RecordFormat format) {
            return new Options(output, limits, source, textFiles, partitions, quiet, corpus, fields, codec, otherFiles, removed,
                    recordsPerShard, format, added, tuning);
        }
    }

    /**
     * Totals of a finished run; {@code inputs} counts outcomes (documents), as the local runner's does.
     * {@code alreadyDone}: the output folder held this run's finished output, so nothing was read or written.
     */
    public record Summary(int inputs, int records, int rejected, ObjectNode report, boolean alreadyDone) {}

    /**
     * Most inputs in one automatically sized partition, so that plain files spread over every core; a
     * container's entries all land in its input's partition, so a corpus of a few big archives has few
     * partitions (a file is read by one task), unless it is a plain local JSON Lines file, cut by {@link #slices}.
     */
    static final int MAX_DOCS_PER_PARTITION = 500;

    /**
     * Why {@code --format parquet} refuses {@code --removed attributes}: Dolma pairs an attributes file with the
     * JSON Lines documents file of the same name, which a Parquet run does not write.
     */
    static final String PARQUET_WITH_ATTRIBUTES = "--removed attributes pairs its JSON Lines side file with JSON Lines "
            + "records (Dolma's layout); with --format parquet use --removed inline or none";

    /** The text profile, as {@code winnow clean} runs it. */
    private static final String PROFILE = "text";

    private final JavaSparkContext spark;
    private final Chain chain;
    private final boolean restart;
    private final HeartbeatLock.Settings lock;
    /** A test's kill: the run stops once pass 2's part files are written, leaving its work folder as a killed driver would. */
    private boolean killedAfterParts;
    /** A test's hand between the passes of a corpus run, given the work folder (it damages pass 1's spills); or null. */
    private java.util.function.Consumer<String> betweenPasses;

    /** A runner on this context; the caller owns it and stops it. */
    public SparkRunner(JavaSparkContext spark) {
        this(spark, Profiles::text, false, HeartbeatLock.Settings.DEFAULTS);
    }

    /** With another chain for plain text (a test's faulty stage). */
    SparkRunner(JavaSparkContext spark, Chain chain) {
        this(spark, chain, false, HeartbeatLock.Settings.DEFAULTS);
    }

    private SparkRunner(JavaSparkContext spark, Chain chain, boolean restart, HeartbeatLock.Settings lock) {
        this.spark = spark;
        this.chain = chain;
        this.restart = restart;
        this.lock = lock;
    }

    /** This runner, but doing the whole run again when the output folder already holds its finished output ({@code --restart}). */
    public SparkRunner restarting() {
        return new SparkRunner(spark, chain, true, lock);
    }

    /** This runner, but stopping as if killed once pass 2's part files are written (a test's kill). */
    SparkRunner killedAfterParts() {
        SparkRunner r = new SparkRunner(spark, chain, restart, lock);
        r.killedAfterParts = true;
        return r;
    }

    /** This runner, handing the work folder to {@code hand} on the driver after pass 1 of a corpus run (a test's damage). */
    SparkRunner betweenPasses(java.util.function.Consumer<String> hand) {
        SparkRunner r = new SparkRunner(spark, chain, restart, lock);
        r.killedAfterParts = killedAfterParts;
        r.betweenPasses = hand;
        return r;
    }

    /** This runner, its output lock aging as {@code settings} say ({@code --stale-lock-after}; a test's clock). */
    public SparkRunner withLock(HeartbeatLock.Settings settings) {
        return new SparkRunner(spark, chain, restart, settings);
    }

    /**
     * Cleans the inputs named by {@code args} (files and folders, as {@code winnow clean} takes them) into
     * {@code options.output()}, replacing an earlier run's files there. An argument with a scheme
     * ({@code hdfs://nn/crawl}, {@code s3a://bucket/crawl}, {@code file:///crawl}) is listed and read through
     * Hadoop's FileSystem; a plain path through the local file system, as {@code winnow clean} reads it.
     *
     * @throws IllegalArgumentException when an argument is {@code -} (standard input)
     * @throws IOException when the output cannot be written; the earlier output stays as it was until
     *                     the new files are complete
     */
    public Summary run(List<String> args, Options options, PrintStream log) throws IOException {
        if (args.contains("-")) throw new IllegalArgumentException("standard input (-) cannot be read by Spark executors; name files or folders");
        long start = System.nanoTime();
        org.apache.hadoop.conf.Configuration hadoop = spark.hadoopConfiguration();
        Storage.Location output = Storage.locate(options.output(), hadoop);
        // The output folder is checked before any work, as the local runner checks it: refused, nothing is touched.
        OutputOwnership.check(guarded(options.output(), output), options.otherFiles());
        List<Rejection> unreadable = new ArrayList<>();
        List<String> stats = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<Doc> listedDocs = list(args, options.output(), output, hadoop, unreadable, stats, absent);
        // As winnow clean: every path missing, or folders without files, is a usage error, not a run of nothing.
        if (listedDocs.isEmpty() && unreadable.size() == absent.size()) throw new NothingToReadException(args, absent);
        String fingerprint = fingerprint(listedDocs, stats, unreadable, options);
        // Locked before anything is read or written in the folder: the finished-output check, the work folder, the commit.
        HeartbeatLock heartbeat = lock(output, options.output(), fingerprint, log);
        OutputLock local;
        try {
            local = localLock(output);
        } catch (IOException | RuntimeException e) {
            release(heartbeat, null, log);
            throw e;
        }
        HeartbeatLock locked = heartbeat;
        Runnable release = () -> release(locked, local, log);
        // A driver stopped by a signal (yarn application -kill sends SIGTERM first) removes its lock too; before
        // Hadoop's own hook closes the file systems. Only a driver killed outright leaves it, to go stale.
        org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(release, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
        try {
            return run(listedDocs, unreadable, fingerprint, output, hadoop, options, log, start, locked);
        } finally {
            release.run();
            try {
                org.apache.hadoop.util.ShutdownHookManager.get().removeShutdownHook(release);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running, or ran
            }
        }
    }

    /** Creates the output folder and takes its lock ({@link OutputFormat#SPARK_LOCK}) for this run. */
    private HeartbeatLock lock(Storage.Location output, String shown, String fingerprint, PrintStream log) throws IOException {
        if (!output.fs().mkdirs(output.path())) throw new IOException("cannot create the folder " + output);
        return HeartbeatLock.acquire(lockFile(output), shown,
                HeartbeatLock.Owner.ofThisProcess("spark", fingerprint, lock.clock()), lock, log::println);
    }

    /** The Spark runner's lock file in {@code output}. */
    static HeartbeatLock.Store lockFile(Storage.Location output) {
        return Storage.lockFile(output, OutputFormat.SPARK_LOCK, OutputFormat.SPARK_LOCK_NEXT);
    }

    /**
     * On a local folder ({@code file://}), also the local runner's lock ({@code .winnow.lock}, an OS lock held for the
     * run): a {@code winnow clean} into the same folder is refused as another Spark run is, and this run is refused
     * while one works there. Null elsewhere: no local runner writes to HDFS or S3.
     */
    private static OutputLock localLock(Storage.Location output) throws IOException {
        if (!"file".equals(output.fs().getUri().getScheme())) return null;
        return OutputLock.acquire(java.nio.file.Path.of(output.fs().makeQualified(output.path()).toUri()));
    }

    private static void release(HeartbeatLock locked, OutputLock local, PrintStream log) {
        try {
            if (local != null) local.close();
        } catch (IOException | RuntimeException e) {
            log.println("winnow: warning: could not release the lock " + OutputLock.FILE + ": " + e);
        }
        try {
            locked.close();
        } catch (IOException | RuntimeException e) {
            // Left behind, it goes stale and the next run takes it over.
            log.println("winnow: warning: could not remove the lock " + OutputFormat.SPARK_LOCK + ": " + e);
        }
    }

    /** The run, once the output folder is locked. */
    private Summary run(List<Doc> listedDocs, List<Rejection> unreadable, String fingerprint, Storage.Location output,
                        org.apache.hadoop.conf.Configuration hadoop, Options options, PrintStream log, long start,
                        HeartbeatLock locked) throws IOException {
        if (!restart) {
            ObjectNode done = SparkOutput.finishedReport(output, fingerprint, options.textFiles(), attributes(options),
                    options.recordsPerShard(), options.format(), options.codec());
            if (done != null) {
                if (!options.quiet()) {
                    log.println("winnow: " + options.output() + " already holds the finished output of this run (same inputs, "
                            + "options and build); nothing to do");
                }
                return new Summary(done.path("inputs").asInt(), done.path("records").asInt(), done.path("rejected").asInt(),
                        done, true);
            }
        }
        List<Piece> pieces = slices(listedDocs, spark.defaultParallelism());
        List<Tuple2<Integer, Doc>> docs = pieces.stream().map(Piece::doc).toList();
        int partitions = options.partitions() > 0 ? options.partitions() : partitions(docs.size(), spark.defaultParallelism());
        // Slices of a split file are each a task of their own, so the scheduler hands them to whichever core is free.
        if (options.partitions() == 0 && docs.size() > listedDocs.size()) {
            partitions = Math.max(partitions, Math.min(docs.size(), SLICES_PER_CORE * spark.defaultParallelism()));
        }
        // Cut by bytes too, unless the user set the partitions: a task's memory follows its partition's size.
        List<ArrayList<Tuple2<Integer, Doc>>> groups = options.partitions() > 0 ? null : groups(pieces, Piece::bytes, partitions, PARTITION_BYTES)
                .stream().map(run -> new ArrayList<>(run.stream().map(Piece::doc).toList())).toList();
        if (groups != null) partitions = groups.size();
        CorpusSettings corpus = options.corpus();
        // Workers abandoned to documents that ignored their time budget, in both passes, as the local runner counts them.
        LongAccumulator lostThreads = spark.sc().longAccumulator("winnow.lost_threads");
        Settings byPath = new Settings(options.limits(), options.source(), options.fields(), corpus, chain,
                new Storage.Conf(hadoop), lostThreads, options.removed(), options.added(), options.tuning());
        if (!options.quiet()) {
            log.printf("winnow: spark: %d inputs in %d partitions on %s%n", listedDocs.size() + unreadable.size(), partitions, spark.master());
        }
        // One group per partition (a list of n elements in n slices is one each), flattened in order.
        JavaPairRDD<Integer, Doc> listed = groups == null ? spark.parallelizePairs(docs, partitions)
                : spark.parallelize(groups, groups.size()).flatMapToPair(ArrayList::iterator);
        Settings settings = options.fields().ids() == IdSource.PATH ? byPath
                : byPath.named(settle(listed, byPath, listedDocs, unreadable, log, options));

        Broadcast<CorpusFacts> facts = null;
        Tally tally = new Tally();
        // Partitions whose pass-1 spill could not be read in pass 2, so some of their documents were cleaned again.
        LongAccumulator cleanedAgain = spark.sc().longAccumulator("winnow.partitions_cleaned_again");
        // --restart starts over: a killed run's completed parts are kept only when it is not asked to.
        // Opened before pass 1, which leaves each partition's documents in its work folder for pass 2.
        try (SparkOutput out = SparkOutput.open(output, guarded(options.output(), output), options.textFiles(),
                attributes(options), options.recordsPerShard(), options.format(), options.codec(), options.otherFiles(), fingerprint,
                !restart)) {
            String work = out.work();
            if (corpus.enabled()) {
                Analysis analysis = analyze(listed, settings, work, options, log);
                facts = spark.broadcast(analysis.facts());
                out.quotes(analysis.quotes());
                if (betweenPasses != null) betweenPasses.accept(work);
            }
            final Broadcast<CorpusFacts> second = facts;
            // Same order as the local runner: the unreadable paths, then the documents of the inputs.
            for (Rejection r : unreadable) {
                out.reject(r);
                tally.reject(r, 0);
            }
            // Each partition writes its outcomes, in order, to part files in the work folder (and its text files
            // to the staged text/), and sends back only its counts; the driver then joins the parts in partition
            // order. No document passes through the driver, so its memory does not grow with a partition's size.
            boolean textFiles = options.textFiles();
            List<Part> parts = new ArrayList<>(listed.mapPartitionsWithIndex(
                    (index, part) -> writePart(settings, second, work, textFiles, cleanedAgain, index, part), true).collect());
            parts.sort(java.util.Comparator.comparingInt(Part::index));
            if (cleanedAgain.value() > 0) {
                log.printf("winnow: warning: %d partition tasks found their pass-1 spill missing or unusable and cleaned their "
                        + "documents again (the same output, slower; the executors' logs say why)%n", cleanedAgain.value());
            }
            if (killedAfterParts) {
                out.abandon();
                throw new IOException("killed after pass 2's part files were written (a test's simulated kill)");
            }
            int resumed = (int) parts.stream().filter(Part::resumed).count();
            if (resumed > 0 && !options.quiet()) {
                log.printf("winnow: resumed: %d of %d partitions were completed by a killed run of the same inputs and options%n",
                        resumed, parts.size());
            }
            // Partitions of a parallelised list keep its order and each input's documents come in order, so the
            // parts are in input order without a shuffle. Checked, since output order is the contract.
            long last = -1;
            for (Part part : parts) {
                if (part.tally().outcomes() == 0) continue;
                if (part.first() <= last) {
                    throw new IllegalStateException("partition " + part.index() + " starts at position " + part.first()
                            + ", not after position " + last);
                }
                last = part.last();
                out.append(part.done(), part.articles(), part.rejected(), part.attributes());
                tally.add(part.tally());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ObjectNode report = report(tally, seconds, options, partitions, resumed, lostThreads.value());
            locked.verify();
            if (options.format() == RecordFormat.PARQUET) {
                long records = tally.records();
                out.commit(report, fingerprint, (journal, staging, into) -> ParquetRecords.write(session(), output.fs(), journal,
                        staging, into, records, options.recordsPerShard(), options.codec()));
            } else {
                out.commit(report, fingerprint);
            }
            return new Summary(tally.outcomes(), tally.records(), tally.rejected(), report, false);
        } finally {
            if (facts != null) facts.destroy();
        }
    }

    /**
     * The ids of a run named by the scraper's ids or by content ({@code --ids}): which document gets a candidate
     * taken by another depends on input order, which no task sees. So the tasks first send their documents'
     * candidates, a partition at a time in input order, and the driver makes the local runner's choice
     * ({@link Naming.Chooser}); only the documents that did not get their candidate travel back to the tasks.
     * It reads the inputs once more, which the local runner does not need; the default, path ids, costs nothing.
     */
    private Naming settle(JavaPairRDD<Integer, Doc> listed, Settings settings, List<Doc> listedDocs, List<Rejection> unreadable,
                          PrintStream log, Options options) {
        if (!options.quiet()) log.println("winnow: spark: reading the inputs for their " + options.fields().ids().code() + " ids");
        Naming asking = Naming.settled(settings.fields().ids(), settings.maxBytes(), Map.of());
        Settings byPath = settings.named(Naming.PATHS);
        List<String> taken = new ArrayList<>();
        for (Rejection r : unreadable) taken.add(r.id());
        for (Doc d : listedDocs) taken.add(d.id());
        Naming.Chooser chooser = new Naming.Chooser(taken);
        JavaRDD<Tuple2<Long, String>> asked = listed.mapPartitions(part -> {
            List<Tuple2<Long, String>> out = new ArrayList<>();
            List<Storage.Fetched> fetched = new ArrayList<>();
            try {
                while (part.hasNext()) {
                    Tuple2<Integer, Doc> d = part.next();
                    for (Iterator<Units.Unit> units = d._2().units(d._1(), byPath, new TreeMap<>(), fetched); units.hasNext(); ) {
                        Units.Unit u = units.next();
                        String candidate = asking.candidate(u);
                        if (candidate != null) out.add(new Tuple2<>(u.input().position(), candidate));
                    }
                    for (Storage.Fetched f : fetched) f.close();
                    fetched.clear();
                }
            } finally {
                for (Storage.Fetched f : fetched) f.close();
            }
            return out.iterator();
        });
        // Read in parallel and kept on the executors' disk, then fetched a partition at a time in order: the
        // driver holds one partition's candidates, not the corpus's, and the reading is not one task at a time.
        asked.persist(StorageLevel.DISK_ONLY());
        try {
            asked.count();
            for (Iterator<Tuple2<Long, String>> candidates = asked.toLocalIterator(); candidates.hasNext(); ) {
                Tuple2<Long, String> c = candidates.next();
                chooser.choose(c._1(), c._2());
            }
        } finally {
            asked.unpersist(false);
        }
        return Naming.settled(settings.fields().ids(), settings.maxBytes(), chooser.renames());
    }

    /** Spark SQL on this runner's context, for the Parquet writer. */
    private org.apache.spark.sql.SparkSession session() {
        return org.apache.spark.sql.SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    }

    /** Whether the run writes the removed-attributes side file ({@code --removed attributes}). */
    private static boolean attributes(Options options) {
        return options.removed() == RemovedLayout.ATTRIBUTES;
    }

    /**
     * The guard's view of the output folder: a local path as the local runner sees it (links not followed),
     * a URI through its file system.
     */
    static OutputOwnership.Folder guarded(String shown, Storage.Location output) {
        return Storage.isUri(shown) ? Storage.folder(output, shown) : OutputOwnership.Folder.of(Path.of(shown));
    }

    /**
     * The inputs of a run, in input order, with the local runner's ids; what cannot be read goes to
     * {@code unreadable}. Plain paths only: {@link Inputs#expand}, as {@code winnow clean} lists them. With a
     * URI among them, each argument is listed on its own (a URI through its file system, a plain path by
     * {@link Inputs#expand}) and the ids, each file's path below its argument ({@link Inputs#relativeId}), are
     * made unique over the whole listing ({@link Inputs#unique}), so a folder copied to HDFS keeps its ids. An output folder
     * inside an input folder is not read back as input.
     */
    private static List<Doc> list(List<String> args, String shown, Storage.Location output,
                                  org.apache.hadoop.conf.Configuration hadoop, List<Rejection> unreadable, List<String> stats,
                                  List<String> absent)
            throws IOException {
        // The output as a local path, for the local walk to leave out: a plain path, or a file: URI.
        Path localOut = !Storage.isUri(shown) ? Path.of(shown)
                : output.path().toUri().getScheme().equals("file") ? Path.of(output.path().toUri()) : null;
        List<Doc> docs = new ArrayList<>();
        if (args.stream().noneMatch(Storage::isUri)) {
            Inputs.Listing listing = Inputs.expand(args, InputStream.nullInputStream(), new Inputs.Walk(localOut, false));
            unreadable.addAll(listing.unreadable());
            absent.addAll(listing.absent());
            // Absolute, so an executor whose working folder differs from the driver's reads the same file.
            for (Input in : listing.inputs()) {
                docs.add(new Doc(in.id(), in.name(), in.path().toAbsolutePath().toString(), null));
                stats.add(RunFingerprint.stat(in.path()));
            }
            return docs;
        }
        List<String> relativeIds = new ArrayList<>();
        for (String arg : args) {
            if (Storage.isUri(arg)) {
                Storage.Listing listing = Storage.list(arg, output.path(), hadoop);
                unreadable.addAll(listing.unreadable());
                if (listing.absent()) absent.add(arg);
                for (Storage.Listed in : listing.inputs()) {
                    docs.add(new Doc(null, in.name(), null, in.uri()));
                    stats.add(in.stat());
                    relativeIds.add(Inputs.relativeId(Inputs.below(arg, in.name())));
                }
            } else {
                Inputs.Listing listing = Inputs.expand(List.of(arg), InputStream.nullInputStream(), new Inputs.Walk(localOut, false));
                unreadable.addAll(listing.unreadable());
                absent.addAll(listing.absent());
                for (Input in : listing.inputs()) {
                    docs.add(new Doc(null, in.name(), in.path().toAbsolutePath().toString(), null));
                    stats.add(RunFingerprint.stat(in.path()));
                    relativeIds.add(in.id());
                }
            }
        }
        List<String> ids = Inputs.unique(relativeIds);
        List<Doc> named = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            named.add(new Doc(ids.get(i), d.name(), d.path(), d.uri()));
        }
        return named;
    }

    /** Options that cannot change a byte of the output. */
    private static final Set<String> NOT_OUTPUT = Set.of("output", "partitions", "quiet", "otherFiles");

    /**
     * What decides this run's output, as {@link RunFingerprint} has it for the local runner: the inputs in
     * order with their ids, sizes and modification times, the unreadable ones, the options that change the
     * output, the chains and the build. A rerun with the same fingerprint over its finished output does nothing.
     */
    private String fingerprint(List<Doc> docs, List<String> stats, List<Rejection> unreadable, Options options) {
        List<String> inputs = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) inputs.add(docs.get(i).id() + "\t" + docs.get(i).name() + "\t" + stats.get(i));
        List<String> chains = new DocumentProcessor(chain.text(), PROFILE, options.limits()).tuned(options.tuning()).chains(options.corpus());
        // Its own report (engine, partitions), so the other engine's finished output is replaced, not taken.
        chains.add("engine spark");
        return RunFingerprint.of(inputs, unreadable, options, NOT_OUTPUT, PROFILE, chains);
    }

    /**
     * What a partition wrote: its completion marker and part files, the positions of its first and last
     * outcome, its counts, and whether a killed run wrote them ({@code resumed}). Paths as strings:
     * {@link Path} is not serialisable. {@code attributes}, the removed-attributes part (a line per record of
     * {@code articles}), is null for the other layouts.
     */
    private record Part(int index, String done, String articles, String rejected, String attributes, long first, long last,
                        Tally tally, boolean resumed) implements Serializable {}

    /**
     * What names a partition's completed parts: its index and its inputs (each slice's id, path and entry range),
     * hashed. The work folder already belongs to one fingerprint (same inputs, options, build); a rerun on a
     * cluster of another size cuts the corpus into other partitions, whose parts then simply do not match.
     */
    static String partKey(int index, List<String> inputs) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(Integer.toString(index).getBytes(StandardCharsets.UTF_8));
            for (String in : inputs) {
                sha.update((byte) '\n');
                sha.update(in.getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs in an executor, the only pass or pass 2: cleans the partition's documents and writes them, in
     * order, to its part files and the staged text folder in {@code work}, a URI of the output's file system.
     * The files are written under the attempt's own names and renamed to the partition's ({@link #partKey})
     * when complete, then a marker holding the partition's result is written: a rerun of a killed run finds
     * the marker and its files and returns that result without cleaning a document. With the corpus stages
     * ({@code facts}), the documents pass 1 left in the partition's spill ({@link PartitionSpills}) are resumed,
     * not cleaned again; a partition whose spill cannot be read cleans them and adds one to {@code cleanedAgain}.
     * The spill is deleted once the marker vouches for the partition.
     */
    private static Iterator<Part> writePart(Settings settings, Broadcast<CorpusFacts> facts, String work, boolean textFiles,
                                            LongAccumulator cleanedAgain, int index, Iterator<Tuple2<Integer, Doc>> partition)
            throws IOException {
        Storage.Location at = Storage.locate(work, settings.hadoop().get());
        FileSystem fs = at.fs();
        List<Tuple2<Integer, Doc>> docs = new ArrayList<>();
        List<String> described = new ArrayList<>();
        partition.forEachRemaining(d -> {
            docs.add(d);
            Doc doc = d._2();
            described.add(d._1() + "\t" + doc.id() + "\t" + doc.name() + "\t" + doc.path() + "\t" + doc.uri() + "\t" + doc.from() + "\t" + doc.to());
        });
        String key = partKey(index, described);
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(at.path(), SparkOutput.PARTS);
        org.apache.hadoop.fs.Path done = new org.apache.hadoop.fs.Path(dir, String.format(java.util.Locale.ROOT, "part-%05d-%s.done", index, key));
        org.apache.hadoop.fs.Path articlesDone = new org.apache.hadoop.fs.Path(dir, String.format(java.util.Locale.ROOT, "articles-%05d-%s", index, key));
        org.apache.hadoop.fs.Path rejectedDone = new org.apache.hadoop.fs.Path(dir, String.format(java.util.Locale.ROOT, "rejected-%05d-%s", index, key));
        org.apache.hadoop.fs.Path attributesDone = settings.removed() != RemovedLayout.ATTRIBUTES ? null
                : new org.apache.hadoop.fs.Path(dir, String.format(java.util.Locale.ROOT, "attributes-%05d-%s", index, key));
        org.apache.hadoop.fs.Path spill = PartitionSpills.file(at.path(), index);
        Part kept = completed(fs, done, articlesDone, rejectedDone, attributesDone);
        if (kept != null) {
            if (facts != null) fs.delete(spill, false);
            return List.of(kept).iterator();
        }
        Iterator<Tuple2<Integer, Doc>> inputs = docs.iterator();
        // Named by the attempt too, so a retried or speculative attempt never writes into another's part files
        // while it works; complete, each file is renamed to the partition's name.
        org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
        String attempt = task == null ? "" : "-" + task.attemptNumber() + "-" + task.taskAttemptId();
        org.apache.hadoop.fs.Path articlesPart = new org.apache.hadoop.fs.Path(dir,
                String.format(java.util.Locale.ROOT, ".articles-%05d%s", index, attempt));
        org.apache.hadoop.fs.Path rejectedPart = new org.apache.hadoop.fs.Path(dir,
                String.format(java.util.Locale.ROOT, ".rejected-%05d%s", index, attempt));
        org.apache.hadoop.fs.Path attributesPart = attributesDone == null ? null
                : new org.apache.hadoop.fs.Path(dir, String.format(java.util.Locale.ROOT, ".attributes-%05d%s", index, attempt));
        org.apache.hadoop.fs.Path text = new org.apache.hadoop.fs.Path(at.path(), OutputFormat.TEXT_DIR);
        Tally tally = new Tally();
        long first = -1, last = -1;
        try (DocumentsSpill.Lenient paused = facts == null ? null
                : PartitionSpills.reading(fs, at.path(), index, warning -> System.err.println("winnow: warning: " + warning));
             java.io.Writer articles = partWriter(fs, articlesPart);
             java.io.Writer rejected = partWriter(fs, rejectedPart);
             java.io.Writer attributes = attributesPart == null ? java.io.Writer.nullWriter() : partWriter(fs, attributesPart)) {
            Iterator<Result> it = clean(settings, facts, paused, inputs);
            while (it.hasNext()) {
                Result r = it.next();
                if (r.skipped() != null) {
                    tally.skip(r.skipped());
                    continue;
                }
                if (r.position() <= last) {
                    throw new IllegalStateException("the outcome at position " + r.position() + " came after position " + last);
                }
                if (first < 0) first = r.position();
                last = r.position();
                if (r.isRecord()) {
                    articles.write(r.recordLine());
                    articles.write('\n');
                    if (attributesPart != null) {
                        attributes.write(r.attributesLine());
                        attributes.write('\n');
                    }
                    if (textFiles) {
                        // Not synced one by one: the commit renames the whole folder, and a crash before it discards it.
                        Storage.write(fs, new org.apache.hadoop.fs.Path(text, OutputFormat.textFileName(r.id())),
                                OutputFormat.textFileBytes(r.text()));
                    }
                    tally.record(r.bytes(), r.counts());
                } else {
                    rejected.write(OutputFormat.rejectionLine(r.rejection()));
                    rejected.write('\n');
                    tally.reject(r.rejection(), r.bytes());
                }
            }
            if (paused != null && paused.fellBack()) cleanedAgain.add(1);
        }
        finish(fs, articlesPart, articlesDone);
        finish(fs, rejectedPart, rejectedDone);
        if (attributesPart != null) finish(fs, attributesPart, attributesDone);
        Part part = new Part(index, done.toString(), articlesDone.toString(), rejectedDone.toString(),
                attributesDone == null ? null : attributesDone.toString(), first, last, tally, false);
        // The marker last, written whole and renamed into place: present, it vouches for every file.
        org.apache.hadoop.fs.Path writing = new org.apache.hadoop.fs.Path(dir, "." + done.getName() + attempt);
        try (java.io.OutputStream o = Storage.create(fs, writing)) {
            o.write(serialized(part));
        }
        finish(fs, writing, done);
        if (facts != null) fs.delete(spill, false);
        return List.of(part).iterator();
    }

    /** Renames an attempt's complete file to the partition's name; one already there (another attempt's, the same bytes) stays. */
    static void finish(FileSystem fs, org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
        if (fs.rename(from, to)) return;
        if (!fs.exists(to)) throw new IOException("cannot rename " + from + " to " + to);
        fs.delete(from, false);
    }

    /**
     * The result a killed run's attempt left for this partition: its marker and all its files there (the
     * attributes part too when {@code attributes} is not null), else null.
     */
    private static Part completed(FileSystem fs, org.apache.hadoop.fs.Path done, org.apache.hadoop.fs.Path articles,
                                  org.apache.hadoop.fs.Path rejected, org.apache.hadoop.fs.Path attributes) {
        try {
            if (!fs.exists(articles) || !fs.exists(rejected) || (attributes != null && !fs.exists(attributes))) return null;
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(fs.open(done))) {
                Part p = (Part) in.readObject();
                // Its files as this run names them (the output folder may be spelled another way this time).
                return new Part(p.index(), done.toString(), articles.toString(), rejected.toString(),
                        attributes == null ? null : attributes.toString(), p.first(), p.last(), p.tally(), true);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;    // no marker, or not one this build reads: clean the partition again
        }
    }

    private static java.io.Writer partWriter(FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(Storage.create(fs, file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** What pass 1 learned: the facts pass 2 reads, and a temporary file holding {@code quotes.jsonl}. */
    private record Analysis(CorpusFacts facts, Path quotes) {}

    /**
     * Pass 1: every document's {@link Features}, aggregated into {@link CorpusFacts} as
     * {@link dev.winnow.corpus.CorpusIndex} aggregates them, the decisions made by the same classes.
     *
     * <p>As the local runner spills them, each task puts its (band key, position) and (line key, position)
     * pairs into {@link #KEY_BUCKETS} buckets by key, as flat {@code long[]} chunks: one shuffle record per
     * chunk instead of one boxed pair per key, which cost Spark's shuffle sort and Java serialisation more
     * than a tenth of the run. The chunks are kept on the executors' disk and the buckets are then grouped or
     * counted by one task per {@link #DOCS_PER_REDUCER} documents (at least one per core), with the local
     * runner's code for one of its partitions: a task's memory does not grow with the corpus, and a small
     * corpus is not 2 x 256 tasks of nothing.
     */
    private Analysis analyze(JavaPairRDD<Integer, Doc> listed, Settings settings, String work, Options options, PrintStream log)
            throws IOException {
        if (!options.quiet()) log.println("winnow: pass 1 of 2: reading the corpus for repeated lines, near-duplicates and quotations");
        CorpusSettings corpus = settings.corpus();
        // The same RDD as pass 2 maps: partition i holds the same inputs in the same order, so its spill is pass 2's task i's.
        LongAccumulator counted = spark.sc().longAccumulator("winnow.pass1_documents");
        JavaPairRDD<Integer, Found> found = JavaPairRDD.fromJavaRDD(listed.mapPartitionsWithIndex(
                (index, part) -> new Chunks(analyzeInputs(settings, work, index, part), KEY_BUCKETS, counted), true));
        // On disk only, as the local runner spills its keys: kept in memory, a partition's block is unrolled
        // in the heap as it is computed (a 512 MB heap held 132 MB of two such blocks); the local disk is cheap next to cleaning.
        found.persist(StorageLevel.DISK_ONLY());
        List<Broadcast<?>> broadcasts = new ArrayList<>();
        try {
            // Pass 1 runs here, each task writing its chunks to disk and counting its documents. The partitions are
            // not read back: a task that does not iterate its block deserialises nothing (counting them from the chunks
            // read every chunk once more). A result stage applies each partition's accumulator update once.
            found.foreachPartition(chunks -> {});
            long documents = counted.value();
            // Bucket b goes to reducer b mod n (an Integer's hash is itself).
            org.apache.spark.HashPartitioner byBucket = new org.apache.spark.HashPartitioner(
                    reducers(documents, spark.defaultParallelism()));

            // Near-duplicates: documents sharing a band key, each joined to the first of its bucket seen.
            Clusters clusters = new Clusters();
            for (long[] edges : found.filter(f -> f._1() >= 0 && f._2().bands().length > 0).mapValues(Found::bands)
                    .partitionBy(byBucket).mapPartitions(bucket -> List.of(CorpusIndex.bandEdges(pairs(bucket))).iterator()).collect()) {
                for (int i = 0; i < edges.length; i += 2) clusters.union(edges[i], edges[i + 1]);
            }
            Set<Long> roots = clusters.roots();
            Map<Long, String> rootIds = new HashMap<>();
            if (!roots.isEmpty()) {
                Broadcast<HashSet<Long>> wanted = spark.broadcast(new HashSet<>(roots));
                broadcasts.add(wanted);
                rootIds.putAll(found.values().filter(f -> f.idBytes() != null).flatMapToPair(f -> {
                    List<Tuple2<Long, String>> ids = new ArrayList<>();
                    String[] all = null;
                    for (int i = 0; i < f.positions().length; i++) {
                        if (!wanted.value().contains(f.positions()[i])) continue;
                        if (all == null) all = f.ids();
                        ids.add(new Tuple2<>(f.positions()[i], all[i]));
                    }
                    return ids.iterator();
                }).collectAsMap());
            }
            Map<Long, Cluster> clustered = clusters.build(rootIds::get);

            // Repeated lines: each line key counted once per cluster root holding it.
            Broadcast<HashMap<Long, Cluster>> clusterMap = spark.broadcast(new HashMap<>(clustered));
            broadcasts.add(clusterMap);
            long[] repeatedLines = found.filter(f -> f._1() >= 0 && f._2().lines().length > 0).mapValues(Found::lines)
                    .partitionBy(byBucket).mapPartitions(bucket -> List.of(CorpusIndex.repeatedLines(pairs(bucket), clusterMap.value(), corpus)).iterator())
                    .collect().stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(repeatedLines);

            // Quotations: one table on the driver, fed a partition at a time (it spills what grows with the
            // corpus); the order documents arrive in does not matter to it. quotes.jsonl goes to a file.
            Path spill = Files.createTempDirectory("winnow-quotes");
            Path quotes = Files.createTempFile("winnow-quotes", ".jsonl");
            long[] repeats;
            int quotations = 0;
            try (QuoteTable table = new QuoteTable(spill);
                 java.io.BufferedWriter lines = Files.newBufferedWriter(quotes, StandardCharsets.UTF_8)) {
                Iterator<Features> quoted = found.values().filter(f -> f.quotedBytes() != null)
                        .flatMap(f -> f.quoted().iterator()).toLocalIterator();
                while (quoted.hasNext()) {
                    Features q = quoted.next();
                    table.add(q.position(), q.id(), q.quotes());
                }
                QuotesFile.Lines written = new QuotesFile.Lines(lines);
                repeats = table.finish(written, corpus.dedupeQuotes());
                quotations = written.count();
            } finally {
                Files.deleteIfExists(spill);
            }
            CorpusFacts facts = new CorpusFacts(repeatedLines, clustered, repeats);
            if (!options.quiet()) {
                log.printf(java.util.Locale.ROOT, "winnow: pass 1 of 2 done: %d documents, %d repeated site lines, %d near-duplicate "
                        + "documents, %d distinct quotations; pass 2 of 2: cleaning%n", documents,
                        facts.repeatedLines().length, facts.clusters().size(), quotations);
            }
            return new Analysis(facts, quotes);
        } finally {
            found.unpersist(false);
            for (Broadcast<?> b : broadcasts) b.destroy();
        }
    }

    /** Buckets of pass 1's keys: the most tasks that group or count them. */
    static final int KEY_BUCKETS = 256;

    /** Documents whose keys one task groups or counts: 3,000 documents' line keys take a few MB of its heap. */
    static final long DOCS_PER_REDUCER = 3_000;

    /** Tasks that group or count pass 1's keys: one per {@link #DOCS_PER_REDUCER} documents, at least one per core. */
    static int reducers(long documents, int cores) {
        return (int) Math.max(1, Math.min(KEY_BUCKETS, Math.max(cores, documents / DOCS_PER_REDUCER)));
    }

    /** Pairs a task holds before it hands them on as chunks: 8 MB of keys, so a task's memory does not grow with its partition. */
    private static final int CHUNK_LONGS = 1 << 20;

    /**
     * A piece of one task's pass 1, keyed by bucket: for a bucket, its (band key, position) and (line key,
     * position) pairs, flat; under key -1, documents' positions and ids, and the quotations of those that
     * have some (as {@link Features} without keys).
     */
    private record Found(long[] bands, long[] lines, long[] positions, byte[] idBytes, byte[] quotedBytes)
            implements Serializable {
        /**
         * The documents' ids and quotations are kept serialised, as one byte array each: persisted on disk, the
         * chunks are read back by every aggregation job (the count, both shuffles, the root ids, the quotations),
         * and deserialising the ids' strings and the quotations' objects each time cost more than the key arrays;
         * now only the job that wants them decodes them.
         */
        static Found documents(long[] positions, String[] ids, ArrayList<Features> quoted) {
            return new Found(null, null, positions, serialized(ids), quoted.isEmpty() ? null : serialized(quoted));
        }

        int documents() {
            return positions == null ? 0 : positions.length;
        }

        /** The documents' ids, in the order of {@link #positions}; null in a bucket's chunk. */
        String[] ids() {
            return idBytes == null ? null : deserialized(idBytes, String[].class);
        }

        /** The quotations of the documents that have some, as {@link Features} without keys; empty when none. */
        @SuppressWarnings("unchecked")
        ArrayList<Features> quoted() {
            return quotedBytes == null ? new ArrayList<>() : deserialized(quotedBytes, ArrayList.class);
        }
    }

    private static <T> T deserialized(byte[] bytes, Class<T> type) {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read back a chunk of pass 1", e);
        }
    }

    /** A growing {@code long[]}. */
    private static final class Longs {
        long[] values = new long[64];
        int size;

        void add(long a, long b) {
            if (size + 2 > values.length) values = Arrays.copyOf(values, values.length * 2);
            values[size++] = a;
            values[size++] = b;
        }

        long[] take() {
            long[] taken = Arrays.copyOf(values, size);
            size = 0;
            return taken;
        }
    }

    /** A task's features as {@link Found} chunks, handed on whenever {@link #CHUNK_LONGS} pairs are held, and at the end. */
    private static final class Chunks implements Iterator<Tuple2<Integer, Found>> {
        private final Iterator<Features> features;
        private final Longs[] bands, lines;
        private final List<Long> positions = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private ArrayList<Features> quoted = new ArrayList<>();
        private final java.util.ArrayDeque<Tuple2<Integer, Found>> ready = new java.util.ArrayDeque<>();
        private long held;

        /** Documents handed on, counted for the driver. */
        private final LongAccumulator documents;

        Chunks(Iterator<Features> features, int buckets, LongAccumulator documents) {
            this.features = features;
            this.documents = documents;
            bands = new Longs[buckets];
            lines = new Longs[buckets];
            for (int b = 0; b < buckets; b++) {
                bands[b] = new Longs();
                lines[b] = new Longs();
            }
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && features.hasNext()) {
                Features f = features.next();
                if (f == null) continue;
                for (long key : f.bands()) bands[CorpusIndex.bucket(key, bands.length)].add(key, f.position());
                for (long key : f.lines()) lines[CorpusIndex.bucket(key, lines.length)].add(key, f.position());
                positions.add(f.position());
                ids.add(f.id());
                if (!f.quotes().isEmpty()) quoted.add(new Features(f.position(), f.id(), new long[0], new long[0], new ArrayList<>(f.quotes())));
                held += 2L * (f.bands().length + f.lines().length) + 1;
                if (held >= CHUNK_LONGS) flush();
            }
            if (ready.isEmpty() && held > 0) flush();
            return !ready.isEmpty();
        }

        @Override
        public Tuple2<Integer, Found> next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            return ready.poll();
        }

        private void flush() {
            for (int b = 0; b < bands.length; b++) {
                if (bands[b].size + lines[b].size > 0) ready.add(new Tuple2<>(b, new Found(bands[b].take(), lines[b].take(), null, null, null)));
            }
            ready.add(new Tuple2<>(-1, Found.documents(positions.stream().mapToLong(Long::longValue).toArray(),
                    ids.toArray(String[]::new), quoted)));
            documents.add(positions.size());
            positions.clear();
            ids.clear();
            quoted = new ArrayList<>();
            held = 0;
        }
    }

    /** The key pairs of one reducer's chunks, for {@link CorpusIndex}'s per-partition code. */
    private static Iterator<long[]> pairs(Iterator<Tuple2<Integer, long[]>> chunks) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() { return chunks.hasNext(); }

            @Override
            public long[] next() { return chunks.next()._2(); }
        };
    }

    /** Tasks per core a corpus of few, big files is cut into, so that cores finish together. */
    static final int SLICES_PER_CORE = 8;

    /** Bytes of a JSON Lines file read to learn its mean line length. */
    private static final int HEAD_BYTES = 1 << 20;

    /** The smallest slice, in bytes: a file no larger is read whole. Not final so a test can cut small files. */
    static long minSliceBytes = HEAD_BYTES;

    /**
     * The inputs in order, keyed by their index in the listing, a big JSON Lines file cut into slices of
     * consecutive entries. A file is otherwise read by one task, and a corpus of a few big files left cores
     * idle: four 64, 64, 64 and 8 MB files on two cores are 128 MB for one, 72 for the other. A plain,
     * local JSON Lines file larger than the corpus's size over {@link #SLICES_PER_CORE} per core becomes as
     * many slices as that size goes into it, their entry ranges estimated from its size and the mean
     * length of the lines of its first MB; the last slice runs to the end of the file, so a wrong estimate
     * costs balance, never an entry. No slice is larger than half of {@link #PARTITION_BYTES}, however big the
     * corpus, so that {@link #groups} can bound every partition. Compressed files, web archives and remote
     * files are not cut (their entries cannot be counted from their size, or each slice would copy the whole file).
     */
    static List<Piece> slices(List<Doc> docs, int cores) {
        long[] sizes = new long[docs.size()];
        long total = 0;
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            if (d.uri() == null && Containers.kindOf(d.name(), null) == Containers.Kind.JSONL
                    && dev.winnow.archive.Compression.innerName(d.name()).equals(d.name())) {
                try {
                    sizes[i] = Files.size(Path.of(d.path()));
                } catch (IOException e) {
                    sizes[i] = 0;       // read whole, where its error is reported
                }
            }
            total += sizes[i];
        }
        long slice = Math.max(minSliceBytes, Math.min(PARTITION_BYTES / 2, total / ((long) SLICES_PER_CORE * Math.max(1, cores))));
        List<Piece> out = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            int pieces = (int) Math.min(1024, (sizes[i] + slice - 1) / slice);
            long lines = pieces > 1 ? estimatedLines(Path.of(d.path()), sizes[i]) : 0;
            if (pieces < 2 || lines < 2L * pieces) {
                out.add(new Piece(new Tuple2<>(i, d), sizes[i]));
                continue;
            }
            long per = lines / pieces;
            for (int k = 0; k < pieces; k++) {
                int from = (int) Math.min(Integer.MAX_VALUE - 1, k * per);
                int to = k == pieces - 1 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE - 1, (k + 1) * per);
                out.add(new Piece(new Tuple2<>(i, d.slice(from, to)), sizes[i] / pieces));
            }
        }
        return out;
    }

    /** An input or a slice of one, keyed by its index in the listing, with its size in bytes (0: not measured). */
    private record Piece(Tuple2<Integer, Doc> doc, long bytes) {}

    /**
     * Bytes of plain JSON Lines one automatically sized partition holds at most (a file that cannot be cut
     * may be bigger). What a task holds grows with its partition (pass 1 persists a partition's keys as one
     * block; the driver takes pass 1's quotations a partition at a time), so a partition must not grow with
     * the corpus: counted in inputs alone, the 2 GB bench corpus (32 files of 64 MB, none cut at its slice
     * size of 125 MB) was 2 partitions of 1 GB, and ran out of a 512 MB heap that held the 1 GB corpus.
     */
    static final long PARTITION_BYTES = 64L << 20;

    /**
     * The items in order, cut into runs, one per partition: about {@code partitions} runs of as many items
     * each, a run also ending before it would pass its share of the items' bytes or {@code maxBytes} (so a
     * bigger corpus gets more partitions, not bigger ones). At least one run, empty for no items.
     */
    static <T> List<ArrayList<T>> groups(List<T> items, java.util.function.ToLongFunction<T> bytesOf, int partitions, long maxBytes) {
        int n = Math.max(1, partitions);
        long total = items.stream().mapToLong(bytesOf).sum();
        int perCount = (items.size() + n - 1) / n;
        long perBytes = Math.min(maxBytes, Math.max(1, (total + n - 1) / n));
        List<ArrayList<T>> out = new ArrayList<>();
        ArrayList<T> run = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            long b = bytesOf.applyAsLong(item);
            if (!run.isEmpty() && (run.size() >= perCount || bytes + b > perBytes)) {
                out.add(run);
                run = new ArrayList<>();
                bytes = 0;
            }
            run.add(item);
            bytes += b;
        }
        if (!run.isEmpty() || out.isEmpty()) out.add(run);
        return out;
    }

    /** A JSON Lines file's line count, estimated from its size and its first MB; 0 when it cannot be read. */
    private static long estimatedLines(Path file, long size) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEAD_BYTES);
            int newlines = 0;
            for (byte b : head) if (b == '\n') newlines++;
            return newlines == 0 ? 0 : size * newlines / head.length;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Enough partitions to use every core, and enough that none holds more than {@link #MAX_DOCS_PER_PARTITION}. */
    static int partitions(int docs, int defaultParallelism) {
        int bySize = (int) ((docs + (long) MAX_DOCS_PER_PARTITION - 1) / MAX_DOCS_PER_PARTITION);
        return Math.max(1, Math.min(Math.max(docs, 1), Math.max(defaultParallelism, bySize)));
    }

    /**
     * Runs in an executor, pass 1: one analysing processor per partition (it holds parsers and is not
     * serialisable); the features of each document that would become a record, computed as the iterator is read.
     * Each outcome's entry goes to partition {@code index}'s spill in {@code work} ({@link PartitionSpills}), put
     * in place once the last input is done, so that pass 2 resumes the documents instead of cleaning them again.
     */
    private static Iterator<Features> analyzeInputs(Settings settings, String work, int index, Iterator<Tuple2<Integer, Doc>> inputs)
            throws IOException {
        DocumentProcessor processor = settings.processor().pausing();
        Storage.Location at = Storage.locate(work, settings.hadoop().get());
        org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
        String attempt = task == null ? "-" + java.util.UUID.randomUUID() : "-" + task.attemptNumber() + "-" + task.taskAttemptId();
        PartitionSpills.Writing spill = new PartitionSpills.Writing(at.fs(), at.path(), index, attempt);
        // A task that fails or is killed leaves no half spill behind (nothing once it is in place).
        if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> spill.abort());
        return new Documents<>(inputs, settings, processor, null, new Documents.Handler<>() {
            @Override
            public Features unit(DocumentTasks.Done done) {
                try {
                    spill.add(done.input(), done.outcome().paused());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the spill of partition " + index, e);
                }
                return done.outcome().features();
            }

            @Override
            public Features skipped(Map<String, Long> skipped) {
                return null;    // pass 2 reports them, as the local runner's does
            }

            @Override
            public void end() {
                try {
                    spill.commit();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the spill of partition " + index, e);
                }
            }
        });
    }

    /**
     * Runs in an executor, the only pass or pass 2: one processor per partition, one outcome per document,
     * and after an input whose container passed records over, their counts. A document with an entry in
     * {@code paused} (pass 1's spill, or null) is resumed from it.
     */
    private static Iterator<Result> clean(Settings settings, Broadcast<CorpusFacts> facts, DocumentsSpill.Entries paused,
                                          Iterator<Tuple2<Integer, Doc>> inputs) {
        DocumentProcessor plain = settings.processor();
        DocumentProcessor processor = facts == null ? plain : plain.withCorpus(facts.value(), settings.corpus());
        return new Documents<>(inputs, settings, processor, paused, new Documents.Handler<>() {
            @Override
            public Result unit(DocumentTasks.Done done) {
                // A unit the container could not give still has its input, which carries the position.
                return Result.of(done.input().position(), done.outcome());
            }

            @Override
            public Result skipped(Map<String, Long> skipped) {
                return Result.skipped(skipped);
            }
        });
    }

    /**
     * The documents of a partition's inputs, each input expanded by {@link Units#of} in order, each
     * document run by the processor as the local runner runs it ({@link DocumentTasks}: one worker, under the
     * time budget) and its outcome handed to the handler as the iterator is read; a null from the handler is
     * passed over. A remote input's local copy is deleted once its documents are done, and when the task ends;
     * the worker is stopped when the task ends.
     */
    private static final class Documents<T> implements Iterator<T> {
        interface Handler<T> {
            T unit(DocumentTasks.Done done);

            /** Called once an input's documents are all read, when its container passed records over. */
            T skipped(Map<String, Long> skipped);

            /** Called once, after the last input's documents. */
            default void end() {}
        }

        private final Iterator<Tuple2<Integer, Doc>> inputs;
        private final Settings settings;
        private final DocumentProcessor processor;
        /** Pass 1's spill of these documents, or null. */
        private final DocumentsSpill.Entries paused;
        private final Handler<T> handler;
        private final DocumentTasks tasks;
        private final List<Storage.Fetched> fetched = new ArrayList<>();
        private Iterator<DocumentTasks.Done> current = Collections.emptyIterator();
        private Map<String, Long> skipped;
        private T ahead;
        private boolean done;

        Documents(Iterator<Tuple2<Integer, Doc>> inputs, Settings settings, DocumentProcessor processor,
                  DocumentsSpill.Entries paused, Handler<T> handler) {
            this.inputs = inputs;
            this.settings = settings;
            this.processor = processor;
            this.paused = paused;
            this.handler = handler;
            this.tasks = settings.tasks();
            org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
            // A task that fails or is killed half-way through an input leaves no copy behind either, nor a worker.
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> {
                    release();
                    tasks.close();
                });
            }
        }


        @Override
        public boolean hasNext() {
            while (ahead == null) {
                if (current.hasNext()) {
                    ahead = handler.unit(current.next());
                } else if (skipped != null) {
                    Map<String, Long> done = skipped;
                    skipped = null;
                    release();
                    if (!done.isEmpty()) ahead = handler.skipped(done);
                } else if (inputs.hasNext()) {
                    Tuple2<Integer, Doc> d = inputs.next();
                    skipped = new TreeMap<>();
                    try {
                        // One input at a time: a plain file is read by its job, so its local copy must outlive it.
                        current = tasks.outcomes(d._2().units(d._1(), settings, skipped, fetched), processor, settings.source(), paused);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot fetch " + d._2().name(), e);
                    }
                } else {
                    release();
                    if (!done) {
                        done = true;
                        settings.lostThreads().add(lost());
                        handler.end();
                    }
                    return false;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            T t = ahead;
            ahead = null;
            return t;
        }

        private int lost() {
            try {
                return tasks.lostThreads();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.UncheckedIOException(new IOException("interrupted", e));
            }
        }

        /** Deletes the local copies of the inputs read so far. */
        private void release() {
            for (Storage.Fetched f : fetched) {
                try {
                    f.close();
                } catch (IOException e) {
                    // a temporary file left behind costs disk, not output
                }
            }
            fetched.clear();
        }
    }

    private ObjectNode report(Tally tally, double seconds, Options options, int partitions, int resumed, long lostThreads) {
        DocumentProcessor processor = new DocumentProcessor(chain.text(), PROFILE, options.limits()).tuned(options.tuning());
        ObjectNode r = RunReport.counts("spark", PROFILE, processor.textChain(), processor.markupChain(), tally.outcomes(), tally);
        r.put("spark_master", spark.master());
        r.put("spark_version", spark.version());
        r.put("partitions", partitions);
        RunReport.speed(r, seconds, tally.bytes(), tally.outcomes());
        r.put("resumed_partitions", resumed);
        RunReport.skipped(r, tally.skipped());
        CorpusStages.describe(options.corpus()).forEach(r.putArray("pipeline_corpus")::add);
        RunReport.limits(r, options.limits(), lostThreads);
        return r;
    }

    /**
     * What executors need to build a {@link DocumentProcessor} (which is not serialisable) and read containers.
     * {@link Limits} is not serialisable: its parts are carried instead.
     */
    private record Settings(long maxBytes, long maxChars, Duration timeout, String source, Containers.Fields fields,
                            CorpusSettings corpus, Chain chain, Storage.Conf hadoop, LongAccumulator lostThreads,
                            RemovedLayout removed, String added, Tuning tuning, Naming naming)
            implements Serializable {
        Settings(Limits limits, String source, Containers.Fields fields, CorpusSettings corpus, Chain chain, Storage.Conf hadoop,
                 LongAccumulator lostThreads, RemovedLayout removed, String added, Tuning tuning) {
            this(limits.maxBytes(), limits.maxChars(), limits.timeout(), source, fields, corpus, chain, hadoop, lostThreads, removed,
                    added, tuning, Naming.PATHS);
        }

        /** These settings, the documents named by {@code chosen}. */
        Settings named(Naming chosen) {
            return new Settings(maxBytes, maxChars, timeout, source, fields, corpus, chain, hadoop, lostThreads, removed, added, tuning,
                    chosen);
        }

        Limits limits() {
            return new Limits(maxBytes, maxChars, timeout);
        }

        /**
         * The processor of this run's chain, built once per executor JVM rather than once per task: building the
         * chain (models, language profiles) took a few tenths of a second of CPU, paid again by every task of
         * both passes. One processor serves concurrent tasks, as the local runner's serves its threads.
         */
        DocumentProcessor processor() {
            ProcessorKey key = new ProcessorKey(java.nio.ByteBuffer.wrap(serialized(chain)), maxBytes, maxChars, timeout, removed, added, tuning);
            synchronized (Settings.class) {
                if (cached == null || !cached.getKey().equals(key)) {
                    // only the last run's: a test JVM runs many chains, each holding parsers and models
                    cached = Map.entry(key, new DocumentProcessor(chain.text(), PROFILE, limits()).withRemoved(removed)
                            .withAdded(added).tuned(tuning));
                }
                return cached.getValue();
            }
        }

        /** As the local runner reads containers: a pipe waits for its writer as long as a document may take. */
        Containers.Options reading() {
            return new Containers.Options(maxBytes, fields, timeout);
        }

        /** One worker: a task is one core. */
        DocumentTasks tasks() {
            return new DocumentTasks(1, timeout, warning -> System.err.println("winnow: warning: " + warning));
        }
    }

    /** What decides a processor: the chain, as its serialised form (which holds what a test's chain captures), and the limits. */
    private record ProcessorKey(java.nio.ByteBuffer chain, long maxBytes, long maxChars, Duration timeout, RemovedLayout removed,
                                String added, Tuning tuning) {}

    /** The processor {@link Settings#processor} built last in this JVM, and for what. */
    private static Map.Entry<ProcessorKey, DocumentProcessor> cached;

    private static byte[] serialized(Serializable o) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The chain plain text runs through, built in each executor (a pipeline is not serialisable): the text
     * profile, or what a test puts in its place.
     */
    @FunctionalInterface
    interface Chain extends Serializable {
        Pipeline text();
    }

    /**
     * One input as an executor opens it: a local file at {@code path} (absolute), or a file of a Hadoop file
     * system at {@code uri}, which the executor copies to its local disk first ({@link Storage#fetch}).
     */
    private record Doc(String id, String name, String path, String uri, int from, int to) implements Serializable {
        /** The whole input. */
        Doc(String id, String name, String path, String uri) {
            this(id, name, path, uri, 0, Integer.MAX_VALUE);
        }

        /** Only the documents of entries {@code from} (inclusive) to {@code to} (exclusive) of this container. */
        Doc slice(int from, int to) {
            return new Doc(id, name, path, uri, from, to);
        }

        /** Whether this is the last (or only) slice of its input, which reads it to its end. */
        boolean last() {
            return to == Integer.MAX_VALUE;
        }

        /**
         * The documents of this input, the {@code index}-th of the listing. A remote file that is gone or
         * may not be read is one {@code unreadable} rejection; any other failure to copy it (the network)
         * fails the task, which Spark retries. The local copy, if any, goes into {@code fetched}.
         */
        Iterator<Units.Unit> units(int index, Settings settings, Map<String, Long> skipped, List<Storage.Fetched> fetched)
                throws IOException {
            // The records a container passed over are counted by the slice that reads it to its end, once.
            if (!last()) skipped = new TreeMap<>();
            if (uri == null) {
                return named(within(Units.of(new Input(id, name, Path.of(path), null), index, settings.reading(), skipped, from)),
                        settings.naming());
            }
            Storage.Fetched copy;
            try {
                copy = Storage.fetch(uri, settings.hadoop());
            } catch (java.io.FileNotFoundException | org.apache.hadoop.security.AccessControlException e) {
                Input gone = new Input(id, name, null, null, null, null, 0, uri);
                return List.of(Units.unreadable(gone, index, e.getClass().getSimpleName() + ": " + e.getMessage())).iterator();
            }
            fetched.add(copy);
            Input local = new Input(id, name, copy.file(), null, null, null, 0, uri);
            return named(within(Units.of(local, index, settings.reading(), skipped, from)), settings.naming());
        }

        private static Iterator<Units.Unit> named(Iterator<Units.Unit> units, Naming naming) {
            if (naming.source() == IdSource.PATH) return units;
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return units.hasNext();
                }

                @Override
                public Units.Unit next() {
                    return naming.apply(units.next());
                }
            };
        }

        /**
         * The units of this slice: those before {@code from} are read and passed over (reading a JSON line costs
         * a small fraction of cleaning it), and the container is closed once {@code to} is reached.
         */
        private Iterator<Units.Unit> within(Iterator<Units.Unit> all) {
            if (from == 0 && last()) return all;
            return new Iterator<>() {
                private Units.Unit ahead;
                private boolean done;

                @Override
                public boolean hasNext() {
                    while (ahead == null && !done) {
                        if (!all.hasNext()) {
                            done = true;
                            break;
                        }
                        Units.Unit u = all.next();
                        long entry = u.input().position() & 0xFFFF_FFFFL;
                        if (entry >= to) {
                            done = true;
                            if (all instanceof java.io.Closeable c) {
                                try {
                                    c.close();
                                } catch (IOException e) {
                                    // nothing more is read from it
                                }
                            }
                        } else if (entry >= from) {
                            ahead = u;
                        }
                    }
                    return ahead != null;
                }

                @Override
                public Units.Unit next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    Units.Unit u = ahead;
                    ahead = null;
                    return u;
                }
            };
        }
    }

    /**
     * An {@link Outcome} as an executor writes it, with its document's position. A record carries
     * its JSON line and text; a rejection its reason and message. A result with {@code skipped} set is no
     * outcome: it carries the container records an input passed over, by type.
     */
    private record Result(long position, String id, String path, String recordLine, String attributesLine, String text,
                          RejectReason reason, String message, long bytes, HashMap<String, HashMap<String, Integer>> counts,
                          TreeMap<String, Long> skipped) implements Serializable {

        static Result of(long position, Outcome o) {
            HashMap<String, HashMap<String, Integer>> counts = new HashMap<>();
            o.counts().forEach((stage, reasons) -> counts.put(stage, new HashMap<>(reasons)));
            Rejection r = o.rejection();
            return r == null
                    ? new Result(position, o.id(), null, o.recordLine(), o.attributesLine(), o.text(), null, null, o.bytes(), counts, null)
                    : new Result(position, r.id(), r.path(), null, null, null, r.reason(), r.message(), o.bytes(), counts, null);
        }

        static Result skipped(Map<String, Long> skipped) {
            return new Result(-1, null, null, null, null, null, null, null, 0, null, new TreeMap<>(skipped));
        }

        boolean isRecord() { return reason == null; }

        Rejection rejection() { return new Rejection(id, path, reason, message); }
    }
}
