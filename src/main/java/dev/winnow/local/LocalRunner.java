package dev.winnow.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.archive.Containers;
import dev.winnow.core.Fallback;
import dev.winnow.core.Pipeline;
import dev.winnow.corpus.CorpusFacts;
import dev.winnow.corpus.CorpusIndex;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.corpus.CorpusStages;
import dev.winnow.corpus.QuotesFile;
import dev.winnow.record.RemovedLayout;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.DocumentTasks;
import dev.winnow.run.DocumentsSpill;
import dev.winnow.run.Inputs;
import dev.winnow.run.Limits;
import dev.winnow.run.NothingToReadException;
import dev.winnow.run.Outcome;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.RecordShards;
import dev.winnow.run.Rejection;
import dev.winnow.run.RunFingerprint;
import dev.winnow.run.RunReport;
import dev.winnow.run.Tally;
import dev.winnow.run.Tuning;
import dev.winnow.run.Units;
import dev.winnow.stages.Profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the pipeline over inputs on this machine. Documents are processed in parallel but written in
 * input order, through a bounded window, so output bytes do not depend on the thread count and memory
 * does not grow with the corpus. Every input ends as one record or one rejection.
 *
 * <p>The output folder is locked for the run, and {@link OutputWriter} makes the run resumable: a rerun
 * with the same inputs, options and build continues after the last checkpoint of a killed run, or does
 * nothing when the folder already holds its finished output, and ends with the same bytes either way.
 */
public final class LocalRunner {

    /**
     * Run settings. {@code source} is written into each record's {@code source} field; {@code limits}
     * bound what one document may cost; {@code recordsPerShard}, when above 0, writes the records as
     * {@code documents/part-NNNNN.jsonl} of that many each instead of one file ({@link RecordShards});
     * {@code added}, when not null, is the {@code added} time of records whose input gives none; {@code tuning}
     * the cuts not made and the page types kept.
     */
    public record Options(Path outDir, int threads, Limits limits, String source, boolean textFiles, boolean quiet,
                          boolean terminal, CorpusSettings corpus, Containers.Fields fields, OutputCodec codec,
                          RemovedLayout removed, int recordsPerShard, String added, Tuning tuning) {
        public Options {
            if (recordsPerShard < 0) throw new IllegalArgumentException("records per shard must not be negative: " + recordsPerShard);
        }

        /** Records without an {@code added} time unless their input gives one. */
        public Options(Path outDir, int threads, Limits limits, String source, boolean textFiles, boolean quiet,
                       boolean terminal, CorpusSettings corpus, Containers.Fields fields, OutputCodec codec,
                       RemovedLayout removed, int recordsPerShard) {
            this(outDir, threads, limits, source, textFiles, quiet, terminal, corpus, fields, codec, removed, recordsPerShard, null,
                    Tuning.NONE);
        }

        /** One records file. */
        public Options(Path outDir, int threads, Limits limits, String source, boolean textFiles, boolean quiet,
                       boolean terminal, CorpusSettings corpus, Containers.Fields fields, OutputCodec codec,
                       RemovedLayout removed) {
            this(outDir, threads, limits, source, textFiles, quiet, terminal, corpus, fields, codec, removed, 0);
        }

        /** Removals inline. */
        public Options(Path outDir, int threads, Limits limits, String source, boolean textFiles, boolean quiet,
                       boolean terminal, CorpusSettings corpus, Containers.Fields fields, OutputCodec codec) {
            this(outDir, threads, limits, source, textFiles, quiet, terminal, corpus, fields, codec, RemovedLayout.INLINE);
        }

        /** The default limits with another input size limit, without corpus stages. */
        public Options(Path outDir, int threads, long maxBytes, String source, boolean textFiles, boolean quiet,
                       boolean terminal) {
            this(outDir, threads, Limits.DEFAULTS.withMaxBytes(maxBytes), source, textFiles, quiet, terminal, CorpusSettings.OFF,
                    Containers.Fields.DEFAULTS, OutputCodec.NONE);
        }

        /** Without corpus stages. */
        public Options(Path outDir, int threads, Limits limits, String source, boolean textFiles, boolean quiet,
                       boolean terminal) {
            this(outDir, threads, limits, source, textFiles, quiet, terminal, CorpusSettings.OFF, Containers.Fields.DEFAULTS,
                    OutputCodec.NONE);
        }

        public Options withCorpus(CorpusSettings settings) {
            return new Options(outDir, threads, limits, source, textFiles, quiet, terminal, settings, fields, codec, removed,
                    recordsPerShard, added, tuning);
        }

        public Options withRemoved(RemovedLayout layout) {
            return new Options(outDir, threads, limits, source, textFiles, quiet, terminal, corpus, fields, codec, layout,
                    recordsPerShard, added, tuning);
        }

        /** Records in shards of {@code n} ({@code --records-per-shard}); 0 for one records file. */
        public Options withRecordsPerShard(int n) {
            return new Options(outDir, threads, limits, source, textFiles, quiet, terminal, corpus, fields, codec, removed, n, added, tuning);
        }

        /** Records whose input gives no acquisition time get {@code time} as {@code added} ({@code --added}). */
        public Options withAdded(String time) {
            return new Options(outDir, threads, limits, source, textFiles, quiet, terminal, corpus, fields, codec, removed,
                    recordsPerShard, time, tuning);
        }

        /** Without progress output: for a stream, whose standard error may carry JSON. */
        public Options quietly() {
            return new Options(outDir, threads, limits, source, textFiles, true, terminal, corpus, fields, codec, removed,
                    recordsPerShard, added, tuning);
        }

        /** The chains tuned by the user ({@code --keep}, {@code --only-page-types}). */
        public Options withTuning(Tuning choices) {
            return new Options(outDir, threads, limits, source, textFiles, quiet, terminal, corpus, fields, codec, removed,
                    recordsPerShard, added, choices);
        }

        public long maxBytes() { return limits.maxBytes(); }
    }

