package dev.winnow.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** {@code quotes.jsonl}: one line per distinct quotation, {@code {"text": …, "ids": [article ids in input order]}}. */
public final class QuotesFile {
    public static final String NAME = "quotes.jsonl";
    private static final JsonFactory FACTORY = new JsonFactory();

    private QuotesFile() {}

    public static String line(QuoteTable.Entry e) {
        StringWriter out = new StringWriter(e.text().length() + 32 * e.ids().size() + 32);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("text", e.text());
            g.writeArrayFieldStart("ids");
            for (String id : e.ids()) g.writeString(id);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException x) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", x);
        }
        return out.toString();
    }
}
