package dev.winnow.run;

import dev.winnow.corpus.Positions;

import java.io.Closeable;
import java.io.IOException;
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

    /** JSON Lines field names: the text, the HTML, the URL and the id of a document. */
    public record Fields(String text, String html, String url, String id) {
        public static final Fields DEFAULTS = new Fields("text", "html", "url", "id");
    }

    /** How containers are read: the size limit per document and the JSON Lines fields. */
    public record Options(long maxBytes, Fields fields) implements java.io.Serializable {}

    /** A document to process, or an outcome already decided (the container could not give the document). */
    public record Unit(Input input, Outcome failed) {}

    private final List<Input> inputs;
    private final Options options;
    private final Map<String, Long> skipped = new TreeMap<>();
    private int next;
    private Iterator<Unit> current = java.util.Collections.emptyIterator();
    private Unit ahead;

    public Units(List<Input> inputs, Options options) {
        this.inputs = inputs;
        this.options = options;
    }

    /**
     * The documents of one input, the {@code index}-th of the listing: the input itself, or a
     * container's entries as they are read. Non-document records are counted into {@code skipped}.
     * For engines that read inputs in parallel (each input's documents in order, anywhere).
     */
    public static Iterator<Unit> of(Input input, int index, Options options, Map<String, Long> skipped) {
        return List.of(new Unit(input.at(Positions.of(index, 0)), null)).iterator();
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
        return u;
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

    @Override
    public void close() throws IOException {
    }
}
