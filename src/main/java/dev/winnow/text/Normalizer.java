package dev.winnow.text;

import org.apache.commons.text.StringEscapeUtils;

import java.util.regex.Pattern;

/**
 * Turns decoded input into the canonical text every offset refers to.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li><b>NFC</b>, not NFKC: NFC only merges canonically equivalent sequences, so nothing a reader
 *   sees changes; NFKC would also fold superscripts, ligatures, full-width forms and "…" into other
 *   characters, which is lossy for downstream NLP. Typographic quotes and dashes are kept as they are.</li>
 *   <li>HTML entities ({@code &amp;amp;}, {@code &amp;#8217;}) are decoded once with Commons Text: scrapes
 *   often carry them in plain text. Decoding once keeps a literal "&amp;amp;amp;" in a page about HTML as "&amp;amp;".</li>
 *   <li>Control characters and unpaired surrogate halves are removed (tab becomes a space). Zero-width space, word joiner, byte-order
 *   mark and soft hyphen are removed; zero-width (non-)joiners are kept because Persian, Indic scripts
 *   and emoji sequences need them.</li>
 *   <li>Every Unicode space becomes a plain space, runs of spaces collapse, lines are trimmed, line
 *   breaks become {@code \n}, and runs of blank lines collapse to one.</li>
 * </ul>
 * Line structure is otherwise kept, so each output line is one input line. Immutable and thread-safe.
 */
public final class Normalizer {
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    /** "&amp;" plus the longest entity name, "#x10FFFF" or 31 letters, plus ";". */
    private static final int MAX_ENTITY_LENGTH = 34;

    /** The Unicode normalization form applied, for the run report. */
    public String form() {
        return "NFC";
    }

    public String normalize(String input) {
        return normalize(input, true);
    }

    /**
     * Normalize text whose entities a parser already decoded (HTML through jsoup): decoding again would
     * turn a page's literal "&amp;amp;" into "&amp;".
     */
    public String normalizeDecoded(String input) {
        return normalize(input, false);
    }

    private String normalize(String input, boolean decodeEntities) {
        String s = decodeEntities ? decodeEntities(input) : input;
        if (!isNfc(s)) s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
        char[] in = s.toCharArray();
        char[] out = new char[in.length];   // every separator written stands for at least as many input chars
        int o = 0;
        int breaks = 0;                     // line breaks since the last visible character
        boolean space = false;              // white space since the last visible character
        for (int i = 0; i < in.length; i++) {
            char c = in[i];
            if (c > ' ' && c < 0x7F) {          // printable ASCII, by far the most common case
                if (breaks > 0 || space) o = separate(out, o, breaks, space);
                breaks = 0;
                space = false;
                out[o++] = c;
                continue;
            }
            if (c == '\r') {
                if (i + 1 < in.length && in[i + 1] == '\n') continue;
                c = '\n';
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                breaks++;
            } else if (c == '\t' || isSpace(c)) {
                space = true;
            } else if (Character.isSurrogate(c)) {
                // a pair is one character; a lone half (from "&#xD800;" or broken input) is not text and is dropped
                if (Character.isHighSurrogate(c) && i + 1 < in.length && Character.isLowSurrogate(in[i + 1])) {
                    o = separate(out, o, breaks, space);
                    breaks = 0;
                    space = false;
                    out[o++] = c;
                    out[o++] = in[++i];
                }
            } else if (!isInvisible(c)) {
                o = separate(out, o, breaks, space);
                breaks = 0;
                space = false;
                out[o++] = c;
            }
        }
        return new String(out, 0, o);
    }

    /** Writes what separates a visible character from the one before: a break, a blank line or a space. */
    private static int separate(char[] out, int o, int breaks, boolean space) {
        if (o == 0) return 0;                      // nothing before: leading white space goes
        if (breaks > 0) {
            out[o++] = '\n';
            if (breaks > 1) out[o++] = '\n';        // only white space between two breaks: a blank line
        } else if (space) {
            out[o++] = ' ';
        }
        return o;
    }

    /** Text below U+0300 has no combining marks and is NFC as it is; checking that is far cheaper than isNormalized. */
    private static boolean isNfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') return java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFC);
        }
        return true;
    }

    /**
     * Decodes each entity once, in place. Commons Text decodes the entity itself; handing it only the
     * entity, not the whole document, matters: its translator is slow on long text, and a third of
     * scraped pages carry a stray "&amp;amp;".
     */
    private static String decodeEntities(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) return s;
        StringBuilder out = null;
        int copied = 0;
        for (int i = amp; i >= 0; i = s.indexOf('&', i + 1)) {
            int end = entityEnd(s, i);
            if (end < 0) continue;
            String decoded = decodeOne(s.substring(i, end));
            if (decoded.length() == end - i && decoded.startsWith("&")) continue;     // unknown name: left as written
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, i).append(decoded);
            copied = end;
            i = end - 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** One entity decoded, or the entity as written when it names no character ("&#x110000;", "&#0;"). */
    private static String decodeOne(String entity) {
        if (entity.startsWith("&#")) {
            try {
                boolean hex = entity.charAt(2) == 'x' || entity.charAt(2) == 'X';
                int cp = Integer.parseInt(entity.substring(hex ? 3 : 2, entity.length() - 1), hex ? 16 : 10);
                if (cp <= 0 || cp > Character.MAX_CODE_POINT) return entity;
            } catch (NumberFormatException e) {
                return entity;
            }
        }
        return StringEscapeUtils.unescapeHtml4(entity);
    }

    /** End (exclusive) of an entity starting at {@code amp}, or -1. */
    private static int entityEnd(String s, int amp) {
        int limit = Math.min(s.length(), amp + MAX_ENTITY_LENGTH);
        for (int j = amp + 2; j < limit; j++) {
            char c = s.charAt(j);
            if (c == ';') return ENTITY.matcher(s).region(amp, j + 1).matches() ? j + 1 : -1;
            if (!Character.isLetterOrDigit(c) && c != '#') return -1;
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F'
                || c == '\u205F' || c == '\u3000' || c == '\u000B' || c == '\u000C';
    }

    private static boolean isInvisible(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;             // C0/C1 controls (tab, LF handled above)
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD' || c == '\u180E';
    }
}
