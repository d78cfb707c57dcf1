package dev.winnow.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.corpus.QuotesFile;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputCommit;
import dev.winnow.run.OutputFormat;
import dev.winnow.run.OutputOwnership;
import dev.winnow.run.RecordShards;
import dev.winnow.run.Rejection;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Writes a Spark run's output folder on the driver, in the local runner's formats ({@link OutputFormat}),
 * through Hadoop's {@link FileSystem}: a local folder, {@code hdfs://}, {@code s3a://} or any connector.
 * Everything is written into a work folder first and renamed into place by {@link #commit}, with the local
 * runner's commit ({@link OutputCommit} over a {@link HadoopStore}): the old report removed, data files next and
 * {@code report.json} last, so a reader never sees a half-written file, nor a report beside files it does not
 * describe. A run that fails leaves the earlier output as it was; one
 * killed leaves the work folder too, which the next run removes, or resumes from when it is the same run
 * (same fingerprint); a rerun that fails in turn keeps what it resumed from. On HDFS and local disks each file is
 * replaced by one atomic rename; on an object store (s3a) a rename is a copy, so the commit takes time
 * and is not atomic, but the report, written last, is still absent until the data files are all in place.
 *
 * <p>Simpler than the local runner's writer: no checkpoints; a rerun of a killed run keeps the completed
 * part files of its work folder (see {@link #open(Storage.Location, OutputOwnership.Folder, boolean,
 * OutputCodec, boolean, String, boolean)}), and does pass 1 again. The runner locks the
 * folder around it ({@link dev.winnow.run.HeartbeatLock}); the same guard on what the folder may hold
 * ({@link OutputOwnership}).
 */
final class SparkOutput implements Closeable {
    /** Work in progress; not the local runner's, so neither mistakes the other's half-done state for its own. */
    static final String WORK_DIR = OutputFormat.SPARK_WORK_DIR;

    /** The work folder's record of the run that writes it: the fingerprint, so a rerun knows whether its parts are its own. */
    static final String FINGERPRINT = "fingerprint";
    /** The work folder's part files, by partition, each completed one with a marker ({@code .done}) naming its counts. */
    static final String PARTS = "parts";
    /** Where the records' shards (or Parquet files) are cut at commit, as they are placed. */
    private static final String SHARDS = "shards";

    private final FileSystem fs;
    private final Path dir;
    private final Path work;
    private final boolean textFiles;
    private final OutputCodec codec;
    private final Writer articles;
    private final Writer rejected;
    /** The removed-attributes side file ({@code --removed attributes}), null for the other layouts. */
    private final Writer attributes;
    /** Records per shard in {@code documents/} ({@code --records-per-shard}), 0 for one records file. */
    private final int recordsPerShard;
    /** The records' format: Parquet is written from the journal at commit, into {@code documents/}. */
    private final RecordFormat format;
    /** Whether this run writes {@code quotes.jsonl} (a run with the corpus stages). */
    private boolean quotes;
    private boolean committed;
    private boolean abandoned;
    /**
     * Whether the work folder held a killed run's completed partitions (same fingerprint) when this run opened it.
     * This run then fails without removing them: they were resumable before it started and still are.
     */
    private boolean resumable;

    private SparkOutput(FileSystem fs, Path dir, Path work, boolean textFiles, OutputCodec codec, Writer articles,
                        Writer rejected, Writer attributes, int recordsPerShard, RecordFormat format) {
        this.attributes = attributes;
        this.recordsPerShard = recordsPerShard;
        this.format = format;
        this.fs = fs;
        this.dir = dir;
        this.codec = codec;
        this.work = work;
        this.textFiles = textFiles;
        this.articles = articles;
        this.rejected = rejected;
    }

    /**
     * Opens {@code out} for a run, after the guard the local runner runs too ({@link OutputOwnership#check}):
     * a folder holding files Winnow did not write is refused before anything in it is touched.
     *
     * @param guarded    the guard's view of the folder ({@link SparkRunner#guarded}: a local path as the local
     *                   runner sees it, links not followed)
     * @param attributes write the removed-attributes side file, a line per record ({@code --removed attributes})
     * @param otherFiles the folder may hold files whose names Winnow never writes ({@code --allow-other-files})
     * @throws dev.winnow.run.ForeignOutputException when the folder holds what Winnow did not write
     */
    static SparkOutput open(Storage.Location out, OutputOwnership.Folder guarded, boolean textFiles, boolean attributes,
                            OutputCodec codec, boolean otherFiles) throws IOException {
        return open(out, guarded, textFiles, attributes, 0, RecordFormat.JSONL, codec, otherFiles, "", false);
    }

