package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.testing.SiteCorpus;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

/**
 * Whole-run cost of {@code winnow clean} on a multi-site corpus of a given size: MB/s, documents/s and
 * peak memory. The point is the memory column across sizes: corpus-wide stages (site repeated lines,
 * near-duplicates, shared quotes) must not make memory grow with the corpus. A benchmark, not a test:
 * nothing asserts on its numbers. Run one size per JVM ({@code make bench-scale} does).
 *
 * <p>The corpus is {@link SiteCorpus} streamed to {@code target/bench/scale-<SIZE>mb-<format>}: JSON Lines
 * shards (the default) or one folder of text files per site. It is built once and reused while its
 * completion marker matches the recipe; its ground truth sits in the hidden {@code .truth/} folder.
 *
 * <pre>
 *   CorpusScaleBench SIZE_MB THREADS [RESULTS_TSV] [--format jsonl|text] [--engine local|spark]
 *   CorpusScaleBench --generate SIZE_MB [--format jsonl|text]   build or reuse the corpus only, timed
 *   CorpusScaleBench --table RESULTS_TSV                        print the rows collected so far
 * </pre>
 *
 * {@code --engine local} runs the CLI in this JVM. {@code --engine spark} runs {@code dev.winnow.spark.SparkMain}
 * with {@code --master local[THREADS]} and the local row's {@code --no-text-files -q} as a child JVM (classpath: {@code target/winnow.jar} plus the lines of
 * {@code target/spark-classpath.txt}) and samples its memory from {@code /proc}; the heap column is then
 * empty, since the child's pools cannot be read from here.
 *
 * System properties: {@code bench.dir} (default {@code target/bench}), {@code bench.jar} and
 * {@code bench.spark.classpath} (the two files above), {@code bench.seed} (default 42),
 * {@code bench.sites} (default 200), {@code bench.shard.mb} (default 64), {@code bench.spark.jvm} (extra
 * options for the Spark child, e.g. its {@code --add-opens}).
 */
public final class CorpusScaleBench {
    static final String[] COLUMNS = {"engine", "format", "size_mb", "threads", "input_mb", "docs", "seconds", "mb_s",
            "mb_s_thread", "docs_s", "cpu_s", "gc_s", "peak_heap_mb", "live_heap_mb", "vmhwm_mb", "load_1m"};
    /**
     * 200 sites of ~5 kB pages: ~1,000 pages per site per GB, so a site-repeated-line stage sees sites big
     * enough to learn their templates, and enough sites that per-site state is not a rounding error.
     */
    static final int DEFAULT_SITES = 200;
    static final long DEFAULT_SHARD_MB = 64;
    static final String SPARK_MAIN = "dev.winnow.spark.SparkMain";
    static final Path JAR = Path.of(System.getProperty("bench.jar", "target/winnow.jar"));
    static final Path SPARK_CLASSPATH = Path.of(System.getProperty("bench.spark.classpath", "target/spark-classpath.txt"));

    private CorpusScaleBench() {}

    /** The parsed command line. */
    record Args(int sizeMb, int threads, Path results, String format, String engine) {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 2 && argv[0].equals("--table")) {
            TextThroughput.printTable(Path.of(argv[1]));
            return;
        }
        boolean generateOnly = argv.length > 0 && argv[0].equals("--generate");
        Args args = parse(generateOnly ? withThreads(argv) : argv);
        if (args.engine.equals("spark") && !generateOnly) {
            // Before generating: a missing engine should not cost a 2 GB corpus first.
            String missing = sparkMissing();
            if (missing != null) {
                System.err.println("CorpusScaleBench: no Spark row: " + missing + ". The Spark engine needs the class "
                        + SPARK_MAIN + " in " + JAR + " and its classpath in " + SPARK_CLASSPATH + ".");
                System.exit(ExitCodes.FAILED);
            }
        }
        Path benchDir = Path.of(System.getProperty("bench.dir", "target/bench"));
        Corpus corpus = Corpus.ensure(benchDir.resolve("scale-" + args.sizeMb + "mb-" + args.format), args);
        System.out.printf(Locale.ROOT, "winnow corpus scale: %d MB %s corpus, %s engine, %d thread(s), max heap %d MB, %d cores%n",
                args.sizeMb, args.format, args.engine, args.threads, Runtime.getRuntime().maxMemory() / (1 << 20),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  corpus       %s: %d documents on %d sites, %d files, %.1f MB (%s)%n", corpus.dir,
                corpus.documents, corpus.sites, corpus.files, corpus.bytes / TextThroughput.MB, corpus.reused ? "reused"
                        : String.format(Locale.ROOT, "generated in %.1f s, %.1f MB/s", corpus.nanos / 1e9,
                        corpus.bytes / TextThroughput.MB / (corpus.nanos / 1e9)));
        if (generateOnly) return;

