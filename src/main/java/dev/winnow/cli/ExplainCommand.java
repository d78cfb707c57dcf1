package dev.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Scorer;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Inputs;
import dev.winnow.run.Limits;
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
                "Show what cleaning kept and cut in each document: the whole input, the kept text plain,",
                "every cut marked by its stage, with its reason and score on hover, a legend counting the",
                "cuts, and the record's title, authors, date, language and page type on top.",
                "",
                "  winnow explain seeds -o explain        one HTML page per document, and explain/index.html",
                "  winnow explain page.html --format ansi  the same as coloured text in the terminal",
                "",
                "Documents are cleaned one at a time, without the corpus stages (repeated site lines,",
                "near-duplicates, shared quotations), which need the whole corpus. The pages are self-",
                "contained: open them from disk, no network."},
        footer = {"", "Exit codes: 0 shown, 3 shown but some inputs rejected (their reason is listed),",
                "1 failed, 2 usage error."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders, as given to winnow clean.")
    List<String> inputs;

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
        if (!ansi && output == null) throw new CommandLine.ParameterException(self, "-o DIR names where the HTML pages go");
        Limits limits = sizes.limits(self);
        Scorer scorer = htmlModel == null ? BlockScorer.html() : BlockScorer.of(htmlModel);
        DocumentProcessor processor = new DocumentProcessor(Profiles.text(), "text", Profiles.htmlWithFallback(scorer), limits)
                .tuned(tuningOptions.tuning(self));
        // Stage colours follow the chains' order, the same on every page of the run.
        LinkedHashSet<String> stages = new LinkedHashSet<>();
        for (List<String> chain : List.of(processor.markupChain(), processor.textChain())) {
            for (String s : chain) if (!s.contains("(") && !s.equals("segment")) stages.add(s);     // stages, not steps or models
        }
        List<String> order = new ArrayList<>(stages);

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
        if (!ansi) {
            Files.writeString(output.resolve("index.html"), "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                    + "<title>winnow explain</title></head>\n<body>\n<h1>winnow explain</h1>\n<ul>\n" + String.join("\n", index)
                    + "\n</ul>\n</body>\n</html>\n", StandardCharsets.UTF_8);
            System.err.println("winnow: " + index.size() + " documents explained in " + output.resolve("index.html"));
        }
        return rejected > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
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