    /**
     * As {@link #open(Storage.Location, OutputOwnership.Folder, boolean, boolean, OutputCodec, boolean)} for the run
     * {@code fingerprint}, keeping, when {@code resume}, what a killed run with the same fingerprint left in the
     * work folder: its completed part files ({@link #PARTS}) and the text files written with them, which a rerun
     * takes instead of cleaning their documents again. A work folder of any other run is removed.
     * {@code recordsPerShard} above 0 places the records as shards ({@link RecordShards}), cut at {@link #commit};
     * {@code format} Parquet writes them as Parquet files in {@code documents/} at commit ({@link ParquetRecords}).
     */
    static SparkOutput open(Storage.Location out, OutputOwnership.Folder guarded, boolean textFiles, boolean attributes,
                            int recordsPerShard, RecordFormat format, OutputCodec codec, boolean otherFiles, String fingerprint,
                            boolean resume)
            throws IOException {
        FileSystem fs = out.fs();
        Path dir = out.path();
        OutputOwnership.check(guarded, otherFiles);
        mkdirs(fs, dir);
        Path work = new Path(dir, WORK_DIR);
        Path mark = new Path(work, FINGERPRINT);
        boolean resumable = false;
        if (resume && fingerprint.equals(readText(fs, mark))) {
            // A killed run's, with the same inputs, options and build: its parts and text files are this run's.
            keepResumable(fs, work);
            resumable = completedParts(fs, work);
        } else {
            fs.delete(work, true);
            mkdirs(fs, work);
            // Written first: whatever is written after it in the folder belongs to the run it names.
            Storage.write(fs, mark, fingerprint.getBytes(StandardCharsets.UTF_8));
        }
        if (textFiles) mkdirs(fs, new Path(work, OutputFormat.TEXT_DIR));
        OutputCodec journal = journalCodec(format, codec);
        Writer articles = writer(fs, new Path(work, journal.name(OutputFormat.ARTICLES)), journal);
        Writer rejected = null;
        try {
            rejected = writer(fs, new Path(work, codec.name(OutputFormat.REJECTED)), codec);
            Writer side = null;
            if (attributes) {
                Path set = new Path(work, OutputFormat.REMOVED_ATTRIBUTES_DIR);
                mkdirs(fs, set);
                side = writer(fs, new Path(set, codec.name(OutputFormat.ARTICLES)), codec);
            }
            SparkOutput opened = new SparkOutput(fs, dir, work, textFiles, codec, articles, rejected, side, recordsPerShard, format);
            opened.resumable = resumable;
            return opened;
        } catch (IOException | RuntimeException e) {
            articles.close();
            if (rejected != null) rejected.close();
            throw e;
        }
    }

    /**
     * How the joined records journal is written: as the records file, or plain when it becomes Parquet, since Spark
     * reads a plain file in splits, in parallel, where a gzip file is one task and a zstd one needs Hadoop's native
     * library.
     */
    private static OutputCodec journalCodec(RecordFormat format, OutputCodec codec) {
        return format == RecordFormat.PARQUET ? OutputCodec.NONE : codec;
    }

    /**
     * Writes the records journal's lines as files in a new folder ({@link ParquetRecords} on the run's Spark
     * session), {@code staging} its scratch folder, and returns them as shards.
     */
    @FunctionalInterface
    interface RecordsWriter {
        List<RecordShards.Shard> write(Path journal, Path staging, Path into) throws IOException;
    }

    private static Writer writer(FileSystem fs, Path file, OutputCodec codec) throws IOException {
        return new Sink(codec.wrap(Storage.create(fs, file)));
    }

    /**
     * An output file taking lines as text ({@link #reject}) and part files as bytes ({@link #append}), in
     * the order they come. Part files are copied as bytes: decoding and re-encoding hundreds of MB of UTF-8
     * on the driver, while every executor waits, was most of the join's time.
     */
    private static final class Sink extends java.io.FilterWriter {
        private final OutputStream bytes;

