package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.text.TextShape;
import dev.winnow.text.Vocabulary;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shop's chrome says in its text, for the learned block scorer: prices, and the headings that open a
 * recommendation grid ("Customers also bought", "Related posts"). Out-of-fold WCXB product, collection and
 * listing pages lost most of their precision to tiles of other products (a name and a price each), facet
 * labels and cart widgets; a price marks such a tile in any language, a recommendation heading marks the
 * grid it opens. Pure and thread-safe.
 */
public final class ShopSignals {
    private ShopSignals() {}

    /** Currency signs, and currency codes and abbreviations as whole words (not "ft": that is feet as often). */
    private static final String CURRENCY_SIGNS = "$€£¥₹₽₩₪฿₫₴₺¢";
    private static final List<String> CURRENCY_CODES = List.of("usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "jpy", "cny",
            "sek", "nok", "dkk", "pln", "czk", "bgn", "ron", "huf", "inr", "rub", "brl", "mxn", "zar", "lei", "лв", "руб", "zł",
            "kč", "kr", "rs");
    private static final Set<String> CODE_SET = Set.copyOf(CURRENCY_CODES);
    private static final String CURRENCY = "(?:[" + CURRENCY_SIGNS + "]|(?<!\\p{L})(?:" + String.join("|", CURRENCY_CODES)
            + ")(?!\\p{L}))";
    /** A currency beside an amount, either side, at most one space between: "$1,299.99", "12,90 €", "лв25" (what {@link #prices} counts). */
    static final Pattern PRICE = Pattern.compile(
            CURRENCY + " ?\\d|\\d(?:[\\d.,']*\\d)? ?" + CURRENCY,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Vocabulary SECTION_BREAKS = Vocabulary.load("section_breaks");
    private static final Vocabulary SHOP_BREAKS = Vocabulary.load("shop_breaks");
    /** A heading that opens a grid is short; a longer line naming one is a sentence about it. */
    private static final int BREAK_WORDS = 10;

    /**
     * Characters a match can have before its first digit: a currency of up to three code points (six chars)
     * and a space. A match is a currency and a digit, or starts with a digit.
     */
    private static final int LEAD = 7;
    /** Characters a match can have after its run of digits and separators: a space and a currency. */
    private static final int TAIL = 7;

    /**
     * How many prices the text holds: the matches {@code PRICE.matcher(text).find()} finds one after another,
     * found faster. The regex alone tries its currency alternatives at every character of every block (a tenth
     * of the HTML path's time); but every match holds a digit, at most {@link #LEAD} characters after it starts
     * and the first digit from there, so the regex is run only around each digit, on a region that holds every
     * match starting near it whole, with transparent bounds so its look-arounds see the text beyond.
     */
    public static int prices(String text) {
        int n = 0;
        Matcher m = PRICE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0; // no match starts before it
        for (int digit = nextDigit(text, from); digit >= 0; digit = nextDigit(text, from)) {
            int end = digit + 1;
            while (end < text.length() && isDigitOrSeparator(text.charAt(end))) end++;
            // no currency touches the number (a space aside): no match starts at it, nor anywhere in its run
            // (a run's characters are no currency, and a price from a later digit of it ends as one from this one)
            boolean before = mayEndCurrency(text, digit - 1) || isSpace(text, digit - 1) && mayEndCurrency(text, digit - 2);
            boolean after = isDigit(text.charAt(end - 1))
                    && (mayStartCurrency(text, end) || isSpace(text, end) && mayStartCurrency(text, end + 1));
            if (!before && !after) {
                from = end;
                continue;
            }
            m.region(Math.max(from, digit - LEAD), Math.min(text.length(), end + TAIL));
            // a match starting after this digit may need text beyond the region: it is looked for from the next one
            if (m.find() && m.start() <= digit) {
                n++;
                from = m.end();
            } else {
                from = end;
            }
        }
        return n;
    }

    /** The longest currency code, in chars: a code is a whole word, so a longer word beside a number is none. */
    private static final int CODE_CHARS = 3;

    /**
     * A currency may start at {@code i}: a sign, or a word of letters that is a currency code as the regex reads
     * it ("2020 the" and "12 months" are none), or half of a pair outside the BMP, left to the regex to judge.
     */
    private static boolean mayStartCurrency(String text, int i) {
        if (i < 0 || i >= text.length()) return false;
        char c = text.charAt(i);
        if (CURRENCY_SIGNS.indexOf(c) >= 0 || Character.isSurrogate(c)) return true;
        int j = i;
        for (; j < text.length() && Character.isLetter(text.charAt(j)); j++) {
            if (j - i == CODE_CHARS) return false;
        }
        return j > i && isCode(text, i, j);
    }

    /** A currency may end at {@code i}: as {@link #mayStartCurrency}, the word read backwards from there. */
    private static boolean mayEndCurrency(String text, int i) {
        if (i < 0 || i >= text.length()) return false;
        char c = text.charAt(i);
        if (CURRENCY_SIGNS.indexOf(c) >= 0 || Character.isSurrogate(c)) return true;
        int j = i;
        for (; j >= 0 && Character.isLetter(text.charAt(j)); j--) {
            if (i - j == CODE_CHARS) return false;
        }
        return j < i && isCode(text, j + 1, i + 1);
    }

    /**
     * {@code text[start, end)} is a currency code under the regex's case-insensitive Unicode matching, which compares
     * each char lower-cased after upper-casing ("KR" and "Kr" are "kr", and so is "Kr" written with the Kelvin sign).
     */
    private static boolean isCode(String text, int start, int end) {
        char[] folded = new char[end - start];
        for (int i = start; i < end; i++) folded[i - start] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        return CODE_SET.contains(new String(folded));
    }

    private static boolean isSpace(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) == ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The first ASCII digit ({@code \d} without UNICODE_CHARACTER_CLASS) at or after {@code from}, or -1. */
    private static int nextDigit(String text, int from) {
        for (int i = from; i < text.length(); i++) if (isDigit(text.charAt(i))) return i;
        return -1;
    }

    private static boolean isDigitOrSeparator(char c) {
        return isDigit(c) || c == '.' || c == ',' || c == '\'';
    }

    /** The text is a heading that opens related or recommended items (the whole line, or its opening words). */
    public static boolean opensRecommendations(String text, int words) {
        return headingLength(words) && opensRecommendations(TextShape.key(text));
    }

    /** {@link #opensRecommendations(String, int)} of a block's text, with the look-up key the block keeps. */
    public static boolean opensRecommendations(Block block) {
        return headingLength(block.shape().words()) && opensRecommendations(block.key());
    }

    private static boolean headingLength(int words) {
        return words > 0 && words <= BREAK_WORDS;
    }

    private static boolean opensRecommendations(String key) {
        return SECTION_BREAKS.contains(key) || SHOP_BREAKS.contains(key)
                || SECTION_BREAKS.matchesPrefix(key) || SHOP_BREAKS.matchesPrefix(key);
    }
}
