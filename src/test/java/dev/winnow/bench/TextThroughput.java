package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-run throughput of {@code winnow clean} on plain text: MB/s, documents/s and peak memory for a
 * corpus of a given size. A benchmark, not a test: it asserts nothing and no build step depends on its
 * numbers. Run one size per JVM ({@code make bench} does) so the peak-memory figures belong to that size.
 *
 * <p>The corpus is the benchmark's development text pages repeated under distinct file names until it
 * reaches the requested size, so throughput reflects real page shapes rather than synthetic text. It
 * is built once under {@code target/bench/} and reused while its completion marker matches.
 *
 * <pre>
 *   TextThroughput SIZE_MB THREADS [RESULTS_TSV] [--no-corpus] [--cold]   build or reuse the corpus, warm up,
 *                                                  measure one run (with the corpus stages, as winnow clean's default,
 *                                                  or without); --cold: no warm-up, the run is a new JVM started as
 *                                                  a user starts the CLI (java -jar), its start-up and JIT included
 *   TextThroughput --table RESULTS_TSV             print the rows collected so far as a table
 * </pre>
 *
 * System properties: {@code bench.pages} (folder of pages to repeat), {@code bench.warmup} (warm-up
 * passes over the pages, default 3), {@code bench.dir} (default {@code target/bench}).
 */
public final class TextThroughput {
    /** Megabyte as in the run report's mb_per_second: 10^6 bytes. */
    static final double MB = 1e6;
    /** Development pages, in the order tried: the test-resource copy, then the shared evaluation set. */
    static final List<Path> PAGE_FOLDERS = List.of(Path.of("src/test/resources/aeb-dev/text"),
            Path.of("../shared/eval/aeb-dev/text"));
    /** Enough passes over ~1 MB of pages for the JIT to compile the hot paths at C2 before measuring. */
    static final int DEFAULT_WARMUP_PASSES = 3;
    static final String MARKER = ".complete";
    static final String[] COLUMNS = {"size_mb", "threads", "corpus_stages", "jvm", "input_mb", "docs", "seconds", "mb_s", "mb_s_thread",
            "mb_cpu_s", "docs_s", "cpu_s", "gc_s", "peak_heap_mb", "vmhwm_mb", "load_1m"};

