package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Markup;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.score.PageType;
import dev.winnow.text.WordSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** A story card holds at most this many blocks: a linked title, a byline, a date, a label, its summary. */
    static final int MAX_CARD_BLOCKS = 6;
    /** Cards come in runs: a teaser stands among at least this many look-alike siblings. */
    static final int MIN_CARDS = 3;

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
        // a listing's or a collection's headlines are its items: on WCXB's dev text dumps, 18 of the 24 such pages
        // lost to this cut were one of the two (an article's trailing teasers stay the cut's business). A
        // documentation page's are its section headings: this cut took 21,000 words from 81 of 91 such pages. A service
        // page's are its sections too (what the firm offers, a line each): WCXB text dumps, service 0.751 to 0.760
        PageType type = PageKind.of(draft);
        boolean listsItems = listing || type == PageType.COLLECTION || type == PageType.DOCUMENTATION || type == PageType.SERVICE;
        // an article's checklist: its tasks are the article, however little they share with its prose
        boolean checklist = type == PageType.ARTICLE && NavigationStage.isChecklist(kept);
        // a product's specifications ("Materials: Ceramic", "Memory: 8 GB RAM") are headline-shaped lines that share few
        // words with its description: in plain text they are what the product is (WCXB dev text dumps, out of fold,
        // 2026-12-08: of the product pages' spec lines this cut, 76% of the words were reference text; product 0.5403 to
        // 0.5425, 17 pages up, 11 down). In markup a spec line is rarely link text, which this cut needs there anyway.
        boolean specs = type == PageType.PRODUCT;
        for (int i = firstBody + 1; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (!Forms.isHeadlineShaped(b) || (checklist && NavigationStage.isChecklistItem(b))) continue;
            // in markup, a teaser for another story is a link; unlinked lines are the article's own
            if (listsItems || (b.markup() != null && !b.markup().isLinkText())) continue;
            if (specs && b.markup() == null && Forms.isSpecLine(b)) continue;
            boolean introducesProse = i + 1 < kept.size() && Forms.isBody(kept.get(i + 1));
            if (introducesProse || Forms.isNameList(b)) continue;
            if (vocabulary == null) vocabulary = proseVocabulary(kept, MainRegion.of(draft));
            if (vocabulary.shareFound(b.key(), CONTENT_WORD_LENGTH) < ON_TOPIC) verdict.drop(b, Reason.UNRELATED_HEADLINE);
        }
        if (!listing && PageKind.isArticle(draft)) dropTeasers(draft, kept, firstBody, verdict);
    }

    /**
     * The summaries of other stories' cards on an article page: a card is a small section of the layout,
     * repeated beside look-alikes, that opens with a linked headline (cut as a link by then, or above).
     * On a listing such cards are the content. Cards inside the page's content candidate are the article's
     * own (a listicle's reviewed products, a roundup's courses): on WCXB's dev articles, 250 of 350 such
     * summaries inside the candidate were reference text, 26 of 210 outside it.
     */
    private static void dropTeasers(Draft draft, List<Block> kept, int firstBody, Verdict verdict) {
        Map<Integer, Integer> blocksIn = null;
        for (int i = firstBody + 1; i < kept.size(); i++) {
            Block b = kept.get(i);
            Markup m = b.markup();
            if (m == null || m.in(Markup.Container.CANDIDATE) || m.isLinkText() || m.lookAlikes() < MIN_CARDS
                    || m.sections().length == 0 || !Forms.isBody(b)) continue;
            if (blocksIn == null) blocksIn = blocksPerSection(draft);
            if (opensWithLinkedHeadline(draft, b, blocksIn)) verdict.drop(b, Reason.TEASER);
        }
    }

    /** The block's card, its nearest or next enclosing section if small, holds a linked headline before it. */
    private static boolean opensWithLinkedHeadline(Draft draft, Block b, Map<Integer, Integer> blocksIn) {
        int[] sections = b.markup().sections();
        for (int d = 0; d < Math.min(2, sections.length); d++) {
            int card = sections[d];
            if (blocksIn.getOrDefault(card, 0) > MAX_CARD_BLOCKS) return false;
            for (int j = b.index() - 1; j >= 0; j--) {
                Block h = draft.block(j);
                if (h.markup() == null || !h.markup().within(card)) break;
                if (h.markup().isLinkText() && Forms.isHeadlineShaped(h)) return true;
            }
        }
        return false;
    }

    private static Map<Integer, Integer> blocksPerSection(Draft draft) {
        Map<Integer, Integer> n = new HashMap<>();
        for (int i = 0; i < draft.size(); i++) {
            Markup m = draft.block(i).markup();
            if (m != null) for (int s : m.sections()) n.merge(s, 1, Integer::sum);
        }
        return n;
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
