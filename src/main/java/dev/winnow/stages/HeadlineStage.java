package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.text.WordSet;

import java.util.List;

/**
 * Headlines of other stories: headline-shaped lines after the article's prose has begun that do not
 * introduce prose of their own (trailing teasers, "more stories" lists) and are topically distant
 * from the article (few of their content words occur in its prose). A subheading is followed by
 * prose and shares the article's vocabulary, so it stays.
 */
public final class HeadlineStage implements Stage {
    /** A headline whose content words occur in the article's prose at least this often is on topic. */
    static final double ON_TOPIC = 0.5;
    /** Words shorter than this (and not numbers) are mostly function words and say nothing of the topic. */
    static final int CONTENT_WORD_LENGTH = 4;

    @Override
    public String name() { return "headlines"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        List<Block> kept = draft.kept();
        int firstBody = -1;
        for (int i = 0; i < kept.size() && firstBody < 0; i++) if (Forms.isBody(kept.get(i))) firstBody = i;
        if (firstBody < 0) return;
        WordSet vocabulary = null;           // built only when a candidate needs it
        for (int i = firstBody + 1; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (!Forms.isTitleLike(b)) continue;
            // in markup, a teaser for another story is a link; unlinked lines are the article's own
            if (b.markup() != null && !b.markup().isLinkText()) continue;
            boolean introducesProse = i + 1 < kept.size() && Forms.isBody(kept.get(i + 1));
            if (introducesProse || Forms.isNameList(b)) continue;
            if (vocabulary == null) vocabulary = proseVocabulary(kept);
            if (vocabulary.shareFound(b.key(), CONTENT_WORD_LENGTH) < ON_TOPIC) verdict.drop(b, Reason.UNRELATED_HEADLINE);
        }
    }

    private static WordSet proseVocabulary(List<Block> kept) {
        WordSet vocabulary = new WordSet();
        for (Block b : kept) if (Forms.isBody(b)) vocabulary.addWords(b.key(), CONTENT_WORD_LENGTH);
        return vocabulary;
    }
}
