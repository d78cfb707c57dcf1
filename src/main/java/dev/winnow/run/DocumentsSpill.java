package dev.winnow.run;

import dev.winnow.core.Document;
import dev.winnow.core.DocumentSpill;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The first pass's documents on disk, so that the second pass applies the corpus stages without cleaning any
 * input again: one entry per outcome of the first pass, in input order, holding what the second pass needs of
 * a document the first pass cleaned (its {@link Paused} state), or nothing for a document the first pass
 * rejected (the second pass reads and cleans that one as before, so it ends as it always did). Written and read
 * sequentially on one thread each, so memory does not grow with the corpus.
 *
 * <p>The file: the magic bytes {@code WNSP}, a version byte ({@link #VERSION}), then entries, each
 * {@code int length, int CRC-32 of the body, body}; a body is {@code long position, string id} (the input it
 * belongs to, which the reader checks against the input it is asked for), {@code byte has} (0: nothing, 1: a
 * {@link Paused} follows). Strings and documents as {@link DocumentSpill} writes them. A truncated or damaged
 * file, or one out of step with the inputs, is an {@link IOException} naming the spill: never a silent guess.
 */
public final class DocumentsSpill {
    static final byte[] MAGIC = {'W', 'N', 'S', 'P'};
    static final int VERSION = 1;
    private static final int BUFFER = 1 << 16;
    /** A longer entry than this is damage, not a document (inputs are bounded by --max-bytes long before). */
    private static final int MAX_ENTRY = Integer.MAX_VALUE - 16;

    private DocumentsSpill() {}

    /** Which front end read a paused document, which says which chain resumes it and what its record names. */
    public enum Kind { TEXT, HTML, DOCUMENT }

    /**
     * A document the first pass cleaned, as the second pass needs it: how it was read ({@code mediaType},
     * {@code charset}), its input's size and SHA-256, and its chains' documents before the corpus stages. For
     * HTML, {@code candidate} is the content candidate's words, {@code lenient} the fallback chain's document
     * when the first pass ran it (null otherwise); plain text and documents have only {@code main}.
     */
    public record Paused(Kind kind, String mediaType, String charset, long bytes, String sha256, int candidate,
                         Document main, Document lenient) {

        /** This state as an entry's bytes. */
        public byte[] toBytes() {
            try {
                Out buf = new Out(main.source().length() + 1024);
                DataOutputStream out = new DataOutputStream(buf);
                out.writeByte(kind.ordinal());
                writeNullable(out, mediaType);
                writeNullable(out, charset);
                out.writeLong(bytes);
                DocumentSpill.writeString(out, sha256);
                out.writeInt(candidate);
                DocumentSpill.write(main, out);
                out.writeBoolean(lenient != null);
                if (lenient != null) DocumentSpill.write(lenient, out);
                out.flush();
                return buf.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);     // memory does not fail to write
            }
        }

        /** The state {@link #toBytes} wrote. */
        public static Paused of(byte[] bytes) throws IOException {
            DataInputStream in = new DataInputStream(new In(bytes));
            int kind = in.readUnsignedByte();
            if (kind >= Kind.values().length) throw new IOException("a spilled document of kind " + kind);
            String mediaType = readNullable(in), charset = readNullable(in);
            long length = in.readLong();
            String sha = DocumentSpill.readString(in);
            int candidate = in.readInt();
            Document main = DocumentSpill.read(in);
            Document lenient = in.readBoolean() ? DocumentSpill.read(in) : null;
            if (in.available() != 0) throw new IOException("a spilled document has " + in.available() + " bytes left over");
            return new Paused(Kind.values()[kind], mediaType, charset, length, sha, candidate, main, lenient);
        }
    }

    /** Appends the first pass's entries, in input order. */
    public static final class Writer implements Closeable {
        private final DataOutputStream out;
        private final CRC32 crc = new CRC32();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final DataOutputStream bodyOut = new DataOutputStream(body);

        /** A new spill at {@code file}, replacing one there. */
        public Writer(Path file) throws IOException {
            this(newFile(file));
        }

        /** A new spill written to {@code stream} (a Hadoop file, say), which {@link #close} closes. */
        public Writer(OutputStream stream) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(stream, BUFFER));
            out.write(MAGIC);
            out.writeByte(VERSION);
        }

        private static OutputStream newFile(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.newOutputStream(file);
        }

        /** The entry of {@code input}'s outcome: {@code paused} (an entry's bytes, see {@link Paused#toBytes}) or null. */
        public void add(Input input, byte[] paused) throws IOException {
            body.reset();
            bodyOut.writeLong(input.position());
            DocumentSpill.writeString(bodyOut, input.id());
            bodyOut.writeByte(paused == null ? 0 : 1);
            bodyOut.flush();
            crc.reset();
            crc.update(body.toByteArray(), 0, body.size());
            if (paused != null) crc.update(paused, 0, paused.length);
            long length = (long) body.size() + (paused == null ? 0 : paused.length);
            if (length > MAX_ENTRY) throw new IOException("a document's spill entry of " + length + " bytes is too long");
            out.writeInt((int) length);
            out.writeInt((int) crc.getValue());
            body.writeTo(out);
            if (paused != null) out.write(paused);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * What a second pass reads for each of its units in turn: the unit's entry, as {@link Reader#next} gives it.
     * A runner that can clean a document again instead of trusting a damaged spill puts its own in front of a Reader.
     */
    public interface Entries {
        /** {@code input}'s entry: its {@link Paused} state's bytes, or null when there is none. */
        byte[] next(Input input) throws IOException;
    }

    /** Opens a spill for reading; may fail as the file is missing or no spill. */
    @FunctionalInterface
    public interface Opener {
        Reader open() throws IOException;
    }

    /**
     * A spill as a second pass reads it when it can clean a document again instead: each unit's entry while the
     * spill is sound; once it is missing, damaged or out of step with the units, {@code warnings} is told once and
     * every unit after gets no entry, so it is read and cleaned again, with the same output, only slower. Both
     * runners read their spills through it: a damaged spill costs time, never a run.
     */
    public static final class Lenient implements Entries, Closeable {
        private final String label;
        private final java.util.function.Consumer<String> warnings;
        private Reader reader;
        private boolean fellBack;

        /** {@code label} names the spill in the warning ("partition 3", the file). */
        public Lenient(Opener opener, String label, java.util.function.Consumer<String> warnings) {
            this.label = label;
            this.warnings = warnings;
            try {
                reader = opener.open();
            } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
                fallBack("the first pass's spill is missing");
            } catch (IOException | RuntimeException e) {
                fallBack(e.getMessage());
            }
        }

        @Override
        public byte[] next(Input input) {
            if (reader == null) return null;
            try {
                return reader.next(input);
            } catch (IOException | RuntimeException e) {
                fallBack(e.getMessage() + "; from " + input.name() + " on");
                return null;
            }
        }

        /** Whether some documents were cleaned again for want of a sound spill. */
        public boolean fellBack() {
            return fellBack;
        }

        private void fallBack(String why) {
            fellBack = true;
            close();
            warnings.accept(label + ": " + why + "; its documents are read and cleaned again (the same output, slower)");
        }

        @Override
        public void close() {
            if (reader == null) return;
            try {
                reader.close();
            } catch (IOException e) {
                // read from, not written: nothing is lost
            }
            reader = null;
        }
    }

    /** Reads the entries back, one per input, in the order they were written. */
    public static final class Reader implements Entries, Closeable {
        private final String file;
        private final DataInputStream in;
        private final CRC32 crc = new CRC32();
        private long entries;
        /** Bytes of the file not read yet: no entry may claim more (a damaged length is not an allocation). */
        private long left;

        /** The spill in {@code file}. */
        public Reader(Path file) throws IOException {
            this(Files.newInputStream(file), Files.size(file), file.toString());
        }

        /**
         * The spill in {@code stream}, {@code length} bytes long, named {@code file} in what it reports; the stream is
         * closed by {@link #close}, or here when it is no spill.
         */
        public Reader(InputStream stream, long length, String file) throws IOException {
            this.file = file;
            this.left = length - MAGIC.length - 1;
            this.in = new DataInputStream(new BufferedInputStream(stream, BUFFER));
            byte[] magic = new byte[MAGIC.length + 1];
            try {
                try {
                    in.readFully(magic);
                } catch (EOFException e) {
                    throw damaged("it ends before its header", e);
                }
                for (int i = 0; i < MAGIC.length; i++) if (magic[i] != MAGIC[i]) throw damaged("it does not start as a spill", null);
                if (magic[MAGIC.length] != VERSION) throw damaged("it is version " + magic[MAGIC.length] + ", not " + VERSION, null);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }

        /**
         * {@code input}'s entry: its {@link Paused} state's bytes, or null when the first pass kept none.
         *
         * @throws IOException when the file ends, is damaged, or the entry belongs to another input
         */
        @Override
        public byte[] next(Input input) throws IOException {
            byte[] entry;
            int sum;
            try {
                int length = in.readInt();
                sum = in.readInt();
                left -= 8;
                if (length < 0 || length > left) {
                    throw damaged("entry " + entries + " claims " + length + " bytes, " + Math.max(0, left) + " are left", null);
                }
                left -= length;
                entry = new byte[length];
                in.readFully(entry);
            } catch (EOFException e) {
                throw damaged("it ends after " + entries + " entries, before " + input.name() + "'s", e);
            }
            crc.reset();
            crc.update(entry, 0, entry.length);
            if ((int) crc.getValue() != sum) throw damaged("entry " + entries + " (" + input.name() + ") fails its checksum", null);
            DataInputStream body = new DataInputStream(new In(entry));
            long position = body.readLong();
            String id = DocumentSpill.readString(body);
            if (position != input.position() || !id.equals(input.id())) {
                throw damaged("entry " + entries + " is " + id + " at " + position + ", not " + input.id() + " at "
                        + input.position() + ": the inputs changed between the passes", null);
            }
            int has = body.readUnsignedByte();
            entries++;
            if (has == 0) return null;
            byte[] paused = new byte[body.available()];
            body.readFully(paused);
            return paused;
        }

        private IOException damaged(String why, Throwable cause) {
            return new IOException("the first pass's spill " + file + " is unusable: " + why, cause);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * A {@link ByteArrayOutputStream} whose single-byte writes are not synchronized: {@link DataOutputStream} writes
     * each number a byte at a time, and a document is many numbers. One thread writes it.
     */
    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        @Override
        public void write(int b) {
            if (count == buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(64, buf.length * 2));
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(count + len, buf.length * 2));
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }
    }

    /** A {@link ByteArrayInputStream} whose reads are not synchronized, for the same reason. One thread reads it. */
    private static final class In extends ByteArrayInputStream {
        In(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int read() {
            return pos < count ? buf[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= count) return len == 0 ? 0 : -1;
            int n = Math.min(len, count - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return count - pos;
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) DocumentSpill.writeString(out, s);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? DocumentSpill.readString(in) : null;
    }
}
