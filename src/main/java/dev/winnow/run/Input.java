package dev.winnow.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input unit: a file, or standard input. {@code name} is what the user sees (the path as given
 * plus the path below a folder); {@code id} is the record id (file name without extension).
 */
public record Input(String id, String name, Path path, InputStream stream) {

    static Input file(String id, String name, Path path) {
        return new Input(id, name, path, null);
    }

    static Input stdin(InputStream in) {
        return new Input("stdin", "-", null, in);
    }

    /**
     * Reads the whole input, refusing more than {@code limit} bytes. The limit is capped at
     * {@link Limits#MAX_BYTES_CEILING}, the most one array holds, so an input is never silently cut short.
     */
    byte[] read(long limit) throws IOException, TooLargeException {
        limit = Math.min(limit, Limits.MAX_BYTES_CEILING);
        if (path != null) {
            long size = Files.size(path);
            if (size > limit) throw new TooLargeException(size, limit);
            try (InputStream in = Files.newInputStream(path)) {
                return readBounded(in, limit);
            }
        }
        return readBounded(stream, limit);
    }

    private static byte[] readBounded(InputStream in, long limit) throws IOException, TooLargeException {
        byte[] bytes = in.readNBytes((int) limit);
        // One more byte tells "exactly the limit" from "larger" (a stream, or a file that grew since its size was read).
        if (in.read() != -1) throw new TooLargeException(-1, limit);
        return bytes;
    }

    /** The input is larger than the configured limit. */
    static final class TooLargeException extends Exception {
        TooLargeException(long size, long limit) {
            super((size >= 0 ? size + " bytes" : "more bytes") + " than the limit of " + limit + " bytes"
                    + (limit >= Limits.MAX_BYTES_CEILING ? ", the most one document can hold" : " (raise it with --max-bytes)"));
        }
    }
}
