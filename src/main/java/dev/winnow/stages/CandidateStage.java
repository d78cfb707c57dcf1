package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Markup.Container;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;

/**
 * The fallback's bound on the text: keeps the page's content candidate (marked by the HTML front end)
 * and removes what lies outside it as {@code outside_main_text}. Pages without a candidate, and blocks
 * without markup, pass untouched.
 */
public final class CandidateStage implements Stage {
    @Override
    public String name() { return "candidate"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        boolean any = false;
        for (Block b : draft.kept()) {
            if (b.markup() != null && b.markup().in(Container.CANDIDATE)) {
                any = true;
                break;
            }
        }
        if (!any) return;
        for (Block b : draft.kept()) {
            if (b.markup() != null && !b.markup().in(Container.CANDIDATE) && !b.markup().in(Container.HEAD)) {
                verdict.drop(b, Reason.OUTSIDE_MAIN_TEXT);
            }
        }
    }
}
