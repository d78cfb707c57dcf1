package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sharded record layout ({@code --records-per-shard N}): the records as {@code documents/part-00000.jsonl},
 * {@code part-00001.jsonl}... of N lines each in input order (the last one shorter), and with
 * {@code --removed attributes} the side file cut into {@code attributes/winnow_removed/} under the same names
 * with the same line counts, which is Dolma's layout ({@code PREFIX/documents/F} pairs with
 * {@code PREFIX/attributes/SET/F}).
 *
 * <p>Shards are cut from a finished records journal at commit time, by every engine with this one piece,
 * so the journals, checkpoints and resumes stay what they are and the local and Spark runners write the
 * same shard bytes. A run with no records writes one empty {@code part-00000} (an empty member when
 * compressed): the folder a reader is pointed at always holds a file, and its attributes file its pair.
 *
 * <p>Each shard is one gzip member or zstd frame, written in fixed blocks, so its bytes depend only on its
 * lines and the codec: not on how the journal was read, nor on the journal's own member boundaries.
 */
public final class RecordShards {
    /** The records' folder in the sharded layout, as Dolma names it. */
    public static final String DOCUMENTS_DIR = "documents";
    /** What the compressor is handed at a time: a fixed size, so its output cannot depend on read sizes. */
    private static final int BLOCK = 1 << 16;

    private RecordShards() {}

    /** Shard {@code index}'s file name: {@code part-00000.jsonl} with the codec's extension. */
    public static String name(int index, OutputCodec codec) {
        return codec.name(String.format(Locale.ROOT, "part-%05d.jsonl", index));
    }

    /** Creates the file a shard is written to, given its name; the stream is closed when the shard is whole. */
    @FunctionalInterface
    public interface Target {
        OutputStream create(String name) throws IOException;
    }

    /**
     * A shard: its file name, its lines, its length on disk and the length of its removed-attributes file
     * (-1 when the run writes none).
     */
    public record Shard(String name, long lines, long bytes, long attributesBytes) {}

    /** Reads a file's length by its path relative to the output folder, -1 when there is no such file. */
    @FunctionalInterface
    public interface Sizes {
        long of(String relative) throws IOException;
    }

    /** Where shard {@code name} goes, relative to the output folder. */
    public static String documentPath(String name) {
        return DOCUMENTS_DIR + "/" + name;
    }

    /** Where the removed attributes of shard {@code name} go, relative to the output folder. */
    public static String attributesPath(String name) {
        return OutputFormat.REMOVED_ATTRIBUTES_DIR + "/" + name;
    }

