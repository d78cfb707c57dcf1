package dev.winnow.archive;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Concatenated gzip members read as one stream, one member at a time, strictly: bytes after a member
 * that are not another member are {@code corrupt}, a member cut short is an {@code EOFException}.
 *
 * <p>Why not {@link java.util.zip.GZIPInputStream}: it ends silently at a damaged member header,
 * dropping every member after it. Why not one {@link GzipCompressorInputStream} in concatenated mode:
 * a read may then span members, and the bytes of a good member already decoded in a read that fails
 * on the next member are lost with the exception. A WARC writes one member per record, so reading
 * member by member keeps every record before the damage.
 */
final class GzipMembers extends InputStream {
    private final InputStream in;
    private GzipCompressorInputStream member;
    private boolean end;

    /** {@code in} must support mark: a member leaves it exactly at the member's end, ready for the next. */
    GzipMembers(InputStream in) {
        if (!in.markSupported()) throw new IllegalArgumentException("needs a stream that supports mark");
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!end) {
            if (member == null) {
                in.mark(1);
                if (in.read() < 0) {
                    end = true;
                    break;
                }
                in.reset();
                member = new GzipCompressorInputStream(in, false);   // reads and checks the member's header
            }
            int n = member.read(b, off, len);
            if (n > 0) return n;
            member = null;   // not closed: closing it would close the file under the next member
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
