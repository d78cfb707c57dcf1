package dev.winnow.stages;

import dev.winnow.core.Fallback;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Scorer;
import dev.winnow.core.Segmenter;
import dev.winnow.core.Stage;
import dev.winnow.score.BlockScorer;
import dev.winnow.score.PageType;
import dev.winnow.text.Normalizer;

import java.util.List;
import java.util.Map;

/**
 * The stage chains, built in one place. Order matters: specific stages run first so a cut carries the
 * most precise reason; the main-text region comes after them, and quotes are judged on what is left.
 *
 * <p>The HTML chain reads a learned block scorer ({@link BlockScorer}); its threshold was chosen on
 * out-of-fold runs over WCXB's development pages ({@code make oof}), each page scored by a model
 * trained without its domain.
 */
public final class Profiles {
    private Profiles() {}

    /**
     * HTML: blocks scored under this are cut, and on pages not typed as articles soft markup cuts (comments,
     * sidebars, navigation, links, hiding) are made only under it: the model, trained on every page type,
     * judges what those containers hold where their names are ambiguous.
     */
    static final double HTML_CUT = 0.35;

    /**
     * Page types whose blocks the scorer judges with another cut than {@link #HTML_CUT}, chosen on out-of-fold runs
     * over WCXB's development pages (committed fold models, 2026-12-06). Collection pages: the scorer, trained mostly
     * on articles, calls a grid's tile lines (prices, ratings, stock, short names) chrome, and the benchmark keeps
     * them (0.35: 0.678, 0.10: 0.700 with the veto below). Service pages: the same at a smaller scale (0.836 to 0.841).
     * Forum pages: signatures, member cards and thread chrome are what it misses (0.801 to 0.805 with the prose cut).
     */
    static final Map<PageType, Double> HTML_CUT_BY_TYPE = Map.of(
            PageType.COLLECTION, 0.10, PageType.SERVICE, 0.20, PageType.FORUM, 0.50);
    /** The veto over soft markup cuts: lower on collection pages, whose filters and tiles sit in nav-named lists. */
    static final Map<PageType, Double> HTML_VETO_BY_TYPE = Map.of(PageType.COLLECTION, 0.20);
    /**
     * Long sentences off articles: a forum's long lines that score under this are signatures and thread blurbs. A
     * collection's cut for blocks (0.10) is already under the default for sentences (0.15), so its sentences had no
     * more say than a tile's price; scaled as the default is (0.15 of 0.35), a sentence needs a confident score there
     * too: the buying guide or category text under a grid, which the benchmark keeps. Out-of-fold WCXB (lead's fold
     * models, 2026-12-07): collection 0.7140 to 0.7165, 4 pages up, 1 down; no other page changes.
     */
    static final Map<PageType, Double> HTML_PROSE_CUT_BY_TYPE = Map.of(PageType.FORUM, 0.25, PageType.COLLECTION, 0.04);

    /** The chain for plain scraped text. */
    public static List<Stage> textStages() {
        return ChainProfile.SHIPPED.textStages();
    }

    /**
     * The plain-text chain: rules only. A learned text scorer was measured out of fold on WCXB's text dumps: 0.758 to
     * 0.777 against the rules of the time, and 0.797 to 0.798-0.800 against today's, with lost pages 14 to 19-33
     * (README, "The block scorer"): too little for what it costs.
     */
    public static Pipeline text() {
        return new Pipeline(new Normalizer(), new Segmenter(), textStages());
    }

    /**
     * The chain for HTML: what the markup says first, judged by the scorer where the markup is ambiguous,
     * then the text stages; the main-text region bounds articles only (it is tuned to them), the scorer
     * bounds the other page types (out-of-fold WCXB: 0.829 with the region on every page, 0.844 so).
     */
    public static List<Stage> htmlStages() {
        return ChainProfile.SHIPPED.htmlStages();
    }

    /** The HTML chain with the shipped HTML model. */
    public static Pipeline html() {
        return html(BlockScorer.html());
    }

    /** The HTML chain reading {@code scorer} (a retrained model). */
    public static Pipeline html(Scorer scorer) {
        return new Pipeline(new Normalizer(), new Segmenter(), htmlStages(), scorer);
    }

    /**
     * The fallback chain for HTML whose main chain lost the page's content: markup cuts that spare the
     * content candidate's comments, sidebars, navigation and links, then the candidate bounds the text
     * instead of the main-text region, which is tuned to articles.
     */
    public static List<Stage> lenientMarkupStages() {
        return ChainProfile.SHIPPED.lenientStages();
    }

    public static Pipeline htmlLenient() {
        return new Pipeline(new Normalizer(), new Segmenter(), lenientMarkupStages());
    }

    /** The plain-text chain of a profile file ({@code --profile}). */
    public static Pipeline text(ChainProfile profile) {
        return new Pipeline(new Normalizer(), new Segmenter(), profile.textStages());
    }

    /** The HTML chain and its fallback of a profile file, reading {@code scorer}. */
    public static Fallback htmlWithFallback(ChainProfile profile, Scorer scorer) {
        return new Fallback(new Pipeline(new Normalizer(), new Segmenter(), profile.htmlStages(), scorer),
                new Pipeline(new Normalizer(), new Segmenter(), profile.lenientStages()));
    }

    /** The HTML chain with its safety net: the lenient chain runs when the main one keeps little of the content. */
    public static Fallback htmlWithFallback() {
        return htmlWithFallback(BlockScorer.html());
    }

    /** The same with another HTML model. */
    public static Fallback htmlWithFallback(Scorer scorer) {
        return new Fallback(html(scorer), htmlLenient());
    }
}
