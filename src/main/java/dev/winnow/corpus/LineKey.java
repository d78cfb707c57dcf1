package dev.winnow.corpus;

import java.text.Normalizer;

/**
 * The key a line is counted under across a site, normalized as CCNet does before hashing paragraphs:
 * accents stripped, lowercase, every digit a 0, punctuation and symbols dropped, whitespace collapsed.
 * So "© 2023 Example Media. All rights reserved." and "© 2024 Example Media – all rights reserved"
 * are one line, and a footer whose date or counter changes from page to page is still recognised.
 */
public final class LineKey {
    private LineKey() {}

    /** The normalized line; empty when nothing countable is left (a line of symbols). */
    public static String normalize(String line) {
        String decomposed = belowDecomposable(line) ? line : Normalizer.normalize(line, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 128) {
                // ASCII, most of most lines, decided as the tables below decide it, without them
                if (c >= '0' && c <= '9') {
                    c = '0';
                } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    c = (char) (c | 0x20);
                } else {
                    space = out.length() > 0;
                    continue;
                }
            } else if (Character.isDigit(c)) {
                c = '0';
            } else if (Character.isLetter(c)) {
                c = Character.toLowerCase(c);
            } else {
                // accents (combining marks) vanish; punctuation, symbols and spaces separate words
                if (Character.getType(c) != Character.NON_SPACING_MARK) space = out.length() > 0;
                continue;
            }
            if (space) out.append(' ');
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /**
     * No character of {@code line} has a canonical decomposition or is a combining mark (the first of either is
     * U+00C0), so NFD would return it unchanged: the normalizer's pass is skipped on most lines.
     */
    static boolean belowDecomposable(String line) {
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) >= '\u00C0') return false;
        return true;
    }

    /** The line's key within a site, or 0 when the line has nothing to count. */
    public static long of(long site, String line) {
        String normalized = normalize(line);
        return normalized.isEmpty() ? 0 : Hash64.pair(site, Hash64.of(normalized));
    }
}
