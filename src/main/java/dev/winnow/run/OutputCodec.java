package dev.winnow.run;

import com.github.luben.zstd.ZstdOutputStream;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the JSON Lines outputs are written: plain, gzip ({@code .jsonl.gz}) or zstd ({@code .jsonl.zst}).
 * A compressed journal is a run of gzip members or zstd frames, one per checkpoint: concatenated they
 * are one valid stream to every reader (zcat, zstdcat, Python's gzip, Spark), and cutting a journal
 * back to a checkpoint's length leaves a valid stream, so compressed runs resume like plain ones.
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
     * A compressing stream over {@code out} whose {@code close()} ends the member or frame but leaves
     * {@code out} open, so the next checkpoint interval starts a new one on the same file.
     */
    OutputStream member(OutputStream out) throws IOException {
        OutputStream shielded = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return switch (this) {
            case NONE -> shielded;
            case GZIP -> new GZIPOutputStream(shielded, 1 << 16);
            case ZSTD -> new ZstdOutputStream(shielded, 3);
        };
    }
}
