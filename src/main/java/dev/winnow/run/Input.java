package dev.winnow.run;

import dev.winnow.record.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One document to clean: a file, standard input, or one entry of a container (a web archive record,
 * a JSON Lines line). {@code name} is what the user sees (the path as given plus the path below a
 * folder, and "#N" for an entry); {@code id} is the record id (file name without extension, plus
 * "#N" for an entry). An entry's bytes were read with its container, so {@code bytes} holds them.
 *
 * @param entry    what the container said of this document, or null for a plain file
 * @param position the document's place in input order ({@link dev.winnow.corpus.Positions})
 * @param location where the input lives when {@code path} is only a local copy of it (an {@code hdfs://} or
 *                 {@code s3a://} URI an engine fetched), or null when {@code path} is where it lives. The
 *                 origin comes from it, so every copy of one remote file, on any machine, has one origin.
 */
public record Input(String id, String name, Path path, InputStream stream, byte[] bytes, SourceEntry entry, long position,
                    String location) {

    public Input(String id, String name, Path path, InputStream stream, byte[] bytes, SourceEntry entry, long position) {
        this(id, name, path, stream, bytes, entry, position, null);
    }


    public Input(String id, String name, Path path, InputStream stream) {
        this(id, name, path, stream, null, null, 0);
    }

    static Input file(String id, String name, Path path) {
        return new Input(id, name, path, null);
    }

    static Input stdin(InputStream in) {
        return new Input("stdin", "-", null, in);
    }

    /** This input at its place in input order. */
    Input at(long position) {
        return new Input(id, name, path, stream, bytes, entry, position, location);
    }

    /** Entry {@code index} of this container, read with it. */
    Input entry(int index, byte[] content, SourceEntry about) {
        return new Input(id + "#" + index, name + "#" + index, path, null, content, about,
                dev.winnow.corpus.Positions.of((int) (position >>> 32), index), location);
    }

    /**
     * Where the document comes from, its site for the corpus stages when it has no URL: the folder
     * of a plain file, the container of an entry, "-" for standard input. Paths as given, so every
     * engine of one run agrees; for a local copy, its {@link #location}'s.
     */
    public String origin() {
        if (path == null) return "-";
        if (location != null) {
            if (entry != null || bytes != null) return location;
            return location.substring(0, Math.max(0, location.lastIndexOf('/')));
        }
        if (entry != null || bytes != null) return path.toString();
        Path parent = path.getParent();
        return parent == null ? "" : parent.toString();
    }

    /**
     * Reads the whole input, refusing more than {@code limit} bytes. The limit is capped at
     * {@link Limits#MAX_BYTES_CEILING}, the most one array holds, so an input is never silently cut short.
     */
    byte[] read(long limit) throws IOException, TooLargeException {
        limit = Math.min(limit, Limits.MAX_BYTES_CEILING);
        if (bytes != null) {
            if (bytes.length > limit) throw new TooLargeException(bytes.length, limit);
            return bytes;
        }
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
            super((size >= 0 ? size + " bytes, more" : "more bytes") + " than the limit of " + limit + " bytes"
                    + (limit >= Limits.MAX_BYTES_CEILING ? ", the most one document can hold" : " (raise it with --max-bytes)"));
        }
    }
}
