package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Markup;
import dev.winnow.core.Markup.Container;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.score.PageType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTML only: removes blocks that the page's own structure marks as chrome: navigation, headers,
 * footers, sidebars, forms, widgets, related-content and comment blocks, captions, hidden text and
 * link lists, and the text the front end read but a reader does not see as the page (noscript, form
 * controls, templates, embedded content). Blocks without markup (plain text) pass untouched. The most specific container wins
 * the reason (a share bar inside a footer is a widget).
 */
public final class MarkupStage implements Stage {
    /** Prose this long survives being mostly link text (an article paragraph full of links). */
    static final int LINKED_PROSE_WORDS = 40;
    /** A control's text this long that ends with a question mark is an accordion's question, not a label. */
    static final int QUESTION_WORDS = 4;

    /**
     * Containers the lenient mode does not cut inside the page's content candidate: a forum's posts are its
     * content even under class="comment", a listing's items are links, docs sit between sidebars.
     */
    private static final Set<Reason> LENIENT_KEEPS = EnumSet.of(Reason.MARKUP_COMMENTS, Reason.MARKUP_SIDEBAR,
            Reason.MARKUP_NAVIGATION, Reason.MARKUP_RELATED, Reason.MARKUP_FOOTER, Reason.MARKUP_HEADER, Reason.LINK_DENSE,
            Reason.MARKUP_WIDGET, Reason.MARKUP_CAPTION);

    private final boolean lenient;
    /** Blocks the learned scorer gives at least this probability of content escape the cuts {@link #vetoable} names. */
    private final double veto;
    private final Map<PageType, Double> vetoByType;

