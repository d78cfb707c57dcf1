package dev.winnow.spark;

import dev.winnow.run.DocumentsSpill;
import dev.winnow.run.Input;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Pass 1's documents of one partition, kept in the run's work folder through Hadoop's FileSystem (a local disk,
 * HDFS, an object store) in {@link DocumentsSpill}'s format, so that pass 2's task for the same partition resumes
 * them instead of cleaning them again. Both passes map the same RDD of inputs, whose partition {@code i} holds the
 * same inputs in the same order each time it is computed, so a spill is named by its partition's index alone (the
 * reader still checks each entry's position and id against the unit it is read for).
 *
 * <p>Written under the attempt's own name and renamed to the partition's when complete: a failed, retried or
 * speculative attempt never leaves a partial file under that name, and two complete attempts wrote the same bytes.
 * In pass 2 a spill that is missing, damaged or out of step with the partition's units is reported, and the
 * partition's documents from there on are read and cleaned again, as before spills: slower, the same bytes.
 * Stopping the run instead would fail a Spark job over a file it can do without (a task retried after its spill
 * was deleted, a lost executor's half-written attempt, a store that lost a write); the local runner reads its
 * spill the same way.
 */
final class PartitionSpills {
    /** The work folder's spills, one per partition. */
    static final String DIR = "spill";

    private PartitionSpills() {}

    /** Partition {@code index}'s spill in the work folder {@code work}. */
    static Path file(Path work, int index) {
        return new Path(new Path(work, DIR), String.format(Locale.ROOT, "part-%05d.spill", index));
    }

    /** A partition's spill being written in pass 1; {@link #commit} puts it in place, {@link #abort} removes it. */
    static final class Writing implements Closeable {
        private final FileSystem fs;
        private final Path file;
        private final Path attempt;
        private final DocumentsSpill.Writer writer;
        private boolean closed;

        /** Partition {@code index}'s spill, written under the name {@code attempt} (the task attempt's) until complete. */
        Writing(FileSystem fs, Path work, int index, String attempt) throws IOException {
            this.fs = fs;
            this.file = file(work, index);
            this.attempt = new Path(file.getParent(), "." + file.getName() + attempt);
            this.writer = new DocumentsSpill.Writer(Storage.scratch(fs, this.attempt));
        }

        /** {@code input}'s entry: its outcome's paused state, or null for an outcome pass 2 must clean again. */
        void add(Input input, byte[] paused) throws IOException {
            writer.add(input, paused);
        }

        /** Complete: renamed to the partition's name; an attempt that finished first keeps its file (the same bytes). */
        void commit() throws IOException {
            closed = true;
            writer.close();
            SparkRunner.finish(fs, attempt, file);
        }

        /** Not complete (the task failed or was killed): its file is removed. Nothing once committed. */
        void abort() {
            if (closed) return;
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                // removed below all the same
            }
            try {
                fs.delete(attempt, false);
            } catch (IOException e) {
                // left in the work folder, which the commit removes
            }
        }

        @Override
        public void close() {
            abort();
        }
    }

    /**
     * Partition {@code index}'s spill as pass 2 reads it, unit by unit, through {@link DocumentsSpill.Lenient}: each
     * unit's entry while the spill is sound; once it is missing, damaged or out of step, {@code warnings} is told once
     * and every unit after gets no entry, so it is read and cleaned again.
     */
    static DocumentsSpill.Lenient reading(FileSystem fs, Path work, int index, Consumer<String> warnings) {
        Path file = file(work, index);
        return new DocumentsSpill.Lenient(() -> {
            try {
                long length = fs.getFileStatus(file).getLen();
                return new DocumentsSpill.Reader(fs.open(file, 1 << 16), length, file.toString());
            } catch (FileNotFoundException e) {
                throw new IOException("pass 1's spill " + file + " is missing", e);
            }
        }, "partition " + index, warnings);
    }
}
