package dev.winnow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.archive.Containers;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.NormalizedSource;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputFormat;
import dev.winnow.run.RecordShards;
import dev.winnow.text.Sha256;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The records of a finished run's output folder, found by id, with the way back to the text their offsets index. */
final class RunRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A container entry's {@code input.path}: the file's path, {@code #}, the entry's place. */
    private static final Pattern ENTRY = Pattern.compile("(.*)#(\\d+)");

    private final JsonNode report;
    private final List<Path> files;

    static final class NotARunException extends Exception {
        NotARunException(String message) { super(message); }
    }

    static final class NoSuchRecordException extends Exception {
        NoSuchRecordException(String message) { super(message); }
    }

    private RunRecords(JsonNode report, List<Path> files) {
        this.report = report;
        this.files = files;
    }

    /** The run in {@code dir}: its report and its record files (articles.jsonl in any codec, or its shards). */
    static RunRecords of(Path dir) throws IOException, NotARunException {
        Path reportFile = dir.resolve(OutputFormat.REPORT);
        if (!Files.isRegularFile(reportFile)) throw new NotARunException("no " + OutputFormat.REPORT + ": not the folder of a finished winnow run");
        List<Path> files = new ArrayList<>();
        for (OutputCodec codec : OutputCodec.values()) {
            Path articles = dir.resolve(codec.name(OutputFormat.ARTICLES));
            if (Files.isRegularFile(articles)) files.add(articles);
        }
        Path shards = dir.resolve(RecordShards.DOCUMENTS_DIR);
        if (files.isEmpty() && Files.isDirectory(shards)) {
            try (Stream<Path> parts = Files.list(shards)) {
                parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) throw new NotARunException("it holds no records");
        return new RunRecords(JSON.readTree(reportFile.toFile()), files);
    }

    /** The ids of the records the report lists as most cut, the ones report.html links. */
    List<String> mostCut() {
        List<String> ids = new ArrayList<>();
        report.path("look_first").path("most_cut").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    /** The records of {@code ids} found in one pass over the record files. */
    Map<String, Record> find(Collection<String> ids) throws IOException {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Record> found = new HashMap<>();
        for (Path file : files) {
            OutputCodec codec = codecOf(file);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(codec.unwrap(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null && found.size() < wanted.size(); ) {
                    JsonNode record = JSON.readTree(line);
                    String id = record.path("id").asText();
                    if (wanted.contains(id)) found.put(id, new Record(record));
                }
            }
        }
        return found;
    }

    private static OutputCodec codecOf(Path file) {
        String name = file.getFileName().toString();
        for (OutputCodec c : OutputCodec.values()) if (c != OutputCodec.NONE && name.endsWith(c.name(""))) return c;
        return OutputCodec.NONE;
    }

    /** One record, as the run wrote it. */
    record Record(JsonNode json) {
        /**
         * The text the record's offsets index: its input read again from {@code input.path} (a path relative to the
         * folder the run ran in, or absolute) and normalized as the run did.
         */
        String source(DocumentProcessor processor) throws IOException, NormalizedSource.NoSourceException {
            if (!json.path("metadata").path("removed").isArray()) {
                throw new IllegalArgumentException("its cuts are not in the record (the run used --removed attributes or none)");
            }
            JsonNode input = json.path("metadata").path("input");
            String path = input.path("path").asText();
            Path file = Path.of(path);
            Integer entry = null;
            Matcher m = ENTRY.matcher(path);
            if (!Files.isRegularFile(file) && m.matches()) {
                file = Path.of(m.group(1));
                entry = Integer.valueOf(m.group(2));
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("its input " + path + " is not here: run explain from the folder the run ran in");
            }
            if (entry == null && input.path("sha256").isTextual() && !Sha256.hex(Files.readAllBytes(file)).equals(input.path("sha256").asText())) {
                throw new IllegalArgumentException("its input " + path + " changed since the run (another SHA-256)");
            }
            return NormalizedSource.of(processor, file, entry, Containers.Fields.DEFAULTS);
        }
    }
}
