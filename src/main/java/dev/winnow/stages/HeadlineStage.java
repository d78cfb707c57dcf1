package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Headlines of other stories: headline-shaped lines after the article's prose has begun that do not
 * introduce prose of their own (trailing teasers, "more stories" lists) and are topically distant
 * from the article (few of their content words occur in its prose). A subheading is followed by
 * prose and shares the article's vocabulary, so it stays.
 */
public final class HeadlineStage implements Stage {
    /** A headline whose content words occur in the article's prose at least this often is on topic. */
    static final double ON_TOPIC = 0.5;

    @Override
    public String name() { return "headlines"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        List<Block> kept = draft.kept();
        int firstBody = -1;
        for (int i = 0; i < kept.size() && firstBody < 0; i++) if (Forms.isBody(kept.get(i))) firstBody = i;
        if (firstBody < 0) return;
        Set<String> vocabulary = null;       // built only when a candidate needs it
        for (int i = firstBody + 1; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (!Forms.isTitleLike(b)) continue;
            boolean introducesProse = i + 1 < kept.size() && Forms.isBody(kept.get(i + 1));
            if (introducesProse || Forms.isNameList(b.text())) continue;
            if (vocabulary == null) vocabulary = proseVocabulary(kept);
            if (overlap(b.key(), vocabulary) < ON_TOPIC) verdict.drop(b, Reason.UNRELATED_HEADLINE);
        }
    }

    private static Set<String> proseVocabulary(List<Block> kept) {
        Set<String> vocabulary = new HashSet<>();
        for (Block b : kept) if (Forms.isBody(b)) vocabulary.addAll(Forms.contentWords(b.key()));
        return vocabulary;
    }

    /** Share of the headline's content words found in the article's prose. */
    static double overlap(String headlineKey, Set<String> vocabulary) {
        List<String> words = Forms.contentWords(headlineKey);
        if (words.isEmpty()) return 1;
        int found = 0;
        for (String w : words) if (vocabulary.contains(w)) found++;
        return (double) found / words.size();
    }
}
