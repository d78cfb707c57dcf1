package dev.winnow.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winnow.Version;
import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Metadata;
import dev.winnow.core.Removal;
import dev.winnow.corpus.Cluster;
import dev.winnow.score.PageType;
import dev.winnow.text.LanguageIdentifier;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Writes the JSON record for one cleaned document. The layout follows the common corpus formats
 * (Hugging Face datasets, datatrove, Dolma): {@code id}, {@code text}, {@code source}, {@code created}
 * at the top, everything else under {@code metadata}. Keys are written in a fixed order and nothing
 * depends on the clock or the thread, so the same input always gives the same bytes.
 * Offsets in {@code removed} count Unicode code points of the normalized input, as Python slices do.
 * {@code language} is decided here, from the final text and the declared language ({@link LanguageIdentifier}),
 * so it describes exactly the text the record carries.
 */
public final class ArticleRecord {
    /**
     * The record layout's version, written as {@code metadata.schema_version}. 2: every key is in every
     * record (nulls where a value does not apply), {@code added} at the top. 3: {@code metadata.pipeline.models}.
     * Raise it whenever a key is added, removed or changes type, and update
     * {@code schema/article-record.schema.json}, {@code schema/spark/articles.ddl} and {@code schema/duckdb/winnow.sql}.
     */
    public static final int SCHEMA_VERSION = 3;

    private static final JsonFactory FACTORY = new JsonFactory();

    private ArticleRecord() {}

    /**
     * What is known about the input itself; {@code entry} is what its container said, null for a plain file;
     * {@code added} the acquisition time the run gives a record whose input says none, or null.
     */
    public record InputInfo(String id, String path, long size, String mediaType, String charset, String sha256,
                            String source, SourceEntry entry, String added) {
        public InputInfo(String id, String path, long size, String mediaType, String charset, String sha256, String source) {
            this(id, path, size, mediaType, charset, sha256, source, null, null);
        }

        public InputInfo(String id, String path, long size, String mediaType, String charset, String sha256,
                         String source, SourceEntry entry) {
            this(id, path, size, mediaType, charset, sha256, source, entry, null);
        }
    }

    /**
     * What cleaned the document, as {@code metadata.pipeline} gives it: the profile of the chain, and the
     * identities (name@hash) of the models whose answers shaped the record (the block scorer, the page-type
     * model), so records of two model versions can be told apart, and filtered, downstream.
     */
    public record Provenance(String profile, List<String> models) {
        public Provenance {
            models = List.copyOf(models);
        }
    }

    /** The record of a run without corpus stages, by a chain of {@code profile} with no models. */
    public static String line(InputInfo input, Document doc, String profile) {
        return line(input, doc, new Provenance(profile, List.of()), null, RemovedLayout.INLINE);
    }

    /**
     * The record as one JSON line (UTF-16 string, no trailing newline), written by a streaming generator,
     * its removals laid out as {@code removed} says. {@code cluster}, when the corpus stages ran, is the
     * document's near-duplicate cluster.
     */
    public static String line(InputInfo input, Document doc, Provenance pipeline, Cluster cluster, RemovedLayout removed) {
        return line(input, doc, pipeline, cluster, removed, language(doc));
    }

    /** The language a record of {@code doc} names: its text identified, the page's own {@code lang} as a hint. */
    public static LanguageIdentifier.Result language(Document doc) {
        return LanguageIdentifier.identify(doc.text(), doc.metadata().get(Field.LANGUAGE));
    }

