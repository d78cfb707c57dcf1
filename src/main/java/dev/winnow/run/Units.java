package dev.winnow.run;

import dev.winnow.archive.Compression;
import dev.winnow.archive.ContainerReader;
import dev.winnow.archive.Containers;
import dev.winnow.archive.Entry;
import dev.winnow.core.RejectReason;
import dev.winnow.corpus.Positions;
import dev.winnow.record.SourceEntry;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The documents of a run's inputs, in input order: a plain file is one document; a container (web
 * archive, JSON Lines) is opened when its turn comes and yields its documents one at a time, so a
 * container of any size costs one document's memory. A document the container cannot give (cut
 * short, malformed, too large) comes as a ready rejection; nothing in a container is passed over
 * silently: records that are not documents (warcinfo, request, metadata) are counted in {@link #skipped}.
 * Iterated on one thread; the same inputs always give the same units with the same positions.
 */
public final class Units implements Iterator<Units.Unit>, Closeable {

    /** A document to process, or an outcome already decided (the container could not give the document). */
    public record Unit(Input input, Outcome failed) {}

    private final List<Input> inputs;
    private final Containers.Options options;
    private final Naming naming;
    private final Map<String, Long> skipped = new TreeMap<>();
    private int next;
    private Iterator<Unit> current = java.util.Collections.emptyIterator();
    private Unit ahead;

    public Units(List<Input> inputs, Containers.Options options) {
        this(inputs, options, List.of());
    }

    /**
     * The units of {@code inputs}, named as {@code options} asks ({@link Naming}): a chosen id never takes one
     * of the inputs' ids or of {@code otherIds} (the listing's unreadable paths).
     */
    public Units(List<Input> inputs, Containers.Options options, List<String> otherIds) {
        this.inputs = inputs;
        this.options = options;
        List<String> taken = new java.util.ArrayList<>(otherIds);
        for (Input in : inputs) taken.add(in.id());
        this.naming = Naming.chooser(options.fields().ids(), options.maxBytes(), taken);
    }

    /**
     * The documents of one input, the {@code index}-th of the listing: the input itself, or a
     * container's entries as they are read. Non-document records are counted into {@code skipped}.
     * For engines that read inputs in parallel (each input's documents in order, anywhere).
     */
    public static Iterator<Unit> of(Input input, int index, Containers.Options options, Map<String, Long> skipped) {
        return of(input, index, options, skipped, 0);
    }

    /**
     * The same, from a container's {@code first}-th entry on: the entries before it are passed over as
     * cheaply as the format allows ({@link dev.winnow.archive.ContainerReader#skipTo}), for an engine that
     * cuts a big container into slices. A single document is the whole of its input whatever {@code first}.
     */
    public static Iterator<Unit> of(Input input, int index, Containers.Options options, Map<String, Long> skipped, int first) {
        Input at = input.at(Positions.of(index, 0));
        Containers.Kind kind = kindOf(at);
        if (kind == Containers.Kind.NONE) return List.of(new Unit(at, null)).iterator();
        return new Entries(at, kind, options, skipped, first);
    }

    /**
     * The one document of an input, the {@code index}-th of the listing, that an engine could not fetch to
     * read (a remote file gone or forbidden since it was listed): an {@code unreadable} rejection in its place.
     */
    public static Unit unreadable(Input input, int index, String message) {
        Input at = input.at(Positions.of(index, 0));
        return new Unit(at, Outcome.rejected(new Rejection(at.id(), at.name(), RejectReason.UNREADABLE, message), 0));
    }

    /**
     * A container by its name (.warc.gz, .jsonl.zst...) or, for a file whose name does not say what it
     * holds (no extension, or only a compression one), by a WARC record at its start. Other files are not
     * opened here: reading the head of every page of a big folder would cost a second open each.
     */
    private static Containers.Kind kindOf(Input in) {
        if (in.path() == null) return Containers.Kind.NONE;
        String name = String.valueOf(in.path().getFileName());
        Containers.Kind byName = Containers.kindOf(name, null);
        if (byName != Containers.Kind.NONE) return byName;
        if (Compression.innerName(name).lastIndexOf('.') > 0) return Containers.Kind.NONE;   // page.html, page.html.gz
        // A pipe (process substitution, a FIFO) gives its bytes once: a look at its head would take them.
        if (!Files.isRegularFile(in.path())) return Containers.Kind.NONE;
        try (InputStream head = Files.newInputStream(in.path())) {
            return Containers.kindOf(name, head.readNBytes(8192));
        } catch (IOException e) {
            return Containers.Kind.NONE;      // the single-document path says what is wrong with it
        }
    }

    /**
     * A container's documents, read as they are asked for; it is closed once the last has been read.
     * Reading happens on the run's main thread, outside the workers' protection: a heap exhausted while
     * reading one entry (a 200 MB JSON line, a record of millions of headers) ends this container with
     * an out_of_memory rejection for that entry, instead of failing the whole run.
     */
    private static final class Entries implements Iterator<Unit>, Closeable {
        private final Input container;
        private final Containers.Kind kind;
        private final Containers.Options options;
        private final Map<String, Long> skipped;
        private ContainerReader reader;
        /** The last unit of this container, decided already: it could not be opened, or reading it ran out of memory. */
        private Unit failedToOpen;
        private boolean done;
        /** Entries given so far: the index of the next. */
        private int given;

        Entries(Input container, Containers.Kind kind, Containers.Options options, Map<String, Long> skipped, int first) {
            this.container = container;
            this.kind = kind;
            this.options = options;
            this.skipped = skipped;
            this.given = first;
        }

        @Override
        public boolean hasNext() {
            if (done) return false;
            if (reader == null && failedToOpen == null) open();
            if (failedToOpen != null) return true;
            try {
                if (reader.hasNext()) return true;
            } catch (OutOfMemoryError | IllegalArgumentException e) {
                failedToOpen = outOfMemory(heapExhaustion(e));
                return true;
            }
            finish();
            return false;
        }

        @Override
        public Unit next() {
            if (!hasNext()) throw new NoSuchElementException();
            if (failedToOpen != null) {
                Unit u = failedToOpen;
                done = true;
                return u;
            }
            Entry e;
            try {
                e = reader.next();
            } catch (OutOfMemoryError | IllegalArgumentException oom) {
                done = true;
                return outOfMemory(heapExhaustion(oom));
            }
            given = e.index() + 1;
            Input in = container.entry(e.index(), e.bytes(),
                    new SourceEntry(e.url(), e.date(), e.recordId(), e.mediaType(), e.charset(), e.truncated()));
            if (e.ok()) return new Unit(in, null);
            return new Unit(in, Outcome.rejected(new Rejection(in.id(), in.name(), e.failure().reason(), e.failure().message()), 0));
        }

        private void open() {
            try {
                reader = Containers.open(container.path(), kind, options);
                if (given > 0) reader.skipTo(given);
            } catch (IOException | RuntimeException e) {
                RejectReason reason = e instanceof IOException io ? Compression.damage(io) : RejectReason.CORRUPT;
                failedToOpen = new Unit(container, Outcome.rejected(new Rejection(container.id(), container.name(), reason,
                        "cannot read it as " + (kind == Containers.Kind.WARC ? "a web archive" : "JSON Lines") + ": "
                                + e.getMessage()), 0));
            }
        }

        /**
         * The heap running out, as a reader throws it. The JVM may throw one preallocated OutOfMemoryError twice,
         * once in a try-with-resources body and again from its close(); adding it to itself as suppressed throws
         * IllegalArgumentException("Self-suppression not permitted") with the error as its cause. Anything else
         * is not ours to catch and goes on up.
         */
        private static OutOfMemoryError heapExhaustion(Throwable t) {
            if (t instanceof OutOfMemoryError oom) return oom;
            if (t.getCause() instanceof OutOfMemoryError oom) return oom;
            throw (RuntimeException) t;
        }

        /** The entry being read when the heap ran out, rejected; the rest of the container is not read. */
        private Unit outOfMemory(OutOfMemoryError e) {
            close();
            reader = null;      // with its buffers, so the memory comes back for the rest of the run
            Input in = container.entry(given, null, null);
            return new Unit(in, Outcome.rejected(new Rejection(in.id(), in.name(), RejectReason.OUT_OF_MEMORY,
                    "OutOfMemoryError (" + e.getMessage() + ") while reading this entry, with a maximum heap of "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; the rest of " + container.name()
                            + " was not read (raise the heap with java -Xmx, or lower --max-bytes)"), 0));
        }

        private void finish() {
            done = true;
            reader.skipped().forEach((type, n) -> skipped.merge(type, n, Long::sum));
            close();
        }

        @Override
        public void close() {
            try {
                if (reader != null) reader.close();
            } catch (IOException e) {
                // nothing more is read from it; a failing close loses nothing
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (ahead == null) ahead = advance();
        return ahead != null;
    }

    @Override
    public Unit next() {
        if (!hasNext()) throw new NoSuchElementException();
        Unit u = ahead;
        ahead = null;
        return naming.apply(u);
    }

    private Unit advance() {
        while (!current.hasNext()) {
            if (next >= inputs.size()) return null;
            int index = next++;
            current = of(inputs.get(index), index, options, skipped);
        }
        return current.next();
    }

    /** Container records that were not documents, by type; complete once every unit was read. */
    public Map<String, Long> skipped() {
        return skipped;
    }

    /** Closes the container being read, if a run stops before its end. */
    @Override
    public void close() throws IOException {
        if (current instanceof Closeable c) c.close();
    }
}
