package dev.winnow.corpus;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.text.Quotes;
import dev.winnow.text.TextShape;

/**
 * With {@code --dedupe-quotes=corpus}: a paragraph that mostly restates a quotation an earlier article
 * of the corpus already carries is cut ({@code corpus_repeated_quote}), the same rule the per-article
 * {@code quotes} stage applies within one article. A paragraph that quotes briefly amid its own text
 * stays whole: cuts never split a paragraph in the middle.
 */
final class CorpusQuotesStage implements Stage {
    static final String NAME = "corpus_quotes";
    /** As in the per-article stage: the repeated quotation is at least half the paragraph. */
    static final double RESTATEMENT_SHARE = 0.5;

    private final CorpusFacts facts;
    private final long position;

    CorpusQuotesStage(CorpusFacts facts, long position) {
        this.facts = facts;
        this.position = position;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        for (Block b : draft.kept()) {
            int repeatedWords = 0;
            for (Quotes.Quote q : Quotes.find(b.text())) {
                if (facts.quoteRepeated(position, TextShape.key(q.text()))) repeatedWords += q.words();
            }
            if (repeatedWords > 0 && repeatedWords >= b.shape().words() * RESTATEMENT_SHARE) {
                verdict.drop(b, Reason.CORPUS_REPEATED_QUOTE);
            }
        }
    }
}
