package dev.winnow.corpus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClustersTest {
    @Test
    void theEarliestDocumentRepresentsAClusterWhateverTheOrderOfPairs() {
        List<long[]> pairs = new ArrayList<>(List.of(new long[]{5, 9}, new long[]{9, 2}, new long[]{7, 8}, new long[]{3, 5}));
        Map<Long, Cluster> first = null;
        for (int shuffle = 0; shuffle < 20; shuffle++) {
            Collections.shuffle(pairs, new Random(shuffle));
            Clusters c = new Clusters();
            for (long[] p : pairs) c.union(p[0], p[1]);
            Map<Long, Cluster> built = c.build(x -> "doc" + x);
            if (first == null) first = built;
            assertEquals(first, built);
        }
        assertEquals(new Cluster("doc2", 2, true, 4), first.get(2L));
        assertEquals(new Cluster("doc2", 2, false, 4), first.get(9L));
        assertEquals(new Cluster("doc7", 7, false, 2), first.get(8L));
        assertEquals(6, first.size(), "only documents that share a bucket are held");
    }
}
