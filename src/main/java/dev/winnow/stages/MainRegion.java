package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.score.PageType;
import dev.winnow.text.TextShape;

import java.util.List;

/**
 * Locates the article's main text among the kept blocks: the stretch of the document where prose
 * outweighs chrome. Prose blocks score their word count; short lines, list entries and blocks that
 * earlier stages removed score negative; the main text is the highest-scoring contiguous stretch
 * (maximum-sum subarray). This is the text analogue of the "densest region" the HTML extractors
 * (boilerpipe, jusText, trafilatura) find in markup, using only what plain text shows.
 *
 * @param first position in {@link Draft#kept()} of the first block of the main text
 * @param last  position of the last block (inclusive); {@code first > last} when there is no prose
 */
record MainRegion(int first, int last) {

    /** Penalty of one block an earlier stage removed: menus and footers separate regions. */
    static final int REMOVED_BLOCK = 2;
    /** Penalty of a related-links heading: the region continues past it only when much prose follows. */
    static final int SECTION_BREAK = 40;
    /** The article before a comment thread needs at least this much prose to be chosen over the thread. */
    static final int MIN_ARTICLE_SCORE = 40;
    /** Penalty of a kept list entry that is not prose (a menu or link item). */
    static final int LIST_ENTRY = 3;
    /** Penalty of a kept short line that is not prose. */
    static final int SHORT_LINE = 3;
    /** Penalty of a kept headline-like line: small, so subheadings inside an article are bridged. */
    static final int HEADLINE = 1;

    boolean isEmpty() { return first > last; }

    boolean contains(int position) { return position >= first && position <= last; }

    /**
     * Comment headings split the page into segments; the article comes before its comments, so the
     * earliest segment with real prose wins: at least {@link #MIN_ARTICLE_SCORE} and this share of the best.
     */
    static final double EARLIER_SEGMENT_SHARE = 0.05;

    static MainRegion of(Draft draft) {
        return of(draft, null);
    }

    /**
     * The region, where a comment counter at a block index marked in {@code perPost} is a per-post widget
     * and no section end (null: every counter ends the article).
     */
    static MainRegion of(Draft draft, boolean[] perPost) {
        return of(draft, perPost, draft.kept().size());
    }

