package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Markup;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.text.TextShape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * URL slugs, the headlines printed beside them, and repeated blocks. Link cards render as a slug
 * (or URL) next to its headline; when the headline is the article's own, the copy after the first is
 * a repeated title; after the article's prose starts it is a teaser for another story. Any block that
 * repeats an earlier one word for word is removed at its second occurrence, and so is a long block made of
 * text kept before it: a scrape that also dumped the page's structured data (JSON-LD's articleBody) or its
 * print view holds the article again, cut into chunks that join several paragraphs.
 */
public final class SlugStage implements Stage {
    /** A repeat this long on a page whose repeats are copies is a copy; shorter ones are labels (Reply, Add to cart). */
    static final int MIN_COPY_WORDS = 3;
    /** Words a block needs before its restating of earlier text is judged: shorter ones are quotes and labels. */
    static final int MIN_RESTATED_WORDS = 50;
    /** Word n-grams compared for restated text: long enough that shared phrases of one article do not match. */
    static final int RESTATED_GRAM = 6;
    /** Share of a block's word n-grams found in earlier kept blocks for it to be a copy of them. */
    static final double RESTATED_SHARE = 0.75;
    /** Earlier blocks a restating block must join: a dump chunk spans several paragraphs. */
    static final int RESTATED_SOURCES = 3;
    /** Share of a restating block's n-grams each of those earlier blocks must give. */
    static final double RESTATED_PART = 0.1;
    /** Share of a headline's words its slug must spell out for the two to count as one link card. */
    static final double SLUG_MATCH = 0.8;

    @Override
    public String name() { return "slugs"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        List<Block> kept = draft.kept();
        boolean[] cut = new boolean[kept.size()];
        int firstBody = -1;
        for (int i = 0; i < kept.size() && firstBody < 0; i++) if (Forms.isBody(kept.get(i))) firstBody = i;

        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (!Forms.isSlug(b.text())) continue;
            verdict.drop(b, Reason.URL_SLUG);
            cut[i] = true;
            for (int j : new int[] {i + 1, i - 1}) {
                if (j < 0 || j >= kept.size() || cut[j]) continue;
                Block headline = kept.get(j);
                if (!Forms.isTitleLike(headline) || !spells(b.text(), headline.text())) continue;
                if (firstBody >= 0 && j > firstBody) {
                    verdict.drop(headline, Reason.UNRELATED_HEADLINE);
                    cut[j] = true;
                }
                break;
            }
        }

