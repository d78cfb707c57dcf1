package dev.winnow.cli;

import dev.winnow.core.Scorer;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.local.Cadence;
import dev.winnow.local.LocalRunner;
import dev.winnow.local.RunSteps;
import dev.winnow.record.RemovedLayout;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.score.BlockScorer;
import dev.winnow.score.Forest;
import dev.winnow.score.PageTyper;
import dev.winnow.stages.Profiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code winnow clean}: the batch run. Public for its option converters and types, which the Spark entry point shares. */
@Command(name = "clean", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Clean scraped inputs into article records, one per document.",
                "Reads plain text, HTML, PDF, Word, OpenDocument, EPUB and RTF; .gz and .zst",
                "too; WARC/WET web archives and JSON Lines files hold many documents each.",
                "",
                "Two passes: the first reads the whole corpus to find what only shows",
                "across documents (lines repeated on many pages of a site, near-duplicate",
                "articles, quotations shared between articles); the second cleans.",
                "",
                "Writes into OUTDIR:",
                "  articles.jsonl  one JSON record per article: id, text, source, created,",
                "                  metadata (title, authors, publisher, url, language,",
                "                  quotes, and 'removed': every cut with its stage,",
                "                  reason code, text and offsets)",
                "  rejected.jsonl  one line per document that gave no record, with a reason",
                "  quotes.jsonl    each distinct quotation with the ids of the articles",
                "                  that carry it, in input order",
                "  text/<id>.txt   the clean body, for people to read",
                "  attributes/winnow_removed/articles.jsonl",
                "                  with --removed attributes: each record's cuts, one line",
                "                  per record in the same order (Dolma's attributes layout)",
                "  documents/part-00000.jsonl ...",
                "                  with --records-per-shard N: the records in files of N,",
                "                  instead of articles.jsonl; the attributes side file is",
                "                  cut into attributes/winnow_removed/ under the same names",
                "  report.json     inputs, records, rejections, removals per stage and",
                "                  reason, limits, speed",
                "",
                "Examples:",
                "  winnow clean seeds -o cleaned",
                "  winnow clean crawl/2024-06 more/page.html.gz -o out --threads 8",
                "  winnow clean CC-MAIN-*.warc.gz -o out --drop-near-duplicates",
                "  winnow clean scrape.jsonl.zst --html-field body -o out",
                "  winnow clean crawl -o out --removed attributes --compress gz",
                "  winnow clean crawl -o out --records-per-shard 100000 --compress gz",
                "  cat page.txt | winnow clean - -o out --quiet",
                ""},
        footer = {"", "Exit codes: 0 all inputs cleaned; 3 done, some inputs rejected (see",
                "rejected.jsonl); 1 run failed or OUTDIR in use by another run (output left",
                "as before); 2 usage error, or OUTDIR holds files Winnow did not write."})
public final class CleanCommand implements Callable<Integer> {
    /**
     * Most worker threads a run takes: far beyond any machine's cores, and low enough that the JVM can
     * start them and their window of documents (100,000 failed with an error and a stack trace, exit 1).
     */
    static final int MAX_THREADS = 1024;

    /** Told each step of the output protocol; only tests give one (see {@link RunSteps}). */
    private final RunSteps steps;
    /** How often runs save progress; only tests change it. */
    private final Cadence cadence;

    public CleanCommand() {
        this(RunSteps.NONE, Cadence.DEFAULT);
    }

