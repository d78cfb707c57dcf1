package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Markup;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.score.PageType;

import java.util.List;
import java.util.Map;

/**
 * Keeps the article's main text region (see {@link MainRegion}) and removes what lies outside it:
 * page chrome before the article, related material, comments and footers after it. Runs after the
 * specific stages so that what they can name is removed with a precise reason first.
 */
public final class MainTextStage implements Stage {
    private final boolean articlesOnly;

    /** The region bounds every page (plain text). */
    public MainTextStage() {
        this(false);
    }

    private MainTextStage(boolean articlesOnly) {
        this.articlesOnly = articlesOnly;
    }

    /**
     * The region bounds pages typed as articles ({@code metadata.page_type}) only: it is tuned to articles, and
     * the HTML chain's learned scorer bounds the content of the other page types.
     */
    public static MainTextStage articlesOnly() {
        return new MainTextStage(true);
    }

    @Override
    public String name() { return "main_text"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        if (articlesOnly && !PageKind.isArticle(draft)) {
            if (PageKind.of(draft) == PageType.COLLECTION) dropBeforeTitle(draft.kept(), verdict);
            return;
        }
        List<Block> kept = draft.kept();
        if (articlesOnly) dropAfterCandidate(kept, verdict);
        if (!articlesOnly && PageKind.of(draft) == PageType.PRODUCT) {
            int reviews = customerReviewsStart(kept);
            if (reviews >= 0) {
                for (int i = reviews; i < kept.size(); i++) verdict.drop(kept.get(i), Reason.OUTSIDE_MAIN_TEXT);
                kept = kept.subList(0, reviews);
            }
        }
        if (littleProse(kept)) return;    // nothing to anchor on: keep what the specific stages kept
        boolean[] main = MainRegion.mainText(draft, MainRegion.perPostCounters(draft), kept.size());
        // a short article amid teasers is bounded on articles, and on listings, which the text typer takes many news
        // pages for, when the region reads as a story; elsewhere (documentation, collections, products, services) a few
        // paragraphs are an introduction
        boolean mayBeShortArticle = PageKind.isArticle(draft) || (PageKind.itemsAreContent(draft) && readsAsStory(kept, main));
        // the region is a stray passage of a page of items
        if (regionTooSmall(kept, main, mayBeShortArticle, minRegionShare(PageKind.of(draft), kept, main))) return;
        for (int i = 0; i < kept.size(); i++) {
            if (!main[i]) verdict.drop(kept.get(i), Reason.OUTSIDE_MAIN_TEXT);
        }
    }

    /**
     * A customer-reviews section's heading, as a whole line's key: "Customer Reviews", "Ratings &amp; Reviews", "Top
     * reviews from ...". English only, as the shops of WCXB's dev pages print it. (A plain "Reviews" and a review's
     * own "Verified purchase" flag were tried: they cut more product text than reviews, out of fold.)
     */
    private static final java.util.regex.Pattern REVIEWS_START = java.util.regex.Pattern.compile(
            "(?:customer|product) reviews|ratings? (?:and )?reviews|top reviews(?: from .*)?");

