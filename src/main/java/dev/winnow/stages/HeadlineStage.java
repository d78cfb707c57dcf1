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
        boolean listing = PageKind.itemsAreContent(draft);
        for (int i = firstBody + 1; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (!Forms.isHeadlineShaped(b)) continue;
            // in markup, a teaser for another story is a link; unlinked lines are the article's own
            if (b.markup() != null && (!b.markup().isLinkText() || listing)) continue;
            boolean introducesProse = i + 1 < kept.size() && Forms.isBody(kept.get(i + 1));
            if (introducesProse || Forms.isNameList(b)) continue;
            if (vocabulary == null) vocabulary = proseVocabulary(kept, MainRegion.of(draft));
            if (vocabulary.shareFound(b.key(), CONTENT_WORD_LENGTH) < ON_TOPIC) verdict.drop(b, Reason.UNRELATED_HEADLINE);
        }
    }

    /**
     * The words of the prose in the main text region: what the record will keep. Prose outside it
     * (teaser summaries, comments) would make unrelated headlines look on topic, and a second cleaning
     * of the record, which no longer has that prose, would judge them differently.
     */
    private static WordSet proseVocabulary(List<Block> kept, MainRegion region) {
        WordSet vocabulary = new WordSet();
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (region.contains(i) && Forms.isBody(b)) vocabulary.addWords(b.key(), CONTENT_WORD_LENGTH);
        }
        return vocabulary;
    }
}
