package dev.winnow.corpus;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;

/**
 * Cuts lines that recur across many documents of the document's site ({@code site_repeated_line}):
 * what one page cannot show as boilerplate, the site's other pages do. Whole lines only: an article
 * line that merely contains a common phrase is a different line and stays.
 */
final class SiteLinesStage implements Stage {
    static final String NAME = "site_lines";

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
        for (Block b : draft.kept()) {
            if (facts.repeatedLine(LineKey.of(site, b.text()))) verdict.drop(b, Reason.SITE_REPEATED_LINE);
        }
    }
}