    /**
     * Totals of a finished run; {@code report} is what {@code report.json} holds. {@code alreadyDone}: the
     * folder held this run's finished output, so nothing was read or written.
     */
    public record Summary(int inputs, int records, int rejected, ObjectNode report, boolean alreadyDone) {}

    private final Pipeline pipeline;
    private final String profile;
    private final Fallback html;
    private final boolean restart;
    private final boolean otherFiles;
    private final boolean followLinks;
    private final RunSteps steps;
    private final Cadence cadence;

    /** Plain text through {@code pipeline}, HTML and documents through the shipped HTML chain. */
    public LocalRunner(Pipeline pipeline, String profile) {
        this(pipeline, profile, Profiles.htmlWithFallback());
    }

    /** With the HTML chains given too (another HTML model). */
    public LocalRunner(Pipeline pipeline, String profile, Fallback html) {
        this(pipeline, profile, html, false, false, false, RunSteps.NONE, Cadence.DEFAULT);
    }

    private LocalRunner(Pipeline pipeline, String profile, Fallback html, boolean restart, boolean otherFiles,
                        boolean followLinks, RunSteps steps, Cadence cadence) {
        this.pipeline = pipeline;
        this.profile = profile;
        this.html = html;
        this.restart = restart;
        this.otherFiles = otherFiles;
        this.followLinks = followLinks;
        this.steps = steps;
        this.cadence = cadence;
    }

    /**
     * This runner, but ignoring what an earlier run left in the output folder: no checkpoint is resumed
     * and finished output is not kept; the whole run is done again ({@code --restart}).
     */
    public LocalRunner restarting() {
        return new LocalRunner(pipeline, profile, html, true, otherFiles, followLinks, steps, cadence);
    }

    /**
     * This runner, but writing into an output folder that also holds files whose names Winnow never
     * writes ({@code --allow-other-files}); they are left untouched. Files with Winnow's names that
     * Winnow did not write are refused all the same.
     */
    public LocalRunner allowingOtherFiles() {
        return new LocalRunner(pipeline, profile, html, restart, true, followLinks, steps, cadence);
    }

    /** This runner, but reading symbolic links that lead out of an input folder ({@code --follow-links}). */
    public LocalRunner followingLinks() {
        return new LocalRunner(pipeline, profile, html, restart, otherFiles, true, steps, cadence);
    }

    /** This runner, telling {@code steps} each step of the output protocol (see {@link RunSteps}). */
    public LocalRunner observing(RunSteps steps) {
        return new LocalRunner(pipeline, profile, html, restart, otherFiles, followLinks, steps, cadence);
    }

    /** This runner, saving its progress at {@code cadence} instead of {@link Cadence#DEFAULT}. */
    public LocalRunner checkpointing(Cadence cadence) {
        return new LocalRunner(pipeline, profile, html, restart, otherFiles, followLinks, steps, cadence);
    }

