package dev.winnow.core;

import dev.winnow.text.TextShape;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalized text into blocks. Every non-blank line is a block, except in hard-wrapped text
 * (lines of near-equal length broken mid-sentence), where the lines of one paragraph are joined.
 * A long single line stays one block: stages that need a sentence (a trailing "— Outlet" credit)
 * cut a suffix of it. Leading list markers are layout and stay out of the block text.
 * Immutable and thread-safe.
 */
public final class Segmenter {
    /** A wrapped paragraph line is at least this share of the wrap width. */
    private static final double WRAP_FILL = 0.75;
    /** Widths above this are paragraphs on one line, not terminal-style wrapping. */
    private static final int MAX_WRAP_WIDTH = 140;

    public record Result(Layout layout, List<Block> blocks) {}

    private record Line(int number, int start, int end, boolean blankBefore) {}

    public Result segment(String text) {
        List<Line> lines = lines(text);
        if (lines.isEmpty()) return new Result(Layout.EMPTY, List.of());
        Layout layout = layoutOf(text, lines);
        List<Block> blocks = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line first = lines.get(i);
            Line last = first;
            // a line that is only a bullet stays a block of its own, so it is accounted for like any other
            boolean bareMarker = first.end() - first.start() == listMarkerLength(text, first.start(), first.end());
            if (layout == Layout.WRAPPED_PARAGRAPHS && !bareMarker) {
                while (i + 1 < lines.size() && !lines.get(i + 1).blankBefore() && !isListMarked(text, lines.get(i + 1))) {
                    last = lines.get(++i);
                }
            }
            int marker = listMarkerLength(text, first.start(), first.end());
            int start = first.start() + marker;
            while (start < last.end() && Character.isWhitespace(text.charAt(start))) start++;   // a bare bullet line
            String blockText = text.substring(start, last.end());
            if (last != first) blockText = blockText.replace('\n', ' ');
            if (blockText.isEmpty()) {               // a bare bullet: keep it as a block so it is accounted for
                start = first.start();
                marker = 0;
                blockText = text.substring(start, last.end());
            }
            blocks.add(new Block(blocks.size(), first.number(), first.start(), start, blockText, marker > 0,
                    first.blankBefore() || i == 0));
        }
        return new Result(layout, blocks);
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int number = 1, start = 0;
        boolean blank = true;
        while (start <= text.length()) {
            int i = text.indexOf('\n', start);
            if (i < 0) i = text.length();
            if (i > start) {
                lines.add(new Line(number, start, i, blank));
                blank = false;
            } else {
                blank = true;
            }
            number++;
            start = i + 1;
        }
        return lines;
    }

    private static Layout layoutOf(String text, List<Line> lines) {
        if (lines.size() == 1) return Layout.SINGLE_LINE;
        int blankSeparated = 0, maxWidth = 0;
        for (Line l : lines) {
            if (l.blankBefore()) blankSeparated++;
            maxWidth = Math.max(maxWidth, l.end() - l.start());
        }
        if (maxWidth <= MAX_WRAP_WIDTH && looksWrapped(text, lines, maxWidth)) return Layout.WRAPPED_PARAGRAPHS;
        return blankSeparated * 2 >= lines.size() ? Layout.BLANK_LINE_PARAGRAPHS : Layout.LINE_PER_PARAGRAPH;
    }

    /**
     * Hard wrapping shows as lines that are not the last of their paragraph filling most of the width
     * and continuing mid-sentence (the next line starts in lower case or the line ends without a stop).
     */
    private static boolean looksWrapped(String text, List<Line> lines, int width) {
        int inner = 0, full = 0, continued = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line l = lines.get(i), next = lines.get(i + 1);
            if (next.blankBefore()) continue;
            inner++;
            if (l.end() - l.start() >= width * WRAP_FILL) full++;
            char lastChar = text.charAt(l.end() - 1);
            char nextChar = text.charAt(next.start());
            if (Character.isLowerCase(nextChar) || (!TextShape.isSentenceEnd(lastChar) && lastChar != ':')) continued++;
        }
        return inner >= 3 && full >= inner * 0.6 && continued >= inner * 0.6;
    }

    private static boolean isListMarked(String text, Line line) {
        return listMarkerLength(text, line.start(), line.end()) > 0;
    }

    /** Length of a leading bullet marker and its space ("• ", "* ", "- "), or 0. */
    static int listMarkerLength(String text, int start, int end) {
        if (end - start < 1) return 0;
        char c = text.charAt(start);
        if (isNestedListMarker(text, start, end)) return 2;
        boolean bullet = c == '•' || c == '*' || c == '+' || c == '-' || c == '–' || c == '·' || c == '◦' || c == '▪'
                || c == '►' || c == '○' || c == '■' || c == '●' || c == '‣' || c == '⁃';
        if (!bullet) return 0;
        if (end - start == 1) return 1;
        return text.charAt(start + 1) == ' ' ? 2 : 0;
    }

    /**
     * A text browser's marker of a deeper list level: lynx prints "*", "+", then "o" and "@" for the third and fifth
     * levels ("o BBQ Tools" under "+ Camp Kitchen"), which a menu's sub-entries and a mega-menu's columns are made of.
     * On WCXB dev's text dumps about 28,000 "o " and 1,600 "@ " lines, all of them lynx's bullets (one "o " line in
     * all the dumps is not indented as one, and it is a bullet too). "o" is a word in Portuguese, Spanish and Italian:
     * as a marker it must be followed by a capital or a digit ("o Headlamp"), where a sentence would start with a
     * capital "O" and a hard-wrapped line with a lowercase word ("o carro"). The fourth level's "#" is left alone: it
     * is a Markdown heading and a code comment too.
     */
    private static boolean isNestedListMarker(String text, int start, int end) {
        if (end - start < 3 || text.charAt(start + 1) != ' ') return false;
        char c = text.charAt(start), next = text.charAt(start + 2);
        if (c == '@') return !Character.isWhitespace(next);
        return c == 'o' && (Character.isUpperCase(next) || Character.isDigit(next));
    }
}