    /** A clean command whose runs tell {@code steps} each step of the output protocol and save at {@code cadence}. */
    public CleanCommand(RunSteps steps, Cadence cadence) {
        this.steps = steps;
        this.cadence = cadence;
    }

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "A file, a folder (read recursively, hidden files skipped), or - for standard input.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Output folder; created if missing. It must be empty or hold only Winnow's output (see "
                    + "--allow-other-files). A run replaces an earlier run's files whole, "
                    + "text/ included; a rerun of the same inputs and options resumes an interrupted run or does nothing. "
                    + "- writes the records to standard output as JSON Lines, as they come (for jq and pipes), "
                    + "rejections and the report to standard error or to --rejected and --report.")
    Path output;

    @Option(names = "--rejected", paramLabel = "FILE",
            description = "With -o -: write the rejections' JSON lines to FILE instead of standard error.")
    Path rejectedFile;

    @Option(names = "--report", paramLabel = "FILE",
            description = "With -o -: write the run report (report.json's content) to FILE instead of standard error.")
    Path reportFile;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads (default: number of cores, ${DEFAULT-VALUE}). Output is identical for any N.")
    int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Mixin
    SizeOptions sizes = new SizeOptions();

    @Option(names = "--source", paramLabel = "NAME",
            description = "Value of each record's 'source' field (default: the first INPUT's folder or file name).")
    String source;

    @CommandLine.Mixin
    CorpusOptions corpusOptions = new CorpusOptions();

    @Option(names = "--compress", paramLabel = "CODEC", converter = CodecConverter.class,
            description = "Write articles, rejections and quotes as .jsonl.gz (gz) or .jsonl.zst (zst) (default: plain .jsonl).")
    OutputCodec compress = OutputCodec.NONE;

    @CommandLine.Mixin
    RecordOptions recordOptions = new RecordOptions();

    @CommandLine.Mixin
    TuningOptions tuningOptions = new TuningOptions();

    @Option(names = "--no-text-files", description = "Do not write OUTDIR/text/<id>.txt (saves inodes on big runs).")
    boolean noTextFiles;

    @Option(names = "--restart", description = "Do the whole run again: ignore an interrupted run's checkpoint and "
            + "finished output in OUTDIR (by default a rerun resumes, or does nothing when nothing changed).")
    boolean restart;

    @Option(names = "--html-model", paramLabel = "FILE",
            description = "The block scorer for HTML and documents: a model retrained on your own pages (make train, "
                    + "see the README). Default: the shipped model, trained on WCXB's development pages.")
    Path htmlModel;

    @Option(names = "--page-type-model", paramLabel = "FILE",
            description = "A retrained page-type model (make train-page-type), HTML or plain text: the file says which "
                    + "one it replaces. Repeat for both. Default: the shipped models, trained on WCXB's development pages.")
    List<Path> pageTypeModels = List.of();

    @Option(names = "--allow-other-files", description = "Write into an OUTDIR that also holds files Winnow did not "
            + "write (by default such a folder is refused, exit 2). Those files are never touched; a file with one of "
            + "Winnow's output names that Winnow did not write is refused all the same.")
    boolean allowOtherFiles;

    @Option(names = "--follow-links", description = "Read symbolic links inside an input folder that lead outside it "
            + "(by default they are rejected as outside_input).")
    boolean followLinks;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; errors are still printed.")
    boolean quiet;

    @Override
    public Integer call() {
        if (threads < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be at least 1");
        if (threads > MAX_THREADS) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be at most " + MAX_THREADS);
        }
        if (output.toString().isBlank()) {
            // Path.of("") is the current folder: an empty -o (an unset shell variable) must not write there.
            throw new CommandLine.ParameterException(new CommandLine(this), "--output must name a folder, not an empty string");
        }
        Limits limits = sizes.limits(new CommandLine(this));
        String src = source != null ? source : defaultSource(inputs.get(0));
        CorpusSettings corpus = corpusOptions.settings(new CommandLine(this));
        LocalRunner.Options options = new LocalRunner.Options(output, threads, limits, src, !noTextFiles, quiet,
                System.console() != null, corpus, corpusOptions.fields(), compress, recordOptions.removed(),
                recordOptions.recordsPerShard(new CommandLine(this)))
                .withAdded(recordOptions.added(new CommandLine(this))).withTuning(tuningOptions.tuning(new CommandLine(this)));
        Scorer html = model(htmlModel, BlockScorer::html, "--html-model");
        PageTyper typer = pageTyper(pageTypeModels, new CommandLine(this));
        if (output.toString().equals("-")) return stream(options, html, typer);
        if (rejectedFile != null || reportFile != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rejected and --report go with -o - only: "
                    + "an output folder holds rejected.jsonl and report.json");
        }
        try {
            LocalRunner runner = new LocalRunner(Profiles.text(), "text", Profiles.htmlWithFallback(html)).typingWith(typer);
            if (restart) runner = runner.restarting();
            if (allowOtherFiles) runner = runner.allowingOtherFiles();
            if (followLinks) runner = runner.followingLinks();
            runner = runner.observing(steps).checkpointing(cadence);
            LocalRunner.Summary s = runner.run(inputs, System.in, options, System.err);
            return RunOutcome.finished(s.inputs(), s.records(), s.rejected(), s.alreadyDone(), output.toString(), quiet);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return RunOutcome.stopped(e);
        }
    }

    /**
     * {@code -o -}: records to standard output, rejections and the report to standard error or the files named.
     * Options that shape an output folder have nothing to shape and are refused rather than ignored. The summary
     * line is left out while standard error carries JSON.
     */
    private int stream(LocalRunner.Options options, Scorer html, PageTyper typer) {
        CommandLine self = new CommandLine(this);
        if (options.recordsPerShard() > 0 || options.removed() == RemovedLayout.ATTRIBUTES || compress != OutputCodec.NONE
                || noTextFiles || restart || allowOtherFiles) {
            throw new CommandLine.ParameterException(self, "-o - writes one stream of records: --records-per-shard, --removed "
                    + "attributes, --compress, --no-text-files, --restart and --allow-other-files need an output folder");
        }
        java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                1 << 16);
        java.io.Writer err = new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8);
        try (java.io.Writer rejections = rejectedFile == null ? null : java.nio.file.Files.newBufferedWriter(rejectedFile);
             java.io.Writer report = reportFile == null ? null : java.nio.file.Files.newBufferedWriter(reportFile)) {
            LocalRunner runner = new LocalRunner(Profiles.text(), "text", Profiles.htmlWithFallback(html)).typingWith(typer);
            if (followLinks) runner = runner.followingLinks();
            LocalRunner.Summary s = runner.stream(inputs, System.in, options.quietly(),
                    new LocalRunner.Streams(out, rejections != null ? rejections : err, report != null ? report : err), System.err);
            boolean jsonOnStderr = rejections == null || report == null;
            return RunOutcome.finished(s.inputs(), s.records(), s.rejected(), false, "standard output", quiet || jsonOnStderr);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return RunOutcome.stopped(e);
        }
    }

    /** The shipped model, or the file a user named, read now: a bad file is a usage error before any work. */
    private Scorer model(Path file, java.util.function.Supplier<Scorer> shipped, String option) {
        if (file == null) return shipped.get();
        try {
            return BlockScorer.of(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + ": no such file: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + " " + file + ": " + e.getMessage());
        }
    }

    /**
     * The shipped page-type models with the files a user named in their place ({@code --page-type-model}), read now:
     * a bad file is a usage error before any work.
     */
    static PageTyper pageTyper(List<Path> files, CommandLine command) {
        PageTyper typer = PageTyper.shipped();
        for (Path file : files) {
            try {
                typer = typer.with(Forest.file(file));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new CommandLine.ParameterException(command, "--page-type-model: no such file: " + file);
            } catch (IOException | IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command, "--page-type-model " + file + ": " + e.getMessage());
            }
        }
        return typer;
    }

    /** The {@code source} of records when {@code --source} is not given: the first INPUT's folder or file name. */
    public static String defaultSource(String input) {
        if (input.equals("-")) return "stdin";
        Path p;
        try {
            p = Path.of(input).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            // A name the locale's file name encoding cannot hold (C locale): the input is rejected, the run goes on.
            return input.substring(input.lastIndexOf('/') + 1);
        }
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    /** "gz", "zst" or "none". */
    public static final class CodecConverter implements CommandLine.ITypeConverter<OutputCodec> {
        @Override
        public OutputCodec convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "gz", "gzip" -> OutputCodec.GZIP;
                case "zst", "zstd" -> OutputCodec.ZSTD;
                case "none" -> OutputCodec.NONE;
                default -> throw new CommandLine.TypeConversionException("not a codec: " + value + " (gz, zst or none)");
            };
        }
    }

    /** "10M", "500k" or a plain number: decimal multiples, since these are characters, not bytes. */
    public static final class CountConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return withSuffix(value, 1000, "count", "10M or 500k");
        }
    }

    /** "500ms", "30s", "2m", "1h"; a plain number is seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            int split = 0;
            while (split < v.length() && Character.isDigit(v.charAt(split))) split++;
            String unit = v.substring(split);
            try {
                long n = Long.parseLong(v.substring(0, split));
                Duration d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "", "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> null;
                };
                if (d == null) throw new CommandLine.TypeConversionException("not a duration: " + value + " (try 500ms, 30s or 2m)");
                if (d.toMillis() <= 0) throw new CommandLine.TypeConversionException("the time budget must be at least 1ms: " + value);
                return d;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException("not a duration: " + value + " (try 500ms, 30s or 2m)");
            }
        }
    }

    /** "64M", "1G", "500k" or plain bytes: binary multiples. */
    public static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return withSuffix(value, 1024, "size", "64M or 1G");
        }
    }

    /** A positive number with an optional k, M or G suffix standing for {@code base}, its square or its cube. */
    static long withSuffix(String value, long base, String noun, String example) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? base : last == 'M' ? base * base : base * base * base;
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(v), unit);
            if (n <= 0) throw new CommandLine.TypeConversionException(noun + " must be positive: " + value);
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("not a " + noun + ": " + value + " (try " + example + ")");
        }
    }
}
