package dev.winnow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Removal;
import dev.winnow.Version;

/**
 * Builds the JSON record for one cleaned document. The layout follows the common corpus formats
 * (Hugging Face datasets, datatrove, Dolma): {@code id}, {@code text}, {@code source}, {@code created}
 * at the top, everything else under {@code metadata}. Keys are written in a fixed order and nothing
 * depends on the clock or the thread, so the same input always gives the same bytes.
 * Offsets in {@code removed} count Unicode code points of the normalized input, as Python slices do.
 */
public final class ArticleRecord {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ArticleRecord() {}

    /** What is known about the input itself. */
    public record InputInfo(String id, String path, long size, String mediaType, String charset, String sha256,
                            String source) {}

    public static ObjectNode build(InputInfo input, Document doc, String profile) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("id", input.id());
        r.put("text", doc.text());
        r.put("source", input.source());
        putOrNull(r, "created", doc.metadata().get(Field.CREATED));

        ObjectNode m = r.putObject("metadata");
        putOrNull(m, "title", doc.metadata().get(Field.TITLE));
        strings(m.putArray("authors"), doc.metadata(), Field.AUTHORS);
        putOrNull(m, "publisher", doc.metadata().get(Field.PUBLISHER));
        m.putNull("language");
        strings(m.putArray("quotes"), doc.metadata(), Field.QUOTES);
        strings(m.putArray("sections"), doc.metadata(), Field.SECTIONS);

        OffsetMap offsets = new OffsetMap(doc.source());
        ArrayNode removed = m.putArray("removed");
        for (Removal x : doc.removals()) {
            ObjectNode o = removed.addObject();
            o.put("stage", x.stage());
            o.put("reason", x.reason().code());
            o.put("text", x.text());
            o.put("start", offsets.codePoint(x.start()));
            o.put("end", offsets.codePoint(x.end()));
        }

        ObjectNode counts = m.putObject("counts");
        counts.put("input_chars", doc.source().codePointCount(0, doc.source().length()));
        String text = doc.text();
        counts.put("text_chars", text.codePointCount(0, text.length()));
        counts.put("blocks_kept", doc.body().size());
        counts.put("removals", doc.removals().size());
        counts.put("words", dev.winnow.text.TextShape.of(text).words());

        ObjectNode in = m.putObject("input");
        in.put("path", input.path());
        in.put("size", input.size());
        in.put("media_type", input.mediaType());
        in.put("charset", input.charset());
        in.put("sha256", input.sha256());
        in.put("layout", doc.layout().name().toLowerCase(java.util.Locale.ROOT));

        ObjectNode p = m.putObject("pipeline");
        p.put("name", "winnow");
        p.put("version", Version.VERSION);
        p.put("profile", profile);
        return r;
    }

    private static void putOrNull(ObjectNode node, String key, String value) {
        if (value == null) node.putNull(key);
        else node.put(key, value);
    }

    private static void strings(ArrayNode array, dev.winnow.core.Metadata metadata, Field field) {
        for (String s : metadata.all(field)) array.add(s);
    }

    /** One JSON line, UTF-8, no trailing newline. */
    public static String toLine(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a record tree is always serialisable", e);
        }
    }

    /** Maps UTF-16 offsets to code point offsets; free when the text has no surrogate pairs. */
    private static final class OffsetMap {
        private final String text;
        private final boolean identity;

        OffsetMap(String text) {
            this.text = text;
            this.identity = text.codePointCount(0, text.length()) == text.length();
        }

        int codePoint(int utf16) {
            return identity ? utf16 : text.codePointCount(0, utf16);
        }
    }
}