    private TextThroughput() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--table")) {
            printTable(Path.of(args[1]));
            return;
        }
        List<String> positional = new java.util.ArrayList<>(List.of(args));
        boolean corpusStages = !positional.remove("--no-corpus");
        boolean cold = positional.remove("--cold");
        if (positional.size() < 2 || positional.size() > 3) {
            System.err.println("usage: TextThroughput SIZE_MB THREADS [RESULTS_TSV] [--no-corpus] [--cold] | --table RESULTS_TSV");
            System.exit(ExitCodes.USAGE);
        }
        int sizeMb = Integer.parseInt(positional.get(0));
        int threads = Integer.parseInt(positional.get(1));
        Path results = positional.size() == 3 ? Path.of(positional.get(2)) : null;
        Path benchDir = Path.of(System.getProperty("bench.dir", "target/bench"));
        Path pages = pageFolder();
        int warmups = Integer.getInteger("bench.warmup", DEFAULT_WARMUP_PASSES);

        Corpus corpus = Corpus.ensure(pages, benchDir.resolve("corpus-" + sizeMb + "mb"), (long) (sizeMb * MB));
        System.out.printf(Locale.ROOT, "winnow text throughput: %d MB corpus, %d thread(s), corpus stages %s, %s JVM, max heap %d MB, %d cores%n",
                sizeMb, threads, corpusStages ? "on" : "off", cold ? "cold" : "warm", Runtime.getRuntime().maxMemory() / (1 << 20),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  corpus       %s: %d files, %.1f MB (%s)%n", corpus.dir(), corpus.files(),
                corpus.bytes() / MB, corpus.reused() ? "reused" : "built in " + secs(corpus.buildNanos()) + " s");

        Path out = benchDir.resolve("out-" + sizeMb + "mb-" + threads + "t" + (corpusStages ? "" : "-no-corpus") + (cold ? "-cold" : ""));
        Measured run = cold ? coldRun(corpus.dir(), out, threads, corpusStages) : warmRun(pages, corpus.dir(), out, threads, corpusStages, warmups);
        int code = run.exit;
        double cpu = run.cpuSeconds;
        double gc = run.gcSeconds;
        long wall = run.wallNanos;
        String loadBefore = run.loadBefore;
        String loadAfter = loadAverage();

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        long bytes = report.path("bytes_in").asLong();
        int docs = report.path("inputs").asInt();
        double seconds = wall / 1e9;
        double mbs = bytes / MB / seconds;
        long heapPeak = run.heapPeakBytes < 0 ? report.path("peak_heap_mb").asLong() << 20 : run.heapPeakBytes;
        long hwm = run.hwmBytes;

        System.out.printf(Locale.ROOT, "  input        %.1f MB, %d documents -> %d records, %d rejected (exit %d)%n",
                bytes / MB, docs, report.path("records").asInt(), report.path("rejected").asInt(), code);
        System.out.printf(Locale.ROOT, "  time         %.2f s wall, %.2f s CPU (%.2f cores busy), GC %s s%n",
                seconds, cpu, cpu / seconds, gc < 0 ? "?" : f(gc, 2));
        System.out.printf(Locale.ROOT, "  throughput   %.2f MB/s, %.2f MB/s per thread, %.2f MB per CPU-second, %.1f docs/s%n",
                mbs, mbs / threads, bytes / MB / cpu, docs / seconds);
        System.out.printf(Locale.ROOT, "  peak memory  heap %d MB (%s), VmHWM %d MB (%s)%n", heapPeak >> 20, run.heapNote,
                hwm >> 20, run.hwmNote);
        // Other processes compete for the cores; wall-clock rows mean little when this exceeds the core count.
        System.out.printf(Locale.ROOT, "  machine      1-minute load average %s before, %s after%n", loadBefore, loadAfter);

        if (results != null) {
            String row = String.join("\t", String.valueOf(sizeMb), String.valueOf(threads), corpusStages ? "on" : "off",
                    cold ? "cold" : "warm", f(bytes / MB, 1),
                    String.valueOf(docs), f(seconds, 2), f(mbs, 2), f(mbs / threads, 2), f(bytes / MB / cpu, 2),
                    f(docs / seconds, 1), f(cpu, 1), gc < 0 ? "?" : f(gc, 2), String.valueOf(heapPeak >> 20), String.valueOf(hwm >> 20),
                    loadAfter);
            Files.createDirectories(results.toAbsolutePath().getParent());
            if (!Files.exists(results)) Files.writeString(results, String.join("\t", COLUMNS) + "\n", StandardCharsets.UTF_8);
            Files.writeString(results, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        if (code != ExitCodes.OK && code != ExitCodes.REJECTIONS) System.exit(code);
    }

    /** One measured run: what the rows and the summary print. Negative figures were not measured. */
    record Measured(int exit, long wallNanos, double cpuSeconds, double gcSeconds, long heapPeakBytes, String heapNote,
                    long hwmBytes, String hwmNote, String loadBefore) {}

    /** The run in this JVM after {@code warmups} passes over the pages: the steady state of a long batch job. */
    static Measured warmRun(Path pages, Path corpus, Path out, int threads, boolean corpusStages, int warmups) {
        long w0 = System.nanoTime();
        for (int i = 0; i < warmups; i++) clean(pages, out.resolveSibling("out-warmup"), threads, corpusStages);
        System.out.printf(Locale.ROOT, "  warm-up      %d pass(es) over %s in %s s%n", warmups, pages, secs(System.nanoTime() - w0));

        // Measure the run alone: collect the warm-up's garbage and start the peaks from here.
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        boolean hwmReset = resetVmHwm();
        long gcNanos0 = gcNanos();
        long cpu0 = processCpuNanos();
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        int code = clean(corpus, out, threads, corpusStages);
        long wall = System.nanoTime() - t0;
        return new Measured(code, wall, (processCpuNanos() - cpu0) / 1e9, (gcNanos() - gcNanos0) / 1e9, heapPeakBytes(),
                poolPeaks(), procStatusKb("VmHWM") * 1024, hwmReset ? "reset after warm-up" : "since JVM start: clear_refs not writable",
                loadBefore);
    }

    /**
     * The run as a user starts it: {@code java -jar winnow.jar clean ...} in a new JVM with this JVM's heap cap,
     * timed from the start of the process to its exit, class loading, model loading and JIT compilation included.
     */
    static Measured coldRun(Path corpus, Path out, int threads, boolean corpusStages) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m", "-jar", JAR.toString()));
        command.addAll(cleanArguments(corpus, out, threads, corpusStages));
        String loadBefore = loadAverage();
        ChildRun child = ChildRun.of(command);
        return new Measured(child.exit(), child.wallNanos(), child.cpuSeconds(), -1, -1, "the run report's peak heap",
                child.hwmKb() * 1024, "child JVM, sampled every 100 ms", loadBefore);
    }

    /** The jar a user runs. */
    static final Path JAR = Path.of(System.getProperty("bench.jar", "target/winnow.jar"));

    /**
     * A child JVM run to its exit: exit code, wall time, and CPU time and VmHWM sampled from {@code /proc} every
     * 100 ms while it runs (VmHWM is itself a peak, so the last sample is near the run's peak).
     */
    record ChildRun(int exit, long wallNanos, double cpuSeconds, long hwmKb) {
        static ChildRun of(List<String> command) throws IOException {
            long t0 = System.nanoTime();
            Process child = new ProcessBuilder(command).inheritIO().start();
            long hwmKb = 0;
            double cpu = 0;
            try {
                while (!child.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    hwmKb = Math.max(hwmKb, statusKb(child.pid(), "VmHWM"));
                    cpu = Math.max(cpu, child.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(cpu));
                }
            } catch (InterruptedException e) {
                child.destroy();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + command.get(0) + " ran", e);
            }
            return new ChildRun(child.exitValue(), System.nanoTime() - t0, cpu, hwmKb);
        }

        private static long statusKb(long pid, String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"), StandardCharsets.US_ASCII)) {
                    if (line.startsWith(key + ":")) return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
                }
            } catch (IOException | NumberFormatException e) {
                // the child exited between the check and the read
            }
            return 0;
        }
    }

    static int clean(Path input, Path out, int threads) {
        return clean(input, out, threads, true);
    }

    static int clean(Path input, Path out, int threads, boolean corpusStages) {
        return Main.execute(cleanArguments(input, out, threads, corpusStages).toArray(String[]::new));
    }

    static List<String> cleanArguments(Path input, Path out, int threads, boolean corpusStages) {
        // --restart: a benchmark must do the work, not skip it because the same run finished before
        List<String> args = new ArrayList<>(List.of("clean", input.toString(), "-o", out.toString(), "--no-text-files", "-q",
                "--restart", "--threads", String.valueOf(threads)));
        if (!corpusStages) args.add("--no-corpus");
        return args;
    }

    static Path pageFolder() {
        String override = System.getProperty("bench.pages");
        if (override != null) return Path.of(override);
        for (Path p : PAGE_FOLDERS) if (Files.isDirectory(p)) return p;
        throw new IllegalStateException("no development pages in any of " + PAGE_FOLDERS + " (set -Dbench.pages)");
    }

    /** A folder of repeated pages, built to at least {@code target} bytes. */
    record Corpus(Path dir, int files, long bytes, boolean reused, long buildNanos) {

        static Corpus ensure(Path pages, Path dir, long target) throws IOException {
            List<Path> sources;
            try (Stream<Path> s = Files.list(pages)) {
                sources = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(Path::toString)).toList();
            }
            if (sources.isEmpty()) throw new IllegalStateException("no pages in " + pages);
            List<byte[]> contents = new ArrayList<>();
            long pageBytes = 0;
            for (Path p : sources) {
                byte[] b = Files.readAllBytes(p);
                contents.add(b);
                pageBytes += b.length;
            }
            if (pageBytes == 0) throw new IllegalStateException("the pages in " + pages + " are all empty");
            // The marker names what the corpus was built from; a different page set or size means rebuild.
            String recipe = "target=" + target + " pages=" + sources.size() + " page_bytes=" + pageBytes;

            Path marker = dir.resolve(MARKER);
            if (Files.isRegularFile(marker)) {
                List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
                if (lines.size() == 3 && lines.get(0).equals(recipe)) {
                    return new Corpus(dir, Integer.parseInt(lines.get(1)), Long.parseLong(lines.get(2)), true, 0);
                }
            }
            long t0 = System.nanoTime();
            deleteTree(dir);
            Files.createDirectories(dir);
            long total = 0;
            int files = 0;
            for (int copy = 0; total < target; copy++) {
                for (int i = 0; i < sources.size() && total < target; i++) {
                    // Distinct names keep ids unique, so the runner never has to disambiguate.
                    String name = String.format(Locale.ROOT, "c%05d_%s", copy, sources.get(i).getFileName());
                    Files.write(dir.resolve(name), contents.get(i));
                    total += contents.get(i).length;
                    files++;
                }
            }
            Files.writeString(marker, recipe + "\n" + files + "\n" + total + "\n", StandardCharsets.UTF_8);
            return new Corpus(dir, files, total, false, System.nanoTime() - t0);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Sum of the heap pools' peak usage since the last reset: the most heap in use at once, garbage included. */
    static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    static String poolPeaks() {
        List<String> parts = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                parts.add(pool.getName() + " " + (pool.getPeakUsage().getUsed() >> 20));
            }
        }
        return String.join(", ", parts);
    }

    /** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+), so the peak excludes warm-up. */
    static boolean resetVmHwm() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A "Name:   123 kB" line of /proc/self/status, in kB; -1 where there is no such file (not Linux). */
    static long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(key + ":")) return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return -1;
    }

    /** The 1-minute load average from /proc/loadavg, or "?" where there is none. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static long gcNanos() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms * 1_000_000;
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static void printTable(Path results) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) if (!line.isBlank()) rows.add(line.split("\t"));
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) sb.append(i == 0 ? "" : "  ").append(" ".repeat(width[i] - r[i].length())).append(r[i]);
            System.out.println(sb);
        }
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String secs(long nanos) {
        return f(nanos / 1e9, 1);
    }
}