    /** The region among the first {@code end} kept blocks only (what follows them is cut already). */
    static MainRegion of(Draft draft, boolean[] perPost, int end) {
        List<Block> kept = draft.kept().subList(0, end);
        // the publisher marked the article body: prose outside it does not count
        boolean marked = hasMarkedBody(kept);
        boolean grid = pricesAreItems(draft);
        boolean checklist = PageKind.isArticle(draft) && NavigationStage.isChecklist(kept);
        List<long[]> segments = new java.util.ArrayList<>();   // {score, first, last} of each segment's best run
        long best = 0, run = 0;
        int bestFirst = 0, bestLast = -1, runFirst = 0;
        int previousIndex = -1;
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            int gap = draft.removedBetween(previousIndex, b.index());
            boolean hardBreak = gap > 0 && breakBetween(draft, previousIndex, b.index(), perPost);
            previousIndex = b.index();
            if (hardBreak) {
                if (bestLast >= 0) segments.add(new long[] {best, bestFirst, bestLast});
                best = 0;
                bestLast = -1;
                run = 0;
                runFirst = i;
            } else if (gap > 0) {
                run -= (long) gap * REMOVED_BLOCK + (long) SECTION_BREAK * sectionBreaks(draft, previousIndexBefore(kept, i), b.index());
                if (run <= 0) {
                    run = 0;
                    runFirst = i;
                }
            }
            int score = marked && !inMarkedBody(b) ? -SHORT_LINE : score(b, grid, checklist);
            if (run + score <= 0) {
                run = 0;
                runFirst = i + 1;
                continue;
            }
            run += score;
            if (run > best) {
                best = run;
                bestFirst = runFirst;
                bestLast = i;
            }
        }
        if (bestLast >= 0) segments.add(new long[] {best, bestFirst, bestLast});
        long top = 0;
        for (long[] seg : segments) top = Math.max(top, seg[0]);
        for (long[] seg : segments) {
            if (seg[0] >= Math.min(top, Math.max(MIN_ARTICLE_SCORE, top * EARLIER_SEGMENT_SHARE))) {
                return widenToSiblings(draft, (int) seg[1], (int) seg[2]);
            }
        }
        return new MainRegion(0, -1);
    }

    /**
     * In markup, the article is a section of the layout: blocks right before or after the prose region
     * that sit in the same parent element as its prose (a list of dates under the last paragraph, a
     * subheading) belong to it, whatever their length.
     */
    private static MainRegion widenToSiblings(Draft draft, int first, int last) {
        List<Block> kept = draft.kept();
        java.util.Set<Integer> parents = new java.util.HashSet<>();
        for (int i = first; i <= last; i++) {
            Block b = kept.get(i);
            if (b.markup() != null && Forms.isBody(b)) parents.add(b.markup().parent());
        }
        if (parents.isEmpty()) return new MainRegion(first, last);
        while (last + 1 < kept.size() && sibling(kept.get(last + 1), parents)
                && !breakBetween(draft, kept.get(last).index(), kept.get(last + 1).index(), null)) last++;
        while (first > 0 && sibling(kept.get(first - 1), parents)
                && !breakBetween(draft, kept.get(first - 1).index(), kept.get(first).index(), null)) first--;
        return new MainRegion(first, last);
    }

    /** The block sits inside one of the prose's parent sections (directly or in a table or list there). */
    private static boolean sibling(Block b, java.util.Set<Integer> parents) {
        if (b.markup() == null) return false;
        for (int p : parents) if (b.markup().within(p)) return true;
        return false;
    }

    /** Minimum prose words inside an itemprop="articleBody" element for it to bound the main text. */
    static final int MIN_MARKED_BODY_WORDS = 20;

    private static boolean hasMarkedBody(List<Block> kept) {
        int words = 0;
        for (Block b : kept) if (inMarkedBody(b)) words += b.shape().words();
        return words >= MIN_MARKED_BODY_WORDS;
    }

    private static boolean inMarkedBody(Block b) {
        return b.markup() != null && b.markup().in(dev.winnow.core.Markup.Container.ARTICLE_BODY);
    }

    private static int previousIndexBefore(List<Block> kept, int i) {
        return i == 0 ? -1 : kept.get(i - 1).index();
    }

    private static int sectionBreaks(Draft draft, int from, int to) {
        int n = 0;
        for (int i = from + 1; i < to; i++) if (draft.removedAs(i) == Reason.SECTION_BREAK) n++;
        return n;
    }

    private static boolean breakBetween(Draft draft, int from, int to, boolean[] perPost) {
        for (int i = from + 1; i < to; i++) {
            if (endsArticle(draft, i, perPost)) return true;
        }
        return false;
    }

    private static boolean endsArticle(Draft draft, int index, boolean[] perPost) {
        Reason r = draft.removedAs(index);
        return r != null && NavigationStage.endsArticle(r) && (perPost == null || !perPost[index]);
    }

    /**
     * A comment section has one heading; a thread prints a counter or a "Reply" button under every post.
     * More counter cuts than this on one page are per-post widgets (forums, Q&A pages, long comment threads).
     */
    static final int MAX_SECTION_HEADINGS = 3;

    /**
     * The comment-counter cuts that are per-post widgets, not the end of the article, by block index: all of
     * them when the page has more than {@link #MAX_SECTION_HEADINGS}, else none (null). Judged on the page's
     * own pattern, not on words or the page's type, so any language and any kind of page is read alike.
     * Not "the same counter text twice": an article prints its comment count at the top and again over the
     * thread ("Comments" ... "Comments"), and softening those ran the region into the thread and the
     * teasers after it (AEB dev 0.893 to 0.891 on two such articles).
     */
    static boolean[] perPostCounters(Draft draft) {
        int counters = 0;
        for (int i = 0; i < draft.size(); i++) if (endsArticle(draft, i, null)) counters++;
        if (counters <= MAX_SECTION_HEADINGS) return null;
        boolean[] perPost = new boolean[draft.size()];
        for (int i = 0; i < draft.size(); i++) perPost[i] = endsArticle(draft, i, null);
        return perPost;
    }

    /** A further section of the region's part of the page is main text when it scores at least this... */
    static final int MIN_SECTION_SCORE = 15;
    /** ...and at least this share of the part's best section: a post in a thread, a block after a menu. */
    static final double MIN_SECTION_SHARE = 0.2;

    /**
     * The main text as positions in {@link Draft#kept()}: the region, plus every other section of the part of
     * the page the region lies in (between the article-ending comment headings around it) that scores at least
     * {@link #MIN_SECTION_SCORE} and {@link #MIN_SECTION_SHARE} of the part's best. A section is a maximal
     * stretch whose running score stays positive, as in {@link #of}. One max-sum stretch keeps only the first
     * post of a thread, because each post header (user, date, counts) costs more than a short post earns;
     * the posts are sections of their own. Only on a page with per-post counters ({@code perPost} not null);
     * elsewhere the region alone. Empty when the region is.
     */
    static boolean[] mainText(Draft draft, boolean[] perPost) {
        return mainText(draft, perPost, draft.kept().size());
    }

    /** {@link #mainText(Draft, boolean[])} among the first {@code end} kept blocks only. */
    static boolean[] mainText(Draft draft, boolean[] perPost, int end) {
        List<Block> kept = draft.kept().subList(0, end);
        boolean[] in = new boolean[kept.size()];
        MainRegion region = of(draft, perPost, end);
        if (region.isEmpty()) return in;
        for (int i = region.first; i <= region.last; i++) in[i] = true;
        // Without a thread the further sections of a page are an article's teasers, author box and related
        // stories (AEB dev 0.891 to 0.881 when every page took them): only a thread's posts are sections.
        if (perPost == null) return in;
        if (hasMarkedBody(kept)) return in;   // the publisher bounded the article: no further sections
        // the part: kept blocks between the nearest article-ending headings around the region
        int lo = region.first, hi = region.last;
        while (lo > 0 && !breakBetween(draft, kept.get(lo - 1).index(), kept.get(lo).index(), perPost)) lo--;
        while (hi + 1 < kept.size() && !breakBetween(draft, kept.get(hi).index(), kept.get(hi + 1).index(), perPost)) hi++;
        List<long[]> sections = new java.util.ArrayList<>();   // {score, first, last}
        long best = 0, run = 0;
        int bestFirst = lo, bestLast = -1, runFirst = lo;
        boolean grid = pricesAreItems(draft);
        boolean checklist = PageKind.isArticle(draft) && NavigationStage.isChecklist(kept);
        for (int i = lo; i <= hi; i++) {
            Block b = kept.get(i);
            if (i > lo) {
                int previous = kept.get(i - 1).index();
                int gap = draft.removedBetween(previous, b.index());
                if (gap > 0) {
                    run -= (long) gap * REMOVED_BLOCK + (long) SECTION_BREAK * sectionBreaks(draft, previous, b.index());
                    if (run <= 0) {
                        if (bestLast >= 0) sections.add(new long[] {best, bestFirst, bestLast});
                        run = 0;
                        best = 0;
                        bestLast = -1;
                        runFirst = i;
                    }
                }
            }
            int score = score(b, grid, checklist);
            if (run + score <= 0) {
                if (bestLast >= 0) sections.add(new long[] {best, bestFirst, bestLast});
                run = 0;
                best = 0;
                bestLast = -1;
                runFirst = i + 1;
                continue;
            }
            run += score;
            if (run > best) {
                best = run;
                bestFirst = runFirst;
                bestLast = i;
            }
        }
        if (bestLast >= 0) sections.add(new long[] {best, bestFirst, bestLast});
        long top = 0;
        for (long[] section : sections) top = Math.max(top, section[0]);
        for (long[] section : sections) {
            if (section[0] >= MIN_SECTION_SCORE && section[0] >= top * MIN_SECTION_SHARE) {
                for (int i = (int) section[1]; i <= (int) section[2]; i++) in[i] = true;
            }
        }
        return in;
    }

    /**
     * Score of a short line holding a price (or a rating, see {@link #RATING}) on a collection page (or a listing, see
     * {@link #pricesAreItems}): as much as a paragraph of this many words. A category
     * grid is a run of tiles (a name, swatches, a price) with no prose; scored as chrome, the region settled on whatever
     * prose the page held (a shipping banner, a trust seal's paragraph, a category blurb) and cut the grid. On WCXB dev
     * text dumps (2026-12-07) collection F1 0.522 to 0.537 and lost pages 22 to 19, the gain alike from 15 up (0.528 at
     * 15, 0.537 at 30 and 60) and on four of five folds of pages grouped by domain; other types are untouched.
     */
    static final int PRICE_LINE = 30;

    /** A price: a currency sign before the amount ("$29.95", "R$670", "€ 49") or a sign or code after it ("49,95 €", "480 kr"). */
    private static final java.util.regex.Pattern PRICE = java.util.regex.Pattern.compile(
            "[$€£¥₹₩₪]\\s?\\d|\\d\\s?(?:[€£¥₹]|(?:zł|kr|Kč|USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|JPY|INR)\\b)");

    /**
     * A tile's rating: "4.5 out of 5", "4.6 stars", "1,204 reviews", a bare count "(87)". Beside the price, the other line a
     * grid prints per item. On WCXB dev text dumps collection F1 0.538 to 0.545 with it; a small change, made by three
     * pages (two grids found, one lost) of the seven it touched, on no fold below -0.0002 overall.
     */
    private static final java.util.regex.Pattern RATING = java.util.regex.Pattern.compile(
            "(?i)\\bout of 5\\b|\\d(?:[.,]\\d)? stars?\\b|\\d[\\d,.]*k? (?:reviews?|ratings?)\\b|^\\(\\d[\\d,]*\\)$");

    /**
     * The page is a collection or a listing: its prices mark its items, the content (see {@link #PRICE_LINE}). A listing's
     * items print a price as a shop's tiles do (offers, rentals, courses, jobs with a salary): on WCXB dev text dumps
     * (2026-12-07) listing 0.610 to 0.627 with it (10 pages up, 5 down, one of them by 0.49; four of five domain-grouped
     * folds up), and AEB dev text, a quarter of whose news pages the text typer calls listings, 0.9005 to 0.9008. A
     * product page prints its own price and rating ("$49.95", "4.6 stars") as short lines beside its
     * name, the part of the page its references open with, and which the region otherwise left out for a shipping
     * notice's or a review's prose: WCXB dev text dumps, out of fold (2026-12-08), product 0.532 to 0.538, all 0.7946 to
     * 0.7951, lost pages 17 to 15, 70 pages up and 36 down, every fold of domain-grouped pages up; aeb-dev text 0.901.
     * In plain text only: in markup the region it moved took a product's name for a title and a label for a byline
     * (WCXB dev HTML, out of fold, product 0.652 to 0.650).
     */
    static boolean pricesAreItems(Draft draft) {
        PageType type = PageKind.of(draft);
        return type == PageType.COLLECTION || PageKind.itemsAreContent(draft) || (type == PageType.PRODUCT && isPlainText(draft));
    }

    /** The draft comes from plain text: its blocks carry no markup. */
    private static boolean isPlainText(Draft draft) {
        return draft.kept().isEmpty() || draft.kept().get(0).markup() == null;
    }

    /** A short line that is not prose and holds a price or a rating: a line of a grid's tile. */
    static boolean isItemLine(Block b) {
        if (b.shape().words() > Forms.MAX_TITLE_WORDS || Forms.isBody(b)) return false;
        // every alternative of both patterns needs an ASCII digit, which the shape counts: most short lines have none,
        // and the two searches at every position of every short line were a tenth of a run on listings
        if (b.shape().digits() == 0) return false;
        String text = b.text();
        return (mayHoldPrice(text) && PRICE.matcher(text).find()) || (mayHoldRating(text) && RATING.matcher(text).find());
    }

    /** The currency signs and codes of {@link #PRICE}: it cannot match a line holding none of them. */
    private static final String PRICE_SIGNS = "$€£¥₹₩₪";
    private static final List<String> PRICE_CODES = List.of("zł", "kr", "Kč", "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK",
            "NOK", "DKK", "PLN", "JPY", "INR");

    private static boolean mayHoldPrice(String text) {
        for (int i = 0; i < text.length(); i++) if (PRICE_SIGNS.indexOf(text.charAt(i)) >= 0) return true;
        for (String code : PRICE_CODES) if (text.contains(code)) return true;
        return false;
    }

    /**
     * What {@link #RATING} needs (case aside): "out of 5", "star", "review", "rating", or a bracket for a bare count:
     * dates and other numbered lines have none, and the pattern's alternatives were tried at every position.
     */
    private static boolean mayHoldRating(String text) {
        if (text.indexOf('(') >= 0) return true;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("out of 5") || lower.contains("star") || lower.contains("review") || lower.contains("rating");
    }

    /**
     * {@link #score(Block)}, where on a page whose prices are items ({@code grid}) an item line scores {@link #PRICE_LINE},
     * and on an article's {@code checklist} a task scores its words.
     */
    static int score(Block b, boolean grid, boolean checklist) {
        // an article's checklist (NavigationStage.isChecklist): its tasks are the article's content, as prose is
        if (checklist && NavigationStage.isChecklistItem(b)) return b.shape().words();
        return grid && isItemLine(b) ? PRICE_LINE : score(b);
    }

    static int score(Block b) {
        TextShape s = b.shape();
        if (Forms.isBody(b)) return s.words();
        if (b.listItem()) return -LIST_ENTRY;
        if (Forms.isTitleLike(b)) return -HEADLINE;
        if (s.words() >= 12) return s.words() / 2;   // long unpunctuated text: likely prose from a sloppy page
        return -SHORT_LINE;
    }
}
