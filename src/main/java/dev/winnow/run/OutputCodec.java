package dev.winnow.run;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the JSON Lines outputs are written: plain, gzip ({@code .jsonl.gz}) or zstd ({@code .jsonl.zst}).
 * A compressed journal is a run of gzip members or zstd frames, one per {@code OutputWriter} member
 * interval (a fixed number of outcomes, so the bytes do not depend on timing or threads): concatenated
 * they are one valid stream to every reader (zcat, zstdcat, Python's gzip, Spark), and cutting a journal
 * back to a checkpoint's length, which is always at the end of a member, leaves a valid stream, so
 * compressed runs resume like plain ones.
 */
public enum OutputCodec {
    NONE(""), GZIP(".gz"), ZSTD(".zst");

    private final String suffix;

    OutputCodec(String suffix) {
        this.suffix = suffix;
    }

    /** The file name with this codec's extension: articles.jsonl.gz. */
    public String name(String plain) {
        return plain + suffix;
    }

    /** A compressing stream over {@code out}, one member or frame; closing it closes {@code out}. */
    public OutputStream wrap(OutputStream out) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, 1 << 16);
            case ZSTD -> new ZstdOutputStream(out, 3);
        };
    }

    /**
     * The lines of a file this codec wrote, every member or frame of it in turn (a journal is many); closing
     * it closes {@code in}.
     */
    public InputStream unwrap(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 1 << 16);
            case ZSTD -> new ZstdInputStream(in);
        };
    }

    /**
     * A compressing stream over {@code out} whose {@code close()} ends the member or frame but leaves
     * {@code out} open, so the next interval starts a new one on the same file. The member begins with
     * its first byte: an interval that writes nothing leaves nothing, not an empty member, and a file
     * cut where a member ended never ends in the header of the next (which made a resumed gzip journal
     * unreadable: the new member's header followed the stranded one).
     */
    public OutputStream member(OutputStream out) {
        if (this == NONE) return shielded(out);
        return new OutputStream() {
            private OutputStream member;

            private OutputStream open() throws IOException {
                if (member == null) member = compressing(shielded(out));
                return member;
            }

            @Override
            public void write(int b) throws IOException {
                open().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) open().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (member != null) member.flush();
            }

            @Override
            public void close() throws IOException {
                if (member != null) member.close();
                member = null;
            }
        };
    }

    /** One empty member or frame: a compressed file with no lines is still a valid stream. */
    public byte[] emptyMember() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        wrap(bytes).close();
        return bytes.toByteArray();
    }

    private OutputStream compressing(OutputStream out) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, 1 << 16);
            case ZSTD -> new ZstdOutputStream(out, 3);
        };
    }

    /** {@code out} with a {@code close()} that only flushes: the file stays open for the next member. */
    private static OutputStream shielded(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
