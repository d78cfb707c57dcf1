package dev.winnow.cli;

import dev.winnow.archive.Containers;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Limits;
import dev.winnow.run.NormalizedSource;
import dev.winnow.stages.Profiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code winnow source}: the text the removal offsets of an input's record index, which no output file stores. The
 * normalized input does not depend on the options of a run (only on the build), so none are asked for but the
 * JSON Lines field names that say where an entry's document is, and the limits under which it was read.
 */
@Command(name = "source", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Print the text a record's removal offsets index.",
                "",
                "removed[].start/end (and the spans of --removed attributes) index the",
                "normalized input of plain text, the text the front end read from HTML and",
                "documents. Code points, as Python slices:",
                "",
                "  winnow source seeds/001.txt > src.txt",
                "  python3 -c 'import json; s=open(\"src.txt\").read(); r=json.loads(open(\"out/articles.jsonl\").readline())",
                "    [print(s[x[\"start\"]:x[\"end\"]]) for x in r[\"metadata\"][\"removed\"]]'",
                "",
                "One document of a web archive or JSON Lines file by its place, the N of its",
                "record id <file id>#N:",
                "",
                "  winnow source crawl.warc.gz --entry 17",
                "",
                "Use the same build as the run: the normalization is part of the cleaning."},
        footer = {"", "Exit codes: 0 printed, 1 the input could not be read, 2 usage error",
                "(no such file or entry), 3 the input is rejected (binary, too large...)."})
final class SourceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The input file, as given to winnow clean.")
    Path file;

    @Option(names = "--entry", paramLabel = "N", description = "The document's place in a web archive or JSON Lines file (0 first).")
    Integer entry;

    /** The run's limits: an input the run read under a raised --max-bytes is read here too. */
    @CommandLine.Mixin
    SizeOptions size = new SizeOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--text-field", paramLabel = "NAME", description = "JSON Lines field with plain text (default: ${DEFAULT-VALUE}).")
    String textField = Containers.Fields.DEFAULTS.text();

    @Option(names = "--html-field", paramLabel = "NAME", description = "JSON Lines field with HTML (default: ${DEFAULT-VALUE}).")
    String htmlField = Containers.Fields.DEFAULTS.html();

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            System.err.println("winnow: no such file: " + file);
            return ExitCodes.USAGE;
        }
        Limits limits = size.limits(spec.commandLine());
        DocumentProcessor processor = new DocumentProcessor(Profiles.text(), "text", limits);
        Containers.Fields fields = new Containers.Fields(textField, htmlField, Containers.Fields.DEFAULTS.url(),
                Containers.Fields.DEFAULTS.id());
        // Under the run's time budget, as clean reads it: a document clean rejected as timeout is rejected here too.
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "winnow-source");
            t.setDaemon(true);      // a document that ignores the interrupt does not keep the JVM alive
            return t;
        });
        try {
            Future<String> cleaning = worker.submit(() -> NormalizedSource.of(processor, file, entry, fields));
            String source = cleaning.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.print(source);
            out.flush();
            return ExitCodes.OK;
        } catch (TimeoutException e) {
            System.err.println("winnow: " + file + " is rejected (timeout): not done after " + limits.timeout().toMillis()
                    + " ms; raise the per-document budget with --timeout");
            return ExitCodes.REJECTIONS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        } catch (ExecutionException wrapped) {
            return failed(wrapped.getCause());
        } finally {
            worker.shutdownNow();
        }
    }

    /** What the cleaning thread threw, as an exit code and a line. */
    private int failed(Throwable cause) {
        if (cause instanceof NormalizedSource.NoSourceException e) {
            System.err.println("winnow: " + e.getMessage());
            return e.rejected() ? ExitCodes.REJECTIONS : ExitCodes.USAGE;
        }
        if (cause instanceof IOException e) {
            System.err.println("winnow: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        System.err.println("winnow: cannot clean " + file + ": " + cause);
        return ExitCodes.FAILED;
    }
}