    public Summary run(List<String> args, InputStream stdin, Options options, PrintStream log) throws IOException {
        long start = System.nanoTime();
        Inputs.Listing listing = Inputs.expand(args, stdin, new Inputs.Walk(options.outDir(), followLinks));
        if (listing.nothingToRead()) throw new NothingToReadException(args, listing.absent());
        if (options.corpus().enabled() && listing.readOnce()) {
            // The corpus stages read every input twice; standard input or a pipe can be read once.
            if (!options.quiet()) log.println("winnow: corpus stages are off: standard input or a pipe cannot be read twice");
            options = options.withCorpus(CorpusSettings.OFF);
        }
        CorpusSettings corpus = options.corpus();
        DocumentProcessor processor = new DocumentProcessor(pipeline, profile, html, options.limits()).withRemoved(options.removed())
                .withAdded(options.added()).tuned(options.tuning());
        String fingerprint = RunFingerprint.of(listing, options, profile, processor.chains(corpus));
        String contentFingerprint = RunFingerprint.ofContent(listing, options, profile, processor.chains(corpus));
        boolean quiet = options.quiet();

        // Workers run each document under the time budget; a hung one is rejected and its thread replaced.
        DocumentTasks tasks = new DocumentTasks(options.threads(), options.limits().timeout(),
                warning -> log.println("winnow: warning: " + warning));
        try (OutputWriter out = OutputWriter.open(options.outDir(), options.textFiles(),
                options.removed() == RemovedLayout.ATTRIBUTES, options.recordsPerShard(), fingerprint, contentFingerprint,
                options.codec(),
                restart, otherFiles, steps, cadence, message -> {
                    if (!quiet) log.println("winnow: " + message);
                })) {
            if (out.start() == OutputWriter.Start.FINISHED) {
                ObjectNode done = out.finishedReport();
                return new Summary(done.path("inputs").asInt(), done.path("records").asInt(), done.path("rejected").asInt(), done, true);
            }
            Containers.Options reading = new Containers.Options(options.limits().maxBytes(), options.fields(),
                    options.limits().timeout());
            int total = -1;     // outcomes, once a first pass has counted them
            Map<String, Long> skipped;
            // The first pass's documents, for the second pass to resume. A run resumed after the first pass reads the
            // killed run's spill: it was complete and closed before the facts it resumes with were saved.
            Path documents = null;
            if (corpus.enabled()) {
                CorpusFacts facts = out.savedCorpus();
                if (facts != null) {
                    documents = out.documentSpill();
                } else {
                    Analysis first;
                    documents = out.documentSpill();
                    try (Writer quotes = out.stageQuotes()) {
                        first = analyze(listing, reading, processor.pausing(), tasks, options, out.spillDir(), documents, quotes, log);
                    }
                    out.saveCorpus(first.facts());
                    steps.reached("corpus.saved");
                    facts = first.facts();
                    total = first.outcomes();
                }
                processor = processor.withCorpus(facts, corpus);
            }
            // Outcomes are written in this order: the unreadable paths, then the documents of the inputs in
            // order. A resumed run starts after the last outcome its checkpoint covers.
            Tally tally = out.tally();
            int resumed = out.resumedAt();
            long resumedBytes = tally.bytes();
            Progress progress = new Progress(log, total >= 0 ? total : estimate(listing), options.quiet(), options.terminal());
            progress.resume(resumed, tally.rejected());
            List<Rejection> unreadable = listing.unreadable();
            for (int u = resumed; u < unreadable.size(); u++) {
                Outcome o = Outcome.rejected(unreadable.get(u), 0);
                out.write(o);
                progress.update(o);
            }
            int skip = Math.max(0, resumed - unreadable.size());
            try (Units units = new Units(listing.inputs(), reading, unreadableIds(listing));
                 DocumentsSpill.Lenient spill = documents == null ? null : spillOf(documents, log)) {
                inOrder(units, skip, tasks, processor, options.source(), spill, o -> {
                    out.write(o);
                    progress.update(o);
                });
                progress.finish();
                skipped = units.skipped();
            }
            if (documents != null) java.nio.file.Files.deleteIfExists(documents);
            double seconds = (System.nanoTime() - start) / 1e9;
            ObjectNode report = report(tally.outcomes(), tally, resumed, tally.bytes() - resumedBytes, seconds, options,
                    processor.textChain(), processor.markupChain());
            RunReport.skipped(report, skipped);
            CorpusStages.describe(corpus).forEach(report.putArray("pipeline_corpus")::add);
            RunReport.limits(report, options.limits(), settle(tasks));
            out.commit(report);
            return new Summary(tally.outcomes(), tally.records(), tally.rejected(), report, false);
        } finally {
            tasks.close();
        }
    }

