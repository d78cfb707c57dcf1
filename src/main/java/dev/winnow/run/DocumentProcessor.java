package dev.winnow.run;

import dev.winnow.archive.Compression;
import dev.winnow.archive.StallGuard;
import dev.winnow.core.Document;
import dev.winnow.core.Fallback;
import dev.winnow.core.Field;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.RejectReason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.corpus.Cluster;
import dev.winnow.corpus.CorpusFacts;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.corpus.CorpusStages;
import dev.winnow.corpus.Features;
import dev.winnow.formats.DocumentFrontEnd;
import dev.winnow.formats.FormatException;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.record.ArticleRecord;
import dev.winnow.record.RemovedAttributes;
import dev.winnow.record.RemovedLayout;
import dev.winnow.score.PageType;
import dev.winnow.score.PageTyper;
import dev.winnow.stages.Profiles;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The whole per-document path, bytes to record: read, decode, clean, build the record, within the
 * {@link Limits}. Every failure becomes a rejection with a reason, so one bad input never costs the
 * run: an exception or error in any stage is {@code internal_error}, running out of heap is
 * {@code out_of_memory}, and {@link #job} adds the time budget when run on a {@link WorkerPool}.
 * Thread-safe; the pipeline is injected so tests can run any chain of stages.
 */
public final class DocumentProcessor {
    /** The clock of a document processed outside a {@link WorkerPool}: there is none. */
    private static final WorkerPool.Budget UNTIMED = new WorkerPool.Budget() {
        @Override
        public void pause() {}

        @Override
        public void restart() {}
    };

    private final Pipeline pipeline;
    private final Pipeline markupPipeline;
    private final Fallback htmlChains;
    private final HtmlFrontEnd html = new HtmlFrontEnd();
    private final PageTyper pageTyper;
    private DocumentFrontEnd documents;     // built on first use, see documents()
    private final Decoder decoder = new Decoder();
    private final Limits limits;
    private final String profile;
    /** What each kind of input's record gives as {@code metadata.pipeline}: the same for every document of a run. */
    private final ArticleRecord.Provenance textProvenance, htmlProvenance, documentProvenance;
    private final Pass pass;
    private final RemovedLayout removed;
    /** {@code added} of a record whose input gives no acquisition time, or null. */
    private final String added;
    /** The user's choices over cuts and page types. */
    private final Tuning tuning;

    /**
     * Which pass over a corpus this processor serves: the only pass (no corpus stages), the first
     * (outcomes carry the document's {@link Features} instead of a record), or the second (the corpus
     * stages run from the first pass's facts, and records carry their near-duplicate cluster). A first pass that
     * {@code spills} also gives each cleaned document's state for the second pass ({@link Outcome#paused()}).
     */
    private record Pass(boolean analyze, boolean spills, CorpusFacts facts, CorpusSettings settings) {
        static final Pass ONLY = new Pass(false, false, null, CorpusSettings.OFF);

        boolean applies() { return facts != null; }
    }

    /**
     * Plain text runs through {@code pipeline}, recorded as {@code profile}; HTML pages run through
     * {@link Profiles#htmlWithFallback()}, recorded as "html".
     */
    public DocumentProcessor(Pipeline pipeline, String profile, Limits limits) {
        this(pipeline, profile, Profiles.htmlWithFallback(), limits);
    }

    /** With the chain for markup (HTML and documents) given too, and no fallback. */
    public DocumentProcessor(Pipeline pipeline, String profile, Pipeline markupPipeline, Limits limits) {
        this(pipeline, profile, new Fallback(markupPipeline, null), limits);
    }

    /** With the chains for markup given too: HTML runs through {@code html}, documents through its main chain. */
    public DocumentProcessor(Pipeline pipeline, String profile, Fallback html, Limits limits) {
        this(pipeline, profile, html, limits, Pass.ONLY, RemovedLayout.INLINE, null, Tuning.NONE);
    }

    private DocumentProcessor(Pipeline pipeline, String profile, Fallback html, Limits limits, Pass pass,
                              RemovedLayout removed, String added, Tuning tuning) {
        this.pageTyper = tuning.models().typer();
        this.removed = removed;
        this.added = added;
        this.tuning = tuning;
        this.pipeline = pipeline;
        this.profile = profile;
        this.htmlChains = html;
        this.markupPipeline = html.main();
        this.limits = limits;
        this.pass = pass;
        // A profile file's chains are named in every record: "html.news_strict@1a2b3c4d5e6f".
        String chains = tuning.profile() == null ? "" : "." + tuning.profile().identity();
        this.textProvenance = provenance(profile + chains, pipeline, pageTyper.textIdentity());
        this.htmlProvenance = provenance("html" + chains, markupPipeline, pageTyper.htmlIdentity());
        this.documentProvenance = provenance("document" + chains, markupPipeline, pageTyper.textIdentity());
    }

    /** The first pass over a corpus: each outcome is a rejection or the document's {@link Outcome#features()}. */
    public DocumentProcessor analyzing() {
        return new DocumentProcessor(pipeline, profile, htmlChains, limits, new Pass(true, false, null, CorpusSettings.OFF), removed, added, tuning);
    }

    /**
     * The first pass, with each document it cleans also paused for the second ({@link Outcome#paused()}, a
     * {@link DocumentsSpill.Paused}'s bytes): the second pass {@link #resume}s it instead of cleaning the input again.
     */
    public DocumentProcessor pausing() {
        return new DocumentProcessor(pipeline, profile, htmlChains, limits, new Pass(true, true, null, CorpusSettings.OFF), removed, added, tuning);
    }

    /** The second pass: the per-document stages, then the corpus stages reading {@code facts}. */
    public DocumentProcessor withCorpus(CorpusFacts facts, CorpusSettings settings) {
        return new DocumentProcessor(pipeline, profile, htmlChains, limits, new Pass(false, false, facts, settings), removed, added, tuning);
    }

    /** Records laid out with their removals as {@code layout} says ({@code --removed}). */
    public DocumentProcessor withRemoved(RemovedLayout layout) {
        return new DocumentProcessor(pipeline, profile, htmlChains, limits, pass, layout, added, tuning);
    }

    /**
     * Records whose input does not say when it was acquired (anything but a web archive's record) get
     * {@code acquired}, an ISO-8601 instant, as their {@code added} ({@code --added}); null leaves it null.
     */
    public DocumentProcessor withAdded(String acquired) {
        return new DocumentProcessor(pipeline, profile, htmlChains, limits, pass, removed, acquired, tuning);
    }

    /**
     * The chains making no cut of the reasons {@code choices} keeps ({@code --keep}), and documents of a page type
     * it does not take rejected as {@code page_type} ({@code --only-page-types}) once the corpus has counted them.
     */
    public DocumentProcessor tuned(Tuning choices) {
        Pipeline text = pipeline;
        Fallback html = htmlChains;
        // --html-model; the page typers (--page-type-model) come with the choices, see the constructor
        if (choices.models().hasHtmlModel()) html = Profiles.htmlWithFallback(choices.models().scorer());
        if (choices.profile() != null) {     // --profile: its chains, with the HTML model this processor reads
            text = Profiles.text(choices.profile());
            html = Profiles.htmlWithFallback(choices.profile(), html.main().scorer());
        }
        return new DocumentProcessor(text.keeping(choices.keep()), profile, html.keeping(choices.keep()), limits, pass,
                removed, added, choices);
    }

    /** The default limits with another input size limit. */
    public DocumentProcessor(Pipeline pipeline, String profile, long maxBytes) {
        this(pipeline, profile, Limits.DEFAULTS.withMaxBytes(maxBytes));
    }

    public Limits limits() { return limits; }

    /**
     * The stage chain HTML and documents run through, as the report and the run fingerprint name it, with
     * the page-type models: a retrained model changes the fingerprint.
     */
    public List<String> markupChain() { return withPageTyper(htmlChains.describe()); }

    /** The stage chain plain text runs through, with the page-type models. */
    public List<String> textChain() { return withPageTyper(pipeline.describe()); }

    /**
     * Every chain a run with {@code corpus} applies, as a run's fingerprint names them: the text chain, the
     * HTML chain ({@code html:} and its stages) and the corpus stages. Both runners fingerprint with it.
     */
    public List<String> chains(CorpusSettings corpus) {
        List<String> chains = new java.util.ArrayList<>(textChain());
        chains.add("html:" + String.join(",", markupChain()));
        chains.addAll(CorpusStages.describe(corpus));
        return chains;
    }

    private List<String> withPageTyper(List<String> chain) {
        List<String> out = new java.util.ArrayList<>(chain);
        // A profile's thresholds and vocabularies are not in the stage names: its identity is, for the fingerprint.
        if (tuning.profile() != null) out.add("profile(" + tuning.profile().identity() + ")");
        out.add(pageTyper.identity());
        return List.copyOf(out);
    }

    /** Read and process one input, on the calling thread and without a time budget. */
    public Outcome process(Input input, String source) {
        return new DocumentJob(input, source, null).run(UNTIMED);
    }

    /** Process bytes already read, on the calling thread and without a time budget. */
    public Outcome process(Input input, byte[] bytes, String source) {
        try {
            Cleaned cleaned = clean(input, bytes);
            if (cleaned.rejection() != null) return cleaned.rejection();
            return record(input, bytes.length, () -> sha256(bytes), cleaned, source);
        } catch (OutOfMemoryError e) {
            // Everything this document allocated is unreachable once we are here, so the run can go on.
            return outOfMemory(input, e, bytes.length);
        } catch (Throwable e) {
            return internalError(input, e, bytes.length);
        }
    }

    /**
     * The second pass over a document the first pass paused ({@link #pausing()}): its chains are not run again,
     * only the corpus stages after them, and the outcome is the one {@link #process} gives. Null when only cleaning
     * the input again gives that outcome: an HTML page whose fallback the corpus stages call for, which the first
     * pass did not run. On the calling thread, without a time budget.
     */
    public Outcome resume(Input input, DocumentsSpill.Paused paused, String source) {
        try {
            Cluster cluster = pass.facts().cluster(input.position(), input.id());
            if (cluster != null && pass.settings().dropNearDuplicates() && !cluster.representative()) {
                return nearDuplicate(input, cluster, paused.bytes());
            }
            List<Stage> corpusStages = CorpusStages.forDocument(pass.facts(), pass.settings(), input.position(), input.origin());
            Document doc;
            ArticleRecord.Provenance provenance;
            switch (paused.kind()) {
                case TEXT -> {
                    doc = pipeline.resume(paused.main(), corpusStages);
                    provenance = textProvenance;
                }
                case DOCUMENT -> {
                    doc = markupPipeline.resume(paused.main(), corpusStages);
                    provenance = documentProvenance;
                }
                default -> {
                    doc = htmlChains.resume(paused.candidate(), paused.main(), paused.lenient(), corpusStages);
                    provenance = htmlProvenance;
                }
            }
            if (doc == null) return null;
            Cleaned cleaned = new Cleaned(doc, paused.mediaType(), paused.charset(), provenance, cluster, null, paused.kind(), null);
            return record(input, paused.bytes(), paused::sha256, cleaned, source);
        } catch (OutOfMemoryError e) {
            return outOfMemory(input, e, paused.bytes());
        } catch (Throwable e) {
            return internalError(input, e, paused.bytes());
        }
    }

    /**
     * The text the offsets of {@code input}'s record index ({@code removed[].start/end}): the normalized input of
     * plain text, the text the front end read from the markup of HTML and documents. Null, with {@code rejected}
     * told why, when the input is rejected before it is cleaned (binary, too large, a near-duplicate dropped).
     */
    public String normalizedSource(Input input, byte[] bytes, java.util.function.Consumer<Rejection> rejected) {
        Cleaned cleaned = clean(input, bytes);
        if (cleaned.rejection() == null) return cleaned.doc().source();
        rejected.accept(cleaned.rejection().rejection());
        return null;
    }

    /** One input cleaned: its document and how it was read, or the outcome that rejects it. */
    private record Cleaned(Document doc, String mediaType, String charset, ArticleRecord.Provenance pipeline, Cluster cluster,
                           Outcome rejection, DocumentsSpill.Kind kind, Fallback.Attempt attempt) {
        static Cleaned rejected(Outcome rejection) {
            return new Cleaned(null, null, null, null, null, rejection, null, null);
        }
    }

    private static Outcome nearDuplicate(Input input, Cluster cluster, long bytes) {
        return reject(input, RejectReason.NEAR_DUPLICATE, "a near-duplicate of " + cluster.id() + " (a cluster of "
                + cluster.size() + " documents; --drop-near-duplicates keeps the first in input order)", bytes);
    }

    private Cleaned clean(Input input, byte[] bytes) {
        Cluster cluster = pass.applies() ? pass.facts().cluster(input.position(), input.id()) : null;
        if (cluster != null && pass.settings().dropNearDuplicates() && !cluster.representative()) {
            return Cleaned.rejected(nearDuplicate(input, cluster, bytes.length));
        }
        List<Stage> corpusStages = pass.applies()
                ? CorpusStages.forDocument(pass.facts(), pass.settings(), input.position(), input.origin()) : List.of();
        List<Verdict.Fact> told = input.entry() != null && input.entry().url() != null
                ? List.of(new Verdict.Fact(Field.URL, input.entry().url())) : List.of();
        String name = input.path() == null ? null : input.path().getFileName().toString();
        if (input.entry() != null) name = nameFor(input.entry().mediaType());
        byte[] data = bytes;
        boolean gzip = Compression.isGzip(data);
        if (gzip || Compression.isZstd(data)) {
            Compression.Inflated inflated = gzip ? Compression.gunzip(data, limits.maxBytes())
                    : Compression.unzstd(data, limits.maxBytes());
            if (!inflated.ok()) return Cleaned.rejected(reject(input, inflated.reason(), inflated.message(), bytes.length));
            data = inflated.bytes();
            name = Compression.innerName(name);
        }
        Decoder.Decoded decoded = decoder.decode(input, data, name);
        if (!decoded.ok()) {
            // not text: a document format Tika reads (PDF, Word, OpenDocument, EPUB, RTF), or truly binary
            if (decoded.rejection().reason() == RejectReason.BINARY) {
                Cleaned document = document(input, bytes, data, name, corpusStages, cluster);
                if (document != null) return document;
            }
            return Cleaned.rejected(Outcome.rejected(decoded.rejection(), bytes.length));
        }
        if (Decoder.isHtml(decoded.mediaType())) {
            HtmlFrontEnd.Extracted page = html.extract(decoded.text());
            List<Verdict.Fact> facts = new java.util.ArrayList<>(page.facts());
            facts.addAll(told);      // after the page's own: a canonical URL wins over where it was fetched
            facts.addAll(pageTyper.html(page.source(), page.blocks(), url(facts), page.shape()).facts());
            if (pass.spills()) {    // the first pass: no corpus stages yet, and both chains' documents kept for the second
                Fallback.Attempt attempt = htmlChains.attempt(page.source(), Layout.HTML, page.blocks(), facts);
                return new Cleaned(attempt.chosen(), decoded.mediaType(), decoded.charset(), htmlProvenance, cluster, null,
                        DocumentsSpill.Kind.HTML, attempt);
            }
            Document doc = htmlChains.then(corpusStages).run(page.source(), Layout.HTML, page.blocks(), facts);
            return new Cleaned(doc, decoded.mediaType(), decoded.charset(),
                    htmlProvenance, cluster, null, DocumentsSpill.Kind.HTML, null);
        }
        List<Verdict.Fact> facts = new java.util.ArrayList<>(told);
        facts.addAll(pageTyper.text(decoded.text(), url(told)).facts());
        Document doc = pipeline.then(corpusStages).clean(decoded.text(), facts);
        return new Cleaned(doc, decoded.mediaType(), decoded.charset(), textProvenance, cluster,
                null, DocumentsSpill.Kind.TEXT, null);
    }

    /**
     * A record's {@code metadata.pipeline}: the chain's profile, its block scorer's model if it has one, and
     * the page-type model that typed the page. An HTML page that fell back to the lenient chain still names
     * the block model: the main chain's result, which the model shaped, decided the fallback.
     */
    private static ArticleRecord.Provenance provenance(String profile, Pipeline chain, String pageTypeModel) {
        List<String> models = new java.util.ArrayList<>();
        if (chain.scorer() != null) models.add(chain.scorer().identity());
        models.add(pageTypeModel);
        return new ArticleRecord.Provenance(profile, models);
    }

    /** The URL the record will carry (the first stated), which the page-type classifier reads; null if none. */
    private static String url(List<Verdict.Fact> facts) {
        for (Verdict.Fact f : facts) if (f.field() == Field.URL) return f.value();
        return null;
    }

    /**
     * A file name that tells the decoder what the container said an entry is ("text/html" from a
     * response header or a JSON Lines html field), or null to go by the bytes alone.
     */
    private static String nameFor(String mediaType) {
        if (mediaType == null) return null;
        if (mediaType.contains("html")) return "entry.html";
        return mediaType.startsWith("text/plain") ? "entry.txt" : null;
    }

    /** A document format through Tika, or null when Tika has no text parser for these bytes. */
    private Cleaned document(Input input, byte[] bytes, byte[] data, String name, List<Stage> corpusStages, Cluster cluster) {
        DocumentFrontEnd front = documents();
        String type = front.detect(data, name);
        if (!front.supports(type)) return null;
        try {
            DocumentFrontEnd.Extracted extracted = front.extract(data, name);
            if (extracted.truncated()) {
                return Cleaned.rejected(reject(input, RejectReason.TOO_LARGE, "the document's text is longer than " + limits.maxChars()
                        + " characters (raise it with --max-chars)", bytes.length));
            }
            // a document's text has no markup the HTML model knows: the plain-text model types it
            List<Verdict.Fact> pageType = pageTyper.text(extracted.source(), url(extracted.facts())).facts();
            Document doc = extracted.clean(markupPipeline.then(corpusStages), pageType);
            return new Cleaned(doc, extracted.mediaType(), null, documentProvenance, cluster,
                    null, DocumentsSpill.Kind.DOCUMENT, null);
        } catch (FormatException e) {
            return Cleaned.rejected(reject(input, RejectReason.valueOf(e.reason().name()), e.getMessage(), bytes.length));
        }
    }

    /** Tika's parsers take a second or two to set up: only runs that meet a document pay for it. */
    private synchronized DocumentFrontEnd documents() {
        if (documents == null) {
            int maxChars = (int) Math.min(limits.maxChars(), Integer.MAX_VALUE);
            documents = new DocumentFrontEnd(DocumentFrontEnd.Limits.DEFAULTS.withMaxChars(maxChars));
        }
        return documents;
    }

    /**
     * The record for a cleaned document, or a rejection when nothing is left or the text is over the limit.
     * {@code bytes} is the input's size, {@code sha256} gives its digest when the record needs it.
     */
    private Outcome record(Input input, long bytes, java.util.function.Supplier<String> sha256, Cleaned cleaned, String source) {
        Document doc = cleaned.doc();
        Cluster cluster = cleaned.cluster();
        if (doc.body().isEmpty() && doc.removals().isEmpty()) {
            return reject(input, RejectReason.EMPTY, "no text left after normalization", bytes);
        }
        String text = doc.text();
        // Code points never outnumber UTF-16 units, so most documents skip the count.
        if (text.length() > limits.maxChars()) {
            long chars = text.codePointCount(0, text.length());
            if (chars > limits.maxChars()) {
                return reject(input, RejectReason.TOO_LARGE, "the clean text has " + chars
                        + " characters, more than the limit of " + limits.maxChars() + " (raise it with --max-chars)",
                        bytes);
            }
        }
        if (pass.analyze()) {
            byte[] paused = null;
            if (pass.spills()) {
                Fallback.Attempt attempt = cleaned.attempt();
                paused = (attempt == null
                        ? new DocumentsSpill.Paused(cleaned.kind(), cleaned.mediaType(), cleaned.charset(), bytes, sha256.get(), 0,
                                doc, null)
                        : new DocumentsSpill.Paused(cleaned.kind(), cleaned.mediaType(), cleaned.charset(), bytes, sha256.get(),
                                attempt.candidate(), attempt.main(), attempt.lenient())).toBytes();
            }
            return Outcome.analyzed(input.id(), Features.of(input.position(), input.id(), doc, input.origin()), bytes, paused);
        }
        // After the first pass, which counts this document's lines for the corpus like any other's.
        if (text.isBlank()) return reject(input, RejectReason.ALL_REMOVED, allRemoved(doc), bytes);
        String pageType = doc.metadata().get(Field.PAGE_TYPE);
        PageType type = pageType == null ? PageType.OTHER : PageType.of(pageType);
        if (!tuning.accepts(type)) {
            return reject(input, RejectReason.PAGE_TYPE, "page type " + type.code() + " is not one of "
                    + String.join(", ", tuning.pageTypes().stream().map(PageType::code).toList()) + " (--only-page-types)",
                    bytes);
        }
        ArticleRecord.InputInfo info = new ArticleRecord.InputInfo(input.id(), input.name(), bytes,
                cleaned.mediaType(), cleaned.charset(), sha256.get(), source, input.entry(), added);
        dev.winnow.text.LanguageIdentifier.Result language = ArticleRecord.language(doc);
        String line = ArticleRecord.line(info, doc, cleaned.pipeline(), cluster, removed, language);
        String attributes = removed == RemovedLayout.ATTRIBUTES ? RemovedAttributes.line(input.id(), source, doc) : null;
        Outcome.Brief brief = new Outcome.Brief(input.name(), language.language(), type.code(),
                doc.source().codePointCount(0, doc.source().length()), text.codePointCount(0, text.length()));
        return Outcome.record(input.id(), line, attributes, text, bytes, doc.counts(), brief);
    }

    /** "every line was cut: 14 removals (markup 3, navigation 11)": how many cuts, by stage, left nothing. */
    static String allRemoved(Document doc) {
        StringBuilder byStage = new StringBuilder();
        doc.counts().forEach((stage, reasons) -> {
            int n = reasons.values().stream().mapToInt(Integer::intValue).sum();
            if (byStage.length() > 0) byStage.append(", ");
            byStage.append(stage).append(' ').append(n);
        });
        return "every line was cut as boilerplate: " + doc.removals().size() + " removals"
                + (byStage.length() > 0 ? " (" + byStage + ")" : "");
    }

    /**
     * The work for one input as a {@link WorkerPool.Job}: the pool runs it under the time budget and
     * turns a timeout or an escaped error into this input's rejection.
     */
    WorkerPool.Job<Outcome> job(Input input, String source) {
        return new DocumentJob(input, source, null);
    }

    /**
     * The same for the second pass over a document the first pass paused ({@code paused}, a {@link DocumentsSpill.Paused}'s
     * bytes; null: none, the input is read and cleaned).
     */
    WorkerPool.Job<Outcome> job(Input input, String source, byte[] paused) {
        return new DocumentJob(input, source, paused);
    }

    private final class DocumentJob implements WorkerPool.Job<Outcome> {
        private final Input input;
        private final String source;
        /** The first pass's state of this document, or null. */
        private final byte[] paused;
        /** Size once read, so a timed-out document still counts its bytes in the report. */
        private volatile long bytes;

        DocumentJob(Input input, String source, byte[] paused) {
            this.input = input;
            this.source = source;
            this.paused = paused;
        }

        @Override
        public Outcome run(WorkerPool.Budget budget) {
            if (paused != null) {
                DocumentsSpill.Paused state;
                try {
                    state = DocumentsSpill.Paused.of(paused);
                } catch (IOException e) {
                    // The entry passed its checksum: this is a bug of the spill, not damage to the file.
                    throw new IllegalStateException("the first pass's state of " + input.name() + " is unreadable", e);
                }
                bytes = state.bytes();
                Outcome resumed = resume(input, state, source);
                if (resumed != null) return resumed;
            }
            byte[] read;
            // Standard input arrives as fast as the program feeding it writes: the budget starts once it is read.
            boolean stdin = input.path() == null;
            if (stdin) budget.pause();
            try {
                read = input.read(limits.maxBytes());
            } catch (Input.TooLargeException e) {
                return reject(input, RejectReason.TOO_LARGE, e.getMessage(), 0);
            } catch (IOException | RuntimeException e) {
                return reject(input, RejectReason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage(), 0);
            } catch (OutOfMemoryError e) {
                return outOfMemory(input, e, 0);
            }
            bytes = read.length;
            if (stdin) budget.restart();
            return process(input, read, source);
        }

        @Override
        public Outcome timedOut(Duration budget, StackTraceElement[] stack) {
            return reject(input, RejectReason.TIMEOUT, "not done after " + StallGuard.human(budget) + where(stack)
                    + "; raise the per-document budget with --timeout", bytes);
        }

        @Override
        public Outcome failed(Throwable error) {
            return error instanceof OutOfMemoryError oom ? outOfMemory(input, oom, bytes) : internalError(input, error, bytes);
        }

        @Override
        public String describe() {
            return input.name();
        }
    }

    private static Outcome reject(Input input, RejectReason reason, String message, long bytes) {
        return Outcome.rejected(new Rejection(input.id(), input.name(), reason, message), bytes);
    }

    private static Outcome outOfMemory(Input input, OutOfMemoryError e, long bytes) {
        return reject(input, RejectReason.OUT_OF_MEMORY, "OutOfMemoryError (" + e.getMessage() + ") with a maximum heap of "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB (raise it with java -Xmx, or lower --max-bytes)", bytes);
    }

    /** The exception with its message and the frame that threw it, enough to start a bug report. */
    private static Outcome internalError(Input input, Throwable e, long bytes) {
        StringBuilder m = new StringBuilder(e.getClass().getName());
        if (e.getMessage() != null) m.append(": ").append(e.getMessage());
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) m.append(" (at ").append(trace[0]).append(')');
        return reject(input, RejectReason.INTERNAL_ERROR, m.toString(), bytes);
    }

    /**
     * The innermost Winnow frame of a stack, which says which stage or step a slow document was stuck in;
     * Winnow's code calls into the JDK and libraries, whose frames say less.
     */
    static String where(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.winnow.")) return " (in " + frame + ")";
        }
        return stack.length > 0 ? " (in " + stack[0] + ")" : "";
    }

    private static String sha256(byte[] bytes) {
        return dev.winnow.text.Sha256.hex(bytes);
    }
}
