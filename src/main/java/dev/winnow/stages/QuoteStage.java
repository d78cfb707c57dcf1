package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.text.Quotes;
import dev.winnow.text.TextShape;

import java.util.ArrayList;
import java.util.List;

/**
 * Repeated quotations. A quotation stays at its first occurrence; a later paragraph that mostly
 * restates an already quoted passage (the quote makes up most of it, with at most an attribution
 * around it) is removed. The article's distinct quotations, in order, go to {@code metadata.quotes}.
 */
public final class QuoteStage implements Stage {
    /** Quotations shorter than this are scare quotes or names, not statements. */
    static final int MIN_QUOTE_WORDS = 4;
    /** Only quotations at least this long are compared: short phrases recur legitimately. */
    static final int MIN_REPEAT_WORDS = 6;
    /** A paragraph "only restates" a quote when the repeated quotation is at least this share of it. */
    static final double RESTATEMENT_SHARE = 0.5;
    /** A longer repeat restates an earlier quotation when the earlier words are at least this share of it. */
    static final double MIN_SHARED_SHARE = 0.6;

    @Override
    public String name() { return "quotes"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        List<String> earlier = new ArrayList<>();     // padded keys of earlier quotations long enough to compare
        for (Block b : draft.kept()) {
            List<Quotes.Quote> quotes = Quotes.find(b.text());
            if (quotes.isEmpty()) continue;
            if (restatesEarlier(b, quotes, earlier)) {
                verdict.drop(b, Reason.REPEATED_QUOTE);
                continue;
            }
            for (Quotes.Quote q : quotes) {
                int words = q.words();
                if (words < MIN_QUOTE_WORDS) continue;
                if (words >= MIN_REPEAT_WORDS) earlier.add(padded(q.text()));
                verdict.set(Field.QUOTES, q.text());
            }
        }
    }

    /**
     * A later, longer quotation restates an earlier one only when it adds little ("(He) underscored the
     * need to" before the same words); one that adds much is the fuller statement and stays.
     */
    private static boolean extendsLittle(String earlier, String later) {
        return wordsOf(earlier) >= wordsOf(later) * MIN_SHARED_SHARE;
    }

    private static int wordsOf(String padded) {
        int n = -1;
        for (int i = 0; i < padded.length(); i++) if (padded.charAt(i) == ' ') n++;
        return n;
    }

    /** " words of the quote ": padded so that containment matches whole words only. */
    private static String padded(String quote) {
        return " " + TextShape.key(quote) + " ";
    }

    /**
     * Every long quotation of the paragraph restates an earlier one (the shorter one's words stand,
     * in order, inside the longer one's) and together they make up most of the paragraph.
     */
    private static boolean restatesEarlier(Block b, List<Quotes.Quote> quotes, List<String> earlier) {
        int repeatedWords = 0;
        for (Quotes.Quote q : quotes) {
            int words = q.words();
            if (words < MIN_REPEAT_WORDS) continue;
            String key = padded(q.text());
            boolean repeated = false;
            for (String e : earlier) {
                if (key.length() <= e.length() ? e.contains(key) : key.contains(e) && extendsLittle(e, key)) {
                    repeated = true;
                    break;
                }
            }
            if (!repeated) return false;          // the paragraph brings a new quotation: keep it
            repeatedWords += words;
        }
        return repeatedWords > 0 && repeatedWords >= b.shape().words() * RESTATEMENT_SHARE;
    }
}
