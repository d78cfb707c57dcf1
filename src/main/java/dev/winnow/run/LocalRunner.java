package dev.winnow.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.Version;
import dev.winnow.core.Pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the pipeline over inputs on this machine. Documents are processed in parallel but written in
 * input order, through a bounded window, so output bytes do not depend on the thread count and memory
 * does not grow with the corpus. Every input ends as one record or one rejection.
 */
public final class LocalRunner {

    /** Run settings. {@code source} is written into each record's {@code source} field. */
    public record Options(Path outDir, int threads, long maxBytes, String source, boolean textFiles, boolean quiet,
                          boolean terminal) {}

    /** Totals of a finished run; {@code report} is what {@code report.json} holds. */
    public record Summary(int inputs, int records, int rejected, ObjectNode report) {}

    /** Documents in flight per thread: enough to keep threads busy, small enough to bound memory. */
    static final int WINDOW_PER_THREAD = 4;

    private final Pipeline pipeline;
    private final String profile;

    public LocalRunner(Pipeline pipeline, String profile) {
        this.pipeline = pipeline;
        this.profile = profile;
    }

    public Summary run(List<String> args, InputStream stdin, Options options, PrintStream log) throws IOException {
        long start = System.nanoTime();
        Inputs.Listing listing = Inputs.expand(args, stdin);
        DocumentProcessor processor = new DocumentProcessor(pipeline, profile, options.maxBytes());
        int total = listing.inputs().size() + listing.unreadable().size();
        Progress progress = new Progress(log, total, options.quiet(), options.terminal());
        Map<String, Map<String, Integer>> removals = new TreeMap<>();
        Map<String, Integer> rejections = new TreeMap<>();
        int records = 0, rejected = 0;
        long bytes = 0;

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
            Thread t = new Thread(r, "winnow-worker");
            t.setDaemon(true);
            return t;
        });
        try (OutputWriter out = new OutputWriter(options.outDir(), options.textFiles())) {
            for (Rejection r : listing.unreadable()) {
                Outcome o = Outcome.rejected(r, 0);
                out.write(o);
                progress.update(o);
                rejected++;
                rejections.merge(r.reason().code(), 1, Integer::sum);
            }
            Deque<Future<Outcome>> window = new ArrayDeque<>();
            int limit = Math.max(1, options.threads()) * WINDOW_PER_THREAD;
            int next = 0;
            List<Input> inputs = listing.inputs();
            while (next < inputs.size() || !window.isEmpty()) {
                while (next < inputs.size() && window.size() < limit) {
                    Input input = inputs.get(next++);
                    window.add(pool.submit(() -> processor.process(input, options.source())));
                }
                Outcome o = await(window.poll());
                out.write(o);
                progress.update(o);
                bytes += o.bytes();
                if (o.isRecord()) {
                    records++;
                    o.counts().forEach((stage, reasons) -> reasons.forEach((reason, n) ->
                            removals.computeIfAbsent(stage, k -> new TreeMap<>()).merge(reason, n, Integer::sum)));
                } else {
                    rejected++;
                    rejections.merge(o.rejection().reason().code(), 1, Integer::sum);
                }
            }
            progress.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            ObjectNode report = report(total, records, rejected, rejections, removals, bytes, seconds, options);
            out.commit(report);
            return new Summary(total, records, rejected, report);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome await(Future<Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            // DocumentProcessor turns every failure into a rejection; reaching here is an Error (e.g. out of memory).
            throw new IOException("a worker failed: " + e.getCause(), e.getCause());
        }
    }

    private ObjectNode report(int inputs, int records, int rejected, Map<String, Integer> rejections,
                              Map<String, Map<String, Integer>> removals, long bytes, double seconds, Options options) {
        ObjectNode r = new ObjectMapper().createObjectNode();
        r.put("winnow_version", Version.VERSION);
        r.put("profile", profile);
        pipeline.describe().forEach(r.putArray("pipeline")::add);
        r.put("inputs", inputs);
        r.put("records", records);
        r.put("rejected", rejected);
        ObjectNode rej = r.putObject("rejections");
        rejections.forEach(rej::put);
        ObjectNode rem = r.putObject("removals");
        removals.forEach((stage, reasons) -> {
            ObjectNode s = rem.putObject(stage);
            reasons.forEach(s::put);
        });
        r.put("bytes_in", bytes);
        r.put("threads", options.threads());
        r.put("seconds", Math.round(seconds * 1000) / 1000.0);
        r.put("mb_per_second", Math.round(bytes / 1e6 / Math.max(seconds, 1e-9) * 100) / 100.0);
        r.put("docs_per_second", Math.round(inputs / Math.max(seconds, 1e-9) * 10) / 10.0);
        r.put("peak_heap_mb", peakHeapMb());
        return r;
    }

    /** Sum of the peak usage of the heap pools since the JVM started. */
    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return peak / (1024 * 1024);
    }
}
