package dev.winnow.score;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned models a run's chains read in place of the shipped ones: a retrained block scorer
 * ({@code --html-model}) and retrained page typers ({@code --page-type-model}). Kept as the files' bytes, so a
 * Spark executor builds the very models the driver read and named in the run fingerprint; built once per
 * instance. {@link #SHIPPED} names none.
 */
public final class Models implements Serializable {
    public static final Models SHIPPED = new Models(null, List.of());

    private final byte[] htmlBlocks;
    private final List<byte[]> pageTypes;
    private final String identity;
    private transient BlockScorer scorer;
    private transient PageTyper typer;

    private Models(byte[] htmlBlocks, List<byte[]> pageTypes) {
        this.htmlBlocks = htmlBlocks;
        this.pageTypes = List.copyOf(pageTypes);
        List<String> names = new ArrayList<>();
        try {
            if (htmlBlocks != null) names.add(Forest.identityOf(htmlBlocks, "--html-model"));
            for (byte[] b : pageTypes) names.add(Forest.identityOf(b, "--page-type-model"));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        this.identity = String.join(",", names);
    }

    /**
     * The files named ({@code htmlBlocks} may be null, {@code pageTypes} empty), each read and checked now: a file
     * that is missing ({@link java.nio.file.NoSuchFileException}), not a model or a model of other features fails here,
     * before any work.
     */
    public static Models read(Path htmlBlocks, List<Path> pageTypes) throws IOException {
        if (htmlBlocks == null && pageTypes.isEmpty()) return SHIPPED;
        List<byte[]> types = new ArrayList<>();
        for (Path p : pageTypes) types.add(Files.readAllBytes(p));
        Models models = new Models(htmlBlocks == null ? null : Files.readAllBytes(htmlBlocks), types);
        try {
            models.scorer();
            models.typer();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return models;
    }

    /** The block scorer: the user's, or the shipped one. */
    public synchronized BlockScorer scorer() {
        if (scorer == null) scorer = htmlBlocks == null ? BlockScorer.html() : new BlockScorer(parse(htmlBlocks, "--html-model"));
        return scorer;
    }

    /** The page typers: the shipped ones, with each of the user's in place of the one whose features it reads. */
    public synchronized PageTyper typer() {
        if (typer == null) {
            PageTyper t = PageTyper.shipped();
            for (byte[] b : pageTypes) t = t.with(parse(b, "--page-type-model"));
            typer = t;
        }
        return typer;
    }

    private static Forest parse(byte[] bytes, String option) {
        try {
            return Forest.parse(bytes, option);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a block scorer was named ({@code --html-model}): the HTML chains are then built around it. */
    public boolean hasHtmlModel() { return htmlBlocks != null; }

    /** The models named, as name@hash, comma-separated; empty for {@link #SHIPPED}. */
    @Override
    public String toString() { return identity; }

    @Override
    public boolean equals(Object o) { return o instanceof Models m && m.identity.equals(identity); }

    @Override
    public int hashCode() { return identity.hashCode(); }
}
