package dev.winnow.spark;

import dev.winnow.Version;
import dev.winnow.cli.CleanCommand;
import dev.winnow.cli.CorpusOptions;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.cli.RecordOptions;
import dev.winnow.cli.RunOutcome;
import dev.winnow.cli.SizeOptions;
import dev.winnow.cli.TuningOptions;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.record.RemovedLayout;
import dev.winnow.run.HeartbeatLock;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputOwnership;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Entry point of a Spark run: {@code spark-submit --class dev.winnow.spark.SparkMain winnow.jar INPUT... -o OUTDIR}.
 * Takes {@code winnow clean}'s options where they mean the same, and exits with its exit codes.
 */
@Command(name = "winnow-spark", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        version = "winnow " + Version.VERSION,
        description = {
                "Clean scraped inputs into article records on Apache Spark: 'winnow clean'",
                "with the documents read and cleaned in Spark executors, in the same two",
                "passes (the corpus stages; --no-corpus for one). OUTDIR gets the same",
                "articles.jsonl (or documents/ with --records-per-shard), rejected.jsonl,",
                "quotes.jsonl and text/ as 'winnow clean' writes, byte for byte, and a",
                "report.json with \"engine\": \"spark\". With --format parquet the records",
                "are Parquet files in documents/ instead, written by Spark.",
                "",
                "INPUT and OUTDIR may be URIs of any Hadoop file system on the class path",
                "(hdfs://namenode/crawl, s3a://bucket/crawl, file:///data/crawl): listed and",
                "read through Hadoop's FileSystem, each input copied to the executor's local",
                "disk while it is read. A plain path is read and written through the local",
                "file system, so it must be at the same path on every executor and the",
                "driver (a shared mount, or local mode). A rerun over this run's finished",
                "output does nothing (--restart does it again). A second run into an OUTDIR",
                "a live run holds (OUTDIR/.winnow-spark.lock) exits 1 naming it. A rerun",
                "of a killed run keeps the partitions it completed (same inputs, options,",
                "build and partitions). Not supported here: standard input.",
                "",
                "Examples:",
                "  spark-submit --class dev.winnow.spark.SparkMain winnow.jar seeds -o out",
                "  spark-submit --master yarn --class dev.winnow.spark.SparkMain winnow.jar \\",
                "      hdfs:///crawl -o hdfs:///cleaned",
                "  java -cp winnow.jar:SPARK_JARS dev.winnow.spark.SparkMain seeds -o out \\",
                "      --master 'local[2]'",
                ""},
        footer = {"", "Exit codes: 0 all inputs cleaned; 3 done, some inputs rejected (see",
                "rejected.jsonl); 1 run failed (output left as before); 2 usage error."})
