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
     * every codec, the reports, {@code text/}, {@code attributes/} and {@code documents/}, every engine's work
     * folder and lock, and {@code explain/} ({@code winnow explain --run}; a run never touches it).
     */
    public static boolean isOutputName(String name) {
        return isDataName(name) || name.equals(OutputFormat.REPORT) || name.equals(OutputFormat.REPORT_HTML)
                || name.equals(OutputFormat.TEXT_DIR) || name.equals(OutputFormat.EXPLAIN_DIR)
                || name.equals(OutputFormat.ATTRIBUTES_DIR) || name.equals(RecordShards.DOCUMENTS_DIR) || isHiddenName(name);
    }

    /** Winnow's own hidden names: every engine's work folder and lock file (with the Spark lock's next heartbeat). */
    private static boolean isHiddenName(String name) {
        return OutputFormat.WORK_DIRS.contains(name) || name.equals(OutputLock.FILE) || name.equals(OutputFormat.SPARK_LOCK)
                || name.equals(OutputFormat.SPARK_LOCK_NEXT);
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
        check(Folder.of(dir), otherFiles);
    }

    /** {@link #check(Path, boolean)} on a folder of any file system. */
    public static void check(Folder dir, boolean otherFiles) throws IOException {
        if (!dir.exists()) return;
        List<String> names = new ArrayList<>(dir.names());
        names.sort(null);
        boolean working = false;
        for (String work : OutputFormat.WORK_DIRS) working |= dir.isFolder(work);
        JsonNode report = working ? null : winnowReport(dir, OutputFormat.REPORT);
        List<String> lookalikes = new ArrayList<>(), others = new ArrayList<>();
        for (String name : names) {
            if (!isOutputName(name)) others.add(name);
            else if (!working && !vouchedFor(report, name)) lookalikes.add(name);
        }
        if (!lookalikes.isEmpty() || (!others.isEmpty() && !otherFiles)) {
            throw new ForeignOutputException(dir.toString(), lookalikes, others);
        }
    }

    /**
     * What the guard reads of an output folder, so that an engine can guard a folder on another file
     * system (HDFS, an object store) with the same rules. {@code toString} names it in messages.
     */
    public interface Folder {
        /** Whether the folder is there (a folder that is not yet passes the guard). */
        boolean exists() throws IOException;

        /** The names of its entries. */
        List<String> names() throws IOException;

        /** Whether entry {@code name} is a folder itself, not a link to one. */
        boolean isFolder(String name) throws IOException;

        /** Entry {@code name} opened for reading when it is a regular file (not a link), else null. */
        java.io.InputStream openRegularFile(String name) throws IOException;

        /** A folder of the default file system. */
        static Folder of(Path dir) {
            return new Folder() {
                @Override
                public boolean exists() {
                    return Files.isDirectory(dir);
                }

                @Override
                public List<String> names() throws IOException {
                    try (Stream<Path> children = Files.list(dir)) {
                        return children.map(p -> p.getFileName().toString()).toList();
                    }
                }

                @Override
                public boolean isFolder(String name) {
                    return Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
                }

                @Override
                public java.io.InputStream openRegularFile(String name) throws IOException {
                    Path file = dir.resolve(name);
                    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.newInputStream(file) : null;
                }

                @Override
                public String toString() {
                    return dir.toString();
                }
            };
        }
    }

    /** Whether a report (null: none of Winnow's) shows Winnow wrote the output entry {@code name}. */
    private static boolean vouchedFor(JsonNode report, String name) {
        if (isHiddenName(name)) return true;
        if (report == null) return false;
        if (name.equals(OutputFormat.ATTRIBUTES_DIR)) return listsFileIn(report, OutputFormat.ATTRIBUTES_DIR);
        if (name.equals(RecordShards.DOCUMENTS_DIR)) return listsFileIn(report, RecordShards.DOCUMENTS_DIR);
        if (!isDataName(name)) return true;     // the report itself, text/
        JsonNode files = report.path("output").path("files");
        if (!files.isArray()) return true;      // written before reports listed their files
        for (JsonNode f : files) if (name.equals(f.asText())) return true;
        return false;
    }

    /**
     * Whether a report lists a file under {@code folder} ({@code attributes/} or {@code documents/}): only
     * then is the folder Winnow's. Unlike {@code text/}, these are Dolma's names, under which users keep
     * documents and attribute folders of their own, so a report that does not name a file there (older
     * reports included) does not vouch for it.
     */
    private static boolean listsFileIn(JsonNode report, String folder) {
        for (JsonNode f : report.path("output").path("files")) {
            if (f.asText().startsWith(folder + "/")) return true;
        }
        return false;
    }

    /** The report {@code name} in {@code dir} when Winnow wrote it (a JSON object naming the Winnow version), else null. */
    private static JsonNode winnowReport(Folder dir, String name) {
        try (java.io.InputStream in = dir.openRegularFile(name)) {
            if (in == null) return null;
            JsonNode r = MAPPER.readTree(in);
            return r != null && r.isObject() && r.has("winnow_version") ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
