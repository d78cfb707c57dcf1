package dev.winnow.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.corpus.CorpusFacts;
import dev.winnow.run.ForeignOutputException;
import dev.winnow.run.HeartbeatLock;
import dev.winnow.run.Outcome;
import dev.winnow.run.OutputBusyException;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputCommit;
import dev.winnow.run.OutputFormat;
import dev.winnow.run.OutputLock;
import dev.winnow.run.OutputOwnership;
import dev.winnow.run.RecordShards;
import dev.winnow.run.RunFingerprint;
import dev.winnow.run.Tally;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes a run's output folder so that a reader never sees a half-written file, a killed run resumes
 * where it stopped, and a finished run is not done again.
 *
 * <p>While a run works, everything it writes goes to the work folder {@code OUTDIR/.winnow-run/}:
 * outcomes are appended, in input order, to two journals ({@code articles.jsonl}, {@code rejected.jsonl})
 * and text files go to a staged {@code text/}. With {@code --removed attributes} a third journal, staged at
 * {@code attributes/winnow_removed/articles.jsonl}, takes one line per record, synced and checkpointed with
 * the others, so the side file stays row-aligned with the records after any kill. Every 10,000 outcomes ({@link Cadence}) or
 * five seconds the journals are flushed and synced, then a {@link Checkpoint} naming their lengths is
 * written (temp file, sync, rename). On start, a checkpoint with the run's {@link RunFingerprint} is
 * resumed: the journals are cut back to its lengths, the text files the lost stretch may have written are
 * removed, and the run goes on after the last outcome it covers. A checkpoint of another run, or none,
 * means starting over in an empty work folder.
 *
 * <p>When every outcome is written the run commits. A final checkpoint ({@code done == total}) comes first:
 * from then on a rerun only finishes the commit. With {@code --records-per-shard} the records journal (and the
 * removed-attributes one) is not renamed in but cut into shards in the work folder ({@link RecordShards}), once.
 * Then {@link OutputCommit}, the Spark runner's commit too, puts the files in place: the old {@code report.json}
 * removed, the journals renamed in, {@code text/}, {@code documents/} and {@code attributes/winnow_removed/}
 * swapped, {@code report.json} (with the fingerprint and the data files' lengths) written last, the checkpoint and
 * the work folder removed. Each step can be repeated, so a run killed anywhere in the commit finishes it on the
 * next start. The final files change only while a final checkpoint exists, and a run that starts over from an
 * interrupted commit removes the old {@code report.json} first; so with no checkpoint present, a
 * {@code report.json} with the run's fingerprint (and data files of the lengths it names) means a rerun has
 * nothing to do.
 *
 * <p>{@link OutputLock} keeps a second run out while one works. Output files are replaced whole, so a
 * folder holding files Winnow did not write is refused before anything is touched ({@link OutputOwnership}).
 *
 * <p>What a kill can and cannot leave: the previous output stays whole until the commit, the commit is
 * finished by the next run, and a completed run leaves exactly {@code articles.jsonl},
 * {@code rejected.jsonl}, {@code report.json} and {@code text/} (and {@code attributes/winnow_removed/}
 * with {@code --removed attributes}). During the renames a reader can see new and old data files side by side,
 * each whole, but no {@code report.json}: one is there only when it describes the files beside it.
 *
 * <p>Durability: journals, checkpoints and the report are synced before they count, so they survive a
 * power cut too. Text files are not synced one by one (that would cost a disk flush per document); a
 * kill cannot lose them, a power cut just before or after a commit can.
 */
final class OutputWriter implements Closeable {
    static final String ARTICLES = OutputFormat.ARTICLES;
    static final String REJECTED = OutputFormat.REJECTED;
    static final String REPORT = OutputFormat.REPORT;
    static final String TEXT_DIR = OutputFormat.TEXT_DIR;
    /** Written by runs with corpus stages: the shared quotations (see {@link dev.winnow.corpus.QuotesFile}). */
    static final String QUOTES = dev.winnow.corpus.QuotesFile.NAME;
    /** The first pass's {@link CorpusFacts}, saved in the work folder so a resumed second pass reads the same. */
    static final String CORPUS_FACTS = "corpus.facts";
    /** Work in progress; removed when a run finishes. */
    static final String WORK_DIR = OutputFormat.LOCAL_WORK_DIR;
    static final String CHECKPOINT = "checkpoint.json";
    /**
     * The sharded layout's shards, cut from the finished journals at commit and staged here as they are
     * placed ({@code documents/}, {@code attributes/winnow_removed/}); written as {@code shards.tmp} and
     * renamed, so a commit killed while cutting cuts again and one killed later does not.
     */
    private static final String SHARDS = "shards";
    /** Written into the final checkpoint of a run that cannot be repeated (it read standard input). */
    private static final String UNREPEATABLE = "unrepeatable";

    /** Longest stretch of work a kill can lose once outcomes flow. */
    static final long CHECKPOINT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /*
     * A compressed journal's members end at multiples of the cadence's member count and nowhere else,
     * and a compressed run checkpoints only there (a checkpoint must end a member, so its length is a
     * valid place to cut back to): the bytes never depend on when the clock called a checkpoint, so runs
     * with any thread count, killed or not, write the same bytes.
     */

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int JOURNAL_BUFFER = 1 << 16;

    /** How a run found its output folder. */
    enum Start {
        /** No usable saved state: the run does all its inputs. */
        FRESH,
        /** A checkpoint of this run: inputs it covers are not done again. */
        RESUMED,
        /** The folder holds this run's finished output: nothing to do, nothing touched. */
        FINISHED
    }

    private final Path dir;
    private final Path work;
    private final OutputCodec codec;
    /** The data files' names with the codec's extension: articles.jsonl, articles.jsonl.gz... */
    private final String articlesName, rejectedName, quotesName;
    private final boolean textFiles;
    /** Whether this run writes the removed-attributes side file ({@code --removed attributes}). */
    private final boolean attributes;
    /** Records per shard in {@code documents/} ({@code --records-per-shard}), 0 for one records file. */
    private final int recordsPerShard;
    private final String fingerprint;
    /** The run's {@link RunFingerprint#ofContent}: what lets a moved or freshly checked-out corpus find its output. */
    private final String contentFingerprint;
    private final OutputLock lock;
    private final RunSteps steps;
    private final Cadence cadence;
    private Start start;
    private Tally tally;
    private int resumedAt;
    private ObjectNode finishedReport;
    private Journal articles;
    private Journal rejected;
    /** The removed-attributes journal; null for the other layouts. */
    private Journal attributesJournal;
    private long articlesBytes;
    /** Length of the removed-attributes journal, or -1 for a run without it. */
    private long attributesBytes = -1;
    private long rejectedBytes;
    /** Length of the staged quotes.jsonl, or -1 for a run without corpus stages. */
    private long quotesBytes = -1;
    private int checkpointAt;
    private long checkpointNanos = System.nanoTime();

    private OutputWriter(Path dir, boolean textFiles, boolean attributes, int recordsPerShard, String fingerprint,
                         String contentFingerprint, OutputCodec codec, OutputLock lock, RunSteps steps, Cadence cadence) {
        this.dir = dir;
        this.attributes = attributes;
        this.recordsPerShard = recordsPerShard;
        this.codec = codec;
        this.articlesName = codec.name(ARTICLES);
        this.rejectedName = codec.name(REJECTED);
        this.quotesName = codec.name(QUOTES);
        this.work = dir.resolve(WORK_DIR);
        this.textFiles = textFiles;
        this.fingerprint = fingerprint;
        this.contentFingerprint = contentFingerprint;
        this.lock = lock;
        this.steps = steps;
        this.cadence = cadence;
    }

    /**
     * Locks {@code dir} for this run and works out where the run starts: resumed from a checkpoint of the
     * same fingerprint, already finished, or fresh.
     *
     * @param attributes  write the removed-attributes side file, a line per record ({@code --removed attributes})
     * @param recordsPerShard  above 0: place the records (and the side file) as shards of this many lines
     *                    ({@link RecordShards}); 0: one records file
     * @param fingerprint the run's {@link RunFingerprint}, null when it cannot be repeated (never resumed
     *                    or skipped)
     * @param contentFingerprint the run's {@link RunFingerprint#ofContent}: finished output it matches is this
     *                    run's too, though the inputs moved or were touched; null when it cannot be repeated
     * @param restart     ignore saved state and finished output
     * @param otherFiles  the folder may hold files whose names Winnow never writes ({@code --allow-other-files})
     * @param steps       told each step of the output protocol as the run reaches it
     * @param cadence     how often to checkpoint and, compressed, to end a member
     * @param log         receives a line when the run resumes, starts over or has nothing to do
     * @throws OutputBusyException when another run holds the folder
     * @throws ForeignOutputException when the folder holds files Winnow did not write (see {@link OutputOwnership#check})
     */
    static OutputWriter open(Path dir, boolean textFiles, boolean attributes, int recordsPerShard, String fingerprint,
                             String contentFingerprint, OutputCodec codec, boolean restart, boolean otherFiles, RunSteps steps, Cadence cadence, Consumer<String> log)
            throws IOException {
        OutputOwnership.check(dir, otherFiles);
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(dir + " exists and is not a folder", e);
        }
        OutputWriter out = new OutputWriter(dir, textFiles, attributes, recordsPerShard, fingerprint, contentFingerprint, codec,
                OutputLock.acquire(dir), steps, cadence);
        try {
            // A Spark run writing here through file:// holds a heartbeat lock, not this one: live, it keeps this run out.
            HeartbeatLock.checkFree(HeartbeatLock.readOnly(dir.resolve(OutputFormat.SPARK_LOCK)), dir.toString(),
                    HeartbeatLock.Settings.DEFAULTS);
            steps.reached("locked");
            out.begin(restart, log);
            return out;
        } catch (IOException | RuntimeException | Error e) {
            try {
                out.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void begin(boolean restart, Consumer<String> log) throws IOException {
        Path file = work.resolve(CHECKPOINT);
        boolean saved = Files.exists(file);
        Checkpoint checkpoint = saved ? Checkpoint.read(file, MAPPER) : null;
        if (checkpoint != null && !restart && fingerprint != null && checkpoint.fingerprint().equals(fingerprint)) {
            String damage = resume(checkpoint);
            if (damage == null) {
                start = Start.RESUMED;
                log.accept(checkpoint.complete()
                        ? "finishing the interrupted run in " + dir + ": all " + checkpoint.done() + " inputs were done"
                        : String.format(Locale.ROOT, "resuming the interrupted run in %s: %d inputs were done, continuing",
                        dir, checkpoint.done()));
                return;
            }
            log.accept("starting over: the interrupted run in " + dir + " cannot be resumed (" + damage + ")");
        } else if (restart) {
            if (saved || Files.exists(dir.resolve(REPORT))) {
                log.accept("starting over (--restart): the earlier output and saved state in " + dir + " will be replaced");
            }
        } else if (saved) {
            log.accept(checkpoint == null ? "starting over: the saved state in " + dir + " is unreadable"
                    : "starting over: " + dir + " holds an interrupted run of other inputs, options or build");
        } else if (fingerprint != null && (finishedReport = readFinishedReport()) != null) {
            start = Start.FINISHED;
            OutputFormat.deleteTree(work);   // left by a run killed before its first checkpoint: it never touched the output
            log.accept(dir + " already holds the finished output of this run (same inputs, options and build); nothing to do");
            return;
        }
        // A commit interrupted half-way may have replaced some data files: the old report no longer describes them.
        fresh(saved && (checkpoint == null || checkpoint.complete()));
    }

    /** Picks up a checkpoint of this run; returns what is wrong when the files it describes are not there. */
    private String resume(Checkpoint c) throws IOException {
        Path articlesJournal = work.resolve(articlesName), rejectedJournal = work.resolve(rejectedName);
        if (c.quotesBytes() >= 0 && !journalOrPlaced(quotesName, c.quotesBytes())) return quotesName + " is missing or changed";
        if (c.complete()) {
            // Committing: each file is either still in the work folder or already in place.
            if (!journalOrPlaced(articlesName, c.articlesBytes())) return articlesName + " is missing or changed";
            if (!journalOrPlaced(rejectedName, c.rejectedBytes())) return rejectedName + " is missing or changed";
            if (textFiles && !Files.isDirectory(work.resolve(TEXT_DIR)) && !Files.isDirectory(dir.resolve(TEXT_DIR))) {
                return "the text files are missing";
            }
            if (attributes && size(stagedAttributes()) != c.attributesBytes() && size(placedAttributes()) != c.attributesBytes()) {
                return "the removed attributes are missing or changed";
            }
        } else {
            if (size(articlesJournal) < c.articlesBytes() || size(rejectedJournal) < c.rejectedBytes()) {
                return "a journal is shorter than its checkpoint";
            }
            if (attributes && (c.attributesBytes() < 0 || size(stagedAttributes()) < c.attributesBytes())) {
                return "the removed-attributes journal is shorter than its checkpoint";
            }
            if (textFiles && !Files.isDirectory(work.resolve(TEXT_DIR))) return "the staged text files are missing";
            if (c.quotesBytes() >= 0 && !Files.isRegularFile(work.resolve(CORPUS_FACTS))) return "the corpus facts are missing";
            articles = Journal.resume(articlesJournal, c.articlesBytes(), codec);
            rejected = Journal.resume(rejectedJournal, c.rejectedBytes(), codec);
            // Cut back with the records: its lines past the checkpoint belong to records that are cut off too.
            if (attributes) attributesJournal = Journal.resume(stagedAttributes(), c.attributesBytes(), codec);
            // Outcomes written after the checkpoint are done again: a record rewrites its text file, and a
            // rejection removes the one an earlier attempt may have left (see write).
        }
        tally = c.tally();
        resumedAt = c.done();
        checkpointAt = c.done();
        articlesBytes = c.articlesBytes();
        rejectedBytes = c.rejectedBytes();
        quotesBytes = c.quotesBytes();
        attributesBytes = c.attributesBytes();
        return null;
    }

    /** The removed-attributes journal in the work folder, staged in the folders it is committed into. */
    private Path stagedAttributes() {
        return work.resolve(OutputFormat.REMOVED_ATTRIBUTES_DIR).resolve(articlesName);
    }

    /** The removed-attributes file in place: named as the records file, which is how Dolma pairs the two. */
    private Path placedAttributes() {
        return dir.resolve(OutputFormat.REMOVED_ATTRIBUTES_DIR).resolve(articlesName);
    }

    private boolean journalOrPlaced(String name, long length) throws IOException {
        Path journal = work.resolve(name);
        if (Files.exists(journal)) return size(journal) == length;
        return size(dir.resolve(name)) == length;
    }

    /**
     * The report of a finished run with this fingerprint, or with this content fingerprint (the same inputs
     * moved, copied or touched), whose data files are as it left them, else null.
     */
    private ObjectNode readFinishedReport() {
        return OutputCommit.finishedReport(new LocalStore(dir), r -> fingerprint.equals(r.path("fingerprint").asText(null))
                        || (contentFingerprint != null && contentFingerprint.equals(r.path("content_fingerprint").asText(null))),
                codec, textFiles, attributes, recordsPerShard > 0);
    }

    private void fresh(boolean dropReport) throws IOException {
        start = Start.FRESH;
        tally = new Tally();
        if (dropReport) Files.deleteIfExists(dir.resolve(REPORT));
        // Emptied, not removed: until this run commits, the work folder marks the output as winnow's (see OutputOwnership).
        if (Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(work)) {
                for (Path child : children.toList()) OutputFormat.deleteTree(child);
            }
        } else {
            OutputFormat.deleteTree(work);
            Files.createDirectories(work);
        }
        if (textFiles) Files.createDirectories(work.resolve(TEXT_DIR));
        articles = Journal.create(work.resolve(articlesName), codec);
        rejected = Journal.create(work.resolve(rejectedName), codec);
        if (attributes) {
            Files.createDirectories(stagedAttributes().getParent());
            attributesJournal = Journal.create(stagedAttributes(), codec);
            attributesBytes = 0;
        }
    }

    Start start() { return start; }

    /** Outcomes already written when this run began (from a checkpoint), 0 for a fresh run. */
    int resumedAt() { return resumedAt; }

    /** Counts of every outcome written so far, this run's and those it resumed. */
    Tally tally() { return tally; }

    /** The report of the finished output, when {@link #start()} is {@link Start#FINISHED}. */
    ObjectNode finishedReport() { return finishedReport; }

    /** Appends the next outcome in input order; saves a checkpoint when one is due. */
    void write(Outcome outcome) throws IOException {
        if (outcome.isRecord()) {
            articles.writer.write(outcome.recordLine());
            articles.writer.write('\n');
            if (attributes) {
                if (outcome.attributesLine() == null) throw new IllegalStateException("a record without its removed-attributes line: " + outcome.id());
                attributesJournal.writer.write(outcome.attributesLine());
                attributesJournal.writer.write('\n');
            }
            if (textFiles) Files.write(textFile(work, outcome.id()), OutputFormat.textFileBytes(outcome.text()));
        } else {
            rejected.writer.write(OutputFormat.rejectionLine(outcome.rejection()));
            rejected.writer.write('\n');
            // A resumed run does again what followed its checkpoint; this input may have been a record then.
            if (textFiles && start == Start.RESUMED) Files.deleteIfExists(textFile(work, outcome.rejection().id()));
        }
        tally.add(outcome);
        steps.reached("written");
        boolean memberEnds = codec != OutputCodec.NONE && tally.outcomes() % cadence.memberOutcomes() == 0;
        if (memberEnds) {
            articles.endMember();
            rejected.endMember();
            if (attributes) attributesJournal.endMember();
        }
        if (fingerprint != null && (codec == OutputCodec.NONE || memberEnds) && (tally.outcomes() - checkpointAt >= cadence.checkpointOutcomes()
                || System.nanoTime() - checkpointNanos >= CHECKPOINT_NANOS)) {
            checkpoint();
        }
    }

    /** The first pass's facts saved by {@link #saveCorpus} of this run, or null when there are none. */
    CorpusFacts savedCorpus() throws IOException {
        Path file = work.resolve(CORPUS_FACTS);
        if (quotesBytes < 0 || !Files.isRegularFile(file)) return null;
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return (CorpusFacts) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("the saved corpus facts in " + work + " are unreadable; run again with --restart", e);
        }
    }

    /** Where the first pass may spill its keys: inside the work folder, so a run that starts over clears it. */
    Path spillDir() {
        return work.resolve("spill");
    }

    /**
     * Where the first pass keeps each document's state for the second ({@link dev.winnow.run.DocumentsSpill}):
     * inside the work folder, apart from {@link #spillDir()}, whose files the corpus index deletes when it is done.
     */
    Path documentSpill() {
        return work.resolve("documents.spill");
    }

    /** The staged quotes.jsonl, for the first pass to write its lines into before {@link #saveCorpus}. */
    Writer stageQuotes() throws IOException {
        return new BufferedWriter(new OutputStreamWriter(codec.member(Files.newOutputStream(work.resolve(quotesName))),
                StandardCharsets.UTF_8), JOURNAL_BUFFER);
    }

    /**
     * Saves the first pass's results, the staged quotes.jsonl (written and closed) and {@code facts} for
     * the second pass, then checkpoints, so a run killed in the second pass does not redo the first.
     */
    void saveCorpus(CorpusFacts facts) throws IOException {
        Path quotes = work.resolve(quotesName);
        if (codec != OutputCodec.NONE && Files.size(quotes) == 0) Files.write(quotes, codec.emptyMember());
        try (FileChannel ch = FileChannel.open(quotes, StandardOpenOption.WRITE)) {
            ch.force(false);
        }
        Path tmp = work.resolve(CORPUS_FACTS + ".tmp");
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeObject(facts);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(false);
        }
        LocalStore.move(tmp, work.resolve(CORPUS_FACTS));
        quotesBytes = Files.size(quotes);
        if (fingerprint != null) checkpoint("corpus");
    }

    private void checkpoint() throws IOException {
        checkpoint("checkpoint");
    }

    /** {@code point} names the steps around it: the tests count regular checkpoints apart from the corpus one. */
    private void checkpoint(String point) throws IOException {
        articlesBytes = articles.sync();
        rejectedBytes = rejected.sync();
        if (attributes) attributesBytes = attributesJournal.sync();
        save(new Checkpoint(fingerprint, tally.outcomes(), -1, articlesBytes, rejectedBytes, quotesBytes, attributesBytes, tally), point);
        checkpointAt = tally.outcomes();
        checkpointNanos = System.nanoTime();
    }

    private void save(Checkpoint c) throws IOException {
        save(c, "checkpoint");
    }

    private void save(Checkpoint c, String point) throws IOException {
        Path tmp = work.resolve(CHECKPOINT + ".tmp");
        LocalStore.writeSynced(tmp, c.toBytes(MAPPER));
        steps.reached(point + ".tmp-written");
        LocalStore.move(tmp, work.resolve(CHECKPOINT));
        LocalStore.syncDirectory(work);
        steps.reached(point + ".written");
    }

    /**
     * Puts the output in place once every outcome is written; adds the fingerprint and the data files'
     * lengths to {@code report} and writes it last. Finishes an interrupted commit too.
     */
    void commit(ObjectNode report) throws IOException {
        if (start == Start.FINISHED) throw new IllegalStateException("nothing to commit: the output was already finished");
        if (articles != null) {
            articlesBytes = articles.finish();
            rejectedBytes = rejected.finish();
            if (attributes) attributesBytes = attributesJournal.finish();
            closeJournals();
            save(new Checkpoint(fingerprint == null ? UNREPEATABLE : fingerprint, tally.outcomes(), tally.outcomes(),
                    articlesBytes, rejectedBytes, quotesBytes, attributesBytes, tally));
            steps.reached("commit.started");
        }
        boolean sharded = recordsPerShard > 0;
        if (sharded) stageShards();
        report.put("fingerprint", fingerprint);
        report.put("content_fingerprint", contentFingerprint);
        OutputCommit.Staged staged = new OutputCommit.Staged(WORK_DIR, codec, sharded ? null : articlesName,
                WORK_DIR + "/" + SHARDS, textFiles, attributes, recordsPerShard, null, articlesBytes, rejectedBytes,
                quotesBytes, attributesBytes,
                store -> RecordShards.placed(tally.records(), recordsPerShard, codec, attributes, store::size));
        OutputCommit.commit(new LocalStore(dir), staged, report, CHECKPOINT, steps::reached);
    }

    /**
     * Cuts the finished records journal (and the removed-attributes journal) into shards in the work folder,
     * unless an earlier attempt at this commit already did. The journals stay: a commit killed later still has
     * what its checkpoint names, and they go with the work folder.
     */
    private void stageShards() throws IOException {
        Path done = work.resolve(SHARDS), tmp = work.resolve(SHARDS + ".tmp");
        if (Files.isDirectory(done)) return;
        OutputFormat.deleteTree(tmp);
        Path documents = Files.createDirectories(tmp.resolve(RecordShards.DOCUMENTS_DIR));
        Path side = attributes ? Files.createDirectories(tmp.resolve(OutputFormat.REMOVED_ATTRIBUTES_DIR)) : null;
        try (java.io.InputStream records = Files.newInputStream(work.resolve(articlesName));
             java.io.InputStream removed = attributes ? Files.newInputStream(stagedAttributes()) : null) {
            RecordShards.splitAligned(records, name -> syncedFile(documents.resolve(name)), removed,
                    name -> syncedFile(side.resolve(name)), codec, recordsPerShard);
        }
        LocalStore.syncDirectory(documents);
        if (side != null) LocalStore.syncDirectory(side);
        LocalStore.move(tmp, done);
        LocalStore.syncDirectory(work);
        steps.reached("commit.shards-written");
    }

    /** A new file whose close syncs it: a shard counts once it is on disk, as a journal does. */
    private static java.io.OutputStream syncedFile(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new java.io.FilterOutputStream(Channels.newOutputStream(ch)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try {
                    ch.force(false);
                } finally {
                    super.close();
                }
            }
        };
    }

    /**
     * Releases the folder. A run that did not finish leaves its work folder for the next run, which
     * resumes it from its checkpoint or clears it; the previous output is untouched either way.
     */
    @Override
    public void close() throws IOException {
        try {
            closeJournals();
        } finally {
            lock.close();
        }
    }

    private void closeJournals() throws IOException {
        try {
            if (articles != null) articles.close();
        } finally {
            articles = null;
            try {
                if (rejected != null) rejected.close();
            } finally {
                rejected = null;
                try {
                    if (attributesJournal != null) attributesJournal.close();
                } finally {
                    attributesJournal = null;
                }
            }
        }
    }

    private static Path textFile(Path root, String id) {
        return root.resolve(TEXT_DIR).resolve(OutputFormat.textFileName(id));
    }

    /** Size of a file, or -1 when there is none. */
    private static long size(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.size(file) : -1;
    }


    /** An append-only journal whose length on disk is known after each {@link #sync}. */
    private static final class Journal implements Closeable {
        final FileChannel channel;
        final OutputCodec codec;
        Writer writer;

        private Journal(FileChannel channel, OutputCodec codec) throws IOException {
            this.channel = channel;
            this.codec = codec;
            this.writer = writer();
        }

        /** Plain: straight to the file. Compressed: a new member per checkpoint interval (see {@link OutputCodec}). */
        private Writer writer() throws IOException {
            java.io.OutputStream file = Channels.newOutputStream(channel);
            return new BufferedWriter(new OutputStreamWriter(codec == OutputCodec.NONE ? file : codec.member(file),
                    StandardCharsets.UTF_8), JOURNAL_BUFFER);
        }

        static Journal create(Path file, OutputCodec codec) throws IOException {
            return new Journal(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), codec);
        }

        /** Opens a journal and cuts off what was written after the checkpoint that says it is {@code length} long. */
        static Journal resume(Path file, long length, OutputCodec codec) throws IOException {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            try {
                ch.truncate(length);
                ch.position(length);
                ch.force(false);
                return new Journal(ch, codec);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }

        /** Flushes and syncs; returns the length on disk, which ends a member when compressed. */
        long sync() throws IOException {
            endMember();
            channel.force(false);
            return channel.position();
        }

        /** Flushes; when compressed, ends the member being written (if any: an empty one is not written). */
        void endMember() throws IOException {
            if (codec == OutputCodec.NONE) {
                writer.flush();
            } else {
                writer.close();         // ends the member; the file stays open
                writer = writer();
            }
        }

        /** The last sync: a compressed journal with no lines gets one empty member, to be a valid stream. */
        long finish() throws IOException {
            endMember();
            if (codec != OutputCodec.NONE && channel.position() == 0) {
                ByteBuffer empty = ByteBuffer.wrap(codec.emptyMember());
                while (empty.hasRemaining()) channel.write(empty);
            }
            channel.force(false);
            return channel.position();
        }

        @Override
        public void close() throws IOException {
            writer.close();
            channel.close();
        }
    }
}