    /**
     * Where a streamed run writes ({@code -o -}): each record's JSON line to {@code records} as soon as it is its
     * turn, each rejection's line to {@code rejections}, the run report to {@code report} at the end.
     */
    public record Streams(Writer records, Writer rejections, Writer report) {}

    /**
     * Runs without an output folder, for shell pipelines ({@code winnow clean crawl -o - | jq ...}): the same
     * records in the same order as {@link #run}, written as they come; no text files, no lock, no checkpoint (a
     * stream cannot be resumed), {@code quotes.jsonl} not written (each record still lists its quotations). The
     * corpus stages' first pass spills into a temporary folder, removed at the end.
     */
    public Summary stream(List<String> args, InputStream stdin, Options options, Streams streams, PrintStream log)
            throws IOException {
        long start = System.nanoTime();
        Inputs.Listing listing = Inputs.expand(args, stdin, new Inputs.Walk(null, followLinks));
        if (listing.nothingToRead()) throw new NothingToReadException(args, listing.absent());
        if (options.corpus().enabled() && listing.readOnce()) {
            if (!options.quiet()) log.println("winnow: corpus stages are off: standard input or a pipe cannot be read twice");
            options = options.withCorpus(CorpusSettings.OFF);
        }
        CorpusSettings corpus = options.corpus();
        DocumentProcessor processor = new DocumentProcessor(pipeline, profile, html, options.limits())
                .withRemoved(options.removed()).withAdded(options.added()).tuned(options.tuning());
        DocumentTasks tasks = new DocumentTasks(options.threads(), options.limits().timeout(),
                warning -> log.println("winnow: warning: " + warning));
        Path spill = corpus.enabled() ? java.nio.file.Files.createTempDirectory("winnow-stream") : null;
        Path documents = spill == null ? null : spill.resolve("documents.spill");
        try {
            Containers.Options reading = new Containers.Options(options.limits().maxBytes(), options.fields(),
                    options.limits().timeout());
            if (corpus.enabled()) {
                Analysis first = analyze(listing, reading, processor.pausing(), tasks, options, spill.resolve("index"), documents,
                        Writer.nullWriter(), log);
                processor = processor.withCorpus(first.facts(), corpus);
            }
            Tally tally = new Tally();
            Sink write = o -> {
                if (o.isRecord()) {
                    streams.records().write(o.recordLine());
                    streams.records().write('\n');
                } else {
                    streams.rejections().write(dev.winnow.run.OutputFormat.rejectionLine(o.rejection()));
                    streams.rejections().write('\n');
                    streams.rejections().flush();
                }
                tally.add(o);
            };
            for (Rejection r : listing.unreadable()) write.accept(Outcome.rejected(r, 0));
            Map<String, Long> skipped;
            try (Units units = new Units(listing.inputs(), reading, unreadableIds(listing));
                 DocumentsSpill.Lenient paused = documents == null ? null : spillOf(documents, log)) {
                inOrder(units, 0, tasks, processor, options.source(), paused, write);
                skipped = units.skipped();
            }
            streams.records().flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            ObjectNode report = report(tally.outcomes(), tally, 0, tally.bytes(), seconds, options,
                    processor.textChain(), processor.markupChain());
            RunReport.skipped(report, skipped);
            CorpusStages.describe(corpus).forEach(report.putArray("pipeline_corpus")::add);
            RunReport.limits(report, options.limits(), settle(tasks));
            streams.report().write(report.toPrettyString());
            streams.report().write('\n');
            streams.report().flush();
            return new Summary(tally.outcomes(), tally.records(), tally.rejected(), report, false);
        } finally {
            tasks.close();
            if (spill != null) dev.winnow.run.OutputFormat.deleteTree(spill);
        }
    }

    /** What the first pass over a corpus found, and how many outcomes it counted. */
    private record Analysis(CorpusFacts facts, int outcomes) {}

