package dev.winnow.run;

import dev.winnow.core.RejectReason;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an input's bytes into text, or says why it cannot. The character set comes from a byte-order
 * mark, else strict UTF-8, else UTF-16 recognised by its pattern of zero bytes, else Windows-1252 (the
 * usual encoding of legacy Western pages, and a superset of Latin-1's printable range). Apache Tika
 * names the media type: bytes that decoded cleanly as text and do not open like markup or a document
 * format take Tika's name-based type; anything else gets Tika's full magic-byte detection, which costs
 * about half a millisecond per document whatever its size (text matches no magic pattern, so every
 * pattern is tried) and would otherwise cap a run near 25 MB/s per core. Thread-safe.
 */
public final class Decoder {
    /** Share of control bytes above which decoded "text" is binary noise. */
    static final double MAX_CONTROL_SHARE = 0.05;
    /** A few stray NUL bytes in text are dropped by normalization; more than this share means binary. */
    static final double MAX_NUL_SHARE = 0.01;

    /** Magic numbers and text sniffing need only the start of a file; scanning all of it cost a fifth of the run. */
    static final int DETECT_BYTES = 8192;

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();

    /**
     * Tika's detector alone, not the {@code Tika} facade: the facade loads Tika's default configuration,
     * whose external and OCR parsers start tesseract, exiftool, ffmpeg and sox from the PATH to probe for them.
     */
    private final Detector detector = new DefaultDetector();

    /** Decoded text with what was detected, or a rejection. */
    public record Decoded(String text, String mediaType, String charset, Rejection rejection) {
        boolean ok() { return rejection == null; }
    }

    public Decoded decode(Input input, byte[] bytes) {
        return decode(input, bytes, input.path() == null ? null : input.path().getFileName().toString());
    }

    /** Decode bytes known under {@code name} (for a compressed input, the name inside the compression). */
    public Decoded decode(Input input, byte[] bytes, String name) {
        if (bytes.length == 0) return reject(input, RejectReason.EMPTY, "the input is empty (0 bytes)");
        Charset bom = bomCharset(bytes);
        Charset charset;
        String text;
        if (bom != null) {
            charset = bom;
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            text = new String(bytes, skip, bytes.length - skip, bom);
        } else if (nulShare(bytes) <= MAX_NUL_SHARE && (text = strictUtf8(bytes)) != null) {
            charset = StandardCharsets.UTF_8;
        } else if ((charset = utf16ByZeros(bytes)) != null) {
            text = new String(bytes, charset);
        } else if (nulShare(bytes) > MAX_NUL_SHARE) {
            return reject(input, RejectReason.BINARY, "binary content (" + mediaType(bytes, name, null)
                    + "): NUL bytes in a non-UTF-16 input");
        } else {
            charset = Charset.forName(FALLBACK);
            text = new String(bytes, charset);
        }
        String mediaType = mediaType(bytes, name, text);
        if (charset.name().equals(FALLBACK) && isHtml(mediaType)) {
            // not UTF-8: a page's own <meta charset> is the best witness (a page that reads as UTF-8 is trusted
            // over a declaration, which is often wrong)
            Charset declared = declaredCharset(bytes);
            if (declared != null) {
                charset = declared;
                text = new String(bytes, declared);
            }
        }
        if (!mediaType.startsWith("text/") && !mediaType.equals("application/octet-stream") && !isTextual(mediaType)) {
            return reject(input, RejectReason.BINARY, "media type " + mediaType + " is not supported for plain-text cleaning");
        }
        if (replacementShare(text) > MAX_CONTROL_SHARE) {
            return reject(input, RejectReason.DECODE_ERROR, "bytes that are not valid " + charset.name() + " (" + mediaType + ")");
        }
        if (controlShare(text) > MAX_CONTROL_SHARE) {
            return reject(input, RejectReason.BINARY, "binary content (" + mediaType + "): too many control characters");
        }
        if (text.isBlank()) return reject(input, RejectReason.EMPTY, "the input holds only white space");
        return new Decoded(text, mediaType, charset.name(), null);
    }

    private String mediaType(byte[] bytes, String name, String text) {
        if (text != null && opensLikeHtml(text) && isHtmlOrUnknown(name)) return "text/html";
        if (text != null && opensLikeText(text)) {
            String byName = name == null ? MimeTypes.PLAIN_TEXT : MIME_TYPES.getMimeType(name).toString();
            if (byName.startsWith("text/") || byName.equals(MimeTypes.OCTET_STREAM)) {
                return byName.equals(MimeTypes.OCTET_STREAM) ? MimeTypes.PLAIN_TEXT : byName;
            }
        }
        byte[] head = bytes.length <= DETECT_BYTES ? bytes : java.util.Arrays.copyOf(bytes, DETECT_BYTES);
        Metadata about = new Metadata();
        if (name != null) about.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(head)) {
            return detector.detect(in, about).toString();
        } catch (java.io.IOException e) {
            return MimeTypes.OCTET_STREAM;      // cannot happen for bytes in memory
        }
    }

    /**
     * Opens with {@code <!DOCTYPE html} or {@code <html}, and nothing in the detector's window says XHTML:
     * Tika's magic would say {@code text/html} too (it did on each of 1,518 such pages of the WCXB and
     * aeb development sets), and asking it costs a tenth of an HTML page's cleaning. A page that mentions
     * XHTML (a namespace, a DOCTYPE) goes to Tika, which may call it {@code application/xhtml+xml}.
     */
    static boolean opensLikeHtml(String text) {
        int i = 0;
        while (i < text.length() && i < 1024 && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) i++;
        int end;
        if (text.regionMatches(true, i, "<!doctype html", 0, 14)) end = i + 14;
        else if (text.regionMatches(true, i, "<html", 0, 5)) end = i + 5;
        else return false;
        if (end < text.length() && text.charAt(end) != '>' && !Character.isWhitespace(text.charAt(end))) return false;
        String window = text.substring(0, Math.min(text.length(), DETECT_BYTES));
        return !window.toLowerCase(java.util.Locale.ROOT).contains("xhtml");
    }

    /** No name, or one whose type Tika gives by name alone is HTML or unknown. */
    private static boolean isHtmlOrUnknown(String name) {
        if (name == null) return true;
        String byName = MIME_TYPES.getMimeType(name).toString();
        return byName.equals("text/html") || byName.equals(MimeTypes.OCTET_STREAM);
    }

    /**
     * Starts with neither markup ('<'), JSON ('{', or '[' before a value), PostScript/PDF ('%') nor a
     * control character. Text-browser dumps often start with "[logo]", which is text.
     */
    private static boolean opensLikeText(String text) {
        for (int i = 0; i < text.length() && i < 1024; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') continue;
            if (c == '[') return i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            return c >= 0x20 && c != '<' && c != '{' && c != '%';
        }
        return false;
    }

    /** The charset legacy text falls back to when it is neither UTF-8 nor UTF-16. */
    static final String FALLBACK = "windows-1252";
    private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
            "(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{2,40})");

    /** HTML or XHTML, which the markup front end reads. */
    public static boolean isHtml(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    /** The charset a page declares in its first 8 KiB ({@code <meta charset>} or http-equiv), if Java knows it. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, DETECT_BYTES), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) return null;
        try {
            return Charset.forName(m.group(1).strip());
        } catch (IllegalArgumentException e) {
            return null;   // unknown or malformed name: keep the fallback
        }
    }

    private static boolean isTextual(String mediaType) {
        return mediaType.endsWith("+xml") || mediaType.equals("application/xml") || mediaType.equals("application/json")
                || mediaType.equals("application/x-sh") || mediaType.equals("application/javascript");
    }

    private static Decoded reject(Input input, RejectReason reason, String message) {
        return new Decoded(null, null, null, new Rejection(input.id(), input.name(), reason, message));
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    /**
     * The bytes as UTF-8, or null when they are not. A file cut short inside its last character (a
     * download or copy that stopped mid-sequence) is still UTF-8: the incomplete character is dropped
     * instead of the whole file falling back to Windows-1252 and turning every accent into mojibake.
     */
    static String strictUtf8(byte[] bytes) {
        // The common case, fast: the JDK's UTF-8 decoding puts U+FFFD wherever bytes are malformed, so a text
        // without one decoded from valid UTF-8, in one pass and without the strict decoder's oversized buffer.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) return text;
        // broken bytes, or a U+FFFD written in the input itself: the strict decoder tells which
        String strict = strictUtf8(bytes, bytes.length);
        if (strict != null) return strict;
        int cut = incompleteTail(bytes);
        strict = cut < 0 ? null : strictUtf8(bytes, cut);
        return strict != null ? strict : mostlyUtf8(text);
    }

    /**
     * UTF-8 with a few broken bytes (a bad splice, one stray Latin-1 byte) is still UTF-8: reading the
     * whole file as Windows-1252 would garble every accented letter to fix one. Accepted when valid
     * multi-byte characters outnumber the broken sequences {@link #MIN_VALID_PER_BROKEN} to one; the
     * broken bytes become U+FFFD.
     */
    private static String mostlyUtf8(String text) {
        int broken = 0, valid = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') broken++;
            else if (c >= 0x80 && !Character.isLowSurrogate(c)) valid++;
        }
        return broken > 0 && valid >= broken * MIN_VALID_PER_BROKEN ? text : null;
    }

    /** Valid multi-byte characters needed per broken sequence for text to count as damaged UTF-8. */
    static final int MIN_VALID_PER_BROKEN = 10;

    private static String strictUtf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Where the input's last UTF-8 sequence starts when that sequence is a lead byte followed by fewer
     * continuation bytes than it announces; else -1.
     */
    static int incompleteTail(byte[] b) {
        for (int i = b.length - 1; i >= 0 && i >= b.length - 3; i--) {
            int x = b[i] & 0xFF;
            if ((x & 0xC0) == 0x80) continue;             // continuation byte: keep looking for the lead
            int need = (x & 0xE0) == 0xC0 ? 2 : (x & 0xF0) == 0xE0 ? 3 : (x & 0xF8) == 0xF0 ? 4 : 0;
            return need > b.length - i ? i : -1;
        }
        return -1;
    }

    /** ASCII-heavy UTF-16 without a BOM has a zero in every other byte: even positions for BE, odd for LE. */
    private static Charset utf16ByZeros(byte[] b) {
        if (b.length < 4 || b.length % 2 != 0) return null;
        int even = 0, odd = 0, pairs = Math.min(b.length / 2, 4096);
        for (int i = 0; i < pairs * 2; i += 2) {
            if (b[i] == 0) even++;
            if (b[i + 1] == 0) odd++;
        }
        if (even > pairs * 0.4 && odd < pairs * 0.05) return StandardCharsets.UTF_16BE;
        if (odd > pairs * 0.4 && even < pairs * 0.05) return StandardCharsets.UTF_16LE;
        return null;
    }

    private static double nulShare(byte[] b) {
        int n = 0;
        for (byte x : b) if (x == 0) n++;
        return (double) n / b.length;
    }

    /** Share of U+FFFD, which the decoder puts where bytes were malformed for the chosen charset. */
    private static double replacementShare(String text) {
        int bad = 0, n = Math.min(text.length(), 65536);
        for (int i = 0; i < n; i++) if (text.charAt(i) == '\uFFFD') bad++;
        return n == 0 ? 0 : (double) bad / n;
    }

    private static double controlShare(String text) {
        int controls = 0, n = Math.min(text.length(), 65536);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') controls++;
        }
        return n == 0 ? 0 : (double) controls / n;
    }
}
