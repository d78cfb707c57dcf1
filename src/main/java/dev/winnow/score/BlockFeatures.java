package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Markup;
import dev.winnow.core.Markup.Container;
import dev.winnow.text.TextShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a learned scorer sees of each block: numbers it already carries (shape, link density, markup
 * containers, tag), where it sits (position, the words of its enclosing sections), its neighbours,
 * and the page as a whole. No feature names a word of any language: shape and structure only, so a
 * model trained on one language's pages reads another's. Plain-text blocks have no markup: their
 * markup features are 0 and a model trained on plain text learns from the rest.
 *
 * <p>The order of {@link #NAMES} is the model's contract: a model file lists the names it was trained
 * on and {@link Forest} refuses one that does not match. Pure and thread-safe.
 */
public final class BlockFeatures {
    private BlockFeatures() {}

    /** How many blocks on each side make a block's neighbourhood. */
    static final int WINDOW = 3;

    private static final String[] TAGS = {"p", "li", "cell", "div", "body", "pre", "blockquote", "dl", "caption", "heading", "other"};

    /** Containers whose share of the page's words says what kind of page it is (a forum is mostly comments). */
    private static final Container[] PAGE_SHARES = {Container.COMMENTS, Container.LIST, Container.TABLE,
            Container.HIDDEN, Container.MAIN, Container.ARTICLE_BODY, Container.NAVIGATION, Container.ASIDE};

    /** Feature names, in vector order. */
    public static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> n = new ArrayList<>(List.of(
                "words_log", "chars_log", "word_length", "sentence_ends_per_word", "terminal", "ends_with_colon",
                "digit_share", "capitalized_share", "lowercase_share", "list_item", "paragraph_start", "repeats_log",
                "position", "words_before_share", "share_of_largest",
                "link_density", "heading_level", "sections_known", "look_alikes_log"));
        for (String t : TAGS) n.add("tag_" + t);
        for (Container c : Container.values()) n.add("in_" + c.name().toLowerCase(java.util.Locale.ROOT));
        for (int depth = 1; depth <= 3; depth++) {
            n.add("section" + depth + "_words_share");
            n.add("section" + depth + "_link_density");
            n.add("section" + depth + "_blocks_log");
            n.add("section" + depth + "_sentence_share");
        }
        n.addAll(List.of(
                "prev_words_log", "next_words_log", "prev_link_density", "next_link_density",
                "prev_sentence", "next_sentence", "prev_same_section", "next_same_section",
                "window_words_log", "window_link_density", "window_sentence_share",
                "page_words_log", "page_blocks_log", "page_link_density", "page_sentence_share"));
        for (Container c : PAGE_SHARES) n.add("page_" + c.name().toLowerCase(java.util.Locale.ROOT) + "_share");
        // a shop's chrome (ShopSignals): prices mark other products' tiles, and where they cluster, a grid
        n.addAll(List.of("prices_per_word", "window_price_share"));
        for (int depth = 1; depth <= 3; depth++) n.add("section" + depth + "_price_share");
        n.addAll(List.of("page_price_blocks_log", "opens_recommendations", "under_recommendations"));
        // a post's byline ("Joined 12/03/2016", "Feb 24, 2006 02:35am | #1"), and where the page's title starts it
        n.addAll(List.of("dates_per_word", "before_h1", "after_h1_blocks_log"));
        return List.copyOf(n);
    }

    /** Word, character and link sums of one section of the layout. */
    private static final class Section {
        double words, chars, links, sentenceWords;
        int blocks, priced;
    }

    /** One feature vector per block, in block order. */
    public static double[][] of(List<Block> blocks) {
        Page page = page(blocks);
        double[][] out = new double[blocks.size()][];
        for (int i = 0; i < out.length; i++) out[i] = page.row(i);
        return out;
    }

    /** What the vectors of a page's blocks share, summed once: any block's vector is then made alone. */
    public static Page page(List<Block> blocks) {
        return new Page(blocks);
    }

    /**
     * A page's blocks with the sums over the page (words, links, sections, repeats) that each block's vector
     * reads. {@link #row} of a block is the vector {@link #of} gives it, to the bit. Immutable once built.
     */
    public static final class Page {
        private final List<Block> blocks;
        private final int n;
        private final TextShape[] shapes;
        private final double[] links;
        private final boolean[] sentence;
        /** Prices each block holds; whether it opens a recommendation grid, or sits below one. */
        private final int[] prices;
        private final boolean[] opens, under;
        private final int pricedBlocks;
        /** Dates and times each block holds; the first h1's index, or -1. */
        private final int[] dates;
        private final int firstH1;
        /** Words of the blocks before each block, summed in block order. */
        private final double[] before;
        private final double totalWords, totalChars, totalLinks, sentenceWords, largest;
        private final double[] pageShares = new double[PAGE_SHARES.length];
        private final Map<Integer, Section> sections = new HashMap<>();
        private final Map<String, Integer> repeats = new HashMap<>();

        private Page(List<Block> blocks) {
            this.blocks = blocks;
            n = blocks.size();
            shapes = new TextShape[n];
            links = new double[n];
            sentence = new boolean[n];
            before = new double[n];
            prices = new int[n];
            opens = new boolean[n];
            under = new boolean[n];
            int pricedBlocks = 0;
            dates = new int[n];
            int firstH1 = -1;
            boolean belowBreak = false;
            double totalWords = 0, totalChars = 0, totalLinks = 0, sentenceWords = 0, largest = 1;
            for (int i = 0; i < n; i++) {
                Block b = blocks.get(i);
                TextShape s = b.shape();
                shapes[i] = s;
                int chars = b.text().length();
                Markup m = b.markup();
                links[i] = m == null ? 0 : m.linkDensity() * chars;
                sentence[i] = s.isSentence();
                before[i] = totalWords;
                totalWords += s.words();
                totalChars += chars;
                totalLinks += links[i];
                largest = Math.max(largest, s.words());
                if (sentence[i]) sentenceWords += s.words();
                prices[i] = ShopSignals.prices(b.text());
                dates[i] = datesAndTimes(b.text());
                if (firstH1 < 0 && m != null && m.headingLevel() == 1) firstH1 = i;
                if (prices[i] > 0) pricedBlocks++;
                // below a recommendation heading until the next heading of the markup opens another part
                opens[i] = ShopSignals.opensRecommendations(b);   // its key, kept, is the repeats' key below
                under[i] = belowBreak;
                if (opens[i]) belowBreak = true;
                else if (m != null && m.headingLevel() > 0) belowBreak = false;
                repeats.merge(b.key(), 1, Integer::sum);
                if (m != null) {
                    for (int k = 0; k < PAGE_SHARES.length; k++) if (m.in(PAGE_SHARES[k])) pageShares[k] += s.words();
                    for (int id : m.sections()) {
                        Section sec = sections.computeIfAbsent(id, x -> new Section());
                        sec.words += s.words();
                        sec.chars += chars;
                        sec.links += links[i];
                        sec.blocks++;
                        if (prices[i] > 0) sec.priced++;
                        if (sentence[i]) sec.sentenceWords += s.words();
                    }
                }
            }
            this.totalWords = totalWords;
            this.totalChars = totalChars;
            this.totalLinks = totalLinks;
            this.sentenceWords = sentenceWords;
            this.largest = largest;
            this.pricedBlocks = pricedBlocks;
            this.firstH1 = firstH1;
        }

        /** How many blocks the page has. */
        public int size() { return n; }

        /** The feature vector of block {@code i} (its position in the list the page was made from). */
        public double[] row(int i) {
            double pageWords = Math.max(1, totalWords);
            Block b = blocks.get(i);
            TextShape s = shapes[i];
            Markup m = b.markup();
            int chars = b.text().length();
            double words = Math.max(1, s.words());
            double[] v = new double[NAMES.size()];
            int k = 0;
            v[k++] = Math.log1p(s.words());
            v[k++] = Math.log1p(chars);
            v[k++] = s.words() == 0 ? 0 : (double) s.letters() / s.words();
            v[k++] = s.sentenceEnds() / words;
            v[k++] = s.terminal() ? 1 : 0;
            v[k++] = s.endsWithColon() ? 1 : 0;
            v[k++] = chars == 0 ? 0 : (double) s.digits() / chars;
            v[k++] = s.capitalized() / words;
            v[k++] = s.lowerWords() / words;
            v[k++] = b.listItem() ? 1 : 0;
            v[k++] = b.paragraphStart() ? 1 : 0;
            v[k++] = Math.log(repeats.get(b.key()));
            v[k++] = n == 1 ? 0 : (double) i / (n - 1);
            v[k++] = before[i] / pageWords;
            v[k++] = s.words() / largest;
            v[k++] = m == null ? 0 : m.linkDensity();
            v[k++] = m == null ? 0 : m.headingLevel();
            v[k++] = m == null ? 0 : m.sections().length;
            v[k++] = m == null ? 0 : Math.log(m.lookAlikes());
            int tag = m == null ? -1 : tagIndex(m);
            for (int t = 0; t < TAGS.length; t++) v[k++] = t == tag ? 1 : 0;
            for (Container c : Container.values()) v[k++] = m != null && m.in(c) ? 1 : 0;
            for (int depth = 0; depth < 3; depth++) {
                Section sec = m != null && m.sections().length > depth ? sections.get(m.sections()[depth]) : null;
                v[k++] = sec == null ? 0 : sec.words / pageWords;
                v[k++] = sec == null || sec.chars == 0 ? 0 : sec.links / sec.chars;
                v[k++] = sec == null ? 0 : Math.log1p(sec.blocks);
                v[k++] = sec == null || sec.words == 0 ? 0 : sec.sentenceWords / sec.words;
            }
            v[k++] = i > 0 ? Math.log1p(shapes[i - 1].words()) : 0;
            v[k++] = i + 1 < n ? Math.log1p(shapes[i + 1].words()) : 0;
            v[k++] = i > 0 ? density(blocks.get(i - 1)) : 0;
            v[k++] = i + 1 < n ? density(blocks.get(i + 1)) : 0;
            v[k++] = i > 0 && sentence[i - 1] ? 1 : 0;
            v[k++] = i + 1 < n && sentence[i + 1] ? 1 : 0;
            v[k++] = i > 0 && sameSection(b, blocks.get(i - 1)) ? 1 : 0;
            v[k++] = i + 1 < n && sameSection(b, blocks.get(i + 1)) ? 1 : 0;
            double ww = 0, wl = 0, wc = 0, ws = 0;
            int from = Math.max(0, i - WINDOW), to = Math.min(n - 1, i + WINDOW);
            for (int j = from; j <= to; j++) {
                ww += shapes[j].words();
                wl += links[j];
                wc += blocks.get(j).text().length();
                if (sentence[j]) ws++;
            }
            int span = to - from + 1;
            v[k++] = Math.log1p(ww / span);
            v[k++] = wc == 0 ? 0 : wl / wc;
            v[k++] = ws / span;
            v[k++] = Math.log1p(totalWords);
            v[k++] = Math.log1p(n);
            v[k++] = totalChars == 0 ? 0 : totalLinks / totalChars;
            v[k++] = sentenceWords / pageWords;
            for (double share : pageShares) v[k++] = share / pageWords;
            v[k++] = prices[i] / words;
            int priced = 0;
            for (int j = from; j <= to; j++) if (prices[j] > 0) priced++;
            v[k++] = (double) priced / span;
            for (int depth = 0; depth < 3; depth++) {
                Section sec = m != null && m.sections().length > depth ? sections.get(m.sections()[depth]) : null;
                v[k++] = sec == null ? 0 : (double) sec.priced / sec.blocks;
            }
            v[k++] = Math.log1p(pricedBlocks);
            v[k++] = opens[i] ? 1 : 0;
            v[k++] = under[i] ? 1 : 0;
            v[k++] = dates[i] / words;
            v[k++] = firstH1 >= 0 && i < firstH1 ? 1 : 0;
            v[k++] = firstH1 >= 0 && i > firstH1 ? Math.log1p(i - firstH1) : 0;
            return v;
        }
    }

    /** A time of day or a date in digits ("02:35", "24/02/2006", "2006-02-24"): written so in every language. */
    static final java.util.regex.Pattern DATE_OR_TIME = java.util.regex.Pattern.compile(
            "(?<!\\d)(?:\\d{1,2}:\\d{2}|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4})(?!\\d)");

    /** How many dates and times in digits the text holds: a post's byline and its member card are full of them. */
    static int datesAndTimes(String text) {
        // the matches DATE_OR_TIME's find() gives one after another, tried only where a run of digits starts, as
        // each does, and only when the run is followed as a date or a time goes on: the regex run over every
        // character of every block cost a few percent of the HTML path, and most numbers are neither
        int n = 0;
        java.util.regex.Matcher d = DATE_OR_TIME.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i)) || i > 0 && isDigit(text.charAt(i - 1))) continue;
            if (!goesOnAsDateOrTime(text, i)) continue;
            d.region(i, text.length());
            if (d.lookingAt()) {
                n++;
                i = d.end() - 1;
            }
        }
        return n;
    }

    /**
     * The run of digits starting at {@code start} can open a match of {@link #DATE_OR_TIME}: a time's one or two
     * digits and a colon, or a date's one to four digits and its separator (the run is whole: no digit follows it).
     */
    private static boolean goesOnAsDateOrTime(String text, int start) {
        int end = start;
        while (end < text.length() && isDigit(text.charAt(end))) end++;
        if (end == text.length()) return false;
        char next = text.charAt(end);
        int digits = end - start;
        return digits <= 2 && next == ':' || digits <= 4 && (next == '-' || next == '/' || next == '.');
    }

    /** {@code \d} as the regex reads it (no UNICODE_CHARACTER_CLASS): ASCII digits only. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double density(Block b) {
        return b.markup() == null ? 0 : b.markup().linkDensity();
    }

    private static boolean sameSection(Block a, Block b) {
        return a.markup() != null && b.markup() != null && a.markup().parent() == b.markup().parent();
    }

    private static int tagIndex(Markup m) {
        if (m.headingLevel() > 0) return 9;
        return switch (m.tag()) {
            case "p" -> 0;
            case "li" -> 1;
            case "td", "th", "tr" -> 2;
            case "div", "section", "article", "main" -> 3;
            case "body" -> 4;
            case "pre" -> 5;
            case "blockquote" -> 6;
            case "dd", "dt", "dl" -> 7;
            case "figcaption", "caption" -> 8;
            default -> 10;
        };
    }
}
