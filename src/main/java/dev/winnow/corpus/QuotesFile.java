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

    /** Writes each entry it is given as a line of {@code out}, and counts them; an I/O error leaves unchecked. */
    public static final class Lines implements java.util.function.Consumer<QuoteTable.Entry> {
        private final java.io.Writer out;
        private int count;

        public Lines(java.io.Writer out) {
            this.out = out;
        }

        @Override
        public void accept(QuoteTable.Entry e) {
            try {
                out.write(line(e));
                out.write('\n');
                count++;
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        public int count() {
            return count;
        }
    }

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
