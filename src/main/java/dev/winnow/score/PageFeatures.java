package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Markup;
import dev.winnow.core.Markup.Container;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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
    private static final Map<String, int[]> URL_WORDS = PageWords.index("url_", URL_GROUPS);

    /** A price: a currency sign or code next to an amount ("$1,299.00", "19,99 €", "EUR 40"). */
    private static final Pattern PRICE = Pattern.compile(
            "(?:[$€£¥₹₩₽]|\\b(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|INR|SEK|NOK|DKK|PLN|zł|kr|R\\$)\\s?)\\s?\\d[\\d.,\u00A0 ]*"
            + "|\\d[\\d.,]*\\s?(?:[€£₹₽]|zł|kr|Kč|\\b(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|PLN)\\b)");
    /** A numeric date ("2025-09-04", "04/09/2025", "4.9.2025"). */
    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})\\b");
    /** A year of this or the last century, alone: dates written with month names carry one. */
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    /** A line that reads as code: ends in ; { } or holds an assignment, a call or an arrow with few spaces around. */
    private static final Pattern CODE = Pattern.compile("[;{}]\\s*$|^\\s*[}{]|\\w\\(\\)|\\w\\([\\w\"', ]*\\)\\s*;?\\s*$|=>|->|::|\\b\\w+\\s?=\\s?[\\w\"'\\[{(]|^\\s*(?:\\$|>>>|#include|import |from |def |function |class |public |const |let |var )");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[*•·+\\-–]\\s|\\d{1,3}[.)]\\s|\\[\\d+])");

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
        Map<String, Integer> seen = new HashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            lines++;
            int w = 0;
            Matcher m = WORD.matcher(line);
            while (m.find()) {
                w++;
                int[] g = TEXT_WORDS.get(m.group().toLowerCase(Locale.ROOT));
                if (g != null) for (int i : g) groups[i]++;
            }
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
            if (BULLET.matcher(raw).find()) bullets++;
            if (last == '?') questions++;
            if (w < 40 && CODE.matcher(line).find()) code++;
            if (seen.merge(line, 1, Integer::sum) > 1) duplicates++;
            for (int i = 0; i < line.length(); i++) if (Character.isDigit(line.charAt(i))) digits++;
            chars += line.length();
        }
        int prices = count(PRICE, text), dates = count(DATE, text), years = count(YEAR, text), times = count(TIME, text);
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

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
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
