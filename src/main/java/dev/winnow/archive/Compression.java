package dev.winnow.archive;

import dev.winnow.core.RejectReason;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads gzip- and zstd-compressed inputs transparently, within the input size limit. A stream that ends
 * early is {@code truncated}; one that is not valid gzip or zstd is {@code corrupt}; one that inflates
 * past the limit is {@code bomb} when its compression ratio is beyond what text reaches, else
 * {@code too_large}. {@link #open(Path)} streams a compressed container (a WARC or JSON Lines file of
 * many GB) without holding it, and {@link #damage(IOException)} names what a failed read means.
 */
public final class Compression {
    private Compression() {}

    /** Text compresses about 3-10x; past this ratio an input is built to exhaust memory, not a document. */
    static final int BOMB_RATIO = 100;

    /** Inflated bytes, or the rejection reason and message. */
    public record Inflated(byte[] bytes, RejectReason reason, String message) {
        public boolean ok() { return reason == null; }
    }

    public static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    /**
     * A zstd frame (magic 28 B5 2F FD), or a zstd skippable frame (50..5F 2A 4D 18), which zstd tools
     * accept at the start of a stream and the WARC zstd format uses to carry its dictionary.
     */
    public static boolean isZstd(byte[] b) {
        if (b.length < 4) return false;
        int b0 = b[0] & 0xFF, b1 = b[1] & 0xFF, b2 = b[2] & 0xFF, b3 = b[3] & 0xFF;
        boolean frame = b0 == 0x28 && b1 == 0xB5 && b2 == 0x2F && b3 == 0xFD;
        boolean skippable = (b0 & 0xF0) == 0x50 && b1 == 0x2A && b2 == 0x4D && b3 == 0x18;
        return frame || skippable;
    }

    /** The file name without its ".gz" or ".zst" (".tgz" is an archive, not handled here). */
    public static String innerName(String name) {
        if (name == null) return null;
        if (name.endsWith(".gz")) return name.substring(0, name.length() - 3);
        if (name.endsWith(".zst")) return name.substring(0, name.length() - 4);
        return name;
    }

    public static Inflated gunzip(byte[] compressed, long limit) {
        return inflate("gzip", compressed, limit);
    }

    public static Inflated unzstd(byte[] compressed, long limit) {
        return inflate("zstd", compressed, limit);
    }

    /**
     * The file's bytes, decompressed when they open with gzip or zstd magic (whatever the file is
     * called: a renamed or extension-less download is still read right), else as they are. Gzip members
     * and zstd frames written one after another read as one stream, as {@code zcat} and {@code zstdcat}
     * read them. The file is read through a buffer; the decompressed stream is not buffered again, so
     * a reader that wants every byte before a failure (see {@code archive.DamageFence}) gets them. The
     * caller closes it. A read that fails later is classified by {@link #damage(IOException)}.
     */
    public static InputStream open(Path file) throws IOException {
        return open(file, java.time.Duration.ofDays(365));
    }

    /**
     * As {@link #open(Path)}; a named pipe that no program opens for writing within {@code pipeWait} is a
     * {@link PipeWriter.NoWriterException}, where opening it would otherwise block for ever, and one whose
     * writer then writes nothing for {@code pipeWait} without closing it fails the read with a
     * {@link StallGuard.StalledException}: both are {@code timeout} by {@link #damage}.
     */
    public static InputStream open(Path file, java.time.Duration pipeWait) throws IOException {
        // A pipe given by name (a FIFO, process substitution) fails a channel stream's seek ("Illegal seek");
        // a FileInputStream reads it as a stream.
        InputStream plain = Files.isRegularFile(file) ? Files.newInputStream(file) : PipeWriter.open(file, pipeWait);
        InputStream raw = new BufferedInputStream(plain, STREAM_BUFFER);
        try {
            return decompressing(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** {@code in} decompressed when it opens with gzip or zstd magic, else {@code in}; {@code in} must support mark. */
    public static InputStream decompressing(InputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (isGzip(magic)) return new GzipMembers(in);
        if (isZstd(magic)) {
            ZstdInputStream zstd = new ZstdInputStream(in);
            if (Arrays.equals(magic, DICTIONARY_FRAME)) zstd.setDict(leadingDictionary(in));
            return zstd;
        }
        return in;
    }

    /** Large enough that a many-GB container is read in few system calls; one per open file. */
    private static final int STREAM_BUFFER = 64 * 1024;

    /**
     * The skippable frame (magic 0x184D2A5D) in which the WARC zstd format (and {@code zstd --patch-from}
     * style tools) put the dictionary every following frame needs. Read past here; zstd skips other
     * skippable frames by itself.
     */
    private static final byte[] DICTIONARY_FRAME = {0x5D, 0x2A, 0x4D, 0x18};

    /** zstd dictionaries are kilobytes to a few MB; a bigger "dictionary" is damage, not something to allocate. */
    private static final int MAX_DICTIONARY_BYTES = 64 * 1024 * 1024;

    /** Reads the dictionary frame at the start of {@code in}, leaving {@code in} at the first data frame. */
    private static byte[] leadingDictionary(InputStream in) throws IOException {
        byte[] header = in.readNBytes(8);
        if (header.length < 8) throw new EOFException("zstd dictionary frame header cut short");
        long size = (header[4] & 0xFFL) | (header[5] & 0xFFL) << 8 | (header[6] & 0xFFL) << 16 | (header[7] & 0xFFL) << 24;
        if (size > MAX_DICTIONARY_BYTES) throw new ZstdIOException(0, "zstd dictionary frame of " + size + " bytes");
        byte[] dictionary = in.readNBytes((int) size);
        if (dictionary.length < size) throw new EOFException("zstd dictionary frame cut short");
        if (!isZstd(dictionary)) return dictionary;
        // the WARC zstd format allows the dictionary itself to be zstd-compressed
        try (InputStream inner = new ZstdInputStream(new ByteArrayInputStream(dictionary))) {
            byte[] inflated = inner.readNBytes(MAX_DICTIONARY_BYTES + 1);
            if (inflated.length > MAX_DICTIONARY_BYTES) throw new ZstdIOException(0, "zstd dictionary inflates past " + MAX_DICTIONARY_BYTES + " bytes");
            return inflated;
        }
    }

    /**
     * What a failed read of a (possibly compressed) stream means: {@code truncated} when the data ends
     * before its declared end (a cut download or copy), {@code unreadable} when the file system refuses
     * it, else {@code corrupt}: the bytes are not valid gzip, zstd or whatever the reader expected.
     */
    public static RejectReason damage(IOException e) {
        if (e instanceof EOFException) return RejectReason.TRUNCATED;
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a decompressor may wrap what its source threw
            if (t instanceof PipeWriter.NoWriterException || t instanceof StallGuard.StalledException) return RejectReason.TIMEOUT;
        }
        if (needsLongWindow(e)) return RejectReason.TOO_LARGE;
        if (e instanceof ZstdIOException) {
            // zstd-jni reports a stream cut inside a frame as a corruption error named "Truncated source".
            String message = e.getMessage();
            return message != null && message.contains("Truncated") ? RejectReason.TRUNCATED : RejectReason.CORRUPT;
        }
        if (e instanceof FileSystemException) return RejectReason.UNREADABLE;
        return RejectReason.CORRUPT;
    }

    /**
     * A valid zstd frame written with a window over the decoder's 128 MiB ({@code zstd --long}): not
     * corrupt, but beyond a limit. The window is not raised to fit: a frame header alone can ask for
     * 2 GiB of native memory, more than one document may cost.
     */
    static boolean needsLongWindow(Throwable e) {
        String m = e.getMessage();
        return m != null && (m.contains("Frame requires too much memory") || m.contains("Window size larger than maximum"));
    }

    /** What a long-window frame's rejection says to do. */
    public static final String LONG_WINDOW = "a zstd frame whose window is over the 128 MiB Winnow decodes (written with zstd --long); "
            + "decompress it first with zstd -d --long=31";

    private static Inflated inflate(String format, byte[] compressed, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, compressed.length * 4));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = format.equals("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(compressed), buffer.length)
                : new ZstdInputStream(new ByteArrayInputStream(compressed))) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    boolean bomb = total / Math.max(1, compressed.length) > BOMB_RATIO;
                    return new Inflated(null, bomb ? RejectReason.BOMB : RejectReason.TOO_LARGE,
                            format + " input inflates past the limit of " + limit + " bytes (--max-bytes)"
                                    + (bomb ? " at a compression ratio above " + BOMB_RATIO + ":1" : ""));
                }
                out.write(buffer, 0, n);
            }
            return new Inflated(out.toByteArray(), null, null);
        } catch (ZstdException e) {
            if (needsLongWindow(e)) return new Inflated(null, RejectReason.TOO_LARGE, LONG_WINDOW);
            // zstd-jni throws this unchecked error for some malformed input instead of an IOException.
            return new Inflated(null, RejectReason.CORRUPT, "not a valid zstd stream: " + e.getMessage());
        } catch (IOException e) {
            if (needsLongWindow(e)) return new Inflated(null, RejectReason.TOO_LARGE, LONG_WINDOW);
            if (damage(e) == RejectReason.TRUNCATED) {
                return new Inflated(null, RejectReason.TRUNCATED, format + " stream ends early after " + total + " bytes: " + e.getMessage());
            }
            return new Inflated(null, RejectReason.CORRUPT, "not a valid " + format + " stream: " + e.getMessage());
        }
    }
}
