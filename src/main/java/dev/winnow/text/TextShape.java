package dev.winnow.text;

/**
 * Language-independent shape of a piece of text, computed in one pass: how many words, how many of
 * them capitalised, whether it ends like a sentence. Stages judge form with these instead of
 * re-scanning text. Scripts without spaces (CJK) count two ideographs as a word, so a Chinese
 * paragraph is "long" like an English one.
 *
 * @param words        word count
 * @param letters      letter count
 * @param capitalized  words whose first letter is upper case
 * @param lowerWords   words whose first letter is lower case
 * @param sentenceEnds sentence-ending punctuation marks followed by a space or the end
 * @param terminal     the text ends like a sentence (. ! ? … or CJK full stop, optionally inside quotes/brackets)
 * @param endsWithColon the text ends with a colon
 * @param digits       digit count
 */
public record TextShape(int words, int letters, int capitalized, int lowerWords, int sentenceEnds, boolean terminal,
                        boolean endsWithColon, int digits) {

    public static TextShape of(String text) {
        int words = 0, letters = 0, capitalized = 0, lower = 0, ends = 0, digits = 0, ideographs = 0;
        boolean inWord = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {                           // ASCII fast path: same decisions, no table look-ups
                if (c == ' ') {
                    inWord = false;
                } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    letters++;
                    if (!inWord) {
                        words++;
                        if (c <= 'Z') capitalized++;
                        else lower++;
                    }
                    inWord = true;
                } else if (c >= '0' && c <= '9') {
                    digits++;
                    if (!inWord) words++;
                    inWord = true;
                } else if (c == '.' || c == '!' || c == '?') {
                    if (i + 1 == n || text.charAt(i + 1) == ' ' || isCloser(text.charAt(i + 1))) ends++;
                } else if (c < ' ') {
                    inWord = false;
                }
                continue;
            }
            if (isWhitespace(c)) {
                inWord = false;
                continue;
            }
            if (Character.isLetter(c)) {
                letters++;
                if (isIdeograph(c)) ideographs++;
                else if (!inWord) {
                    words++;
                    if (Character.isUpperCase(c) || Character.isTitleCase(c)) capitalized++;
                    else if (Character.isLowerCase(c)) lower++;
                }
                inWord = true;
            } else if (Character.isDigit(c)) {
                digits++;
                if (!inWord) words++;
                inWord = true;
            } else if (isSentenceEnd(c)) {
                if (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)) || isCloser(text.charAt(i + 1))) ends++;
            }
            // other punctuation neither starts nor ends a word ("don't", "full-scale" stay one word)
        }
        words += ideographs / 2;
        int last = n - 1;
        while (last >= 0 && isCloser(text.charAt(last))) last--;
        boolean terminal = last >= 0 && isSentenceEnd(text.charAt(last));
        boolean colon = n > 0 && (text.charAt(n - 1) == ':' || text.charAt(n - 1) == '：');
        return new TextShape(words, letters, capitalized, lower, ends, terminal, colon, digits);
    }

    /** Reads like prose: enough words and ends like a sentence, or several sentences. */
    public boolean isSentence() {
        return (terminal && words >= 6) || sentenceEnds >= 2;
    }

    /** A lowercase key for vocabulary look-ups: letters, digits and single spaces only. */
    public static String key(String text) {
        char[] out = new char[text.length()];
        int o = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep;
            if (c < 128) {
                keep = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
                if (c >= 'A' && c <= 'Z') c = (char) (c | 0x20);
            } else if (c >= '\u00C0' && c <= '\u00FF') {   // Latin-1 letters: À-Þ fold by +32, × and ÷ are not letters
                keep = c != '\u00D7' && c != '\u00F7';
                if (c <= '\u00DE' && keep) c = (char) (c + 32);
            } else {
                // one look-up of the category says both: a letter or digit, and whether it has a lower case
                // (only capitals and title-case letters do; TextShapeTest checks every char)
                int type = Character.getType(c);
                keep = (type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_LETTER)
                        || type == Character.DECIMAL_DIGIT_NUMBER;
                if (type == Character.UPPERCASE_LETTER || type == Character.TITLECASE_LETTER) {
                    c = Character.toLowerCase(c);            // per char, so the key never changes length oddly
                }
            }
            if (keep) {
                if (space && o > 0) out[o++] = ' ';
                space = false;
                out[o++] = c;
            } else {
                space = true;
            }
        }
        return new String(out, 0, o);
    }

    /**
     * {@link Character#isWhitespace(char)}, without its table look-up for ASCII (the space between every two
     * words) and for the chars beyond it outside U+1680..U+3000, where Java finds no white space: the text of
     * pages in other scripts is all such chars (TextShapeTest checks every char).
     */
    public static boolean isWhitespace(char c) {
        if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x1C;   // 0x1C-0x1F: the information separators
        return c >= '\u1680' && c <= '\u3000' && Character.isWhitespace(c);
    }

    /** What {@code \s} matches in a pattern without UNICODE_CHARACTER_CLASS: for gates that must not miss a match. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    public static boolean isSentenceEnd(char c) {
        if (c < '!') return false;
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？';
    }

    static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '」' || c == '』';
    }

    static boolean isIdeograph(char c) {
        if (c < '\u0E00') return false;          // every script below Thai separates words with spaces
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI;
    }
}
