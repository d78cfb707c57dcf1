package dev.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Scorer;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Inputs;
import dev.winnow.run.Limits;
import dev.winnow.run.NormalizedSource;
import dev.winnow.run.Outcome;
import dev.winnow.run.OutputFormat;
import dev.winnow.run.Rejection;
import dev.winnow.run.Units;
import dev.winnow.score.BlockScorer;
import dev.winnow.stages.Profiles;
import dev.winnow.view.Explanation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code winnow explain}: what cleaning kept and cut, for a person to read. Each document is cleaned as
 * {@code winnow clean --no-corpus} cleans it (the corpus stages need the whole corpus) and shown whole, cuts marked.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Show what cleaning kept and cut in each document.",
                "",
                "The whole input, the kept text plain, every cut marked by its stage, with",
                "its reason and score on hover, a legend counting the cuts, and the record's",
                "title, authors, date, language and page type on top.",
                "",
                "  winnow explain seeds -o explain       a page per document, explain/index.html",
                "  winnow explain page.html --format ansi  the same as coloured terminal text",
                "  winnow explain --run out              a finished run's most-cut records as",
                "                                        the run cut them, into out/explain",
                "                                        (the pages out/report.html links to)",
                "  winnow explain --run out ID...        those records (ids as in articles.jsonl)",
                "",
                "Given inputs, documents are cleaned one at a time, without the corpus stages",
                "(repeated site lines, near-duplicates, shared quotations), which need the",
                "whole corpus. With --run, a record is shown with every cut the run made,",
                "corpus stages included; its input is read again from input.path (run it from",
                "the folder the run ran in). Pages are self-contained: no network."},
        footer = {"", "Exit codes: 0 shown, 3 shown but some inputs rejected or records not found",
                "(each is listed), 1 failed (with --run: nothing could be shown), 2 usage error."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Files or folders, as given to winnow clean; with --run, record ids (none: the run's most-cut records).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--run", paramLabel = "OUTDIR",
            description = "Explain the records of a finished run in OUTDIR as it made them; pages go to OUTDIR/explain unless -o says.")
    Path run;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Folder for the HTML pages (<id>.html and index.html); created if missing. Required for html.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html (default) or ansi (coloured text on standard output).")
    String format = "html";

    @CommandLine.Mixin
    SizeOptions sizes = new SizeOptions();

    @CommandLine.Mixin
    TuningOptions tuningOptions = new TuningOptions();

    @Option(names = "--html-model", paramLabel = "FILE", description = "A retrained block scorer, as winnow clean takes it.")
    Path htmlModel;

    @Option(names = "--page-type-model", paramLabel = "FILE",
            description = "A retrained page-type model, as winnow clean takes it; repeat for both (HTML and plain text).")
    List<Path> pageTypeModels = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        CommandLine self = spec.commandLine();
        boolean ansi = switch (format.toLowerCase(Locale.ROOT)) {
            case "html" -> false;
            case "ansi" -> true;
            default -> throw new CommandLine.ParameterException(self, "--format must be html or ansi, not " + format);
        };
        if (run != null) return explainRun(self, ansi);
        if (inputs.isEmpty()) throw new CommandLine.ParameterException(self, "name the INPUT files or folders to explain, or --run OUTDIR");
        if (!ansi && output == null) throw new CommandLine.ParameterException(self, "-o DIR names where the HTML pages go");
        Limits limits = sizes.limits(self);
        Scorer scorer = htmlModel == null ? BlockScorer.html() : BlockScorer.of(htmlModel);
        DocumentProcessor processor = new DocumentProcessor(Profiles.text(), "text", Profiles.htmlWithFallback(scorer), limits)
                .tuned(tuningOptions.tuning(self)).typingWith(CleanCommand.pageTyper(pageTypeModels, self));
        List<String> order = stageOrder(processor);

        Inputs.Listing listing = Inputs.expand(inputs, System.in, new Inputs.Walk(output, false));
        if (listing.nothingToRead()) {
            System.err.println("winnow: nothing to read: " + String.join(", ", inputs));
            return ExitCodes.USAGE;
        }
        if (output != null) Files.createDirectories(output);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> index = new ArrayList<>();
        int rejected = listing.unreadable().size();
        for (Rejection r : listing.unreadable()) System.err.println("winnow: " + r.path() + ": " + r.reason().code() + ": " + r.message());
        Containers reading = new Containers(limits);
        try (Units units = new Units(listing.inputs(), reading.options(), List.of())) {
            while (units.hasNext()) {
                Units.Unit u = units.next();
                Outcome o = u.failed() != null ? u.failed() : processor.process(u.input(), "explain");
                if (!o.isRecord()) {
                    rejected++;
                    System.err.println("winnow: " + o.rejection().path() + ": " + o.rejection().reason().code() + ": "
                            + o.rejection().message());
                    index.add("<li>" + escape(o.id()) + ": rejected, " + escape(o.rejection().reason().code()) + "</li>");
                    continue;
                }
                String source = processor.normalizedSource(u.input(), bytesOf(u, limits), r -> {});
                Explanation view = new Explanation(JSON.readTree(o.recordLine()), source, order);
                if (ansi) {
                    out.print(view.ansi());
                    out.println();
                } else {
                    String page = OutputFormat.safeName(o.id()) + ".html";
                    Files.writeString(output.resolve(page), view.html(), StandardCharsets.UTF_8);
                    index.add("<li><a href=\"" + escape(page) + "\">" + escape(o.id()) + "</a></li>");
                }
            }
        }
        if (!ansi) writeIndex(output, index, index.size() - rejected + listing.unreadable().size());
        return rejected > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
    }

    /** Stage colours follow the chains' order, the same on every page; corpus stages come after them. */
    private static List<String> stageOrder(DocumentProcessor processor) {
        LinkedHashSet<String> stages = new LinkedHashSet<>();
        for (List<String> chain : List.of(processor.markupChain(), processor.textChain())) {
            for (String s : chain) if (!s.contains("(") && !s.equals("segment")) stages.add(s);     // stages, not steps or models
        }
        return new ArrayList<>(stages);
    }

    private static void writeIndex(Path output, List<String> index, int explained) throws IOException {
        Files.writeString(output.resolve("index.html"), "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<title>winnow explain</title></head>\n<body>\n<h1>winnow explain</h1>\n<ul>\n" + String.join("\n", index)
                + "\n</ul>\n</body>\n</html>\n", StandardCharsets.UTF_8);
        System.err.println("winnow: " + explained + " documents explained in " + output.resolve("index.html"));
    }

    /**
     * {@code --run OUTDIR}: the records the run wrote, with the cuts it made, over the text their offsets index, read
     * again from each record's {@code input.path}. The records named, or the report's most-cut ones.
     */
    private int explainRun(CommandLine self, boolean ansi) throws IOException {
        RunRecords records;
        try {
            records = RunRecords.of(run);
        } catch (RunRecords.NotARunException e) {
            throw new CommandLine.ParameterException(self, "--run " + run + ": " + e.getMessage());
        }
        List<String> ids = inputs.isEmpty() ? records.mostCut() : inputs;
        Path pages = output != null ? output : run.resolve(OutputFormat.EXPLAIN_DIR);
        if (!ansi) Files.createDirectories(pages);
        Limits limits = sizes.limits(self);
        DocumentProcessor processor = new DocumentProcessor(Profiles.text(), "text", limits);     // normalizing is the build's, not the chains'
        List<String> order = new ArrayList<>(stageOrder(processor));
        order.addAll(dev.winnow.corpus.CorpusStages.STAGE_NAMES);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> index = new ArrayList<>();
        java.util.Map<String, RunRecords.Record> found = records.find(ids);
        int failed = 0;
        for (String id : ids) {
            String problem;
            try {
                RunRecords.Record record = found.get(id);
                if (record == null) throw new RunRecords.NoSuchRecordException("no record has this id in the run (rejected inputs have none)");
                String source = record.source(processor);
                Explanation view = new Explanation(record.json(), source, order);
                if (ansi) {
                    out.print(view.ansi());
                    out.println();
                } else {
                    String page = OutputFormat.safeName(id) + ".html";
                    Files.writeString(pages.resolve(page), view.html(), StandardCharsets.UTF_8);
                    index.add("<li><a href=\"" + escape(page) + "\">" + escape(id) + "</a></li>");
                }
                continue;
            } catch (RunRecords.NoSuchRecordException | NormalizedSource.NoSourceException | IllegalArgumentException e) {
                problem = e.getMessage();
            } catch (IOException e) {
                problem = "cannot read its input: " + e;
            }
            failed++;
            System.err.println("winnow: " + id + ": " + problem);
            index.add("<li>" + escape(id) + ": not explained, " + escape(problem) + "</li>");
        }
        if (!ansi) writeIndex(pages, index, ids.size() - failed);
        if (failed == ids.size() && failed > 0) return ExitCodes.FAILED;
        return failed > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
    }

    /** The bytes the document was read from: an entry's, which its container gave, or its file's. */
    private static byte[] bytesOf(Units.Unit u, Limits limits) throws IOException {
        if (u.input().bytes() != null) return u.input().bytes();
        return Files.readAllBytes(u.input().path());
    }

    private static String escape(String s) {
        return org.apache.commons.text.StringEscapeUtils.escapeHtml4(s);
    }

    /** How containers are read: the run's size limit, the default field names. */
    private record Containers(Limits limits) {
        dev.winnow.archive.Containers.Options options() {
            return new dev.winnow.archive.Containers.Options(limits.maxBytes(), dev.winnow.archive.Containers.Fields.DEFAULTS,
                    limits.timeout());
        }
    }
}
