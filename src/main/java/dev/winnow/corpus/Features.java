package dev.winnow.corpus;

import dev.winnow.core.Block;
import dev.winnow.core.Document;
import dev.winnow.core.Field;

import java.io.Serializable;
import java.util.List;

/**
 * What the corpus stages need to know of one cleaned document, gathered in the first pass.
 *
 * @param position the document's place in input order (see {@link Positions})
 * @param lines    distinct {@link LineKey}s of its kept blocks within its site
 * @param bands    its {@link MinHash} band keys
 * @param quotes   its distinct quotations, in order, as in {@code metadata.quotes}
 */
public record Features(long position, String id, long[] lines, long[] bands, List<String> quotes) implements Serializable {

    public static Features of(long position, String id, Document doc, String origin) {
        long site = Site.key(doc.metadata().get(Field.URL), origin);
        List<Block> body = doc.body();
        long[] lines = new long[body.size()];
        int n = 0;
        for (Block b : body) {
            long key = LineKey.of(site, b.text());
            if (key != 0) lines[n++] = key;
        }
        lines = java.util.Arrays.stream(lines, 0, n).sorted().distinct().toArray();
        return new Features(position, id, lines, MinHash.bands(doc.text()), doc.metadata().all(Field.QUOTES));
    }
}
