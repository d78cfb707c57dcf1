package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.corpus.QuotesFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts a finished run's staged files in place: the one commit of both runners. The local runner stages its
 * journals on a local disk ({@code dev.winnow.local}), the Spark runner joins its part files through Hadoop's
 * {@code FileSystem} ({@code dev.winnow.spark}); each hands this class the same description of what its work
 * folder holds ({@link Staged}) and the folder as a {@link Store}, so the order of the renames, what a reader
 * can see between them and the report both engines write are one piece of code.
 *
 * <p>The order: the old {@code report.json} goes first, since it no longer describes the data files once the
 * first of them is replaced; then the records (one file, or {@code documents/}), {@code rejected.jsonl} and
 * {@code quotes.jsonl}, each replaced whole; data files of an earlier run of another layout or codec are
 * removed; {@code text/}, {@code documents/} and {@code attributes/winnow_removed/} are swapped (the old one
 * moved into the work folder, the staged one renamed in, the old one deleted); then {@code report.html} and,
 * last, {@code report.json}, which is what says the output is finished; then the work folder's resume marker,
 * then the work folder. Every step can be repeated: a file already moved in is checked by its length, a folder
 * whose staged copy is gone was swapped already. So a runner that keeps its staged state across a kill (the local
 * runner's final checkpoint) finishes an interrupted commit by calling this again.
 */
public final class OutputCommit {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String OLD_TEXT = "text.old";
    private static final String OLD_DOCUMENTS = "documents.old";
    private static final String OLD_ATTRIBUTES = "attributes.old";

    private OutputCommit() {
    }

    /**
     * The output folder as the commit needs it. Every path is relative to the output folder, with {@code /}
     * between names. A local disk and Hadoop's {@code FileSystem} (HDFS, s3a...) implement it.
     */
    public interface Store {
        /** The length of the file {@code path}, or -1 when there is no such file. */
        long size(String path) throws IOException;

        boolean isDirectory(String path) throws IOException;

        /** Whether anything is at {@code path} (a link is not followed). */
        boolean exists(String path) throws IOException;

        /**
         * Renames a file or a folder; a file already at {@code to} is replaced, in one atomic step where the store
         * can (a local disk, HDFS), else deleted first (an object store). The folder around {@code to} exists.
         */
        void rename(String from, String to) throws IOException;

        /** Deletes a file or a folder with everything in it, if there is one. */
        void deleteTree(String path) throws IOException;

        void mkdirs(String path) throws IOException;

        /** Whether {@code path} is a folder with nothing in it. */
        boolean isEmptyDirectory(String path) throws IOException;

        /** Writes a new file whole, made durable before this returns where the store can. */
        void write(String path, byte[] content) throws IOException;

        /** Makes the renames and removals in the folder {@code path} durable; nothing where the store cannot. */
        void sync(String path);

        /** The whole content of the file {@code path}. */
        byte[] read(String path) throws IOException;
    }

    /**
     * What a runner's work folder holds once every outcome is written.
     *
     * @param work            the work folder, relative to the output folder
     * @param codec           the data files' compression (their names' extension)
     * @param recordsFile     the records journal's name in the work folder, moved in as the records file; null
     *                        when the records go to {@code documents/} instead
     * @param shardsDir       where {@code documents/} (and, with shards, {@code attributes/winnow_removed/}) are
     *                        staged, relative to the output folder; null for one records file
     * @param textFiles       whether the run writes {@code text/} (staged in the work folder)
     * @param attributes      whether the run writes the removed-attributes side file
     * @param recordsPerShard records per JSON Lines shard, 0 for one file (or Parquet)
     * @param recordsFormat   the report's {@code records_format} when not JSON Lines, else null
     * @param articlesBytes   the records journal's length (not reported when the records are in {@code documents/})
     * @param rejectedBytes   {@code rejected.jsonl}'s length
     * @param quotesBytes     {@code quotes.jsonl}'s length, -1 for a run without the corpus stages
     * @param attributesBytes the side file's length, -1 for a run without it
     * @param placedShards    the shards as placed, read once {@code documents/} is in (a repeated commit did not cut
     *                        them itself); unused for one records file
     */
    public record Staged(String work, OutputCodec codec, String recordsFile, String shardsDir, boolean textFiles,
                         boolean attributes, int recordsPerShard, String recordsFormat, long articlesBytes,
                         long rejectedBytes, long quotesBytes, long attributesBytes, ShardLister placedShards) {
        boolean inDocuments() {
            return recordsFile == null;
        }
    }

    /** Lists the shards of {@code documents/} as placed. */
    @FunctionalInterface
    public interface ShardLister {
        List<RecordShards.Shard> list(Store store) throws IOException;
    }

    /**
     * Commits {@code staged} into the folder: {@code report} (the run's report, its fingerprints already in it)
     * gets the {@code output} section and is written last. {@code resumeMarker}, the work folder's file that
     * says its staged state can be committed again, is deleted once the report is in place, then the work
     * folder. {@code steps} is told each step, by name, as it is done (the kill tests stop a run there).
     */
    public static void commit(Store store, Staged staged, ObjectNode report, String resumeMarker, Consumer<String> steps)
            throws IOException {
        String work = staged.work();
        OutputCodec codec = staged.codec();
        String articles = codec.name(OutputFormat.ARTICLES), rejected = codec.name(OutputFormat.REJECTED);
        String quotes = codec.name(QuotesFile.NAME);
        boolean withQuotes = staged.quotesBytes() >= 0;

        store.deleteTree(OutputFormat.REPORT);
        if (!staged.inDocuments()) publish(store, work + "/" + staged.recordsFile(), articles, staged.articlesBytes());
        steps.accept("commit.articles-moved");
        publish(store, work + "/" + rejected, rejected, staged.rejectedBytes());
        if (withQuotes) publish(store, work + "/" + quotes, quotes, staged.quotesBytes());
        // Data files of an earlier run that this run's output does not include (no corpus stages, another codec,
        // records in documents/).
        for (OutputCodec other : OutputCodec.values()) {
            for (String plain : List.of(OutputFormat.ARTICLES, OutputFormat.REJECTED, QuotesFile.NAME)) {
                String name = other.name(plain);
                boolean ours = name.equals(articles) ? !staged.inDocuments()
                        : name.equals(rejected) || (withQuotes && name.equals(quotes));
                if (!ours) store.deleteTree(name);
            }
        }
        store.sync("");
        steps.accept("commit.rejected-moved");

        swap(store, staged.textFiles(), work + "/" + OutputFormat.TEXT_DIR, OutputFormat.TEXT_DIR, work + "/" + OLD_TEXT,
                "", steps, "text");
        steps.accept("commit.old-text-deleted");
        swap(store, staged.inDocuments(), staged.shardsDir() + "/" + RecordShards.DOCUMENTS_DIR, RecordShards.DOCUMENTS_DIR,
                work + "/" + OLD_DOCUMENTS, "", steps, "documents");
        commitAttributes(store, staged, steps);

        ObjectNode output = report.putObject("output");
        List<RecordShards.Shard> shards = staged.inDocuments() ? staged.placedShards().list(store) : null;
        if (!staged.inDocuments()) output.put("articles_bytes", staged.articlesBytes());
        output.put("rejected_bytes", staged.rejectedBytes());
        if (withQuotes) output.put("quotes_bytes", staged.quotesBytes());
        if (staged.attributes() && !staged.inDocuments()) output.put("attributes_bytes", staged.attributesBytes());
        if (staged.inDocuments()) {
            RecordShards.report(output, staged.recordsPerShard(), shards);
            if (staged.recordsPerShard() == 0) output.remove("records_per_shard");
        }
        if (staged.recordsFormat() != null) output.put("records_format", staged.recordsFormat());
        // The data files this run wrote, so a later run can tell them from files of the same names it did not write.
        ArrayNode files = output.putArray("files");
        if (!staged.inDocuments()) files.add(articles);
        files.add(rejected);
        if (withQuotes) files.add(quotes);
        // What vouches for documents/ and attributes/ on the next run (OutputOwnership); a run without them removes them.
        if (staged.inDocuments()) RecordShards.listFiles(files, shards);
        else if (staged.attributes()) files.add(OutputFormat.REMOVED_ATTRIBUTES_DIR + "/" + articles);
        // The page first: report.json, written last, is what says the commit is done.
        place(store, work, OutputFormat.REPORT_HTML, OutputFormat.reportPage(report));
        place(store, work, OutputFormat.REPORT,
                (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8));
        store.sync("");
        steps.accept("commit.report-written");

        store.deleteTree(work + "/" + resumeMarker);
        steps.accept("commit.checkpoint-deleted");
        store.deleteTree(work);
        store.sync("");
    }

    /**
     * The report of a finished run in the folder, when {@code ours} accepts it (its fingerprints are this run's)
     * and the data files are as it left them: the lengths it names, {@code text/} there only when this run writes
     * one, no side file or shards of another layout. Else null: the run has work to do. Reads only.
     *
     * @param inDocuments whether this run's records go to {@code documents/} (shards, Parquet) rather than one file
     */
    public static ObjectNode finishedReport(Store store, java.util.function.Predicate<JsonNode> ours, OutputCodec codec,
                                            boolean textFiles, boolean attributes, boolean inDocuments) {
        try {
            if (!(MAPPER.readTree(store.read(OutputFormat.REPORT)) instanceof ObjectNode report) || !ours.test(report)) return null;
            JsonNode output = report.path("output");
            if (store.size(codec.name(OutputFormat.REJECTED)) != output.path("rejected_bytes").asLong(-1)) return null;
            if (store.size(codec.name(QuotesFile.NAME)) != output.path("quotes_bytes").asLong(-1)) return null;
            if (textFiles != store.isDirectory(OutputFormat.TEXT_DIR)) return null;
            String set = OutputFormat.REMOVED_ATTRIBUTES_DIR, articles = codec.name(OutputFormat.ARTICLES);
            if (!attributes && store.exists(set)) return null;
            if (inDocuments) return RecordShards.placedAsReported(output, attributes, store::size) ? report : null;
            if (store.exists(RecordShards.DOCUMENTS_DIR)) return null;
            if (store.size(articles) != output.path("articles_bytes").asLong(-1)) return null;
            if (attributes && store.size(set + "/" + articles) != output.path("attributes_bytes").asLong(-1)) return null;
            return report;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Moves a staged file into place, unless an earlier attempt at this commit already did. */
    private static void publish(Store store, String staged, String placed, long length) throws IOException {
        if (store.exists(staged)) {
            store.rename(staged, placed);
        } else if (store.size(placed) != length) {
            throw new IOException(placed + " is not the file this run wrote; run again with --restart");
        }
    }

    /**
     * Swaps the folder {@code placed} for its staged copy: the old one moved aside to {@code old}, the staged one
     * renamed in, the old one deleted. {@code wanted} false only removes the old one. A staged copy that is gone
     * was renamed in by an earlier attempt, which is then not undone.
     */
    private static void swap(Store store, boolean wanted, String staged, String placed, String old, String parent,
                             Consumer<String> steps, String what) throws IOException {
        boolean stagedThere = store.isDirectory(staged);
        if ((!wanted || stagedThere) && store.exists(placed)) {
            store.deleteTree(old);
            store.rename(placed, old);
            store.sync(parent);
            steps.accept("commit.old-" + what + "-moved");
        }
        if (wanted && stagedThere) {
            if (!parent.isEmpty()) store.mkdirs(parent);
            store.rename(staged, placed);
            store.sync(parent);
            if (!parent.isEmpty()) store.sync("");
            steps.accept("commit." + what + "-moved");
        }
        store.deleteTree(old);
    }

    /**
     * Swaps {@code attributes/winnow_removed/} as {@code text/} is swapped. Only Winnow's set is touched:
     * {@code attributes/} goes too when nothing else is in it.
     */
    private static void commitAttributes(Store store, Staged staged, Consumer<String> steps) throws IOException {
        String set = OutputFormat.REMOVED_ATTRIBUTES_DIR;
        String parent = set.substring(0, set.lastIndexOf('/'));
        String stagedIn = staged.inDocuments() ? staged.shardsDir() : staged.work();
        swap(store, staged.attributes(), stagedIn + "/" + set, set, staged.work() + "/" + OLD_ATTRIBUTES, parent, steps,
                "attributes");
        if (!staged.attributes() && store.isEmptyDirectory(parent)) {
            store.deleteTree(parent);
            store.sync("");
        }
    }

    /** Writes {@code content} into the work folder and renames it over the output folder's {@code name}. */
    private static void place(Store store, String work, String name, byte[] content) throws IOException {
        String tmp = work + "/" + name + ".tmp";
        store.write(tmp, content);
        store.rename(tmp, name);
    }
}
