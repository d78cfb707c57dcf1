package dev.winnow.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.winnow.core.RejectReason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The documents of a JSON Lines file, one per non-blank line: the html field's string as "text/html",
 * else the text field's string as "text/plain". A line that is not a JSON object with one of those
 * fields, or is longer than the entry limit, is a failure entry and reading goes on with the next line
 * (lines resynchronise on '\n'). A compressed stream that is cut short or corrupt ends the iteration
 * with one failure entry.
 */
final class JsonLinesEntries extends ReadAhead {
    /** Jackson's messages quote the input; a failure message names the problem, not the whole line. */
    private static final int MAX_MESSAGE_CHARS = 200;

    /**
     * No limit on a string's length beyond the line's own (at most --max-bytes): Jackson's default of
     * 20 million characters made a valid page of 20M characters a "malformed" line. Whether its text is
     * too long is --max-chars' call, with its own reason.
     */
    private static final ObjectReader JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().reader();

    private final DamageFence in;
    private final BoundedLines lines;
    private final Containers.Options options;
    private int index;

    JsonLinesEntries(InputStream in, Containers.Options options) {
        this.in = new DamageFence(in);
        this.options = options;
        this.lines = new BoundedLines(this.in, (int) options.maxBytes());
    }

    @Override
    public Map<String, Long> skipped() {
        return Map.of();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    Entry advance() {
        while (true) {
            BoundedLines.Line line;
            try {
                line = lines.next();
            } catch (IOException e) {
                return damaged(lines.number() + 1, e);   // the fence keeps stream errors; this is a failure of the fence's own
            }
            IOException damage = in.damage();
            // the stream broke: the line it was reading when it broke is lost, and everything after it
            if (damage != null && (line == null || !line.terminated())) {
                return damaged(line == null ? lines.number() + 1 : line.number(), damage);
            }
            if (line == null) return null;
            if (line.tooLong()) {
                return failure(index++, "line " + line.number() + ": " + line.length() + " bytes, longer than the limit of "
                        + options.maxBytes() + " bytes (--max-bytes)", RejectReason.TOO_LARGE);
            }
            if (isBlank(line.bytes())) continue;
            return entry(index++, line);
        }
    }

    /**
     * Counts the lines before the {@code first}-th entry as {@link #advance} numbers them (a blank line is
     * no entry; every other line is one, parsed or not), without parsing them: a slice deep in a big file
     * reads its way there at the speed of a line scan.
     */
    @Override
    void passOver(int first) {
        while (index < first) {
            BoundedLines.Line line;
            try {
                line = lines.skip();
            } catch (IOException e) {
                end();
                return;
            }
            if (in.damage() != null && (line == null || !line.terminated())) {
                end();  // the damaged entry comes before the first one wanted; nothing after it can be read
                return;
            }
            if (line == null) {
                end();
                return;
            }
            if (line.tooLong() || !isBlank(line.bytes())) index++;
        }
    }

    private Entry damaged(long lineNumber, IOException e) {
        end();
        RejectReason reason = Compression.damage(e);
        String what = reason == RejectReason.TRUNCATED ? "the stream ends early"
                : reason == RejectReason.CORRUPT ? "the compressed stream is corrupt"
                : reason == RejectReason.TOO_LARGE ? Compression.LONG_WINDOW : "the file cannot be read";
        return failure(index++, "line " + lineNumber + ": " + what + " (" + shorten(e.toString()) + ")", reason);
    }

    private Entry entry(int at, BoundedLines.Line line) {
        JsonNode node;
        try {
            node = JSON.readTree(line.bytes());
        } catch (JsonProcessingException e) {
            return failure(at, "line " + line.number() + ": not valid JSON (" + shorten(e.getOriginalMessage()) + ")", RejectReason.MALFORMED);
        } catch (IOException e) {
            return failure(at, "line " + line.number() + ": not valid JSON (" + shorten(e.getMessage()) + ")", RejectReason.MALFORMED);
        }
        if (!node.isObject()) {
            return failure(at, "line " + line.number() + ": a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not an object", RejectReason.MALFORMED);
        }
        String url = textOf(node.get(options.fields().url()));
        String id = textOf(node.get(options.fields().id()));
        JsonNode html = node.get(options.fields().html());
        JsonNode text = node.get(options.fields().text());
        String mediaType;
        String content;
        if (html != null && html.isTextual()) {
            mediaType = "text/html";
            content = html.textValue();
        } else if (text != null && text.isTextual()) {
            mediaType = "text/plain";
            content = text.textValue();
        } else {
            return Entry.failed(at, url, null, id, RejectReason.MALFORMED, "line " + line.number() + ": no \""
                    + options.fields().text() + "\" or \"" + options.fields().html() + "\" field holding a string");
        }
        return new Entry(at, url, null, id, mediaType, "UTF-8", content.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private Entry failure(int at, String message, RejectReason reason) {
        return Entry.failed(at, null, null, null, reason, message);
    }

    /** A string or number field as text (scrapers write ids both ways); anything else is absent. */
    private static String textOf(JsonNode node) {
        if (node == null) return null;
        if (node.isTextual()) return node.textValue();
        if (node.isIntegralNumber()) return node.asText();
        return null;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) if (b != ' ' && b != '\t' && b != '\r' && b != '\f') return false;
        return true;
    }

    private static String shorten(String message) {
        if (message == null) return "no detail";
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
