package dev.winnow.corpus;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * What the first pass learned about the corpus, as the second pass's corpus stages read it. Immutable;
 * sets of keys are sorted arrays, compact to hold, ship to Spark executors and save for a resumed run.
 *
 * @param repeatedLines site line keys that are boilerplate on their site, sorted
 * @param clusters      near-duplicate clusters, for clustered documents only (others are alone)
 * @param quoteRepeats  {@link Hash64#pair}(position, quotation key hash) of each quotation occurrence
 *                      that an article earlier in input order already carries, sorted
 */
public record CorpusFacts(long[] repeatedLines, Map<Long, Cluster> clusters, long[] quoteRepeats) implements Serializable {

    public static final CorpusFacts NONE = new CorpusFacts(new long[0], Map.of(), new long[0]);

    public boolean repeatedLine(long lineKey) {
        return lineKey != 0 && Arrays.binarySearch(repeatedLines, lineKey) >= 0;
    }

    public Cluster cluster(long position, String id) {
        Cluster c = clusters.get(position);
        return c != null ? c : Cluster.single(id, position);
    }

    /** The position of the document's cluster representative: copies of one article count once. */
    public static long root(Map<Long, Cluster> clusters, long position) {
        Cluster c = clusters.get(position);
        return c == null ? position : c.root();
    }

    public boolean quoteRepeated(long position, String quoteKey) {
        return Arrays.binarySearch(quoteRepeats, Hash64.pair(position, Hash64.of(quoteKey))) >= 0;
    }
}
