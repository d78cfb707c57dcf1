package dev.winnow.archive;

import java.io.ByteArrayOutputStream;
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
        if (position == end && !fill()) return null;
        number++;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long length = 0;
        boolean terminated;
        while (true) {
            int newline = indexOf((byte) '\n', position, end);
            int stop = newline < 0 ? end : newline;
            int room = (int) Math.max(0, Math.min(stop - position, limit + 1L - kept.size()));
            kept.write(buffer, position, room);   // one byte past the limit tells "too long" from "exactly the limit"
            length += stop - position;
            position = newline < 0 ? end : newline + 1;
            terminated = newline >= 0;
            if (terminated || !fill()) break;
        }
        byte[] bytes = kept.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r' && length == bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
            length--;
        }
        return length > limit ? new Line(number, null, length, terminated) : new Line(number, bytes, length, terminated);
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
