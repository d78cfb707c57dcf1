package dev.winnow.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotations in a paragraph: text between typographic double quotes (“…”, „…“, «…», 「…」)
 * or between pairs of straight double quotes. Single quotes are left alone: they double as
 * apostrophes, so pairing them is guesswork.
 */
public final class Quotes {
    private Quotes() {}

    /** One quotation: its inner text (trailing , . ; : trimmed) and where it sits in the paragraph. */
    public record Quote(String text, int start, int end) {
        public int words() { return TextShape.of(text).words(); }
    }

    public static List<Quote> find(String text) {
        List<Quote> quotes = new ArrayList<>();
        int open = -1;
        char closer = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open < 0) {
                closer = closerOf(c);
                if (closer != 0) open = i;
            } else if (c == closer || (closer == '“' && c == '”')) {
                add(quotes, text, open + 1, i);
                open = -1;
            }
        }
        return quotes;
    }

    private static char closerOf(char c) {
        return switch (c) {
            case '“' -> '”';
            case '„' -> '“';
            case '«' -> '»';
            case '「' -> '」';
            case '"' -> '"';
            default -> 0;
        };
    }

    private static void add(List<Quote> quotes, String text, int from, int to) {
        int end = to;
        while (end > from && ",.;: ".indexOf(text.charAt(end - 1)) >= 0) end--;
        int start = from;
        while (start < end && text.charAt(start) == ' ') start++;
        if (end > start) quotes.add(new Quote(text.substring(start, end), start, end));
    }

}
