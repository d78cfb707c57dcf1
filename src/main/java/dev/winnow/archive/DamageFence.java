package dev.winnow.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the first read error of a decompressing stream into a clean end of stream, and keeps the error.
 * A parser that reads ahead in large blocks (jwarc fills a buffer) would otherwise lose the whole
 * block, with the good records just before the damage, to an exception thrown for its last bytes. Reads
 * are sliced small so the bytes a decoder produced in the failing call, which it discards, are few.
 */
final class DamageFence extends FilterInputStream {
    /** Small enough that little decoded data dies with a failing read, large enough to cost nothing. */
    private static final int SLICE = 8 * 1024;

    private IOException damage;

    DamageFence(InputStream in) {
        super(in);
    }

    /** The error that ended the stream early, or null while it is whole. */
    IOException damage() {
        return damage;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (damage != null) return -1;
        try {
            return in.read(b, off, Math.min(len, SLICE));
        } catch (IOException e) {
            damage = e;
            return -1;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.max(1, Math.min(n, SLICE))];
        long skipped = 0;
        for (int r; skipped < n && (r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped))) > 0; ) skipped += r;
        return skipped;
    }

    @Override
    public int available() {
        try {
            return damage == null ? in.available() : 0;
        } catch (IOException e) {
            return 0;   // the next read will meet the error and keep it
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
