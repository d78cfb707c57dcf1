package dev.winnow.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.corpus.QuotesFile;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputFormat;
import dev.winnow.run.OutputOwnership;
import dev.winnow.run.Rejection;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a Spark run's output folder on the driver, in the local runner's formats ({@link OutputFormat}).
 * Everything is written into a work folder first and moved into place by {@link #commit}, data files
 * first and {@code report.json} last, so the earlier output stays whole until the new files are complete
 * and a reader never sees a half-written file. A run that fails leaves the earlier output as it was.
 *
 * <p>Simpler than the local runner's writer: no checkpoints (a rerun starts over) and no lock against a
 * second run into the same folder. The same guard on what the folder may hold ({@link OutputOwnership}).
 */
final class SparkOutput implements Closeable {
    /** Work in progress; not the local runner's, so neither mistakes the other's half-done state for its own. */
    static final String WORK_DIR = OutputFormat.SPARK_WORK_DIR;

    private final Path dir;
    private final Path work;
    private final boolean textFiles;
    private final OutputCodec codec;
    private final Writer articles;
    private final Writer rejected;
    /** Whether this run writes {@code quotes.jsonl} (a run with the corpus stages). */
    private boolean quotes;
    private boolean committed;

    private SparkOutput(Path dir, Path work, boolean textFiles, OutputCodec codec, Writer articles, Writer rejected) {
        this.dir = dir;
        this.codec = codec;
        this.work = work;
        this.textFiles = textFiles;
        this.articles = articles;
        this.rejected = rejected;
    }

    /**
     * Opens {@code dir} for a run, after the guard the local runner runs too ({@link OutputOwnership#check}):
     * a folder holding files Winnow did not write is refused before anything in it is touched.
     *
     * @param otherFiles the folder may hold files whose names Winnow never writes ({@code --allow-other-files})
     * @throws dev.winnow.run.ForeignOutputException when the folder holds what Winnow did not write
     */
    static SparkOutput open(Path dir, boolean textFiles, OutputCodec codec, boolean otherFiles) throws IOException {
        OutputOwnership.check(dir, otherFiles);
        Files.createDirectories(dir);
        Path work = dir.resolve(WORK_DIR);
        OutputFormat.deleteTree(work);
        Files.createDirectories(work);
        if (textFiles) Files.createDirectories(work.resolve(OutputFormat.TEXT_DIR));
        Writer articles = writer(work.resolve(codec.name(OutputFormat.ARTICLES)), codec);
        try {
            Writer rejected = writer(work.resolve(codec.name(OutputFormat.REJECTED)), codec);
            return new SparkOutput(dir, work, textFiles, codec, articles, rejected);
        } catch (IOException | RuntimeException e) {
            articles.close();
            throw e;
        }
    }

    private static Writer writer(Path file, OutputCodec codec) throws IOException {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(codec.wrap(Files.newOutputStream(file,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The work folder: partitions write their part files and text files into it. */
    Path work() {
        return work;
    }

    /** Appends a partition's part files (lines in input order, as it wrote them), then deletes them. */
    void append(String articlesPart, String rejectedPart) throws IOException {
        for (String[] pair : new String[][]{{articlesPart, "a"}, {rejectedPart, "r"}}) {
            Path part = Path.of(pair[0]);
            try (java.io.Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                in.transferTo(pair[1].equals("a") ? articles : rejected);
            }
            Files.delete(part);
        }
    }

    /** Appends a record's line and writes its text file. */
    void record(String id, String line, String text) throws IOException {
        articles.write(line);
        articles.write('\n');
        if (textFiles) {
            Files.write(work.resolve(OutputFormat.TEXT_DIR).resolve(OutputFormat.textFileName(id)), OutputFormat.textFileBytes(text));
        }
    }

    void reject(Rejection r) throws IOException {
        rejected.write(OutputFormat.rejectionLine(r));
        rejected.write('\n');
    }

    /** Takes {@code file} (its lines as the local runner writes them) as quotes.jsonl; a run that does not call this has none. */
    void quotes(Path file) throws IOException {
        try (var in = Files.newInputStream(file); var out = codec.wrap(Files.newOutputStream(work.resolve(codec.name(QuotesFile.NAME))))) {
            in.transferTo(out);
        }
        Files.delete(file);
        quotes = true;
    }

    /** Moves the new files into place, replacing the earlier run's, and writes {@code report} last. */
    void commit(ObjectNode report) throws IOException {
        articles.close();
        rejected.close();
        sync(work.resolve(codec.name(OutputFormat.ARTICLES)));
        sync(work.resolve(codec.name(OutputFormat.REJECTED)));
        long articlesBytes = Files.size(work.resolve(codec.name(OutputFormat.ARTICLES)));
        long rejectedBytes = Files.size(work.resolve(codec.name(OutputFormat.REJECTED)));
        long quotesBytes = -1;
        if (quotes) {
            sync(work.resolve(codec.name(QuotesFile.NAME)));
            quotesBytes = Files.size(work.resolve(codec.name(QuotesFile.NAME)));
        }
        // The old report no longer describes the data files once the first of them is replaced.
        Files.deleteIfExists(dir.resolve(OutputFormat.REPORT));
        move(work.resolve(codec.name(OutputFormat.ARTICLES)), dir.resolve(codec.name(OutputFormat.ARTICLES)));
        move(work.resolve(codec.name(OutputFormat.REJECTED)), dir.resolve(codec.name(OutputFormat.REJECTED)));
        if (quotes) move(work.resolve(codec.name(QuotesFile.NAME)), dir.resolve(codec.name(QuotesFile.NAME)));
        // Data files of an earlier run that this run's output does not include (no corpus stages, another codec).
        for (OutputCodec other : OutputCodec.values()) {
            for (String plain : List.of(OutputFormat.ARTICLES, OutputFormat.REJECTED, QuotesFile.NAME)) {
                String name = other.name(plain);
                boolean ours = other == codec && (quotes || !plain.equals(QuotesFile.NAME));
                if (!ours) Files.deleteIfExists(dir.resolve(name));
            }
        }
        Path text = dir.resolve(OutputFormat.TEXT_DIR);
        if (Files.exists(text, LinkOption.NOFOLLOW_LINKS)) {
            Path old = work.resolve("text.old");
            move(text, old);
            OutputFormat.deleteTree(old);
        }
        if (textFiles) move(work.resolve(OutputFormat.TEXT_DIR), text);

        ObjectNode output = report.putObject("output");
        output.put("articles_bytes", articlesBytes);
        output.put("rejected_bytes", rejectedBytes);
        if (quotesBytes >= 0) output.put("quotes_bytes", quotesBytes);
        // The data files this run wrote, as the local runner lists them: the guard tells them from lookalikes.
        var files = output.putArray("files");
        files.add(codec.name(OutputFormat.ARTICLES));
        files.add(codec.name(OutputFormat.REJECTED));
        if (quotes) files.add(codec.name(QuotesFile.NAME));
        Path tmp = work.resolve(OutputFormat.REPORT + ".tmp");
        Files.write(tmp, (new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        sync(tmp);
        move(tmp, dir.resolve(OutputFormat.REPORT));
        OutputFormat.deleteTree(work);
        committed = true;
    }

    /** Closes the files; a run that did not commit removes its work folder and leaves the earlier output. */
    @Override
    public void close() throws IOException {
        try {
            articles.close();
            rejected.close();
        } finally {
            if (!committed) OutputFormat.deleteTree(work);
        }
    }

    /** On disk before it is renamed into place, so a power cut cannot leave a named but empty file. */
    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
