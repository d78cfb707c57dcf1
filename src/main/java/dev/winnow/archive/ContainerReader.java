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

    @Override
    void close() throws IOException;
}