    /**
     * Cuts {@code journal}, a file of lines as {@code codec} wrote it (members or frames, any number), into
     * shards of {@code perShard} lines created by {@code to}, each compressed whole by {@code codec}. Lines
     * are copied as bytes. Returns the shards in order; never none.
     *
     * @throws IOException when the journal does not end with a newline (a cut-off line never becomes a record)
     */
    public static List<Shard> split(InputStream journal, OutputCodec codec, int perShard, Target to) throws IOException {
        if (perShard < 1) throw new IllegalArgumentException("a shard holds at least one record: " + perShard);
        List<Shard> shards = new ArrayList<>();
        byte[] buffer = new byte[BLOCK];
        ShardWriter current = null;
        long lines = 0;
        boolean lineOpen = false;
        try (InputStream in = codec.unwrap(journal)) {
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') continue;
                    if (++lines < perShard) continue;
                    if (current == null) current = new ShardWriter(name(shards.size(), codec), codec, to);
                    current.write(buffer, start, i + 1 - start);
                    shards.add(current.finish(lines));
                    current = null;
                    start = i + 1;
                    lines = 0;
                }
                if (start < n) {
                    if (current == null) current = new ShardWriter(name(shards.size(), codec), codec, to);
                    current.write(buffer, start, n - start);
                }
                lineOpen = buffer[n - 1] != '\n';
            }
            if (lineOpen) throw new IOException("the records journal ends inside a line; run again with --restart");
            if (current != null) shards.add(current.finish(lines));
            else if (shards.isEmpty()) shards.add(new ShardWriter(name(0, codec), codec, to).finish(0));
        } catch (IOException | RuntimeException e) {
            if (current != null) current.abandon(e);
            throw e;
        }
        return List.copyOf(shards);
    }

    /**
     * Splits the records journal, and the removed-attributes journal when there is one ({@code attributes} not
     * null), the same way; fails unless the two give the same shards with the same line counts.
     */
    public static List<Shard> splitAligned(InputStream records, Target recordsTo, InputStream attributes, Target attributesTo,
                                           OutputCodec codec, int perShard) throws IOException {
        List<Shard> shards = split(records, codec, perShard, recordsTo);
        if (attributes == null) return shards;
        List<Shard> side = split(attributes, codec, perShard, attributesTo);
        if (side.size() != shards.size()) throw new IOException("the removed attributes do not align with the records");
        List<Shard> paired = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            Shard d = shards.get(i), a = side.get(i);
            if (a.lines() != d.lines()) throw new IOException("the removed attributes do not align with the records");
            paired.add(new Shard(d.name(), d.lines(), d.bytes(), a.bytes()));
        }
        return List.copyOf(paired);
    }

    /**
     * The shards a run of {@code records} records places, read back by their lengths: what a commit finished by
     * a later run reports, having not cut them itself. The line counts follow from the layout, every shard
     * full but the last.
     *
     * @throws IOException when a shard the layout calls for is missing
     */
    public static List<Shard> placed(long records, int perShard, OutputCodec codec, boolean attributes, Sizes sizes)
            throws IOException {
        long count = Math.max(1, (records + perShard - 1) / perShard);
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = name(i, codec);
            long bytes = sizes.of(documentPath(name)), side = attributes ? sizes.of(attributesPath(name)) : -1;
            if (bytes < 0 || (attributes && side < 0)) throw new IOException("shard " + name + " is missing; run again with --restart");
            shards.add(new Shard(name, i < count - 1 ? perShard : records - (long) perShard * (count - 1), bytes, side));
        }
        return List.copyOf(shards);
    }

    /** Adds the layout to a report's {@code output}: records per shard and each shard's name, lines and lengths. */
    public static void report(ObjectNode output, int perShard, List<Shard> shards) {
        output.put("records_per_shard", perShard);
        ArrayNode list = output.putArray("shards");
        for (Shard s : shards) {
            ObjectNode o = list.addObject();
            o.put("name", s.name());
            o.put("records", s.lines());
            o.put("bytes", s.bytes());
            if (s.attributesBytes() >= 0) o.put("attributes_bytes", s.attributesBytes());
        }
    }

    /** Adds the shard files to a report's {@code output.files}: what vouches for {@code documents/} on the next run. */
    public static void listFiles(ArrayNode files, List<Shard> shards) {
        for (Shard s : shards) files.add(documentPath(s.name()));
        for (Shard s : shards) if (s.attributesBytes() >= 0) files.add(attributesPath(s.name()));
    }

    /**
     * Whether the shards a report's {@code output} names are in place with the lengths it gives (and their
     * removed-attributes files too when {@code attributes}): with the fingerprint, how a rerun knows the
     * output as finished.
     */
    public static boolean placedAsReported(JsonNode output, boolean attributes, Sizes sizes) throws IOException {
        JsonNode shards = output.path("shards");
        if (!shards.isArray() || shards.isEmpty()) return false;
        for (JsonNode s : shards) {
            String name = s.path("name").asText("");
            if (name.isEmpty() || sizes.of(documentPath(name)) != s.path("bytes").asLong(-1)) return false;
            if (attributes && sizes.of(attributesPath(name)) != s.path("attributes_bytes").asLong(-1)) return false;
        }
        return true;
    }

    /** One shard's file: bytes gathered into fixed blocks, compressed, counted on the way to the file. */
    private static final class ShardWriter {
        private final String name;
        private final Counting file;
        private final OutputStream compressed;
        private final byte[] block = new byte[BLOCK];
        private int filled;

        ShardWriter(String name, OutputCodec codec, Target to) throws IOException {
            this.name = name;
            this.file = new Counting(to.create(name));
            this.compressed = codec.wrap(file);
        }

        void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int take = Math.min(len, block.length - filled);
                System.arraycopy(b, off, block, filled, take);
                filled += take;
                off += take;
                len -= take;
                if (filled == block.length) {
                    compressed.write(block, 0, filled);
                    filled = 0;
                }
            }
        }

        Shard finish(long lines) throws IOException {
            if (filled > 0) compressed.write(block, 0, filled);
            compressed.close();
            return new Shard(name, lines, file.count, -1);
        }

        void abandon(Exception cause) {
            try {
                compressed.close();
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Counts the bytes that reach the file: a shard's length without asking the file system. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
