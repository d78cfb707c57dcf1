package dev.winnow.run;

import dev.winnow.archive.ContainerReader;
import dev.winnow.archive.Containers;
import dev.winnow.archive.Entry;
import dev.winnow.record.SourceEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text a record's removal offsets index, recovered from its input: {@code removed[].start/end} (and the spans of
 * the attributes layout) are code points of the normalized input, which no output file stores. Cleaning is
 * deterministic, so the input cleaned again by the same build gives that text back: for plain text the input after
 * normalization, for HTML and documents the text the front end read from the markup.
 */
public final class NormalizedSource {
    private NormalizedSource() {}

    /** Why an input gives no text: it does not exist, is not a document, or has no such entry. */
    public static final class NoSourceException extends Exception {
        private final boolean rejected;

        NoSourceException(String message) {
            this(message, false);
        }

        NoSourceException(String message, boolean rejected) {
            super(message);
            this.rejected = rejected;
        }

        /** The input is there but cleaning rejects it (binary, too large...), as opposed to no such input. */
        public boolean rejected() { return rejected; }
    }

    /**
     * The normalized text of {@code file} cleaned by {@code processor}, or of its entry {@code entry} (0-based, in file
     * order: the {@code N} of a record id {@code <file id>#N}) when it is a web archive or JSON Lines file.
     */
    public static String of(DocumentProcessor processor, Path file, Integer entry, Containers.Fields fields)
            throws IOException, NoSourceException {
        String name = file.getFileName().toString();
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        Containers.Kind kind = Containers.kindOf(name, head);
        Input input = Input.file(name, name, file);
        if (kind == Containers.Kind.NONE) {
            if (entry != null) throw new NoSourceException(name + " is not a web archive or JSON Lines file: it has no entries");
            try {
                return clean(processor, input, input.read(processor.limits().maxBytes()));
            } catch (Input.TooLargeException e) {
                throw new NoSourceException(name + " is rejected (too_large): " + e.getMessage(), true);
            }
        }
        if (entry == null) {
            throw new NoSourceException(name + " holds many documents: name one with --entry N (the N of its record id, <id>#N)");
        }
        Containers.Options options = new Containers.Options(processor.limits().maxBytes(), fields, Containers.Options.DEFAULT_PIPE_WAIT);
        try (ContainerReader reader = Containers.open(file, kind, options)) {
            while (reader.hasNext()) {
                Entry e = reader.next();
                if (e.index() != entry) continue;
                if (!e.ok()) throw new NoSourceException(name + "#" + entry + " is rejected: " + e.failure().message(), true);
                Input in = input.entry(e.index(), e.bytes(),
                        new SourceEntry(e.url(), e.date(), e.recordId(), e.mediaType(), e.charset(), e.truncated()));
                return clean(processor, in, e.bytes());
            }
        }
        throw new NoSourceException(name + " has no document #" + entry);
    }

    private static String clean(DocumentProcessor processor, Input input, byte[] bytes) throws NoSourceException {
        Rejection[] why = new Rejection[1];
        String source = processor.normalizedSource(input, bytes, r -> why[0] = r);
        if (source == null) {
            throw new NoSourceException(input.name() + " is rejected (" + why[0].reason().code() + "): " + why[0].message(), true);
        }
        return source;
    }
}
