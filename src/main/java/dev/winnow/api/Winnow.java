package dev.winnow.api;

import dev.winnow.core.Scorer;
import dev.winnow.record.SourceEntry;
import dev.winnow.run.DocumentProcessor;
import dev.winnow.run.Input;
import dev.winnow.run.Limits;
import dev.winnow.run.Outcome;
import dev.winnow.score.BlockScorer;
import dev.winnow.run.Tuning;
import dev.winnow.stages.ChainProfile;
import dev.winnow.stages.Profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Cleans documents in your own program, with the chains {@code winnow clean} runs per document (the corpus
 * stages, which need the whole corpus, are the command's). Build one and share it: it is immutable and
 * thread-safe, and building it loads the models once.
 *
 * <pre>{@code
 * Winnow winnow = Winnow.defaults();
 * Article plain = winnow.clean(scrapedText);
 * Article page = winnow.clean(htmlBytes, "https://example.org/news/1", "text/html");
 * page.text();                        // the article, paragraphs joined by a blank line
 * page.removed().get(0).reason();     // why the first cut was made
 * }</pre>
 *
 * <p>A document that gives no article throws {@link Rejected} with the reason code a run would write. A call runs
 * on the calling thread without a time budget: run it on an executor of your own to bound it, as the command does
 * with {@code --timeout}.
 */
public final class Winnow {
    private final DocumentProcessor processor;
    private final long maxBytes;

    private Winnow(DocumentProcessor processor, long maxBytes) {
        this.processor = processor;
        this.maxBytes = maxBytes;
    }

    /** The command's defaults: the shipped HTML model, 64 MB of input and ten million characters of text at most. */
    public static Winnow defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Cleans plain text. */
    public Article clean(String text) {
        Objects.requireNonNull(text, "text");
        return clean(text.getBytes(StandardCharsets.UTF_8), null, "text/plain; charset=UTF-8");
    }

    /**
     * Cleans a document's bytes: plain text, HTML, PDF, Word, OpenDocument, EPUB or RTF.
     *
     * @param url       the page's URL, or null; it goes into the record and helps with HTML metadata
     * @param mediaType what the bytes are ({@code text/html}, {@code text/plain}), or null to detect it
     */
    public Article clean(byte[] bytes, String url, String mediaType) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > maxBytes) {
            throw new Rejected("too_large", bytes.length + " bytes, more than the limit of " + maxBytes + " bytes");
        }
        SourceEntry about = url == null && mediaType == null ? null : new SourceEntry(url, null, null, mediaType, null, null);
        Input input = new Input("document", "document", null, null, bytes, about, 0);
        Outcome outcome = processor.process(input, bytes, "api");
        if (!outcome.isRecord()) throw new Rejected(outcome.rejection().reason().code(), outcome.rejection().message());
        return Article.of(outcome.recordLine());
    }

    /** Cleans what {@code in} holds, read to its end (not closed), refusing more than the size limit. */
    public Article clean(InputStream in, String url, String mediaType) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Limits.MAX_BYTES_CEILING));
        return clean(bytes, url, mediaType);
    }

    /** Options, as {@code winnow clean} takes them. */
    public static final class Builder {
        private Limits limits = Limits.DEFAULTS;
        private Scorer htmlModel;
        private ChainProfile profile;

        private Builder() {}

        /** The largest input accepted ({@code --max-bytes}); a larger one is rejected as {@code too_large}. */
        public Builder maxBytes(long bytes) {
            limits = limits.withMaxBytes(bytes);
            return this;
        }

        /** The longest clean text accepted, in characters ({@code --max-chars}); a longer one is rejected, never cut. */
        public Builder maxChars(long chars) {
            limits = limits.withMaxChars(chars);
            return this;
        }

        /** A block scorer retrained on your pages ({@code --html-model}, from {@code make train}). */
        public Builder htmlModel(Path file) throws IOException {
            htmlModel = BlockScorer.of(file);
            return this;
        }

        /**
         * The chains of a profile file ({@code --profile}; {@code winnow profile} prints the shipped one to edit).
         *
         * @throws IllegalArgumentException naming what in the file is wrong
         */
        public Builder profile(Path file) throws IOException {
            profile = ChainProfile.read(file);
            return this;
        }

        public Winnow build() {
            var html = htmlModel == null ? Profiles.htmlWithFallback() : Profiles.htmlWithFallback(htmlModel);
            DocumentProcessor processor = new DocumentProcessor(Profiles.text(), "text", html, limits);
            if (profile != null) processor = processor.tuned(Tuning.NONE.withProfile(profile));
            return new Winnow(processor, limits.maxBytes());
        }
    }
}
