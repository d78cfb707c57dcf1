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
        String decomposed = Normalizer.normalize(line, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isDigit(c)) {
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

    /** The line's key within a site, or 0 when the line has nothing to count. */
    public static long of(long site, String line) {
        String normalized = normalize(line);
        return normalized.isEmpty() ? 0 : Hash64.pair(site, Hash64.of(normalized));
    }
}
