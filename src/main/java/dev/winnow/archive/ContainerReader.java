package dev.winnow.archive;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Streams the entries of one container, in file order, holding at most one entry's bytes. Never throws
 * for bad data: damage becomes a failure {@link Entry}, and when the damage loses the reader's place in
 * the stream (a cut or corrupt archive) that failure is the last entry. Not thread-safe; close it.
 */
public interface ContainerReader extends Iterator<Entry>, AutoCloseable {

    /**
     * Records read but not documents, by WARC record type ("warcinfo", "request", "metadata",
     * "revisit", ...), so a run report can account for every record. Sorted by type; complete once
     * {@link #hasNext()} has returned false. Empty for JSON Lines.
     */
    Map<String, Long> skipped();

    /**
     * Passes over the entries before the {@code first}-th (counting from 0, as {@link Entry#index()} does),
     * so that the next entry handed out is the {@code first}-th or a later one. For an engine that reads
     * one slice of a big container: JSON Lines counts the lines it passes over without parsing them; a
     * format whose entries cannot be counted unread reads and drops them. Call before the first
     * {@link #hasNext()}; damage met while passing over ends the reader as it would have ended it.
     */
    void skipTo(int first);

    @Override
    void close() throws IOException;
}