    /** The strict stage of the main chain. */
    public MarkupStage() {
        this(false, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code lenient}: inside the content candidate, keep what the containers of {@link #LENIENT_KEEPS} would cut;
     * {@code veto}: a block the chain's scorer gives at least this probability escapes the cuts it may overrule
     * (infinite: never).
     */
    public MarkupStage(boolean lenient, double veto) {
        this(lenient, veto, Map.of());
    }

    /** The same, with {@code vetoByType}'s value as the veto on pages of that type. */
    public MarkupStage(boolean lenient, double veto, Map<PageType, Double> vetoByType) {
        this.lenient = lenient;
        this.veto = veto;
        this.vetoByType = Map.copyOf(vetoByType);
    }

    /** The lenient stage of the fallback chain. */
    public static MarkupStage lenient() {
        return new MarkupStage(true, Double.POSITIVE_INFINITY);
    }

    @Override
    public String name() { return lenient ? "markup_lenient" : "markup"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        // an article's markup names its chrome reliably; elsewhere a "comment" or a link list may be the content
        boolean scorerJudges = draft.scored() && !PageKind.isArticle(draft);
        // a shop's customer reviews are not its product nor its catalogue; on a review site or a forum they are the content
        boolean reviewsAreChrome = PageKind.isShop(draft);
        boolean threadInComments = scorerJudges && PageKind.of(draft) == PageType.FORUM && threadInComments(draft);
        boolean article = PageKind.isArticle(draft);
        List<Block> cut = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        List<Block> vetoable = new ArrayList<>();
        for (Block b : draft.kept()) {
            Markup m = b.markup();
            if (m == null) continue;
            Reason r = reasonOf(b, m, threadInComments);
            if (r == Reason.LINK_DENSE && article && isLinkedSubheading(m)) r = null;
            if (r == null && reviewsAreChrome && m.in(Container.REVIEWS)) r = Reason.MARKUP_REVIEWS;
            if (r == null || (lenient && m.in(Container.CANDIDATE) && LENIENT_KEEPS.contains(r))) continue;
            cut.add(b);
            reasons.add(r);
            if (scorerJudges && vetoable(r) && !isFilterForm(m) && !isHeaderMenu(m)) vetoable.add(b);
        }
        // the scores the veto reads, together: cheaper than block by block
        double veto = vetoByType.getOrDefault(PageKind.of(draft), this.veto);
        double[] scores = draft.scores(vetoable);
        for (int i = 0, v = 0; i < cut.size(); i++) {
            Block b = cut.get(i);
            if (v < vetoable.size() && vetoable.get(v) == b && scores[v++] >= veto) continue;
            verdict.drop(b, reasons.get(i));
        }
    }

    /**
     * Cuts the scorer may overrule: the containers whose names say chrome on one page type and content on
     * another, and hiding (a script may reveal it). What a reader never sees as the page (templates,
     * noscript, controls, embedded content) is cut whatever the score.
     */
    private static boolean vetoable(Reason r) {
        // a footer is chrome on every kind of page: what prose it holds is legal text, addresses, newsletters
        return (LENIENT_KEEPS.contains(r) && r != Reason.MARKUP_FOOTER) || r == Reason.MARKUP_HIDDEN;
    }

    /**
     * A form in or around a panel named for filtering (facet, filter, sort words in a class or id) holds a grid's filter
     * options: controls of the page, whatever a score says of their labels ("Dark Roast (16)"), where a form alone may
     * hold a forum's posts.
     */
    static boolean isFilterForm(Markup m) {
        return m.in(Container.FORM) && m.in(Container.FACETS);
    }

    /**
     * A menu in the page's header (navigation inside a header element or a header-named container) is the site's menu on
     * every kind of page, whatever a score says of its labels: the veto is for the filters, tiles and categories a
     * page of items lists in nav-named containers of its body. WCXB dev HTML (2026-12-07): on pages not typed as articles,
     * the veto kept 659 such blocks, whose words were mostly not the reference's (845 of 1,365, and most of the rest
     * category names the reference repeats elsewhere).
     */
    static boolean isHeaderMenu(Markup m) {
        return m.in(Container.NAVIGATION) && m.in(Container.HEADER);
    }

    /**
     * A subheading (h2-h6) inside the page's content candidate that is a link: in an article, a roundup's entry titled with
     * a link to what it reviews ("3. Klein Tools 85191 Screwdriver"), not a menu. Teasers for other stories that look like
     * this are the headline stage's to cut. WCXB dev HTML, out of fold (2026-12-07): article 0.9435 to 0.9439, 56 pages
     * up, 22 down; other types unchanged.
     */
    static boolean isLinkedSubheading(Markup m) {
        return m.headingLevel() >= 2 && m.in(Container.CANDIDATE);
    }

    /**
     * A button's text that is a question of a few words is an FAQ accordion's heading ("How long does delivery
     * take?"), which the page shows; a control's own label ("Add to cart", "Search") asks nothing.
     */
    static boolean isAccordionQuestion(Block b) {
        return b.shape().words() >= QUESTION_WORDS && b.text().endsWith("?");
    }

    /**
     * A forum whose comment containers hold at least as many words as the page's unmarked text prints its thread (the
     * opening post's replies, or every post) under class="comment": there they are the content, and the scorer judges
     * their member cards and signatures. Where the comments hold less (answers with comment threads under them, a blog
     * post's discussion) they stay chrome.
     */
    static boolean threadInComments(Draft draft) {
        long comments = 0, plain = 0;
        for (Block b : draft.kept()) {
            Markup m = b.markup();
            if (m == null) continue;
            Reason r = reasonOf(b, m);
            if (r == Reason.MARKUP_COMMENTS) comments += b.shape().words();
            else if (r == null) plain += b.shape().words();
        }
        return comments > 0 && comments >= plain;
    }

    /**
     * Text standing directly in a {@code <fieldset>} (not in a paragraph or heading of its own) is the labels of the
     * controls it groups: a grid's colour and size swatches ("Option: Bookcase, white"), a poll's choices. Shops print
     * such groups outside any form, where the form rule does not see them. WCXB dev HTML: of the 4,700 words such
     * blocks hold over all pages, 6 are in the benchmark's content. Out of fold (2026-12-08): collection 0.704 to 0.712
     * (5 pages up, one shop's grids), a product and a service page up by a little, none down.
     */
    static boolean isControlGroup(Markup m) {
        return "fieldset".equals(m.tag());
    }

    static Reason reasonOf(Block b, Markup m) {
        return reasonOf(b, m, false);
    }

    /** The cut the markup names for {@code b}; {@code commentsAreContent}: comment containers name none. */
    static Reason reasonOf(Block b, Markup m, boolean commentsAreContent) {
        // what the element itself says is not page text comes first: a select inside a nav is a control
        if (m.in(Container.TEMPLATE)) return Reason.MARKUP_TEMPLATE;
        if (m.in(Container.NOSCRIPT)) return Reason.MARKUP_NOSCRIPT;
        if (m.in(Container.CONTROL) && !isAccordionQuestion(b)) return Reason.MARKUP_CONTROL;
        if (m.in(Container.EMBEDDED)) return Reason.MARKUP_EMBEDDED;
        if (m.in(Container.HEAD)) return null;      // the page's own summary, read only when its body shows nothing
        if (m.in(Container.HIDDEN)) return Reason.MARKUP_HIDDEN;
        if (m.in(Container.CAPTION)) return Reason.MARKUP_CAPTION;
        if (m.in(Container.COMMENTS) && !commentsAreContent) return Reason.MARKUP_COMMENTS;
        // embedded posts (tweets) are blockquotes inside "social" wrappers: quoted content, not a share bar
        if (m.in(Container.SHARE) && !m.in(Container.QUOTE)) return Reason.MARKUP_WIDGET;
        if (m.in(Container.RELATED)) return Reason.MARKUP_RELATED;
        if (m.in(Container.FORM) || isControlGroup(m)) return Reason.MARKUP_FORM;
        if (m.in(Container.NAVIGATION)) return Reason.MARKUP_NAVIGATION;
        if (m.in(Container.ASIDE)) return Reason.MARKUP_SIDEBAR;
        if (m.in(Container.FOOTER)) return Reason.MARKUP_FOOTER;
        if (m.in(Container.HEADER) && !Forms.isBody(b)) return Reason.MARKUP_HEADER;
        // a sentence that is mostly a link ("Get more meal ideas here!") is still prose
        if (m.isLinkText() && b.shape().words() < LINKED_PROSE_WORDS && !b.shape().isSentence()) {
            return Reason.LINK_DENSE;
        }
        return null;
    }
}
