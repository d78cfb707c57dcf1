package dev.winnow.formats;

import dev.winnow.core.Field;
import dev.winnow.core.Verdict;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a document says about itself from Tika's normalized metadata: {@code dc:title},
 * {@code dc:creator}, {@code dcterms:created}, {@code dc:language}, {@code dc:publisher}. Every format's
 * parser maps its own fields onto these (PDF Info and XMP, OOXML core properties, ODF meta.xml, the EPUB
 * package document, RTF's info group), so one reader serves them all.
 *
 * <p>Authoring tools fill these fields with placeholders as often as with facts: a PDF printed from
 * Word is titled "Microsoft Word - draft3.docx", a document's creator is whoever owned the computer
 * ("Administrator"). Such values are dropped here rather than published as the article's title or author.
 */
final class DocumentMetadata {
    private DocumentMetadata() {}

    /** Creators that name an account or a default, not a person (Word, LibreOffice and OS defaults). */
    private static final Set<String> PLACEHOLDER_CREATORS = Set.of("administrator", "admin", "user", "owner",
            "microsoft office user", "unknown", "author", "default", "windows user", "standard");
    /** A title that is a file name, or what a print driver writes before one ("Microsoft Word - x.docx"). */
    private static final Pattern FILE_NAME_TITLE = Pattern.compile(
            "(?i)^(?:microsoft (?:word|powerpoint|excel) - .*|.*\\.(?:docx?|odt|rtf|pdf|pptx?|xlsx?|txt|html?|epub|indd|tex|dvi|ps))$");
    private static final Set<String> PLACEHOLDER_TITLES = Set.of("untitled", "title", "document", "untitled document",
            "no title", "(untitled)", "slide 1");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
    /** A BCP 47 tag or ISO 639 code, as the markup reader accepts them ("en", "pt-BR", "zh-Hant-TW"). */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*");
    /** Several people in one creator field: "Maria Keller; Tomas Lindqvist". Commas are not split: "Keller, Maria". */
    private static final Pattern CREATOR_SEPARATOR = Pattern.compile("\\s*;\\s*");

    /** The document's title, authors, creation date, language and publisher, in that order, as facts. */
    static List<Verdict.Fact> facts(Metadata metadata) {
        List<Verdict.Fact> facts = new ArrayList<>();
        String title = clean(metadata.get(TikaCoreProperties.TITLE));
        if (title != null && !isPlaceholderTitle(title)) facts.add(new Verdict.Fact(Field.TITLE, title));

        Set<String> authors = new LinkedHashSet<>();
        for (String value : metadata.getValues(TikaCoreProperties.CREATOR)) {
            for (String name : CREATOR_SEPARATOR.split(value)) {
                String n = clean(name);
                if (n != null && !PLACEHOLDER_CREATORS.contains(n.toLowerCase(Locale.ROOT))) authors.add(n);
            }
        }
        for (String a : authors) facts.add(new Verdict.Fact(Field.AUTHORS, a));

        String created = isoDate(metadata.get(TikaCoreProperties.CREATED));
        if (created != null) facts.add(new Verdict.Fact(Field.CREATED, created));

        String language = clean(metadata.get(TikaCoreProperties.LANGUAGE));
        if (language != null && LANGUAGE.matcher(language).matches()) {
            facts.add(new Verdict.Fact(Field.LANGUAGE, language.replace('_', '-')));
        }

        String publisher = clean(metadata.get(TikaCoreProperties.PUBLISHER));
        if (publisher != null) facts.add(new Verdict.Fact(Field.PUBLISHER, publisher));
        return facts;
    }

    static boolean isPlaceholderTitle(String title) {
        return PLACEHOLDER_TITLES.contains(title.toLowerCase(Locale.ROOT)) || FILE_NAME_TITLE.matcher(title).matches();
    }

    /**
     * The calendar date an ISO-8601 date or date-time starts with, validated ("2024-03-05T23:30:00-05:00"
     * is 2024-03-05, the day where it was written); null for anything else.
     */
    static String isoDate(String value) {
        if (value == null) return null;
        Matcher m = ISO_DATE.matcher(value.strip());
        if (!m.find()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value with its white space collapsed, or null when nothing is left. */
    private static String clean(String value) {
        if (value == null) return null;
        String v = value.replaceAll("\\s+", " ").strip();
        return v.isEmpty() ? null : v;
    }
}
