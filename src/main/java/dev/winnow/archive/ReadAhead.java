package dev.winnow.archive;

import java.util.NoSuchElementException;

/** The iteration every container reader shares: one entry read ahead by {@link #advance}. */
abstract class ReadAhead implements ContainerReader {
    private Entry next;
    private boolean done;

    /** The next entry, or null when there are no more. */
    abstract Entry advance();

    /**
     * Passes over entries until one at index {@code first} or later, which is kept for {@link #next}.
     * Readers that can count entries without reading them override this.
     */
    void passOver(int first) {
        Entry entry;
        while ((entry = advance()) != null) {
            if (entry.index() >= first) {
                next = entry;
                return;
            }
        }
        done = true;
    }

    @Override
    public final void skipTo(int first) {
        if (next != null) {
            if (next.index() >= first) return;
            next = null;
        }
        if (!done) passOver(first);
    }

    /** Hands out {@code entry} before anything is read (a failure met while opening the container). */
    final void pending(Entry entry) {
        next = entry;
    }

    /** Nothing comes after the entry being handed out: the reader lost its place in the stream. */
    final void end() {
        done = true;
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            if (next == null) done = true;
        }
        return next != null;
    }

    @Override
    public final Entry next() {
        if (!hasNext()) throw new NoSuchElementException();
        Entry entry = next;
        next = null;
        return entry;
    }
}