public final class SparkMain implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "A file or a folder (read recursively, hidden files skipped): a local path, or a URI "
                    + "(hdfs://, s3a://, file://).")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Output folder, a local path or a URI (hdfs://, s3a://, file://); created if missing. A run replaces an earlier run's files whole, text/ included; "
                    + "a folder holding files Winnow did not write is refused (exit 2) unless --allow-other-files.")
    String output;

    @Option(names = "--allow-other-files", description = "Write into an OUTDIR that also holds files Winnow did not "
            + "write (by default such a folder is refused, exit 2). Those files are never touched; a file with one of "
            + "Winnow's output names that Winnow did not write is refused all the same.")
    boolean allowOtherFiles;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master as spark-submit sets it, else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as spark-submit's --conf; repeatable.")
    List<String> conf = new ArrayList<>();

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spark partitions (default: enough for every core, at most "
                    + SparkRunner.MAX_DOCS_PER_PARTITION + " documents each).")
    int partitions;

    @CommandLine.Mixin
    SizeOptions sizes = new SizeOptions();

    @Option(names = "--source", paramLabel = "NAME",
            description = "Value of each record's 'source' field (default: the first INPUT's folder or file name).")
    String source;

    @CommandLine.Mixin
    CorpusOptions corpusOptions = new CorpusOptions();

    @Option(names = "--no-text-files", description = "Do not write OUTDIR/text/<id>.txt.")
    boolean noTextFiles;

    @Option(names = "--compress", paramLabel = "CODEC", converter = CleanCommand.CodecConverter.class,
            description = "Write articles, rejections and quotes as .jsonl.gz (gz) or .jsonl.zst (zst) (default: plain .jsonl).")
    OutputCodec compress = OutputCodec.NONE;

    @CommandLine.Mixin
    RecordOptions recordOptions = new RecordOptions();

    @CommandLine.Mixin
    TuningOptions tuningOptions = new TuningOptions();

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "jsonl (default): the records as winnow clean writes them. parquet: the records as "
                    + "OUTDIR/documents/part-00000.parquet (part-00001... with --records-per-shard N, N rows each), rows in "
                    + "input order, written by Spark with the column types of schema/spark/articles.ddl and pages "
                    + "compressed as --compress says; rejections, quotes and the report stay JSON. Not with --removed attributes.")
    RecordFormat format = RecordFormat.JSONL;

    @Option(names = "--restart", description = "Do the whole run again even when OUTDIR already holds this run's "
            + "finished output (by default such a rerun does nothing and says unchanged), or a killed run's completed "
            + "partitions (by default kept).")
    boolean restart;

    @Option(names = "--stale-lock-after", paramLabel = "SECONDS",
            description = "A Spark run holds OUTDIR/.winnow-spark.lock while it works and refreshes its heartbeat; a second "
                    + "run is refused (exit 1) unless that heartbeat is older than this, when the lock is taken to be a "
                    + "killed run's and taken over (default: ${DEFAULT-VALUE}). Keep it well above the clock skew between "
                    + "drivers and any pause of a driver.")
    long staleLockAfter = HeartbeatLock.Settings.DEFAULT_STALE_AFTER.toSeconds();

    @Option(names = {"-q", "--quiet"}, description = "No progress output; errors are still printed.")
    boolean quiet;

    private static boolean sparkOnClassPath() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        if (!sparkOnClassPath()) {
            // Spark is a provided dependency: winnow.jar does not carry it, spark-submit (or make spark-local) adds it.
            System.err.println("winnow: Apache Spark is not on the class path. Run this through spark-submit:\n"
                    + "  spark-submit --class dev.winnow.spark.SparkMain target/winnow.jar INPUT... -o OUTDIR\n"
                    + "or on this machine, without installing Spark: make spark-local\n"
                    + "(java -jar target/winnow.jar clean ... is the same pipeline without Spark)");
            return ExitCodes.USAGE;
        }
        return Main.run(new SparkMain(), args);
    }

    @Override
    public Integer call() {
        CommandLine self = new CommandLine(this);
        if (inputs.contains("-")) throw new CommandLine.ParameterException(self, "standard input (-) cannot be read by Spark executors");
        if (partitions < 0) throw new CommandLine.ParameterException(self, "--partitions must not be negative");
        if (output.isEmpty()) throw new CommandLine.ParameterException(self, "-o: the output folder must not be empty");
        SparkConf sparkConf = sparkConf(self);
        String src = source != null ? source : CleanCommand.defaultSource(inputs.get(0));
        Limits limits = sizes.limits(self);
        CorpusSettings corpus = corpusOptions.settings(self);
        if (format == RecordFormat.PARQUET && recordOptions.removed() == RemovedLayout.ATTRIBUTES) {
            throw new CommandLine.ParameterException(self, SparkRunner.PARQUET_WITH_ATTRIBUTES);
        }
        SparkRunner.Options options = new SparkRunner.Options(output, limits, src, !noTextFiles, partitions, quiet, corpus,
                corpusOptions.fields(), compress, allowOtherFiles, recordOptions.removed(), recordOptions.recordsPerShard(self), format,
                recordOptions.added(self), tuningOptions.tuning(self));
        if (staleLockAfter <= 0) throw new CommandLine.ParameterException(self, "--stale-lock-after must be positive");
        HeartbeatLock.Settings lock = HeartbeatLock.Settings.staleAfter(java.time.Duration.ofSeconds(staleLockAfter));
        try {
            // Checked again by the runner; here too, so a wrong -o or a busy one is refused before Spark takes seconds to start.
            Storage.Location out = Storage.locate(output, hadoopConf(sparkConf));
            OutputOwnership.check(SparkRunner.guarded(output, out), allowOtherFiles);
            HeartbeatLock.checkFree(SparkRunner.lockFile(out), output, lock);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(self, "-o " + output + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return RunOutcome.stopped(e);
        }
        try (JavaSparkContext spark = new JavaSparkContext(sparkConf)) {
            SparkRunner runner = new SparkRunner(spark).withLock(lock);
            if (restart) runner = runner.restarting();
            SparkRunner.Summary s = runner.run(inputs, options, System.err);
            return RunOutcome.finished(s.inputs(), s.records(), s.rejected(), s.alreadyDone(), output, quiet);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return RunOutcome.stopped(e);
        }
    }

    /** {@code jsonl} or {@code parquet}, in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<RecordFormat> {
        @Override
        public RecordFormat convert(String value) {
            for (RecordFormat f : RecordFormat.values()) if (f.code().equalsIgnoreCase(value.strip())) return f;
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format: jsonl or parquet");
        }
    }

    /** The Hadoop settings Spark would give its context: the defaults and site files, then spark.hadoop.* keys. */
    private static org.apache.hadoop.conf.Configuration hadoopConf(SparkConf spark) {
        org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration();
        for (scala.Tuple2<String, String> kv : spark.getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) c.set(kv._1().substring("spark.hadoop.".length()), kv._2());
        }
        return c;
    }

    /** spark.* system properties (what spark-submit passes), then --conf, then --master; local[*] when no master is set. */
    private SparkConf sparkConf(CommandLine self) {
        SparkConf c = new SparkConf();
        if (!c.contains("spark.app.name")) c.setAppName("winnow");
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new CommandLine.ParameterException(self, "--conf takes KEY=VALUE: " + kv);
            c.set(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (master != null) c.setMaster(master);
        else if (!c.contains("spark.master")) c.setMaster("local[*]");
        if (!c.contains("spark.broadcast.blockSize")) c.set("spark.broadcast.blockSize", BROADCAST_BLOCK);
        return c;
    }

    /**
     * Spark's broadcast piece, unless set: Spark broadcasts every stage's task (a few KB) in pieces of this size,
     * allocated whole. At Spark's 4 MB each is a humongous object for G1 in a heap under 8 GB (regions of 1-4 MB),
     * and each one pushed the old generation over G1's marking threshold: in a 512 MB heap the 200 MB bench corpus
     * ran 59 concurrent marking cycles (8 s of CPU, a quarter of what Spark spent beyond the local runner). Under
     * half of G1's smallest region, a piece is an ordinary allocation.
     */
    static final String BROADCAST_BLOCK = "256k";
}