    /**
     * Plain text, on a product page: where its customer reviews start ({@link #REVIEWS_START}),
     * as a position in {@code kept}, or -1. The reviews and what follows them (the shop's recommendations and footer)
     * are not what the page sells, as {@code markup_reviews} says in markup: the benchmark's references of product pages
     * stop at the rating's summary. Not on articles, whose "Reviews" heading may open the article's own verdicts, nor on
     * collections, where such a heading is a grid's filter. WCXB
     * dev text dumps, out of fold (2026-12-08): product 0.524 to 0.533, 8 pages up, 1 down (by 0.02).
     */
    static int customerReviewsStart(List<Block> kept) {
        boolean prose = false;   // a menu's "Reviews" entry comes before the product's text, and is a bullet
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (prose && !b.listItem() && b.shape().words() <= REVIEWS_HEADING_WORDS && REVIEWS_START.matcher(b.key()).matches()) {
                return i;
            }
            prose |= Forms.isBody(b);
        }
        return -1;
    }

    /** A reviews heading is a few words ("Top reviews from the United States" is six). */
    static final int REVIEWS_HEADING_WORDS = 6;

    /**
     * An article in markup ends where its content candidate (the smallest element holding most of the page's text outside
     * links) ends: what follows it outside that element is the site's matter after the story (author boxes, newsletter and
     * contact calls, disclaimers, related posts, footers whose markup is not named). Blocks outside the candidate before its
     * first block are left to the region: a lead, a byline or a hero image's caption sits above the body's element.
     * WCXB dev HTML, out of fold (2026-12-07): article 0.9439 to 0.9487, 162 pages up, 24 down (and 2 service pages
     * typed as articles up); a guard keeping a long tail (over a tenth to a half of the candidate's words) kept fewer pages
     * down but lost more than it saved.
     */
    static void dropAfterCandidate(List<Block> kept, Verdict verdict) {
        int last = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).markup() != null && kept.get(i).markup().in(Markup.Container.CANDIDATE)) last = i;
        }
        if (last < 0) return;
        for (int i = last + 1; i < kept.size(); i++) {
            if (kept.get(i).markup() != null) verdict.drop(kept.get(i), Reason.OUTSIDE_MAIN_TEXT);
        }
    }

    /**
     * A collection page (a category grid) in markup opens with its title, the one {@code <h1>} left: what comes before
     * it is the site's bar (cart, currency, region, promotions, breadcrumbs) whose menu the markup did not name, unless
     * it is a sentence of {@link ContentScoreStage#PROSE_WORDS} words or more (an introduction set above the title). A
     * page with no kept {@code <h1>}, or several, is left alone: its title is not known. WCXB dev HTML, out of fold
     * (2026-12-07): collection 0.7122 to 0.7131, 27 pages up, 3 down. On product pages the same rule moved as many pages
     * down as up (a product's name, price or gallery may sit above its h1), so it is not made there.
     */
    static void dropBeforeTitle(List<Block> kept, Verdict verdict) {
        int title = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).markup() == null || kept.get(i).markup().headingLevel() != 1) continue;
            if (title >= 0) return;
            title = i;
        }
        for (int i = 0; i < title; i++) {
            Block b = kept.get(i);
            if (b.shape().isSentence() && b.shape().words() >= ContentScoreStage.PROSE_WORDS) continue;
            verdict.drop(b, Reason.OUTSIDE_MAIN_TEXT);
        }
    }

    /**
     * On a listing, the region is a short article (a news page the text typer calls a listing) rather than one prose item
     * among the page's items (a service's offers, repositories with their descriptions, a feed's posts) when it holds
     * half of the page's prose words or more, or is made of paragraphs alone (an item brings lines of its own, a name,
     * a label, a figure, between its paragraphs), or holds {@link #MIN_REGION_SHARE} of the words, as any region
     * bounding a page does. Without this a listing's item of three sentences bounded the page whatever share of it it
     * held. WCXB dev text dumps (2026-12-07): pages 2852, 2910 and 2970 left whole (F1 +0.75, +0.37, +0.34; two were
     * lost), no page down; AEB dev text unchanged at 0.901 (its one listing-typed wire story amid summarised teasers is
     * paragraphs alone: without that clause, 0.895); the type's share ({@link #MIN_REGION_SHARE_BY_TYPE}) instead of
     * the general one left two pages whole that the region bounds well (-0.08, -0.56).
     */
    static boolean readsAsStory(List<Block> kept, boolean[] main) {
        long inside = 0, prose = 0;
        boolean onlyProse = true;
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            boolean body = Forms.isBody(b);
            if (main[i] && !body) onlyProse = false;
            if (!body) continue;
            prose += b.shape().words();
            if (main[i]) inside += b.shape().words();
        }
        return inside * 2 >= prose || onlyProse || !regionTooSmall(kept, main, false, MIN_REGION_SHARE);
    }

    /**
     * The page holds too little prose to bound it by a region (no prose at all, the old rule, included): its
     * content is not prose (a grid of items, a listing, a link page, a form), and the region would be whatever
     * stray sentence it holds (a notice, a cookie banner, an error message), cutting the content. Then what the
     * earlier stages kept is the better answer. A notice is one paragraph; a short article is two or more, so
     * it is still bounded.
     * <p>
     * Measured over everything still kept, not over the region: cutting can only lower it, so a page left
     * whole is left whole by a second cleaning of its output (the fixpoint). The region's own prose grows
     * on a second pass, when the removed lines between its runs are gone; measured on the region, the second
     * cleaning of WCXB dev output cut about 1,400 more lines.
     */
    static boolean littleProse(List<Block> kept) {
        long points = 0;
        int proseBlocks = 0;
        for (Block b : kept) {
            int score = MainRegion.score(b);
            if (score > 0) {
                points += score;
                proseBlocks++;
            }
        }
        if (points == 0) return true;
        return kept.size() - proseBlocks >= MIN_ITEM_LINES
                && (points < MIN_PROSE_POINTS || (proseBlocks < 2 && points < MIN_SINGLE_BLOCK_POINTS));
    }

    /**
     * The region would keep under {@link #MIN_REGION_SHARE} of the words still kept: what it found is a stray
     * passage (an intro paragraph, a notice, a long button label) of a page whose content is its many short
     * lines (a listing, a collection, a table of offers), not an article with chrome around it, which keeps
     * most of its words in its prose. Then what the earlier stages kept is the better answer, as for
     * {@link #littleProse}. A fixpoint like it: a page left whole is left whole again; a page cut keeps
     * (nearly) only its region, so a second cleaning finds the region holding nearly every word. A short
     * article (see {@link #MIN_ARTICLE_PARAGRAPHS}) is bounded whatever its share, when {@code mayBeShortArticle}.
     */
    static boolean regionTooSmall(List<Block> kept, boolean[] main, boolean mayBeShortArticle, double minShare) {
        long all = 0, inRegion = 0, articleWords = 0;
        int paragraphs = 0;
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            int words = b.shape().words();
            all += words;
            if (!main[i]) continue;
            inRegion += words;
            if (Forms.isBody(b)) {
                paragraphs++;
                articleWords += words;
            }
        }
        boolean shortArticle = mayBeShortArticle && paragraphs >= MIN_ARTICLE_PARAGRAPHS && articleWords >= MIN_ARTICLE_WORDS;
        return all > 0 && inRegion < all * minShare && !shortArticle;
    }

    /**
     * A region of this many sentence paragraphs, holding this many words, is a short article however much of
     * the page it holds, and bounds it: AEB dev's text dumps hold wire stories of 100 to 200 words in three or
     * four paragraphs on pages of 1,000 to 2,000 words of menus and teasers (without this, AEB dev 0.895 to
     * 0.880). A listing's introduction is a sentence or two.
     */
    static final int MIN_ARTICLE_PARAGRAPHS = 3;
    static final int MIN_ARTICLE_WORDS = 80;
    /**
     * Share of the kept words the region must hold to bound the page (unless it is a short article). On WCXB
     * dev's text dumps: F1 0.774 to 0.780 at a tenth (lost pages 55 to 38), 0.782 at 0.15 (lost 31), 0.782
     * at a fifth (lost 27) but AEB dev 0.895 to 0.889 there; the pages it leaves whole are listings and
     * collections above all. Articles are even.
     */
    static final double MIN_REGION_SHARE = 0.15;

    /**
     * Page types whose region must hold a larger share of the kept words than {@link #MIN_REGION_SHARE} to bound
     * the page. On a forum the region is one post or the opening post and the thread is the content; on a listing
     * and a service page a region holding a third of the words is an introduction before the items or the
     * offers. Chosen on WCXB dev's text dumps from the pages the region cut, by the share it kept and what cutting
     * cost (2026-12-07): forum 0.702 to 0.735, listing 0.603 to 0.612, service 0.760 to 0.770, all 0.787 to 0.790.
     * Articles keep {@link #MIN_REGION_SHARE}, which AEB dev's short wire stories need.
     */
    static final Map<PageType, Double> MIN_REGION_SHARE_BY_TYPE = Map.of(
            PageType.FORUM, 0.6,
            PageType.LISTING, 0.25,
            PageType.SERVICE, 0.35);

    /**
     * Prose outside the region, as a share of the region's, for the type's share to apply. AEB dev's text dumps
     * hold a two-paragraph story typed as a forum, amid menus and dates and one contact paragraph: with the type's
     * share whenever the region held under 60% (no prose condition), AEB dev text fell from 0.901 to 0.896; with
     * more outside prose than inside required, WCXB's forums gained half as much (0.719 against 0.735 here).
     */
    static final double MIN_OUTSIDE_PROSE = 1.0 / 3;

    /**
     * The share the region must hold on this page: the type's ({@link #MIN_REGION_SHARE_BY_TYPE}) when the page
     * holds prose outside the region too, at least {@link #MIN_OUTSIDE_PROSE} of the region's (the region is one
     * post of a thread, an introduction before the offers), else {@link #MIN_REGION_SHARE}. A short news story the
     * typer took for a forum or a listing has chrome around it, not prose: it is still bounded.
     */
    static double minRegionShare(PageType type, List<Block> kept, boolean[] main) {
        Double byType = MIN_REGION_SHARE_BY_TYPE.get(type);
        if (byType == null) return MIN_REGION_SHARE;
        long inside = 0, outside = 0;
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (!Forms.isBody(b)) continue;
            if (main[i]) inside += b.shape().words();
            else outside += b.shape().words();
        }
        return outside > inside * MIN_OUTSIDE_PROSE ? byType : MIN_REGION_SHARE;
    }

    /**
     * Leaving a page whole for little prose needs this many kept lines that are not prose: the page's
     * content is then a grid or list of items. A small page with a line or two around a short paragraph is
     * bounded as before: left whole, its headline would be taken as the title only by a second cleaning
     * (the line that separated it from the prose being gone), and the output would not be a fixpoint.
     */
    static final int MIN_ITEM_LINES = 10;

    /**
     * Below this many points (a prose block scores its word count) a page holds too little prose to bound:
     * two or three sentences. On WCXB dev text keeping what is left below 40 recovers listings, collections
     * and product pages with articles unchanged (60 does a little more, F1 0.770 against 0.769, but leaves
     * a three-paragraph news brief unbounded); from 80 it costs short news items (AEB dev 0.893 to 0.891 at
     * 80, 0.871 at 120).
     */
    static final int MIN_PROSE_POINTS = 40;
    /**
     * A page whose prose is one block below this many points holds a stray paragraph, not an article (the
     * WCXB error analysis found thresholds of 80 to 160 alike); AEB dev is unchanged up to 200.
     */
    static final int MIN_SINGLE_BLOCK_POINTS = 120;
}