        Path out = benchDir.resolve("out-scale-" + args.sizeMb + "mb-" + args.format + "-" + args.engine + "-" + args.threads + "t");
        Run run = args.engine.equals("spark") ? spark(corpus.dir, out, args.threads) : local(corpus.dir, out, args.threads);

        if (!Files.isRegularFile(out.resolve("report.json"))) {
            System.err.printf(Locale.ROOT, "CorpusScaleBench: the %s engine exited with %d and wrote no %s%n", args.engine,
                    run.exit, out.resolve("report.json"));
            System.exit(run.exit == 0 ? ExitCodes.FAILED : run.exit);
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        long bytes = report.path("bytes_in").asLong();
        int inputs = report.path("inputs").asInt();
        double seconds = run.wallNanos / 1e9;
        double mbs = bytes / TextThroughput.MB / seconds;
        // Documents are the generator's count: how the reader counts inputs (a shard, a line) is not the measure.
        double docsPerSecond = corpus.documents / seconds;

        System.out.printf(Locale.ROOT, "  input        %.1f MB in %d inputs -> %d records, %d rejected (exit %d)%n",
                bytes / TextThroughput.MB, inputs, report.path("records").asInt(), report.path("rejected").asInt(), run.exit);
        // Until JSON Lines input lands, the CLI reads a shard as one (huge) text document: no row for that.
        boolean perDocument = !(args.format.equals("jsonl") && inputs < corpus.documents / 2);
        if (!perDocument) {
            System.out.println("  WARNING      fewer inputs than documents: this build reads each .jsonl shard as one "
                    + "document (JSON Lines input not there yet?); not recorded, use --format text");
        }
        System.out.printf(Locale.ROOT, "  time         %.2f s wall, %.2f s CPU (%.2f cores busy), GC %s s%n", seconds,
                run.cpuSeconds, run.cpuSeconds / seconds, run.gcSeconds < 0 ? "?" : f(run.gcSeconds, 2));
        System.out.printf(Locale.ROOT, "  throughput   %.2f MB/s, %.2f MB/s per thread, %.1f docs/s%n", mbs, mbs / args.threads,
                docsPerSecond);
        System.out.printf(Locale.ROOT, "  peak memory  heap %s MB, live heap after GC at most %s MB, VmHWM %d MB (%s)%n",
                run.heapPeakBytes < 0 ? "?" : String.valueOf(run.heapPeakBytes >> 20),
                run.liveBytes < 0 ? "?" : String.valueOf(run.liveBytes >> 20), run.hwmBytes >> 20, run.hwmNote);
        String load = TextThroughput.loadAverage();
        System.out.printf(Locale.ROOT, "  machine      1-minute load average %s after%n", load);

        if (args.results != null && perDocument) {
            String row = String.join("\t", args.engine, args.format, String.valueOf(args.sizeMb), String.valueOf(args.threads),
                    f(bytes / TextThroughput.MB, 1), String.valueOf(corpus.documents), f(seconds, 2), f(mbs, 2),
                    f(mbs / args.threads, 2), f(docsPerSecond, 1), f(run.cpuSeconds, 1),
                    run.gcSeconds < 0 ? "-" : f(run.gcSeconds, 2), run.heapPeakBytes < 0 ? "-" : String.valueOf(run.heapPeakBytes >> 20),
                    run.liveBytes < 0 ? "-" : String.valueOf(run.liveBytes >> 20), String.valueOf(run.hwmBytes >> 20), load);
            Files.createDirectories(args.results.toAbsolutePath().getParent());
            if (!Files.exists(args.results)) Files.writeString(args.results, String.join("\t", COLUMNS) + "\n", StandardCharsets.UTF_8);
            Files.writeString(args.results, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        if (run.exit != ExitCodes.OK && run.exit != ExitCodes.REJECTIONS) System.exit(run.exit);
    }

    /**
     * The measured run, whichever engine did it. Heap and GC are -1 where they cannot be read.
     * {@code liveBytes} is the most heap left after any collection: the live set, which is what would
     * grow with the corpus if anything did (the peak heap mostly shows how much garbage G1 let pile up).
     */
    record Run(int exit, long wallNanos, double cpuSeconds, double gcSeconds, long heapPeakBytes, long liveBytes, long hwmBytes,
               String hwmNote) {
        Run(int exit, long wallNanos, double cpuSeconds, double gcSeconds, long heapPeakBytes, long hwmBytes, String hwmNote) {
            this(exit, wallNanos, cpuSeconds, gcSeconds, heapPeakBytes, -1, hwmBytes, hwmNote);
        }
    }

    /** Listens to every collection of this JVM and keeps the largest heap left after one. */
    static final class LiveHeap implements javax.management.NotificationListener, AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.Set<String> heapPools = new java.util.HashSet<>();

        LiveHeap() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) heapPools.add(pool.getName());
            }
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
            var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
            long used = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
            }
            max.accumulateAndGet(used, Math::max);
        }

        long max() {
            return max.get();
        }

        @Override
        public void close() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    // not registered on this one
                }
            }
        }
    }

    /** In this JVM, through the CLI; the peaks start after the corpus is built, so they are the run's alone. */
    static Run local(Path corpus, Path out, int threads) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        boolean hwmReset = TextThroughput.resetVmHwm();
        long gc0 = TextThroughput.gcNanos();
        long cpu0 = TextThroughput.processCpuNanos();
        long t0 = System.nanoTime();
        int code;
        long live;
        try (LiveHeap liveHeap = new LiveHeap()) {
            // --restart: a benchmark must do the work, not skip it because the same run finished before
            code = Main.execute("clean", corpus.toString(), "-o", out.toString(), "--no-text-files", "-q", "--restart",
                    "--threads", String.valueOf(threads));
            live = liveHeap.max();
        }
        long wall = System.nanoTime() - t0;
        return new Run(code, wall, (TextThroughput.processCpuNanos() - cpu0) / 1e9, (TextThroughput.gcNanos() - gc0) / 1e9,
                TextThroughput.heapPeakBytes(), live, TextThroughput.procStatusKb("VmHWM") * 1024,
                hwmReset ? "reset after corpus build" : "since JVM start: clear_refs not writable");
    }

    // ---- Spark hook: works once dev.winnow.spark.SparkMain and target/spark-classpath.txt exist ----

    /**
     * {@code java -cp target/winnow.jar:<spark classpath> dev.winnow.spark.SparkMain INPUT -o OUT --master local[N]}
     * as a child JVM with this JVM's heap cap. Its VmHWM and CPU time are sampled from {@code /proc} while
     * it runs (VmHWM is itself a peak, so the last sample before exit is the run's peak).
     */
    static Run spark(Path corpus, Path out, int threads) throws IOException, InterruptedException {
        String classpath = JAR + File.pathSeparator + Files.readString(SPARK_CLASSPATH, StandardCharsets.UTF_8).strip();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m");
        String extra = System.getProperty("bench.spark.jvm", "").strip();
        if (!extra.isEmpty()) command.addAll(List.of(extra.split("\\s+")));
        // The same work as the local row (no text/ files, no progress output), and Spark as make spark-local
        // starts it (no web UI, bound to the loopback): a throughput comparison, not of what each writes.
        command.addAll(List.of("-cp", classpath, SPARK_MAIN, corpus.toString(), "-o", out.toString(),
                "--master", "local[" + threads + "]", "--no-text-files", "-q",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1"));
        TextThroughput.deleteTree(out);   // what --restart does for the local engine

        TextThroughput.ChildRun child = TextThroughput.ChildRun.of(command);
        return new Run(child.exit(), child.wallNanos(), child.cpuSeconds(), -1, -1, child.hwmKb() * 1024,
                "child JVM, sampled every 100 ms");
    }

    /** Why the Spark engine cannot run here, or null when it can. */
    static String sparkMissing() {
        if (!Files.isRegularFile(JAR)) return JAR + " is not built (make build)";
        if (!Files.isRegularFile(SPARK_CLASSPATH)) return SPARK_CLASSPATH + " does not exist";
        try (JarFile jar = new JarFile(JAR.toFile())) {
            if (jar.getEntry(SPARK_MAIN.replace('.', '/') + ".class") == null) return SPARK_MAIN + " is not in " + JAR;
        } catch (IOException e) {
            return "cannot read " + JAR + ": " + e.getMessage();
        }
        return null;
    }

    // ---- the corpus ----

    /** A generated corpus folder and what it holds. */
    record Corpus(Path dir, long documents, int sites, int files, long bytes, boolean reused, long nanos) {

        static Corpus ensure(Path dir, Args args) throws IOException {
            long seed = Long.getLong("bench.seed", 42);
            int sites = Integer.getInteger("bench.sites", DEFAULT_SITES);
            long shardBytes = Long.getLong("bench.shard.mb", DEFAULT_SHARD_MB) * 1_000_000L;
            long target = args.sizeMb * 1_000_000L;
            // The marker names the recipe; another seed, size, layout or generator version means regenerate.
            String recipe = String.format(Locale.ROOT, "generator=%d seed=%d sites=%d target=%d format=%s shard=%d",
                    SiteCorpus.GENERATOR_VERSION, seed, sites, target, args.format, shardBytes);
            Path marker = dir.resolve(TextThroughput.MARKER);
            if (Files.isRegularFile(marker)) {
                List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
                if (lines.size() == 4 && lines.get(0).equals(recipe)) {
                    return new Corpus(dir, Long.parseLong(lines.get(1)), sites, Integer.parseInt(lines.get(2)),
                            Long.parseLong(lines.get(3)), true, 0);
                }
            }
            TextThroughput.deleteTree(dir);
            long t0 = System.nanoTime();
            SiteCorpus generator = SiteCorpus.builder().seed(seed).sites(sites).build();
            SiteCorpus.Written w = args.format.equals("text") ? generator.writeTextFolders(dir, target)
                    : generator.writeJsonLines(dir, target, shardBytes);
            long nanos = System.nanoTime() - t0;
            Files.writeString(marker, recipe + "\n" + w.documents() + "\n" + w.files() + "\n" + w.bytes() + "\n", StandardCharsets.UTF_8);
            return new Corpus(dir, w.documents(), sites, w.files(), w.bytes(), false, nanos);
        }
    }

    static Args parse(String[] argv) {
        List<String> positional = new ArrayList<>();
        String format = "jsonl", engine = "local";
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--format" -> format = value(argv, ++i);
                case "--engine" -> engine = value(argv, ++i);
                default -> positional.add(argv[i]);
            }
        }
        if (positional.size() < 2 || positional.size() > 3 || !List.of("jsonl", "text").contains(format)
                || !List.of("local", "spark").contains(engine)) {
            usage();
        }
        try {
            return new Args(Integer.parseInt(positional.get(0)), Integer.parseInt(positional.get(1)),
                    positional.size() == 3 ? Path.of(positional.get(2)) : null, format, engine);
        } catch (NumberFormatException e) {
            usage();
            return null;
        }
    }

    /** {@code --generate SIZE [--format F]} as the measuring command line, with a thread count it will not use. */
    private static String[] withThreads(String[] argv) {
        List<String> a = new ArrayList<>(List.of(argv).subList(1, argv.length));
        a.add(Math.min(1, a.size()), "1");
        return a.toArray(String[]::new);
    }

    private static String value(String[] argv, int i) {
        if (i >= argv.length) usage();
        return argv[i];
    }

    private static void usage() {
        System.err.println("usage: CorpusScaleBench SIZE_MB THREADS [RESULTS_TSV] [--format jsonl|text] [--engine local|spark]\n"
                + "       CorpusScaleBench --generate SIZE_MB [--format jsonl|text]\n"
                + "       CorpusScaleBench --table RESULTS_TSV");
        System.exit(ExitCodes.USAGE);
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