    /**
     * The first pass over a corpus: every document cleaned, its {@link dev.winnow.corpus.Features}
     * aggregated (spilling into {@code spill}), its state for the second pass written to {@code documents}
     * (when {@code first} is {@link DocumentProcessor#pausing}), {@code quotes.jsonl} written to {@code quotes}.
     */
    private Analysis analyze(Inputs.Listing listing, Containers.Options reading, DocumentProcessor first, DocumentTasks tasks,
                             Options options, Path spill, Path documents, Writer quotes, PrintStream log) throws IOException {
        if (!options.quiet()) log.println("winnow: pass 1 of 2: reading the corpus for repeated lines, near-duplicates and quotations");
        Progress progress = new Progress(log, estimate(listing), options.quiet(), options.terminal());
        int[] outcomes = {listing.unreadable().size()};
        try (CorpusIndex index = new CorpusIndex(spill, options.corpus());
             DocumentsSpill.Writer paused = new DocumentsSpill.Writer(documents);
             Units units = new Units(listing.inputs(), reading, unreadableIds(listing))) {
            for (Iterator<DocumentTasks.Done> done = tasks.outcomes(units, first, options.source()); done.hasNext(); ) {
                DocumentTasks.Done d = done.next();
                Outcome o = d.outcome();
                outcomes[0]++;
                if (o.features() != null) index.add(o.features());
                paused.add(d.input(), o.paused());
                progress.update(o);
                steps.reached("corpus.analyzed");
            }
            progress.finish();
            CorpusFacts facts;
            QuotesFile.Lines quotations = new QuotesFile.Lines(quotes);
            try {
                facts = index.finish(quotations);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (!options.quiet()) {
                log.printf(Locale.ROOT, "winnow: pass 1 of 2 done: %d documents, %d repeated site lines, %d near-duplicate "
                        + "documents, %d distinct quotations; pass 2 of 2: cleaning%n", index.documents(),
                        facts.repeatedLines().length, facts.clusters().size(), quotations.count());
            }
            return new Analysis(facts, outcomes[0]);
        }
    }

    /** Receives outcomes in input order. */
    private interface Sink {
        void accept(Outcome o) throws IOException;
    }

    /**
     * Runs each unit's document on {@code tasks} and hands the outcomes to {@code sink} in input order. The
     * first {@code skip} units are passed over (a resumed run did them).
     */
    private static void inOrder(Units units, int skip, DocumentTasks tasks, DocumentProcessor processor, String source,
                                DocumentsSpill.Entries spill, Sink sink) throws IOException {
        for (int i = 0; i < skip && units.hasNext(); i++) {
            Units.Unit unit = units.next();
            if (spill != null) spill.next(unit.input());
        }
        for (Iterator<DocumentTasks.Done> done = tasks.outcomes(units, processor, source, spill); done.hasNext(); ) {
            sink.accept(done.next().outcome());
        }
    }

    /** The first pass's spill for the second: a damaged or missing one is a warning, and its documents are cleaned again. */
    private static DocumentsSpill.Lenient spillOf(Path documents, PrintStream log) {
        return new DocumentsSpill.Lenient(() -> new DocumentsSpill.Reader(documents), "pass 2",
                warning -> log.println("winnow: warning: " + warning));
    }

    /** The ids of the paths the listing could not read, which no chosen id may take. */
    private static List<String> unreadableIds(Inputs.Listing listing) {
        return listing.unreadable().stream().map(Rejection::id).toList();
    }

    /** Outcomes to expect, for the progress bar: one per file (an archive's documents are counted as they come). */
    private static int estimate(Inputs.Listing listing) {
        return listing.inputs().size() + listing.unreadable().size();
    }

    /**
     * The run report. Counts cover the whole run; time and speed cover this process, which did only the
     * inputs after {@code resumed} when it picked up an interrupted run.
     */
    private ObjectNode report(int inputs, Tally tally, int resumed, long bytesThisRun, double seconds, Options options,
                              List<String> textChain, List<String> markupChain) {
        ObjectNode r = RunReport.counts("local", profile, textChain, markupChain, inputs, tally);
        r.put("resumed_inputs", resumed);
        r.put("threads", options.threads());
        RunReport.speed(r, seconds, bytesThisRun, inputs - resumed);
        r.put("peak_heap_mb", peakHeapMb());
        return r;
    }

    /** Lost workers, counted once the last timed-out job has returned or been abandoned. */
    private static int settle(DocumentTasks tasks) throws IOException {
        try {
            return tasks.lostThreads();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
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
