package dev.winnow.formats;

import dev.winnow.core.Block;
import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Verdict;
import dev.winnow.html.HtmlFrontEnd;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.AccessPermissionException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.pkg.CompressorParser;
import org.apache.tika.parser.pkg.PackageParser;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a document that is not web text (PDF, Word, OpenDocument, EPUB, RTF, e-mail, and whatever else
 * Apache Tika parses into text) into blocks for the pipeline, in the same form {@link HtmlFrontEnd}
 * gives for a page, so the same markup-aware chain ({@code Profiles.html()}) cleans both.
 *
 * <p>How: Tika's {@link AutoDetectParser} writes the document as XHTML (paragraphs, headings h1-h6,
 * lists, tables, the header and footer an EPUB chapter marks), {@link HtmlFrontEnd} reads that XHTML
 * into blocks, and the document's own metadata ({@code dc:title}, {@code dc:creator},
 * {@code dcterms:created}, {@code dc:language}, {@code dc:publisher}) comes first among the facts, with
 * what the HTML reader finds in the text (an {@code <h1>} as title) only filling fields the metadata
 * left empty.
 *
 * <p>Limits, all per document ({@link Limits}): at most {@code maxChars} characters of text are
 * extracted, and a longer document is cut there and <b>flagged</b> ({@link Extracted#truncated()}), not
 * rejected, so the caller decides (the runner's policy is to reject a text it cannot keep whole);
 * Tika's zip-bomb guard stops a document whose text outgrows its bytes by more than
 * {@code maxCompressionRatio} once past {@code bombThreshold} characters, or whose XHTML nests deeper
 * than {@value #MAX_XML_DEPTH} elements; embedded documents are followed {@code maxEmbeddedDepth} levels
 * deep, {@code maxEmbeddedDocuments} in all. No external program ever runs: Tika's parsers that call
 * {@code tesseract}, {@code exiftool}, {@code ffmpeg} or {@code sox} from the PATH are left out of the
 * configuration ({@link #CONFIG}), so the output does not depend on what the machine has installed and
 * no document can start a process. OCR would also take seconds per page.
 *
 * <p>Before parsing, {@link Preflight} rejects a file cut short (truncated) and a zip container whose
 * entries inflate beyond 200 times its size (bomb), both in milliseconds.
 *
 * <p>Failures are typed ({@link FormatException.Reason}): encrypted, corrupt, truncated, bomb, timeout
 * (the thread was interrupted), binary (not a document format), empty. Immutable and thread-safe: the
 * parser, its configuration and the HTML reader are built once and shared; each call has its own parse
 * context.
 */
public final class DocumentFrontEnd {

    /** Deepest XHTML element nesting Tika may write; deeper is treated as a bomb (Tika's own default). */
    public static final int MAX_XML_DEPTH = 100;
    /** Deepest nesting of archive entries inside archive entries (Tika's own default). */
    public static final int MAX_PACKAGE_ENTRY_DEPTH = 10;

    /**
     * What one document may cost.
     *
     * @param maxChars             characters of text extracted at most; the rest is cut and the result flagged
     * @param maxEmbeddedDepth     levels of embedded documents followed (0: none, 1: the document's own attachments)
     * @param maxEmbeddedDocuments embedded documents parsed at most, at any depth
     * @param bombThreshold        characters of output before the compression-ratio check starts
     * @param maxCompressionRatio  characters of output per byte of input beyond which the document is a bomb
     */
    public record Limits(int maxChars, int maxEmbeddedDepth, int maxEmbeddedDocuments, long bombThreshold,
                         long maxCompressionRatio) {
        /**
         * Ten million characters, as the runner's {@code --max-chars}; one level of attachments, a hundred
         * of them; Tika's zip-bomb defaults (a million characters, then a hundred per input byte: plain
         * text compresses about 4:1, so only a crafted file comes near).
         */
        public static final Limits DEFAULTS = new Limits(10_000_000, 1, 100, 1_000_000, 100);

        public Limits {
            if (maxChars <= 0) throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
            if (maxEmbeddedDepth < 0) throw new IllegalArgumentException("maxEmbeddedDepth must be >= 0: " + maxEmbeddedDepth);
            if (maxEmbeddedDocuments < 0) throw new IllegalArgumentException("maxEmbeddedDocuments must be >= 0: " + maxEmbeddedDocuments);
            if (bombThreshold <= 0 || maxCompressionRatio <= 0) {
                throw new IllegalArgumentException("bomb limits must be positive: " + bombThreshold + ", " + maxCompressionRatio);
            }
        }

        public Limits withMaxChars(int chars) {
            return new Limits(chars, maxEmbeddedDepth, maxEmbeddedDocuments, bombThreshold, maxCompressionRatio);
        }

        public Limits withMaxEmbeddedDepth(int levels) {
            return new Limits(maxChars, levels, maxEmbeddedDocuments, bombThreshold, maxCompressionRatio);
        }
    }

    /**
     * A document as blocks over one source text, with its metadata, in the form the pipeline runs on.
     *
     * @param source    the normalized text all block offsets refer to (blocks joined by a blank line)
     * @param blocks    paragraphs, headings, list items and table rows, with what the XHTML markup knew
     * @param facts     metadata: the document's own first, then what the text's markup adds
     * @param mediaType the media type Tika detected ("application/pdf")
     * @param truncated the text reached {@link Limits#maxChars()} and was cut there
     */
    public record Extracted(String source, List<Block> blocks, List<Verdict.Fact> facts, String mediaType,
                            boolean truncated) {
        public Extracted {
            blocks = List.copyOf(blocks);
            facts = List.copyOf(facts);
        }

        /** Runs {@code pipeline} (the HTML chain, {@code Profiles.html()}) over these blocks, as {@link Layout#DOCUMENT}. */
        public Document clean(Pipeline pipeline) {
            return clean(pipeline, List.of());
        }

        /** The same, with {@code more} facts after the document's own (what the caller found out about it). */
        public Document clean(Pipeline pipeline, List<Verdict.Fact> more) {
            List<Verdict.Fact> all = new java.util.ArrayList<>(facts);
            all.addAll(more);
            return pipeline.run(source, Layout.DOCUMENT, blocks, all);
        }
    }

    /** Types the text and HTML paths read better than a document parser. */
    private static final Set<String> NOT_DOCUMENTS = Set.of("application/xhtml+xml", "application/xml",
            "application/json", "application/javascript", "application/x-sh");
    /** Text (the text path's), and media whose parsers give metadata only (OCR is off). */
    private static final Set<String> NOT_DOCUMENT_TOP_LEVEL = Set.of("image", "audio", "video", "font", "model", "text");
    /**
     * A line break inside a word hyphenated at the end of a PDF line ("break-\nwater"). The hyphen is
     * kept and only the break goes: "well-known" stays right and "break-water" stays readable, where
     * dropping the hyphen would lose a real one, and keeping the break would read "break- water".
     */
    private static final Pattern PDF_LINE_HYPHEN = Pattern.compile("(?<=\\p{L})-\\n(?=\\p{Ll})");

    /** Parser messages can quote the document; a rejection message stays one readable line. */
    private static final int MAX_MESSAGE_CHARS = 240;

    private final Limits limits;
    private final AutoDetectParser parser;
    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final Map<MediaType, Parser> parsers;
    private final HtmlFrontEnd html = new HtmlFrontEnd();

    public DocumentFrontEnd() {
        this(Limits.DEFAULTS);
    }

    /**
     * Tika's default parsers without those that run external programs: the OCR parser (tesseract) and
     * the external parsers (exiftool for images, ffmpeg for video, sox for audio). Even unused, they
     * probe the PATH for their programs when Tika starts.
     */
    static final String CONFIG = """
            <properties>
              <parsers>
                <parser class="org.apache.tika.parser.DefaultParser">
                  <parser-exclude class="org.apache.tika.parser.ocr.TesseractOCRParser"/>
                  <parser-exclude class="org.apache.tika.parser.external.CompositeExternalParser"/>
                </parser>
              </parsers>
            </properties>
            """;

    public DocumentFrontEnd(Limits limits) {
        this.limits = limits;
        TikaConfig config = withoutExternalPrograms();
        this.parser = new AutoDetectParser(config);
        this.parser.setAutoDetectParserConfig(new AutoDetectParserConfig(null, limits.bombThreshold(),
                limits.maxCompressionRatio(), MAX_XML_DEPTH, MAX_PACKAGE_ENTRY_DEPTH));
        this.detector = config.getDetector();
        this.registry = config.getMediaTypeRegistry();
        Parser inner = config.getParser();
        this.parsers = inner instanceof CompositeParser c ? Map.copyOf(c.getParsers(new ParseContext())) : Map.of();
    }

    public Limits limits() {
        return limits;
    }

    private static TikaConfig withoutExternalPrograms() {
        try {
            return new TikaConfig(new java.io.ByteArrayInputStream(CONFIG.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (org.apache.tika.exception.TikaException | IOException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("the built-in Tika configuration is valid", e);
        }
    }

    /** The classes of the parsers this front end may use, for tests that check no external program can run. */
    java.util.Set<String> parserClasses() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Parser p : parsers.values()) names.add(p.getClass().getName());
        return names;
    }

    /**
     * The media type of {@code bytes}, without parameters, by magic numbers, zip and OLE container
     * contents and the file name ({@code name} may be null). Reads the whole input for containers: a
     * DOCX is told from a plain zip by its entries. About a millisecond.
     */
    public String detect(byte[] bytes, String name) {
        // Zip container detection clears the thread's interrupt status; a runner's interrupt must survive it.
        boolean interrupted = Thread.currentThread().isInterrupted();
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return detector.detect(in, nameOnly(name)).getBaseType().toString();
        } catch (IOException e) {
            return MediaType.OCTET_STREAM.toString();   // cannot happen for bytes in memory
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether this front end reads {@code mediaType}: Tika has a parser for it that gives text, and it
     * is neither text or markup (the text and HTML paths handle those), nor media, nor an archive or
     * compressed stream (unpacked by the runner, not flattened into one article).
     */
    public boolean supports(String mediaType) {
        MediaType type = MediaType.parse(mediaType);
        if (type == null) return false;
        type = type.getBaseType();
        // Not "a specialization of text/plain": Tika's registry counts RTF as one.
        if (NOT_DOCUMENT_TOP_LEVEL.contains(type.getType()) || NOT_DOCUMENTS.contains(type.toString())
                || type.getSubtype().endsWith("+xml")) {
            return false;
        }
        Parser p = parserFor(type);
        return p != null && !(p instanceof EmptyParser) && !(p instanceof PackageParser) && !(p instanceof CompressorParser);
    }

    private Parser parserFor(MediaType type) {
        for (MediaType t = type; t != null; t = registry.getSupertype(t)) {
            Parser p = parsers.get(t);
            if (p != null) return p;
        }
        return null;
    }

    /**
     * Extracts {@code bytes} (a file called {@code name}, which may be null) as blocks and metadata.
     *
     * @throws FormatException when the document is empty, not a supported format, cut short, encrypted,
     *                         corrupt, a decompression bomb, or the thread was interrupted
     */
    public Extracted extract(byte[] bytes, String name) throws FormatException {
        if (bytes.length == 0) throw new FormatException(FormatException.Reason.EMPTY, null, "the document is empty (0 bytes)", null);
        if (Thread.currentThread().isInterrupted()) {
            throw new FormatException(FormatException.Reason.TIMEOUT, null, "interrupted before parsing", null);
        }
        String mediaType = detect(bytes, name);
        if (!supports(mediaType)) {
            throw new FormatException(FormatException.Reason.BINARY, mediaType,
                    "media type " + mediaType + " is not a document format this build reads", null);
        }
        String cut = Preflight.truncation(bytes, mediaType);
        if (cut != null) throw new FormatException(FormatException.Reason.TRUNCATED, mediaType, cut, null);
        if (Preflight.isZip(bytes)) {
            long limit = Preflight.inflationLimit(bytes.length);
            long inflated = Preflight.inflatedBytes(bytes, limit);
            if (inflated > limit) {
                throw new FormatException(FormatException.Reason.BOMB, mediaType, "the zip entries of " + bytes.length
                        + " bytes inflate to more than " + limit + " bytes (" + Preflight.ZIP_MAX_RATIO
                        + " times the file, or " + Preflight.ZIP_INFLATED_FLOOR / (1024 * 1024) + " MiB)", null);
            }
        }
        Metadata metadata = nameOnly(name);
        // Detected once above; the parser takes the type instead of detecting again.
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, mediaType);
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        ParseContext context = context();
        WriteOutContentHandler handler = new WriteOutContentHandler(new XhtmlFilter(xhtml), limits.maxChars(), true, context);
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(bytes, metadata)) {
            parser.parse(in, handler, metadata, context);
        } catch (Exception | StackOverflowError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                throw failure(e, mediaType);
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new FormatException(FormatException.Reason.TIMEOUT, mediaType, "interrupted while parsing", null);
        }
        String markup = xhtml.toString();
        if (mediaType.equals("application/pdf")) markup = PDF_LINE_HYPHEN.matcher(markup).replaceAll("-");
        HtmlFrontEnd.Extracted read = html.extract(markup);
        if (read.blocks().isEmpty() && !truncated && unrecognisedWithoutName(bytes)) {
            // Lenient parsers (EPUB's falls back to scanning for zip entries) read noise as an empty book.
            throw new FormatException(FormatException.Reason.CORRUPT, mediaType, "broken " + mediaType
                    + ": no text, and nothing in the bytes is the format's structure (only the name says " + mediaType + ")", null);
        }
        return new Extracted(read.source(), read.blocks(), facts(metadata, read.facts()), mediaType, truncated);
    }

    /** The bytes alone, without the name, are no known format. */
    private boolean unrecognisedWithoutName(byte[] bytes) {
        return detect(bytes, null).equals(MediaType.OCTET_STREAM.toString());
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class,
                new BoundedEmbeddedExtractor(context, limits.maxEmbeddedDepth(), limits.maxEmbeddedDocuments()));
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        // The outline repeats the headings as a table of contents after the text.
        pdf.setExtractBookmarksText(false);
        context.set(PDFParserConfig.class, pdf);
        // Running heads and page footers of Word files are page furniture, not text: Tika writes them as
        // plain paragraphs before and after the body, where nothing could tell them from the article.
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false);
        // Tika's streaming readers hold no object model of the document (POI's XMLBeans one takes many
        // times the XML's size), and read the fixture DOCX in half the time.
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    /** The document's metadata first; the markup reader's facts only for fields the document left empty. */
    private static List<Verdict.Fact> facts(Metadata metadata, List<Verdict.Fact> fromMarkup) {
        List<Verdict.Fact> facts = new ArrayList<>(DocumentMetadata.facts(metadata));
        EnumSet<Field> given = EnumSet.noneOf(Field.class);
        for (Verdict.Fact f : facts) given.add(f.field());
        for (Verdict.Fact f : fromMarkup) {
            if (!given.contains(f.field()) && !(f.field() == Field.TITLE && DocumentMetadata.isPlaceholderTitle(f.value()))) {
                facts.add(f);
            }
        }
        return facts;
    }

    private static Metadata nameOnly(String name) {
        Metadata metadata = new Metadata();
        if (name != null && !name.isBlank()) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        return metadata;
    }

    /** The typed failure for what the parse threw, judged on the whole chain of causes. */
    static FormatException failure(Throwable e, String mediaType) {
        FormatException.Reason reason = classify(e);
        String message = reason == FormatException.Reason.TIMEOUT ? "interrupted while parsing " + mediaType
                : describe(reason, mediaType) + ": " + rootMessage(e);
        return new FormatException(reason, mediaType, message, e);
    }

    static FormatException.Reason classify(Throwable e) {
        if (Thread.currentThread().isInterrupted()) return FormatException.Reason.TIMEOUT;
        if (e instanceof StackOverflowError) return FormatException.Reason.CORRUPT;
        int hops = 0;
        for (Throwable t = e; t != null && hops < 32; t = t.getCause(), hops++) {
            if (t instanceof XhtmlFilter.Interrupted || t instanceof InterruptedException
                    || t instanceof ClosedByInterruptException || t instanceof InterruptedIOException) {
                return FormatException.Reason.TIMEOUT;
            }
            if (t instanceof EncryptedDocumentException || t instanceof AccessPermissionException
                    || isNamed(t, "org.apache.poi.EncryptedDocumentException")
                    || isNamed(t, "org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException")) {
                return FormatException.Reason.ENCRYPTED;
            }
            if (t instanceof TikaMemoryLimitException || isBombMessage(t.getMessage())) return FormatException.Reason.BOMB;
            if (t instanceof ZeroByteFileException) return FormatException.Reason.EMPTY;
        }
        return FormatException.Reason.CORRUPT;
    }

    /**
     * Tika's SecureContentHandler ("Zip bomb detected!", "Suspected zip bomb: ...") and POI's ZipSecureFile
     * say so in words; POI's cap on one part read into memory ("the maximum length for this record type
     * is 100,000,000") is the same defence reached by another route.
     */
    private static boolean isBombMessage(String message) {
        if (message == null) return false;
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("zip bomb") || m.contains("maximum length for this record type");
    }

    private static boolean isNamed(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) if (c.getName().equals(className)) return true;
        return false;
    }

    private static String describe(FormatException.Reason reason, String mediaType) {
        return switch (reason) {
            case ENCRYPTED -> "encrypted " + mediaType + " (a password is needed, or extraction is not permitted)";
            case BOMB -> mediaType + " expands beyond the decompression limits";
            case EMPTY -> "empty " + mediaType;
            case TRUNCATED -> mediaType + " cut short";
            default -> "broken " + mediaType;
        };
    }

    /** The innermost cause's class and message: Tika's own wrappers say only "TIKA-198: Illegal IOException". */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        int hops = 0;
        while (root.getCause() != null && root.getCause() != root && hops++ < 32) root = root.getCause();
        String m = root.getMessage();
        if (m != null && m.length() > MAX_MESSAGE_CHARS) m = m.substring(0, MAX_MESSAGE_CHARS) + "...";
        return root.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
