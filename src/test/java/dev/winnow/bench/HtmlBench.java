package dev.winnow.bench;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import dev.winnow.core.Document;
import dev.winnow.quality.AebHtml;
import dev.winnow.quality.AebMetric;
import dev.winnow.record.ArticleRecord;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speed and quality of HTML extraction on the benchmark's 91 development pages, side by side in one JVM:
 * bare jsoup parsing (the floor: every jsoup-based extractor pays it), Winnow's HTML path, boilerpipe 1.2.2's
 * ArticleExtractor and Readability4J 1.0.8. A benchmark, not a test: it asserts nothing.
 *
 * <p>The pages are decompressed and decoded (charset as jsoup detects it) into memory once; every row starts
 * from the same decoded {@code String}, so no row pays for I/O, gunzip or charset detection. Single-thread rows:
 * {@code warmup} passes over all pages for every extractor, then {@code passes} measured passes, taken
 * round-robin (one pass of each extractor in turn) so a change in machine load hits every row alike; the
 * figure is the median pass divided by the page count. F1 is the benchmark's metric ({@link AebMetric}) on
 * each extractor's output from the first pass. Then Winnow alone on {@code threads} threads (pages taken from
 * a shared counter), median of the measured passes.
 *
 * <p>Winnow's row is what {@code winnow clean} will do per HTML page once it takes HTML: {@code HtmlFrontEnd},
 * the {@code Profiles.html()} chain and the JSON record line ({@link ArticleRecord#line}). The record's SHA-256
 * of the input bytes is computed once beforehand and not timed (it is input bookkeeping, not extraction).
 *
 * <p>Columns, per page and for the median pass: wall-clock milliseconds; CPU milliseconds of the measuring thread;
 * CPU milliseconds of the whole JVM (garbage collection and JIT threads too, so an extractor that allocates a
 * lot pays here); the fastest and slowest pass (wall); wall and thread CPU relative to bare jsoup parsing; pages
 * and MB (10^6 bytes of input) per second (wall); F1. On a machine with other work running, wall time includes
 * waiting for a core and CPU time does not: compare the CPU columns then, and check the load average printed
 * with the table. The multi-thread line gives the cores the JVM kept busy for the same reason.
 *
 * <pre>
 *   HtmlBench [--warmup N] [--passes N] [--threads N]     (defaults 5, 9, 2)
 *   HtmlBench --only winnow ...                           only rows whose name contains this (for profiling)
 * </pre>
 *
 * To see where Winnow's time goes (JDK Flight Recorder; {@code --stack-depth} because jfr prints 5 frames by default):
 * <pre>
 *   java -XX:FlightRecorderOptions:stackdepth=1024 -XX:StartFlightRecording=filename=x.jfr,settings=profile \
 *        -cp ... dev.winnow.bench.HtmlBench --only winnow --passes 40
 *   jfr print --stack-depth 300 --events jdk.ExecutionSample x.jfr      # then count frames under HtmlBench.winnow
 * </pre>
 */
public final class HtmlBench {
    static final int DEFAULT_WARMUP = 5;
    static final int DEFAULT_PASSES = 9;
    static final int DEFAULT_THREADS = 2;

    /** Keeps the JIT from discarding work whose result is otherwise unused. */
    static volatile long sink;

    private HtmlBench() {}

    /** One page, decoded, with what the record needs about its bytes. */
    record Page(String id, String url, String html, int bytes, String charset, String sha256) {}

    /** An extractor under test: page in, article text out (the text is what F1 is computed on). */
    interface Extractor {
        String extract(Page page) throws Exception;
    }

    /** A table row: what is timed, and what is scored (the same extractor except for the parse-only floor). */
    record Row(String name, Extractor timed, Extractor scored, String note) {
        Row(String name, Extractor extractor, String note) {
            this(name, extractor, extractor, note);
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = DEFAULT_WARMUP, passes = DEFAULT_PASSES, threads = DEFAULT_THREADS;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> {
                    System.err.println("usage: HtmlBench [--warmup N] [--passes N] [--threads N] [--only winnow]");
                    System.exit(2);
                }
            }
        }
        List<Page> pages = load();
        long bytes = pages.stream().mapToLong(Page::bytes).sum();
        Map<String, String> truth = AebHtml.truth();

        Row floor = new Row("jsoup parse (floor)", p -> {
            sink += Jsoup.parse(p.html()).childNodeSize();
            return "";
        }, p -> Jsoup.parse(p.html()).body().text(), "Jsoup.parse(html); F1 of body().text()");
        Row winnow = new Row("winnow html", HtmlBench::winnow, "front end + Profiles.html() + record line");
        List<Row> rows = List.of(floor, winnow,
                new Row("boilerpipe 1.2.2", p -> ArticleExtractor.INSTANCE.getText(p.html()), "ArticleExtractor"),
                new Row("readability4j 1.0.8", p -> new Readability4J(p.url(), p.html()).parse().getTextContent(),
                        "parse().textContent"));
        if (only != null) {
            String wanted = only;
            rows = rows.stream().filter(r -> r == floor || r.name().contains(wanted)).toList(); // the floor stays: x jsoup
        }

        System.out.printf(Locale.ROOT, "winnow HTML bench: %d pages, %.1f MB of HTML (%s), max heap %d MB, %d cores, "
                        + "%d warm-up + %d measured passes, load %s%n", pages.size(), bytes / TextThroughput.MB,
                charsets(pages), Runtime.getRuntime().maxMemory() / (1 << 20), Runtime.getRuntime().availableProcessors(),
                warmup, passes, TextThroughput.loadAverage());

        // Quality first, outside any timing; this is also the first warm-up pass.
        Map<String, Double> f1 = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (Row row : rows) {
            Map<String, String> out = new LinkedHashMap<>();
            int failed = 0;
            for (Page p : pages) {
                try {
                    out.put(p.id(), row.scored().extract(p));
                } catch (Exception e) {
                    failed++; // scored as an empty prediction, as the benchmark does with a missing output
                }
            }
            f1.put(row.name(), AebMetric.score(truth, out).score().f1());
            failures.put(row.name(), failed);
        }

        long[][] nanos = new long[rows.size()][passes];
        long[][] cpu = new long[rows.size()][passes];
        long[][] jvm = new long[rows.size()][passes];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < warmup + passes; pass++) {
            for (int r = 0; r < rows.size(); r++) {
                long j = TextThroughput.processCpuNanos();
                long c = mx.getCurrentThreadCpuTime();
                long t = timePass(rows.get(r).timed(), pages);
                c = mx.getCurrentThreadCpuTime() - c;
                j = TextThroughput.processCpuNanos() - j;
                if (pass >= warmup) {
                    nanos[r][pass - warmup] = t;
                    cpu[r][pass - warmup] = c;
                    jvm[r][pass - warmup] = j;
                }
            }
        }

        double floorMs = medianMs(nanos[0], pages.size());
        double floorCpuMs = medianMs(cpu[0], pages.size());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s %8s %8s %8s %8s %7s %6s  %s%n", "extractor (1 thread)",
                "ms/page", "cpu ms", "jvm cpu", "min", "max", "x jsoup", "cpu x", "pages/s", "MB/s", "F1", "what is timed");
        for (int r = 0; r < rows.size(); r++) {
            double ms = medianMs(nanos[r], pages.size());
            double cpuMs = medianMs(cpu[r], pages.size());
            String name = rows.get(r).name();
            System.out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.1f %7.2f %6.3f  %s%s%n", name,
                    ms, cpuMs, medianMs(jvm[r], pages.size()), minMs(nanos[r], pages.size()), maxMs(nanos[r], pages.size()),
                    ms / floorMs, cpuMs / floorCpuMs, 1000 / ms,
                    bytes / TextThroughput.MB / (ms * pages.size() / 1000), f1.get(name), rows.get(r).note(),
                    failures.get(name) > 0 ? " (" + failures.get(name) + " pages failed)" : "");
        }

        // Winnow alone on several threads: the same work, pages handed out from a shared counter.
        int w = rows.indexOf(winnow);
        if (w < 0) return;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < warmup; i++) timeParallel(winnow.timed(), pages, pool, threads);
            long[] par = new long[passes];
            long cpu0 = TextThroughput.processCpuNanos(), wall = 0;
            for (int i = 0; i < passes; i++) wall += par[i] = timeParallel(winnow.timed(), pages, pool, threads);
            double busy = (double) (TextThroughput.processCpuNanos() - cpu0) / wall;
            double seconds = median(par) / 1e9;
            double single = medianMs(nanos[w], pages.size()) * pages.size() / 1000;
            System.out.println();
            System.out.printf(Locale.ROOT, "winnow html on %d thread(s): %.1f pages/s, %.2f MB/s, %.2f cores busy (1 thread: "
                            + "%.1f pages/s, %.2f MB/s; speed-up %.2fx), median of %d passes, load %s%n", threads,
                    pages.size() / seconds, bytes / TextThroughput.MB / seconds, busy, pages.size() / single,
                    bytes / TextThroughput.MB / single, single / seconds, passes, TextThroughput.loadAverage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Winnow's per-page work as the CLI will do it: extract, clean, write the record line. */
    static String winnow(Page p) {
        Document doc = AebHtml.clean(p.html());
        String line = ArticleRecord.line(new ArticleRecord.InputInfo(p.id(), "aeb-dev/html/" + p.id() + ".html.gz",
                p.bytes(), "text/html", p.charset(), p.sha256(), "aeb-dev"), doc, "html");
        sink += line.length();
        return doc.text();
    }

    static List<Page> load() throws NoSuchAlgorithmException {
        Map<String, String> urls = AebHtml.urls();
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : AebHtml.pages().entrySet()) {
            byte[] b = e.getValue();
            Charset charset = AebHtml.charset(b);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            String url = urls.getOrDefault(e.getKey(), "");
            pages.add(new Page(e.getKey(), url.isEmpty() ? "https://example.org/" : url, AebHtml.decode(b), b.length,
                    charset.name(), sha));
        }
        return pages;
    }

    static long timePass(Extractor x, List<Page> pages) {
        long chars = 0;
        long t = System.nanoTime();
        for (Page p : pages) chars += extractQuietly(x, p);
        long elapsed = System.nanoTime() - t;
        sink += chars;
        return elapsed;
    }

    static long timeParallel(Extractor x, List<Page> pages, ExecutorService pool, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> done = new ArrayList<>();
        long t = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                long chars = 0;
                for (int j = next.getAndIncrement(); j < pages.size(); j = next.getAndIncrement()) {
                    chars += extractQuietly(x, pages.get(j));
                }
                return chars;
            }));
        }
        long chars = 0;
        for (Future<Long> f : done) chars += f.get();
        long elapsed = System.nanoTime() - t;
        sink += chars;
        return elapsed;
    }

    /** The length of the extracted text; a page an extractor fails on costs its time and counts 0. */
    private static int extractQuietly(Extractor x, Page p) {
        try {
            String s = x.extract(p);
            return s == null ? 0 : s.length();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String charsets(List<Page> pages) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Page p : pages) n.merge(p.charset(), 1, Integer::sum);
        return n.toString().replace("{", "").replace("}", "");
    }

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    static double medianMs(long[] passNanos, int pages) {
        return median(passNanos) / 1e6 / pages;
    }

    static double minMs(long[] passNanos, int pages) {
        return Arrays.stream(passNanos).min().orElse(0) / 1e6 / pages;
    }

    static double maxMs(long[] passNanos, int pages) {
        return Arrays.stream(passNanos).max().orElse(0) / 1e6 / pages;
    }

}
