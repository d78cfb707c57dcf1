package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The guard every engine runs on its output folder before it touches it: a run replaces its data files,
 * report and {@code text/} whole and removes data files of other codecs, so a folder holding what Winnow
 * did not write is refused ({@link ForeignOutputException}). One guard for the local and Spark runners,
 * so both promise the same: nothing the user owns in OUTDIR is replaced or deleted.
 */
public final class OutputOwnership {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputOwnership() {}

    /**
     * Whether {@code name}, an entry of an output folder, is one Winnow writes there: the data files in
     * every codec, the report, {@code text/}, every engine's work folder and the lock.
     */
    public static boolean isOutputName(String name) {
        return isDataName(name) || name.equals(OutputFormat.REPORT) || name.equals(OutputFormat.TEXT_DIR)
                || OutputFormat.WORK_DIRS.contains(name) || name.equals(OutputLock.FILE);
    }

    private static boolean isDataName(String name) {
        for (OutputCodec c : OutputCodec.values()) {
            for (String plain : List.of(OutputFormat.ARTICLES, OutputFormat.REJECTED, dev.winnow.corpus.QuotesFile.NAME)) {
                if (name.equals(c.name(plain))) return true;
            }
        }
        return false;
    }

    /**
     * Refuses {@code dir} when it holds what Winnow did not write, before anything in it is touched. An
     * entry with one of Winnow's names is Winnow's only when the folder proves it: a work folder of any
     * engine (a run in progress, interrupted, or killed half-way through its commit), or a report Winnow
     * wrote that lists the file (reports from before the list vouch for every name). Such a lookalike is
     * always refused: nothing the user owns is replaced. Entries with other names are never touched; they
     * are refused too unless {@code otherFiles} ({@code --allow-other-files}), since a folder of the user's
     * own files is more often a mistyped {@code -o} than a wish to share it. A folder that does not exist
     * yet passes.
     */
    public static void check(Path dir, boolean otherFiles) throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<String> names;
        try (Stream<Path> children = Files.list(dir)) {
            names = children.map(p -> p.getFileName().toString()).sorted().toList();
        }
        boolean working = false;
        for (String work : OutputFormat.WORK_DIRS) working |= Files.isDirectory(dir.resolve(work), LinkOption.NOFOLLOW_LINKS);
        JsonNode report = working ? null : winnowReport(dir.resolve(OutputFormat.REPORT));
        List<String> lookalikes = new ArrayList<>(), others = new ArrayList<>();
        for (String name : names) {
            if (!isOutputName(name)) others.add(name);
            else if (!working && !vouchedFor(report, name)) lookalikes.add(name);
        }
        if (!lookalikes.isEmpty() || (!others.isEmpty() && !otherFiles)) throw new ForeignOutputException(dir, lookalikes, others);
    }

    /** Whether a report (null: none of Winnow's) shows Winnow wrote the output entry {@code name}. */
    private static boolean vouchedFor(JsonNode report, String name) {
        if (OutputFormat.WORK_DIRS.contains(name) || name.equals(OutputLock.FILE)) return true;    // Winnow's own hidden names
        if (report == null) return false;
        if (!isDataName(name)) return true;     // the report itself, text/
        JsonNode files = report.path("output").path("files");
        if (!files.isArray()) return true;      // written before reports listed their files
        for (JsonNode f : files) if (name.equals(f.asText())) return true;
        return false;
    }

    /** The report at {@code file} when Winnow wrote it (a JSON object naming the Winnow version), else null. */
    private static JsonNode winnowReport(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            JsonNode r = MAPPER.readTree(file.toFile());
            return r != null && r.isObject() && r.has("winnow_version") ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
