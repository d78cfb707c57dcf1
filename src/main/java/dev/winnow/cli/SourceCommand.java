package dev.winnow.cli;

import dev.winnow.archive.Containers;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Limits;
import dev.winnow.run.NormalizedSource;
import dev.winnow.stages.Profiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code winnow source}: the text the removal offsets of an input's record index, which no output file stores. The
 * normalized input does not depend on the options of a run (only on the build), so none are asked for but the
 * JSON Lines field names that say where an entry's document is.
 */
@Command(name = "source", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Print the text that removed[].start/end of an input's record index (and the",
                "spans of --removed attributes): the normalized input of plain text, the text",
                "the front end read from HTML and documents. Code points, as Python slices:",
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
        DocumentProcessor processor = new DocumentProcessor(Profiles.text(), "text", Limits.DEFAULTS);
        Containers.Fields fields = new Containers.Fields(textField, htmlField, Containers.Fields.DEFAULTS.url(),
                Containers.Fields.DEFAULTS.id());
        try {
            String source = NormalizedSource.of(processor, file, entry, fields);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.print(source);
            out.flush();
            return ExitCodes.OK;
        } catch (NormalizedSource.NoSourceException e) {
            System.err.println("winnow: " + e.getMessage());
            return e.rejected() ? ExitCodes.REJECTIONS : ExitCodes.USAGE;
        } catch (IOException e) {
            System.err.println("winnow: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
