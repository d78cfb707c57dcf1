package dev.winnow.corpus;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.score.PageType;

/**
 * Cuts lines that recur across many documents of the document's site ({@code site_repeated_line}):
 * what one page cannot show as boilerplate, the site's other pages do. Whole lines only: an article
 * line that merely contains a common phrase is a different line and stays. On a collection page, a line of the
 * grid's tiles stays: the site's category pages print their items through one template, so a tile's labels and
 * values ("Weight:", a price, a badge) recur across them, and they are the items the page lists.
 */
final class SiteLinesStage implements Stage {
    static final String NAME = "site_lines";
    /**
     * A block in a run of at least this many look-alike siblings sits in a grid's tiles. WCXB dev, collection pages
     * (2026-12-07): of the words this stage cut inside such runs, about 5,000 were the reference's and 2,000 not.
     */
    static final int GRID_RUN = 3;

    private final CorpusFacts facts;
    private final String origin;

    SiteLinesStage(CorpusFacts facts, String origin) {
        this.facts = facts;
        this.origin = origin;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        long site = Site.key(draft.metadata().get(Field.URL), origin);
        boolean grid = PageType.kindOf(draft.metadata()) == PageType.COLLECTION;
        for (Block b : draft.kept()) {
            if (grid && inTiles(b)) continue;
            if (facts.repeatedLine(LineKey.of(site, b.text()))) verdict.drop(b, Reason.SITE_REPEATED_LINE);
        }
    }

    /** A block of a grid's tiles: it sits in a run of {@link #GRID_RUN} or more look-alike siblings. */
    static boolean inTiles(Block b) {
        return b.markup() != null && b.markup().lookAlikes() >= GRID_RUN;
    }
}