        Map<String, Integer> seen = new HashMap<>();
        GramIndex earlierGrams = new GramIndex();
        boolean copies = PageKind.repeatsAreCopies(draft);
        for (int i = 0; i < kept.size(); i++) {
            if (cut[i]) continue;
            Block b = kept.get(i);
            if (isDoubledTile(b, previous(kept, i, cut))) {
                verdict.drop(b, Reason.DUPLICATE_BLOCK);
                cut[i] = true;
                continue;
            }
            // in markup, repeated text is content (a recipe's steps per meal) unless it is a link (a teaser), or
            // the page is of a kind whose repeats are copies (a quoted post) and the block is more than a label
            if (b.markup() != null && !b.markup().isLinkText()
                    && !(copies && b.shape().words() >= MIN_COPY_WORDS)) continue;
            // a code listing repeats its lines ("}", "return result;", "</div>"): they are the listing's, not copies
            if (b.shape().words() <= Forms.MAX_TITLE_WORDS && Forms.isCodeLine(b)) continue;
            // short lines repeat with different punctuation or case; long paragraphs repeat verbatim
            String key = b.shape().words() <= Forms.MAX_TITLE_WORDS ? b.key() : b.text();
            if (key.isEmpty()) continue;
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier == null) {
                // a quoted post restates an earlier one by design: on such pages only verbatim copies go
                if (b.markup() != null || copies || !restates(b, i, earlierGrams)) continue;
                verdict.drop(b, Reason.DUPLICATE_BLOCK);
                continue;
            }
            if (!cut[earlier] && isContentsEntry(kept, earlier, i, cut)) {
                // the first copy is an entry of a table of contents (or a menu) and this one heads its section:
                // the entry goes, so the heading stays with its prose wherever the article's region is drawn
                verdict.drop(kept.get(earlier), Reason.DUPLICATE_BLOCK);
                cut[earlier] = true;
                seen.put(key, i);
                continue;
            }
            boolean title = (firstBody < 0 || earlier < firstBody) && Forms.isTitleLike(kept.get(earlier));
            verdict.drop(kept.get(i), title ? Reason.REPEATED_TITLE : Reason.DUPLICATE_BLOCK);
            cut[i] = true;
        }
    }

    /** Words a block repeating the one just before it may have for the two to be one tile's name printed twice. */
    static final int DOUBLED_TILE_WORDS = 12;

    /**
     * A short block of markup that repeats the block kept just before it word for word: a tile printing its name twice
     * (the image's link text, then the title's), which a reader sees once. Apart from each other the same words are
     * two items (two products named alike), and in a table two cells ("Yes", "Yes"); code lines repeat by design.
     * WCXB dev HTML, out of fold (lead's fold models, 2026-12-07): 79 pages up, 17 down; collection 0.7165 to 0.7175,
     * listing 0.7134 to 0.7146, product 0.6817 to 0.6821, all 0.8717 to 0.8720, documentation 0.9400 to 0.9399.
     */
    static boolean isDoubledTile(Block b, Block before) {
        if (before == null || b.markup() == null || before.markup() == null) return false;
        if (b.shape().words() > DOUBLED_TILE_WORDS || b.markup().in(Markup.Container.TABLE) || Forms.isCodeLine(b)) return false;
        String key = b.key();
        return !key.isEmpty() && key.equals(before.key());
    }

    private static Block previous(List<Block> kept, int i, boolean[] cut) {
        for (int j = i - 1; j >= 0; j--) if (!cut[j]) return kept.get(j);
        return null;
    }

    /**
     * Whether the block at {@code entry} lists the heading at {@code heading}, as a table of contents or a menu
     * does: plain text only (markup says which is which), the heading leads prose (a paragraph within the next
     * {@link #HEADING_REACH} blocks: a subheading or a lead-in line may come between), and the entry does not: it is
     * bulleted where the heading is not, or followed by another short line.
     */
    static boolean isContentsEntry(List<Block> kept, int entry, int heading, boolean[] cut) {
        Block e = kept.get(entry);
        if (e.markup() != null || e.shape().words() > Forms.MAX_TITLE_WORDS || Forms.isBody(e)) return false;
        Block afterEntry = next(kept, entry, cut);
        if (afterEntry == null || afterEntry == kept.get(heading)) return false;   // one line printed twice in a row: the first stays
        if (!leadsProse(kept, heading, cut)) return false;     // a footer's copy of a menu entry: the first stays
        // a bulleted entry repeating an unbulleted line: the list is the contents, the line its heading
        if (e.listItem() && !kept.get(heading).listItem()) return true;
        return !Forms.isBody(afterEntry) && afterEntry.shape().words() <= Forms.MAX_TITLE_WORDS;
    }

    /** Blocks after a heading within which its section's first paragraph must come. */
    static final int HEADING_REACH = 2;

    private static boolean leadsProse(List<Block> kept, int heading, boolean[] cut) {
        int seen = 0;
        for (int j = heading + 1; j < kept.size() && seen < HEADING_REACH; j++) {
            if (cut[j]) continue;
            if (Forms.isBody(kept.get(j))) return true;
            seen++;
        }
        return false;
    }

    private static Block next(List<Block> kept, int i, boolean[] cut) {
        for (int j = i + 1; j < kept.size(); j++) if (!cut[j]) return kept.get(j);
        return null;
    }

    /**
     * Whether a long block is made of text kept before it: most of its word n-grams were seen in earlier
     * blocks, and in at least three of them, each giving a good part. A dump joins several paragraphs into one
     * chunk; a block that varies one earlier block (the same offer for another product, a schedule for
     * another week) is a page's own template, not a copy. Adds the block's n-grams to {@code earlier}, each
     * with the first block that had it, when it is not a copy, so later copies are measured against everything kept.
     */
    static boolean restates(Block b, int index, GramIndex earlier) {
        int[] words = wordHashes(b.key());
        int grams = words.length - RESTATED_GRAM + 1;
        if (grams <= 0) return false;
        long[] hashes = new long[grams];
        int[] sources = new int[grams];
        int found = 0;
        for (int i = 0; i < grams; i++) {
            long h = 1125899906842597L;
            for (int k = i; k < i + RESTATED_GRAM; k++) h = 31 * h + words[k];
            hashes[i] = h;
            int source = earlier.get(h);
            if (source >= 0) sources[found++] = source;
        }
        if (words.length >= MIN_RESTATED_WORDS && found >= grams * RESTATED_SHARE
                && sourcesGiving(sources, found, grams * RESTATED_PART) >= RESTATED_SOURCES) {
            return true;
        }
        for (long h : hashes) earlier.putIfAbsent(h, index);
        return false;
    }

    /** How many distinct blocks among the first {@code found} of {@code sources} give at least {@code least} n-grams. */
    private static int sourcesGiving(int[] sources, int found, double least) {
        int[] sorted = java.util.Arrays.copyOf(sources, found);
        java.util.Arrays.sort(sorted);
        int count = 0;
        for (int i = 0, run = 1; i < found; i++, run++) {
            if (i + 1 < found && sorted[i + 1] == sorted[i]) continue;
            if (run >= least) count++;
            run = 0;
        }
        return count;
    }

    /** {@link String#hashCode} of each word of a key (words joined by single spaces), without splitting it. */
    private static int[] wordHashes(String key) {
        int words = 1;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) == ' ') words++;
        int[] hashes = new int[words];
        int w = 0, h = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ') {
                hashes[w++] = h;
                h = 0;
            } else {
                h = 31 * h + c;
            }
        }
        hashes[w] = h;
        return hashes;
    }

    /** The slug spells out (nearly) all the words of the headline. */
    static boolean spells(String slug, String headline) {
        List<String> slugWords = List.of(TextShape.key(slug).split(" "));
        String[] words = TextShape.key(headline).split(" ");
        int found = 0;
        for (String w : words) if (slugWords.contains(w)) found++;
        return words.length > 0 && found >= words.length * SLUG_MATCH;
    }
}