        Sink(OutputStream bytes) {
            // The writer's flush, before each byte copy, must not reach the codec: a compressor flushed ends
            // its block early, and the compressed bytes would differ from the local runner's.
            super(new java.io.BufferedWriter(new java.io.OutputStreamWriter(new java.io.FilterOutputStream(bytes) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void flush() {
                }
            }, StandardCharsets.UTF_8), 1 << 16));
            this.bytes = bytes;
        }

        /** Copies {@code in} after the lines written so far. */
        void append(InputStream in) throws IOException {
            flush();
            in.transferTo(bytes);
        }
    }

    private static void mkdirs(FileSystem fs, Path dir) throws IOException {
        if (!fs.mkdirs(dir)) throw new IOException("cannot create the folder " + dir);
    }

    /** The work folder, fully qualified: partitions write their part files and text files into it. */
    String work() {
        return work.toString();
    }

    /**
     * Appends a partition's part files (lines in input order, as it wrote them), then deletes them, its
     * marker first: a run killed during the join cleans that partition again rather than trust half its files.
     * {@code attributesPart} is null for a run without the removed-attributes side file.
     */
    void append(String doneMarker, String articlesPart, String rejectedPart, String attributesPart) throws IOException {
        fs.delete(new Path(doneMarker), false);
        append(articlesPart, articles);
        append(rejectedPart, rejected);
        if (attributes != null) append(attributesPart, attributes);
    }

    private void append(String partFile, Writer to) throws IOException {
        Path part = new Path(partFile);
        try (InputStream in = fs.open(part, 1 << 16)) {
            ((Sink) to).append(in);
        }
        fs.delete(part, false);
    }

    void reject(Rejection r) throws IOException {
        rejected.write(OutputFormat.rejectionLine(r));
        rejected.write('\n');
    }

    /** Takes {@code file}, a local file (its lines as the local runner writes them), as quotes.jsonl; a run that does not call this has none. */
    void quotes(java.nio.file.Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = codec.wrap(Storage.create(fs, new Path(work, codec.name(QuotesFile.NAME))))) {
            in.transferTo(out);
        }
        Files.delete(file);
        quotes = true;
    }

    /**
     * Moves the new files into place, replacing the earlier run's, and writes {@code report} last, with the run's
     * {@code fingerprint} and the data files' lengths, by which a rerun knows the output as finished.
     */
    void commit(ObjectNode report, String fingerprint) throws IOException {
        if (format == RecordFormat.PARQUET) throw new IllegalStateException("Parquet records need their writer");
        commit(report, fingerprint, null);
    }

    /** {@link #commit(ObjectNode, String)}, the records written as Parquet by {@code parquet}. */
    void commit(ObjectNode report, String fingerprint, RecordsWriter parquet) throws IOException {
        articles.close();
        rejected.close();
        if (attributes != null) attributes.close();
        Path journal = new Path(work, journalCodec(format, codec).name(OutputFormat.ARTICLES));
        long articlesBytes = size(journal);
        Path stagedSet = new Path(work, OutputFormat.REMOVED_ATTRIBUTES_DIR);
        long attributesBytes = attributes == null ? -1 : size(new Path(stagedSet, codec.name(OutputFormat.ARTICLES)));
        long rejectedBytes = size(new Path(work, codec.name(OutputFormat.REJECTED)));
        long quotesBytes = quotes ? size(new Path(work, codec.name(QuotesFile.NAME))) : -1;
        boolean parquetRecords = format == RecordFormat.PARQUET;
        // The records in documents/, not in articles.jsonl: JSON Lines shards, or Parquet files.
        boolean inDocuments = recordsPerShard > 0 || parquetRecords;
        Path shardsDir = new Path(work, SHARDS);
        // JSON Lines shards are cut from the joined journals by the local runner's own piece, so both engines write
        // the same shard bytes; Parquet is Spark's alone.
        List<RecordShards.Shard> shards = parquetRecords
                ? parquet.write(journal, new Path(work, "parquet"), new Path(shardsDir, RecordShards.DOCUMENTS_DIR))
                : inDocuments ? cutShards(shardsDir, stagedSet) : null;
        report.put("fingerprint", fingerprint);
        OutputCommit.Staged staged = new OutputCommit.Staged(WORK_DIR, codec, inDocuments ? null : journal.getName(),
                WORK_DIR + "/" + SHARDS, textFiles, attributes != null, recordsPerShard,
                parquetRecords ? format.code() : null, articlesBytes, rejectedBytes, quotesBytes, attributesBytes,
                store -> shards);
        OutputCommit.commit(new HadoopStore(fs, dir), staged, report, FINGERPRINT, step -> { });
        committed = true;
    }

    /**
     * Cuts the joined records journal (and the removed-attributes one, staged in {@code stagedSet}) into shards
     * under {@code into}: {@code documents/} and {@code attributes/winnow_removed/}, as they are placed.
     */
    private List<RecordShards.Shard> cutShards(Path into, Path stagedSet) throws IOException {
        Path documents = new Path(into, RecordShards.DOCUMENTS_DIR), side = new Path(into, OutputFormat.REMOVED_ATTRIBUTES_DIR);
        mkdirs(fs, documents);
        if (attributes != null) mkdirs(fs, side);
        try (InputStream records = fs.open(new Path(work, codec.name(OutputFormat.ARTICLES)), 1 << 16);
             InputStream removed = attributes == null ? null : fs.open(new Path(stagedSet, codec.name(OutputFormat.ARTICLES)), 1 << 16)) {
            return RecordShards.splitAligned(records, name -> Storage.create(fs, new Path(documents, name)), removed,
                    name -> Storage.create(fs, new Path(side, name)), codec, recordsPerShard);
        }
    }

    /**
     * The report of a finished run with this {@code fingerprint} in {@code out}, whose data files are as it left
     * them (the lengths its report names, {@code text/} there when it wrote one), else null: what the local
     * runner checks before it does nothing. Reads only; nothing is touched.
     */
    static ObjectNode finishedReport(Storage.Location out, String fingerprint, boolean textFiles, boolean attributes,
                                     int recordsPerShard, RecordFormat format, OutputCodec codec) {
        return OutputCommit.finishedReport(new HadoopStore(out.fs(), out.path()),
                r -> fingerprint.equals(r.path("fingerprint").asText(null)), codec, textFiles, attributes,
                recordsPerShard > 0 || format == RecordFormat.PARQUET);
    }

    /** A small file's text, null when there is none (or it cannot be read: a fresh start). */
    private static String readText(FileSystem fs, Path file) {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }


    /**
     * Leaves the work folder as a killed run would (a test's kill): {@link #close} closes the files and
     * removes nothing.
     */
    void abandon() {
        abandoned = true;
    }

    /**
     * Closes the files; a run that did not commit leaves the earlier output and removes its work folder, except,
     * when it opened a killed run's completed partitions, what a rerun resumes from (the parts, their text files
     * and the fingerprint): the work folder is opened before pass 1 (which writes its spills there), and a run
     * failing in pass 1 would otherwise throw away the killed run's pass 2, which is most of a run's work.
     */
    @Override
    public void close() throws IOException {
        try {
            articles.close();
            rejected.close();
            if (attributes != null) attributes.close();
        } finally {
            if (!committed && !abandoned) {
                if (resumable) keepResumable(fs, work);
                else fs.delete(work, true);
            }
        }
    }

    /** Removes from the work folder everything but what a rerun of the same run resumes from. */
    private static void keepResumable(FileSystem fs, Path work) throws IOException {
        for (FileStatus s : fs.listStatus(work)) {
            String name = s.getPath().getName();
            if (!name.equals(PARTS) && !name.equals(OutputFormat.TEXT_DIR) && !name.equals(FINGERPRINT)) fs.delete(s.getPath(), true);
        }
    }

    /** Whether the work folder holds a completed partition (its marker; {@code SparkRunner.writePart} writes it last). */
    private static boolean completedParts(FileSystem fs, Path work) throws IOException {
        Path parts = new Path(work, PARTS);
        if (!fs.exists(parts)) return false;
        for (FileStatus s : fs.listStatus(parts)) if (s.getPath().getName().endsWith(".done")) return true;
        return false;
    }

    private long size(Path file) throws IOException {
        return fs.getFileStatus(file).getLen();
    }
}
