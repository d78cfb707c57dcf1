package dev.winnow.cli;

import dev.winnow.archive.Containers;
import dev.winnow.archive.IdSource;
import dev.winnow.corpus.CorpusSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * The options of the corpus stages and of JSON Lines inputs, one definition for {@code winnow clean}
 * and the Spark entry point (a picocli mixin), so both engines take the same words for the same run.
 */
public final class CorpusOptions {

    @Option(names = "--repeated-lines", paramLabel = "N",
            description = "Cut a line found in at least N documents of one site (its URL's host, or its folder or "
                    + "archive) as site_repeated_line: footers, menus, banners (default: ${DEFAULT-VALUE}; 0 turns it off).")
    int repeatedLines = CorpusSettings.DEFAULT_REPEATED_LINE_DOCS;

    @Option(names = "--drop-near-duplicates", description = "Keep only the first document of each near-duplicate "
            + "cluster (MinHash of word 5-grams, Jaccard about 0.7 and up); reject the others as near_duplicate. "
            + "By default every record just carries its cluster.")
    boolean dropNearDuplicates;

    @Option(names = "--dedupe-quotes", paramLabel = "SCOPE", converter = QuoteScopeConverter.class,
            description = "article (default): a quotation repeated within one article is cut, articles keep their own. "
                    + "corpus: also cut a paragraph restating a quotation an earlier article already carries (for training data).")
    QuoteScope dedupeQuotes = QuoteScope.ARTICLE;

    @Option(names = "--no-corpus", description = "One pass, without the corpus stages (no repeated lines, clusters "
            + "or quotes.jsonl): for a single document, or when every second counts.")
    boolean noCorpus;

    @Option(names = "--text-field", paramLabel = "NAME", description = "JSON Lines: the field holding plain text (default: ${DEFAULT-VALUE}).")
    String textField = Containers.Fields.DEFAULTS.text();

    @Option(names = "--html-field", paramLabel = "NAME", description = "JSON Lines: the field holding HTML, used before the text field "
            + "when a line has both (default: ${DEFAULT-VALUE}).")
    String htmlField = Containers.Fields.DEFAULTS.html();

    @Option(names = "--url-field", paramLabel = "NAME", description = "JSON Lines: the field holding the page's URL (default: ${DEFAULT-VALUE}).")
    String urlField = Containers.Fields.DEFAULTS.url();

    @Option(names = "--id-field", paramLabel = "NAME", description = "JSON Lines: the field holding the scraper's own id, "
            + "kept as metadata.input.record_id (default: ${DEFAULT-VALUE}).")
    String idField = Containers.Fields.DEFAULTS.id();

    @Option(names = "--ids", paramLabel = "SOURCE", converter = IdSourceConverter.class,
            description = "What names each record. path (default): the input's path below the folder given, with "
                    + "'#N' for a container's Nth document: the same on any machine. record: the scraper's own id "
                    + "where a container has one (WARC-Record-ID, the --id-field of a JSON line), so records join "
                    + "back to the crawl (a document without one keeps its path id). content: the first "
                    + "32 hex digits of the SHA-256 of the document's bytes, the same for the same page under any "
                    + "name. Ids are unique in a run: an id already taken gets ~2, ~3... in input order.")
    IdSource ids = IdSource.PATH;

    /** The corpus stages as set; a usage error names what is wrong. */
    public CorpusSettings settings(CommandLine command) {
        if (repeatedLines == 1) {
            throw new CommandLine.ParameterException(command,
                    "--repeated-lines must be 0 (off) or at least 2: a line in one document is not repeated");
        }
        if (repeatedLines < 0) throw new CommandLine.ParameterException(command, "--repeated-lines cannot be negative");
        return noCorpus ? CorpusSettings.OFF
                : new CorpusSettings(true, repeatedLines, dropNearDuplicates, dedupeQuotes == QuoteScope.CORPUS);
    }

    public Containers.Fields fields() {
        return new Containers.Fields(textField, htmlField, urlField, idField, ids);
    }

    /** {@code path}, {@code record} or {@code content}, in any case. */
    static final class IdSourceConverter implements CommandLine.ITypeConverter<IdSource> {
        @Override
        public IdSource convert(String value) {
            for (IdSource s : IdSource.values()) if (s.code().equalsIgnoreCase(value.strip())) return s;
            throw new CommandLine.TypeConversionException("'" + value + "' is not an id source: path, record or content");
        }
    }

    /** How far quotations are deduplicated: within each article, or across the corpus too. */
    enum QuoteScope { ARTICLE, CORPUS }

    /** "article" or "corpus", in any case. */
    static final class QuoteScopeConverter implements CommandLine.ITypeConverter<QuoteScope> {
        @Override
        public QuoteScope convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "article" -> QuoteScope.ARTICLE;
                case "corpus" -> QuoteScope.CORPUS;
                default -> throw new CommandLine.TypeConversionException("not a scope: " + value + " (article or corpus)");
            };
        }
    }
}