    /** The same, with the document's {@link #language} worked out already. */
    public static String line(InputInfo input, Document doc, Provenance pipeline, Cluster cluster, RemovedLayout removed,
                              LanguageIdentifier.Result language) {
        // body and removals together are about the source's length; JSON adds a little
        StringWriter out = new StringWriter(doc.source().length() + doc.source().length() / 8 + 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            String text = doc.text();
            g.writeStartObject();
            g.writeStringField("id", input.id());
            g.writeStringField("text", text);
            g.writeStringField("source", input.source());
            SourceEntry entry = input.entry();
            String acquired = entry == null ? null : acquired(entry.fetched());
            g.writeStringField("added", acquired != null ? acquired : input.added());
            g.writeStringField("created", doc.metadata().get(Field.CREATED));

            g.writeObjectFieldStart("metadata");
            g.writeNumberField("schema_version", SCHEMA_VERSION);
            g.writeStringField("title", doc.metadata().get(Field.TITLE));
            strings(g, "authors", doc.metadata(), Field.AUTHORS);
            g.writeStringField("publisher", doc.metadata().get(Field.PUBLISHER));
            g.writeStringField("url", doc.metadata().get(Field.URL));
            g.writeStringField("language", language.language());
            if (language.score() == null) g.writeNullField("language_score");
            else g.writeNumberField("language_score", language.score());
            String pageType = doc.metadata().get(Field.PAGE_TYPE);
            // always present: a document cleaned without the classifier (a test's chain) is "other"
            g.writeStringField("page_type", pageType == null ? PageType.OTHER.code() : pageType);
            strings(g, "quotes", doc.metadata(), Field.QUOTES);
            strings(g, "sections", doc.metadata(), Field.SECTIONS);
            // Objects and keys that do not apply are written with nulls, never left out, so every record of
            // every run has one key set and a loader infers one schema (see SCHEMA_VERSION).
            g.writeObjectFieldStart("extraction");
            g.writeStringField("method", doc.extraction() == null ? null : doc.extraction().method());
            g.writeStringField("reason", doc.extraction() == null ? null : doc.extraction().reason());
            g.writeEndObject();
            g.writeObjectFieldStart("near_duplicates");
            g.writeStringField("cluster", cluster == null ? null : cluster.id());
            if (cluster == null) g.writeNullField("representative");
            else g.writeBooleanField("representative", cluster.representative());
            if (cluster == null) g.writeNullField("size");
            else g.writeNumberField("size", cluster.size());
            g.writeEndObject();

            if (removed != RemovedLayout.INLINE) g.writeNullField("removed");
            else removals(g, doc);

            g.writeObjectFieldStart("counts");
            g.writeNumberField("input_chars", doc.source().codePointCount(0, doc.source().length()));
            g.writeNumberField("text_chars", text.codePointCount(0, text.length()));
            g.writeNumberField("blocks_kept", doc.body().size());
            g.writeNumberField("removals", doc.removals().size());
            g.writeNumberField("words", doc.words());
            g.writeEndObject();

            g.writeObjectFieldStart("input");
            g.writeStringField("path", input.path());
            g.writeNumberField("size", input.size());
            g.writeStringField("media_type", input.mediaType());
            g.writeStringField("charset", input.charset());
            g.writeStringField("sha256", input.sha256());
            g.writeStringField("layout", doc.layout().name().toLowerCase(Locale.ROOT));
            g.writeStringField("url", entry == null ? null : entry.url());
            g.writeStringField("fetched", entry == null ? null : entry.fetched());
            g.writeStringField("record_id", entry == null ? null : entry.recordId());
            g.writeStringField("truncated", entry == null ? null : entry.truncated());
            g.writeEndObject();

            g.writeObjectFieldStart("pipeline");
            g.writeStringField("name", "winnow");
            g.writeStringField("version", Version.VERSION);
            g.writeStringField("profile", pipeline.profile());
            g.writeArrayFieldStart("models");
            for (String model : pipeline.models()) g.writeString(model);
            g.writeEndArray();
            g.writeEndObject();

            g.writeEndObject();     // metadata
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Dolma's {@code added}, when the document was acquired: a WARC-Date (ISO-8601, UTC) as a timestamp
     * with seconds; anything else a container calls its date is not a known acquisition time, so null.
     */
    static String acquired(String fetched) {
        if (fetched == null) return null;
        try {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.parse(fetched.trim()).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A time a user gives for {@code added} ({@code --added}): a date ({@code 2026-12-01}, midnight UTC) or an
     * ISO-8601 date-time with a zone ({@code 2026-12-01T10:00:00Z}, {@code ...+02:00}), as {@code added} is
     * written: UTC, to the second.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static String addedTime(String value) {
        String v = value.strip();
        try {
            Instant at = v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(v).toInstant();
            return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date (2026-12-01) or a date-time with a zone "
                    + "(2026-12-01T10:00:00Z)");
        }
    }

    /** {@code metadata.removed}: every cut with its stage, reason, text, code-point offsets and score. */
    private static void removals(JsonGenerator g, Document doc) throws IOException {
        OffsetMap offsets = new OffsetMap(doc.source());
        g.writeArrayFieldStart("removed");
        for (Removal x : doc.removals()) removal(g, x, offsets);
        g.writeEndArray();
    }

    /**
     * One cut as an object of {@code removed}: the same bytes inline and in the attributes side file, so
     * a reader of either sees one shape.
     */
    static void removal(JsonGenerator g, Removal x, OffsetMap offsets) throws IOException {
        g.writeStartObject();
        g.writeStringField("stage", x.stage());
        g.writeStringField("reason", x.reason().code());
        g.writeStringField("text", x.text());
        g.writeNumberField("start", offsets.codePoint(x.start()));
        g.writeNumberField("end", offsets.codePoint(x.end()));
        if (x.score() == null) g.writeNullField("score");
        else g.writeNumberField("score", score(x.score()));
        g.writeEndObject();
    }

    /** A removal's score as records carry it: three decimals, so the bytes do not depend on float noise. */
    static double score(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    private static void strings(JsonGenerator g, String name, Metadata metadata, Field field) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : metadata.all(field)) g.writeString(s);
        g.writeEndArray();
    }

    /** Maps UTF-16 offsets to code point offsets; free when the text has no surrogate pairs. */
    static final class OffsetMap {
        private final int[] codePoints;     // code points before each UTF-16 offset, or null when they are equal

        OffsetMap(String text) {
            int[] map = null;
            if (text.codePointCount(0, text.length()) != text.length()) {
                map = new int[text.length() + 1];
                int cp = 0;
                for (int i = 0; i < text.length(); i++) {
                    map[i] = cp;
                    if (!Character.isLowSurrogate(text.charAt(i)) || i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))) cp++;
                }
                map[text.length()] = cp;
            }
            this.codePoints = map;
        }

        int codePoint(int utf16) {
            return codePoints == null ? utf16 : codePoints[utf16];
        }
    }
}
