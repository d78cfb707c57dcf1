package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Markup;
import dev.winnow.core.Markup.Container;
import dev.winnow.text.TextShape;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the page-type classifier sees of a page: the shape of its text (lines, sentences, bullets, prices,
 * dates, code-like lines, words of shop, forum, documentation, service, listing and news pages), the
 * words of its URL's path when the URL is known, and for HTML what its blocks carry (link density, the
 * containers words sit in) and the {@link PageShape} of its markup.
 * The text features are the same for HTML (the front end's blocks) and plain text (its lines), so each
 * model reads only what its input has: {@link #TEXT_NAMES} for plain text, {@link #HTML_NAMES} for HTML.
 * Pure and thread-safe.
 */
public final class PageFeatures {
    private PageFeatures() {}

    /** Groups of visible-text words in page_types.txt, as {@code text_<suffix>}. */
    static final List<String> TEXT_GROUPS = List.of("commerce", "forum", "docs", "service", "listing", "article");
    /** Groups of URL path tokens in page_types.txt, as {@code url_<suffix>}. */
    static final List<String> URL_GROUPS = List.of("forum", "product", "collection", "listing", "docs", "article", "service");
    private static final Map<String, int[]> TEXT_WORDS = PageWords.index("text_", TEXT_GROUPS);
    /**
     * FNV-1a hashes of {@link #TEXT_WORDS}' keys: a word whose hash is not here is not a key, so most words
     * are looked up without building a string (that look-up was a third of the page typing of plain text).
     * A hash set, not a sorted array: every word of every line is looked up, and a binary search's dozen
     * unpredictable branches were a fifth of the text features' time.
     */
    private static final LongSet TEXT_WORD_HASHES = new LongSet(TEXT_WORDS.keySet().stream().mapToLong(PageFeatures::fnv).toArray());
    private static final long FNV_OFFSET = 0xcbf29ce484222325L, FNV_PRIME = 0x100000001b3L;

    private static long fnv(String word) {
        long h = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) h = (h ^ word.charAt(i)) * FNV_PRIME;
        return h;
    }
    /** A fixed set of longs, open addressing at most a quarter full: membership in about one probe. */
    static final class LongSet {
        private final long[] table;
        private final boolean hasZero;   // 0 marks an empty slot, so it is kept aside

        LongSet(long[] values) {
            int capacity = Integer.highestOneBit(Math.max(4, values.length) * 4 - 1) << 1;
            table = new long[capacity];
            boolean zero = false;
            for (long v : values) {
                if (v == 0) zero = true;
                else table[free(v)] = v;
            }
            hasZero = zero;
        }

        private int slot(long v) {
            return (int) ((v * 0x9E3779B97F4A7C15L) >>> 32) & (table.length - 1);
        }

        private int free(long v) {
            int i = slot(v);
            while (table[i] != 0 && table[i] != v) i = (i + 1) & (table.length - 1);
            return i;
        }

        boolean contains(long v) {
            if (v == 0) return hasZero;
            for (int i = slot(v); ; i = (i + 1) & (table.length - 1)) {
                long t = table[i];
                if (t == v) return true;
                if (t == 0) return false;
            }
        }
    }

    private static final Map<String, int[]> URL_WORDS = PageWords.index("url_", URL_GROUPS);

    /*
     * Prices, dates, times and code-like lines are found by hand-written scans, not regular expressions:
     * run on every line of every page, the expressions cost more than parsing the HTML did.
     */
    /** Currency signs that stand next to an amount ("$1,299.00", "19,99 €"). */
    private static final String CURRENCY_SIGNS = "$€£¥₹₩₽";
    /** Currency codes and abbreviations written as a word next to an amount ("EUR 40", "199 zł"). */
    private static final java.util.Set<String> CURRENCY_WORDS = java.util.Set.of("USD", "EUR", "GBP", "CAD", "AUD", "CHF",
            "JPY", "INR", "SEK", "NOK", "DKK", "PLN", "zł", "kr", "Kč");
    /** How a line that reads as code starts: a shell prompt, a REPL, common declarations. */
    private static final String[] CODE_STARTS = {"$ ", ">>>", "#include", "import ", "from ", "def ", "function ", "class ",
            "public ", "const ", "let ", "var "};
    /** A bulleted or numbered line's start: the definition {@link #isBullet} scans for (and is tested against). */
    static final Pattern BULLET = Pattern.compile("^\\s*(?:[*•·+\\-–]\\s|\\d{1,3}[.)]\\s|\\[\\d+])");

    /** Containers whose share of the page's words tells a kind of page (a forum is mostly comments, docs preformatted). */
    private static final Container[] SHARES = {Container.COMMENTS, Container.LIST, Container.TABLE, Container.MAIN,
            Container.ARTICLE_BODY, Container.NAVIGATION, Container.PREFORMATTED, Container.QUOTE, Container.FORM,
            Container.ASIDE, Container.RELATED, Container.HIDDEN};

    /** Text and URL features, in vector order: what a plain-text input has. */
    public static final List<String> TEXT_NAMES = textNames();
    /** Text, URL and markup features, in vector order: what an HTML page has. */
    public static final List<String> HTML_NAMES = htmlNames();

    private static List<String> textNames() {
        List<String> n = new ArrayList<>(List.of("words_log", "lines_log", "words_per_line_log", "sentence_line_share",
                "sentence_word_share", "short_line_share", "long_line_share", "bullet_line_share", "question_line_share",
                "code_line_share", "code_lines_log", "duplicate_line_share", "longest_line_log", "prices_log",
                "prices_per_line", "dates_log", "years_log", "times_log", "digit_share"));
        for (String g : TEXT_GROUPS) {
            n.add("text_" + g + "_log");
            n.add("text_" + g + "_per_word");
        }
        n.addAll(List.of("url_known", "url_depth", "url_length_log", "url_slug_words", "url_query", "url_numeric_segment",
                "url_year_segment", "url_file_ext"));
        for (String g : URL_GROUPS) n.add("url_" + g);
        return List.copyOf(n);
    }

    private static List<String> htmlNames() {
        List<String> n = new ArrayList<>(TEXT_NAMES);
        n.addAll(List.of("blocks_log", "link_char_share", "linked_block_word_share", "heading_block_share", "list_item_block_share",
                "largest_block_share"));
        for (Container c : SHARES) n.add("in_" + c.name().toLowerCase(Locale.ROOT) + "_share");
        n.addAll(PageShape.NAMES);
        return List.copyOf(n);
    }

    /** The features of a plain-text page; {@code url} may be null. */
    public static double[] text(String text, String url) {
        double[] v = new double[TEXT_NAMES.size()];
        int k = textFeatures(text, v, 0);
        url(url, v, k);
        return v;
    }

    /**
     * The features of an HTML page: its text ({@code source}, the front end's blocks one per line), the
     * blocks, its URL (may be null) and its markup.
     */
    public static double[] html(String source, List<Block> blocks, String url, PageShape shape) {
        double[] v = new double[HTML_NAMES.size()];
        int k = textFeatures(source, v, 0);
        k = url(url, v, k);
        k = blockFeatures(blocks, v, k);
        double[] s = shape.values();
        System.arraycopy(s, 0, v, k, s.length);
        return v;
    }

    private static int blockFeatures(List<Block> blocks, double[] v, int k) {
        double words = 0, chars = 0, linkChars = 0, linkedWords = 0, largest = 0;
        int headings = 0, items = 0;
        double[] shares = new double[SHARES.length];
        for (Block b : blocks) {
            int w = b.shape().words();
            int c = b.text().length();
            words += w;
            chars += c;
            largest = Math.max(largest, w);
            Markup m = b.markup();
            if (m == null) continue;
            linkChars += m.linkDensity() * c;
            if (m.linkDensity() >= 0.5) linkedWords += w;
            if (m.headingLevel() > 0) headings++;
            if (b.listItem()) items++;
            for (int i = 0; i < SHARES.length; i++) if (m.in(SHARES[i])) shares[i] += w;
        }
        double n = Math.max(1, blocks.size()), wd = Math.max(1, words);
        v[k++] = Math.log1p(blocks.size());
        v[k++] = chars == 0 ? 0 : linkChars / chars;
        v[k++] = linkedWords / wd;
        v[k++] = headings / n;
        v[k++] = items / n;
        v[k++] = largest / wd;
        for (double s : shares) v[k++] = s / wd;
        return k;
    }

    private static int textFeatures(String text, double[] v, int k) {
        int lines = 0, words = 0, sentenceLines = 0, sentenceWords = 0, shortLines = 0, longLines = 0, bullets = 0,
                questions = 0, code = 0, duplicates = 0, longest = 0, digits = 0, chars = 0;
        int[] groups = new int[TEXT_GROUPS.size()];
        int prices = 0, dates = 0, years = 0, times = 0;
        Map<String, Integer> seen = new HashMap<>();
        StringBuilder word = new StringBuilder(32);
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            lines++;
            int w = words(line, groups, word);
            words += w;
            longest = Math.max(longest, w);
            char last = line.charAt(line.length() - 1);
            boolean sentence = w >= 6 && (last == '.' || last == '!' || last == '?' || last == '…' || last == '。'
                    || last == '"' || last == '”' || last == ')');
            if (sentence) {
                sentenceLines++;
                sentenceWords += w;
            }
            if (w <= 3) shortLines++;
            if (w >= 25) longLines++;
            if (isBullet(raw)) bullets++;
            if (last == '?') questions++;
            if (w < 40 && isCode(line)) code++;
            if (seen.merge(line, 1, Integer::sum) > 1) duplicates++;
            int lineDigits = 0;
            for (int i = 0; i < line.length(); i++) if (isDigit(line.charAt(i))) lineDigits++;
            if (lineDigits > 0) {
                digits += lineDigits;
                prices += prices(line);
                int[] dyt = datesYearsTimes(line);
                dates += dyt[0];
                years += dyt[1];
                times += dyt[2];
            }
            chars += line.length();
        }
        double l = Math.max(1, lines), wd = Math.max(1, words);
        v[k++] = Math.log1p(words);
        v[k++] = Math.log1p(lines);
        v[k++] = Math.log1p(words / l);
        v[k++] = sentenceLines / l;
        v[k++] = sentenceWords / wd;
        v[k++] = shortLines / l;
        v[k++] = longLines / l;
        v[k++] = bullets / l;
        v[k++] = questions / l;
        v[k++] = code / l;
        v[k++] = Math.log1p(code);
        v[k++] = duplicates / l;
        v[k++] = Math.log1p(longest);
        v[k++] = Math.log1p(prices);
        v[k++] = prices / l;
        v[k++] = Math.log1p(dates);
        v[k++] = Math.log1p(years);
        v[k++] = Math.log1p(times);
        v[k++] = chars == 0 ? 0 : (double) digits / chars;
        for (int g : groups) {
            v[k++] = Math.log1p(g);
            v[k++] = g / wd;
        }
        return k;
    }

    /**
     * {@code BULLET.matcher(line).lookingAt()}, scanned by hand: a regex match per line of every page cost a tenth
     * of the text features. The pattern's white space {@code \\s} is ASCII's six, {@code \\d} ASCII digits; no
     * alternative starts with white space, so the leading run never needs to give any back.
     */
    static boolean isBullet(String line) {
        int len = line.length();
        int i = 0;
        while (i < len && TextShape.isRegexSpace(line.charAt(i))) i++;
        if (i >= len) return false;
        char c = line.charAt(i);
        if (c == '*' || c == '•' || c == '·' || c == '+' || c == '-' || c == '–') {
            return i + 1 < len && TextShape.isRegexSpace(line.charAt(i + 1));
        }
        if (c == '[') {
            int j = i + 1;
            while (j < len && isAsciiDigit(line.charAt(j))) j++;
            return j > i + 1 && j < len && line.charAt(j) == ']';
        }
        int j = i;
        while (j < len && j - i < 4 && isAsciiDigit(line.charAt(j))) j++;
        int digits = j - i;
        // \d{1,3} then [.)]: a fourth digit stands where the dot or bracket must
        return digits >= 1 && digits <= 3 && j + 1 < len && (line.charAt(j) == '.' || line.charAt(j) == ')')
                && TextShape.isRegexSpace(line.charAt(j + 1));
    }

    /** Counts a line's words (runs of letters and digits, with inner ' ’ -) and adds their vocabulary groups. */
    private static int words(String line, int[] groups, StringBuilder word) {
        int n = 0;
        int len = line.length();
        int i = 0;
        while (i < len) {
            char c = line.charAt(i);
            if (!isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            long h = FNV_OFFSET;
            while (i < len) {
                c = line.charAt(i);
                if (isLetterOrDigit(c)) c = folded(c);
                else if (!((c == '\'' || c == '’' || c == '-') && i + 1 < len && isLetterOrDigit(line.charAt(i + 1)))) break;
                h = (h ^ c) * FNV_PRIME;
                i++;
            }
            n++;
            if (!TEXT_WORD_HASHES.contains(h)) continue;
            // a word of the vocabularies' hashes (few are): only now is its string made, to rule out a collision
            word.setLength(0);
            for (int k = start; k < i; k++) {
                char ch = line.charAt(k);
                word.append(isLetterOrDigit(ch) ? folded(ch) : ch);
            }
            int[] g = TEXT_WORDS.get(word.toString());
            if (g != null) for (int x : g) groups[x]++;
        }
        return n;
    }

    /** A letter or digit lower-cased as a word is hashed, ASCII without the tables. */
    private static char folded(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) : Character.toLowerCase(c);
    }

    /** {@link Character#isLetterOrDigit(char)}, answered without its table for ASCII, most of most pages. */
    private static boolean isLetterOrDigit(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c);
    }

    /** {@link Character#isDigit(char)}, answered without its table for ASCII. */
    private static boolean isDigit(char c) {
        return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /** A line that reads as code: ends in ; { }, starts with a brace or a declaration, holds a call, an arrow or an assignment. */
    static boolean isCode(String line) {
        char first = line.charAt(0), last = line.charAt(line.length() - 1);
        if (last == ';' || last == '{' || last == '}' || first == '{' || first == '}') return true;
        for (String start : CODE_STARTS) if (line.startsWith(start)) return true;
        if (line.contains("=>") || line.contains("->") || line.contains("::")) return true;
        for (int i = line.indexOf('('); i > 0; i = line.indexOf('(', i + 1)) {
            if (!isWordChar(line.charAt(i - 1))) continue;
            if (i + 1 < line.length() && line.charAt(i + 1) == ')') return true;           // f()
            int close = line.indexOf(')', i);
            if (close > 0 && line.substring(close + 1).strip().replace(";", "").isEmpty()) return true;   // ends in a call
        }
        for (int i = line.indexOf('='); i > 0; i = line.indexOf('=', i + 1)) {
            int before = i - 1, after = i + 1;
            if (line.charAt(before) == ' ') before--;
            if (after < line.length() && line.charAt(after) == ' ') after++;
            if (before < 0 || after >= line.length() || line.charAt(i - 1) == '=' || line.charAt(after) == '=') continue;
            char a = line.charAt(after);
            if (isWordChar(line.charAt(before)) && (isWordChar(a) || "\"'[{(".indexOf(a) >= 0)) return true;
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Amounts with a currency: a sign or a currency word right before or after a digit, one space allowed. */
    static int prices(String line) {
        int n = 0, len = line.length();
        for (int i = 0; i < len; i++) {
            char c = line.charAt(i);
            int end;
            if (CURRENCY_SIGNS.indexOf(c) >= 0) {
                end = i + 1;
            } else if (Character.isLetter(c) && (i == 0 || !Character.isLetter(line.charAt(i - 1)))) {
                end = i;
                while (end < len && Character.isLetter(line.charAt(end)) && end - i <= 3) end++;
                // a short word far from a digit counts nothing whatever it is, and unless a sign follows it, where
                // the scan resumes does not matter either: it is looked up only when it may count or a sign is next
                boolean mayMatter = besideDigit(line, i, end) || end < len && CURRENCY_SIGNS.indexOf(line.charAt(end)) >= 0;
                if (end < len && Character.isLetter(line.charAt(end)) || !mayMatter
                        || !CURRENCY_WORDS.contains(line.substring(i, end))) {
                    i = end;
                    continue;
                }
            } else {
                continue;
            }
            if (besideDigit(line, i, end)) n++;
            i = end - 1;
        }
        return n;
    }

    /** A digit touches {@code line[i, end)}, or is one space away, before or after it. */
    private static boolean besideDigit(String line, int i, int end) {
        return digitAt(line, end) || digitAt(line, end + 1) && line.charAt(end) == ' '
                || digitAt(line, i - 1) || digitAt(line, i - 2) && line.charAt(i - 1) == ' ';
    }

    private static boolean digitAt(String s, int i) {
        return i >= 0 && i < s.length() && Character.isDigit(s.charAt(i));
    }

    /** Numeric dates ("2025-09-04", "04/09/2025"), years of 1900-2099 standing alone, and times ("10:45"). */
    static int[] datesYearsTimes(String line) {
        int dates = 0, years = 0, times = 0, len = line.length();
        int i = 0;
        while (i < len) {
            if (!isAsciiDigit(line.charAt(i)) || i > 0 && isWordChar(line.charAt(i - 1))) {
                i++;
                continue;
            }
            int a = run(line, i);
            int aLen = a - i;
            if (a + 1 < len && (line.charAt(a) == '-' || line.charAt(a) == '/' || line.charAt(a) == '.') && isAsciiDigit(line.charAt(a + 1))) {
                char sep = line.charAt(a);
                int b = run(line, a + 1);
                int bLen = b - a - 1;
                if (b + 1 < len && line.charAt(b) == sep && isAsciiDigit(line.charAt(b + 1))) {
                    int c = run(line, b + 1);
                    int cLen = c - b - 1;
                    boolean bounded = c == len || !isWordChar(line.charAt(c));
                    if (bounded && bLen <= 2 && (aLen == 4 && cLen <= 2 || aLen <= 2 && cLen >= 2 && cLen <= 4)) {
                        dates++;
                        i = c;
                        continue;
                    }
                }
            }
            if (a + 2 < len && line.charAt(a) == ':' && aLen <= 2 && run(line, a + 1) == a + 3
                    && (a + 3 == len || !isWordChar(line.charAt(a + 3)))) {
                times++;
            } else if (aLen == 4 && (line.startsWith("19", i) || line.startsWith("20", i)) && (a == len || !isWordChar(line.charAt(a)))) {
                years++;
            }
            i = a;
        }
        return new int[] {dates, years, times};
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The end of the run of ASCII digits starting at {@code i}. */
    private static int run(String s, int i) {
        while (i < s.length() && isAsciiDigit(s.charAt(i))) i++;
        return i;
    }

    /** URL features; all 0 when the URL is unknown or unreadable ({@code url_known} says which). */
    private static int url(String url, double[] v, int k) {
        String path = path(url);
        int start = k;
        int features = 8 + URL_GROUPS.size();
        if (path == null) return start + features;
        String[] segments = path.split("/");
        int depth = 0, slug = 0;
        boolean numeric = false, year = false, ext = false;
        int[] groups = new int[URL_GROUPS.size()];
        for (String s : segments) {
            if (s.isEmpty()) continue;
            depth++;
            String seg = s.toLowerCase(Locale.ROOT);
            if (seg.matches("\\d+")) numeric = true;
            if (seg.matches("(?:19|20)\\d{2}")) year = true;
            if (seg.matches(".*\\.(?:html?|php|aspx?|jsp|cfm)")) ext = true;
            String[] tokens = seg.split("[^\\p{L}\\p{N}]+");
            int words = 0;
            for (String t : tokens) {
                if (t.isEmpty()) continue;
                if (!t.matches("\\d+")) words++;
                int[] g = URL_WORDS.get(t);
                // a token counts where it names a section of the site, not deep inside a slug
                if (g != null && tokens.length <= 3) for (int i : g) groups[i]++;
            }
            slug = Math.max(slug, words);
        }
        v[k++] = 1;
        v[k++] = depth;
        v[k++] = Math.log1p(path.length());
        v[k++] = slug;
        v[k++] = url.contains("?") ? 1 : 0;
        v[k++] = numeric ? 1 : 0;
        v[k++] = year ? 1 : 0;
        v[k++] = ext ? 1 : 0;
        for (int g : groups) v[k++] = Math.min(g, 3);
        return k;
    }

    /** The path of an absolute URL, or null. */
    private static String path(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            URI u = URI.create(url.strip().replace(" ", "%20"));
            if (u.getHost() == null) return null;
            String p = u.getRawPath();
            return p == null ? "" : java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
