package dev.winnow.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines ('\n', with a '\r' before it dropped), holding at most {@code limit}
 * bytes of any one line: the rest of a longer line is counted and skipped, so one giant line cannot
 * exhaust memory and the next line is still found. Not thread-safe.
 */
final class BoundedLines {
    /**
     * One line: its 1-based number, its bytes, its full length ({@code bytes} is null when that is over
     * the limit), and whether a '\n' ended it (only the last line of a stream may lack one).
     */
    record Line(long number, byte[] bytes, long length, boolean terminated) {
        boolean tooLong() { return bytes == null; }
    }

    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int end;
    private long number;
    private boolean eof;

    BoundedLines(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The number of the line {@link #next()} returned last, or is reading when it threw. */
    long number() {
        return number;
    }

    /** The next line, or null at the end of the stream. A last line without '\n' is still a line. */
    Line next() throws IOException {
        return read(true);
    }

    /**
     * The next line as {@link #next()} would return it, for counting only: its bytes are not copied, and
     * {@link Line#bytes()} is a stand-in, empty for a line of whitespace alone and one non-blank byte otherwise.
     * Skipping the lines before a slice of a big file copied every one of them (as much as reading the slice).
     */
    Line skip() throws IOException {
        return read(false);
    }

    /** A non-blank line's stand-in bytes in {@link #skip()}. */
    private static final byte[] NOT_BLANK = {'x'};
    private static final byte[] BLANK = {};
    /** Above this a line's scratch is not kept for the next line: one giant line does not hold its size for the file. */
    private static final int KEPT_SCRATCH = 1 << 20;

    /**
     * The line's bytes (at most {@code limit + 1} of them) go into one scratch array that is reused from line to
     * line, copied out once; a {@code ByteArrayOutputStream} per line grew by doubling from 32 bytes, copying a
     * 5 kB line about eight times.
     */
    private byte[] scratch = new byte[8 * 1024];

    private Line read(boolean copy) throws IOException {
        if (position == end && !fill()) return null;
        number++;
        int kept = 0;
        long length = 0;
        boolean terminated;
        boolean blank = true;
        byte last = 0;
        while (true) {
            int newline = indexOf((byte) '\n', position, end);
            int stop = newline < 0 ? end : newline;
            int room = (int) Math.max(0, Math.min(stop - position, limit + 1L - kept));
            // one byte past the limit tells "too long" from "exactly the limit"
            if (copy) {
                if (kept + room > scratch.length) {
                    scratch = java.util.Arrays.copyOf(scratch, (int) Math.min(Integer.MAX_VALUE - 8,
                            Math.max(kept + (long) room, 2L * scratch.length)));
                }
                System.arraycopy(buffer, position, scratch, kept, room);
            } else if (room > 0) {
                for (int i = position; blank && i < position + room; i++) blank = isSpace(buffer[i]);
                last = buffer[position + room - 1];
            }
            kept += room;
            length += stop - position;
            position = newline < 0 ? end : newline + 1;
            terminated = newline >= 0;
            if (terminated || !fill()) break;
        }
        if (copy && kept > 0) last = scratch[kept - 1];
        if (kept > 0 && last == '\r' && length == kept) {
            kept--;
            length--;
        }
        if (length > limit) return new Line(number, null, length, terminated);
        if (!copy) return new Line(number, blank ? BLANK : NOT_BLANK, length, terminated);
        byte[] bytes = java.util.Arrays.copyOf(scratch, kept);
        if (scratch.length > KEPT_SCRATCH) scratch = new byte[8 * 1024];
        return new Line(number, bytes, length, terminated);
    }

    /** What a blank line may hold besides nothing (a trailing '\r' included, so dropping it keeps a line blank). */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f';
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            eof = true;
            position = end = 0;
            return false;
        }
        position = 0;
        end = n;
        return true;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) if (buffer[i] == b) return i;
        return -1;
    }
}
