package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;

import java.util.List;

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
        if (articlesOnly && !PageKind.isArticle(draft)) return;
        MainRegion region = MainRegion.of(draft);
        if (region.isEmpty()) return;      // no prose at all: nothing to anchor on, keep what is left
        List<Block> kept = draft.kept();
        for (int i = 0; i < kept.size(); i++) {
            if (!region.contains(i)) verdict.drop(kept.get(i), Reason.OUTSIDE_MAIN_TEXT);
        }
    }
}
