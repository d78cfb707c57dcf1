package dev.winnow.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads gzip-compressed inputs transparently, within the input size limit. A stream that ends early is
 * {@code truncated}; one that is not valid gzip is {@code corrupt}; one that inflates past the limit is
 * {@code bomb} when its compression ratio is beyond what text reaches, else {@code too_large}.
 */
final class Compression {
    private Compression() {}

    /** Text compresses about 3-10x; past this ratio an input is built to exhaust memory, not a document. */
    static final int BOMB_RATIO = 100;

    /** Inflated bytes, or the rejection reason and message. */
    record Inflated(byte[] bytes, RejectReason reason, String message) {
        boolean ok() { return reason == null; }
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    /** The file name without its ".gz" (".tgz" is an archive, not handled here). */
    static String innerName(String name) {
        if (name == null) return null;
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    static Inflated gunzip(byte[] compressed, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, compressed.length * 4));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), buffer.length)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    boolean bomb = total / Math.max(1, compressed.length) > BOMB_RATIO;
                    return new Inflated(null, bomb ? RejectReason.BOMB : RejectReason.TOO_LARGE,
                            "gzip input inflates past the limit of " + limit + " bytes (--max-bytes)"
                                    + (bomb ? " at a compression ratio above " + BOMB_RATIO + ":1" : ""));
                }
                out.write(buffer, 0, n);
            }
            return new Inflated(out.toByteArray(), null, null);
        } catch (EOFException e) {
            return new Inflated(null, RejectReason.TRUNCATED, "gzip stream ends early after " + total + " bytes: " + e.getMessage());
        } catch (ZipException e) {
            return new Inflated(null, RejectReason.CORRUPT, "not a valid gzip stream: " + e.getMessage());
        } catch (IOException e) {
            return new Inflated(null, RejectReason.CORRUPT, "gzip stream unreadable: " + e.getMessage());
        }
    }
}
