package dev.winnow.score;

import dev.winnow.text.TextShape;
import dev.winnow.text.Vocabulary;

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
    private static final String CURRENCY = "(?:[$€£¥₹₽₩₪฿₫₴₺¢]|(?<!\\p{L})(?:usd|eur|gbp|cad|aud|nzd|chf|jpy|cny|sek|nok|dkk"
            + "|pln|czk|bgn|ron|huf|inr|rub|brl|mxn|zar|lei|лв|руб|zł|kč|kr|rs)(?!\\p{L}))";
    /** A currency beside an amount, either side, at most one space between: "$1,299.99", "12,90 €", "лв25". */
    private static final Pattern PRICE = Pattern.compile(
            CURRENCY + " ?\\d|\\d(?:[\\d.,']*\\d)? ?" + CURRENCY,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Vocabulary SECTION_BREAKS = Vocabulary.load("section_breaks");
    private static final Vocabulary SHOP_BREAKS = Vocabulary.load("shop_breaks");
    /** A heading that opens a grid is short; a longer line naming one is a sentence about it. */
    private static final int BREAK_WORDS = 10;

    /** How many prices the text holds. */
    public static int prices(String text) {
        if (text.isEmpty()) return 0;
        int n = 0;
        Matcher m = PRICE.matcher(text);
        while (m.find()) n++;
        return n;
    }

    /** The text is a heading that opens related or recommended items (the whole line, or its opening words). */
    public static boolean opensRecommendations(String text, int words) {
        if (words == 0 || words > BREAK_WORDS) return false;
        String key = TextShape.key(text);
        return SECTION_BREAKS.contains(key) || SHOP_BREAKS.contains(key)
                || SECTION_BREAKS.matchesPrefix(key) || SHOP_BREAKS.matchesPrefix(key);
    }
}
