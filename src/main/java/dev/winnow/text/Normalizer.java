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
 *   <li>Control characters are removed (tab becomes a space). Zero-width space, word joiner, byte-order
 *   mark and soft hyphen are removed; zero-width (non-)joiners are kept because Persian, Indic scripts
 *   and emoji sequences need them.</li>
 *   <li>Every Unicode space becomes a plain space, runs of spaces collapse, lines are trimmed, line
 *   breaks become {@code \n}, and runs of blank lines collapse to one.</li>
 * </ul>
 * Line structure is otherwise kept, so each output line is one input line. Immutable and thread-safe.
 */
public final class Normalizer {
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    /** The Unicode normalization form applied, for the run report. */
    public String form() {
        return "NFC";
    }

    public String normalize(String input) {
        String s = input;
        if (hasEntity(s)) s = StringEscapeUtils.unescapeHtml4(s);
        if (!java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFC)) {
            s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
        }
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder line = new StringBuilder(256);
        boolean blankBefore = false;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '\n';
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') continue;
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == ' ') line.setLength(len - 1);
                if (line.length() == 0) {
                    blankBefore = out.length() > 0;
                } else {
                    if (out.length() > 0) out.append(blankBefore ? "\n\n" : "\n");
                    out.append(line);
                    line.setLength(0);
                    blankBefore = false;
                }
            } else if (c == '\t' || isSpace(c)) {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) != ' ') line.append(' ');
            } else if (!isInvisible(c)) {
                line.append(c);
            }
        }
        return out.toString();
    }

    /** Any '&' that starts an entity? Checked at each '&' only: most text has none, and a regex scan of it all is slow. */
    private static boolean hasEntity(String s) {
        for (int i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
            int semi = s.indexOf(';', i);
            if (semi > i + 1 && semi - i <= 33 && ENTITY.matcher(s).region(i, semi + 1).lookingAt()) return true;
        }
        return false;
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
