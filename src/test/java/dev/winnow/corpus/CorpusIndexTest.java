package dev.winnow.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusIndexTest {
    @Test
    void spilledCountsAgreeWithCountingInMemory(@TempDir Path dir) throws IOException {
        CorpusSettings settings = new CorpusSettings(true, 3, false, false);
        SplittableRandom r = new SplittableRandom(7);
        Map<Long, Integer> reference = new HashMap<>();
        try (CorpusIndex index = new CorpusIndex(dir.resolve("spill"), settings)) {
            for (int doc = 0; doc < 2000; doc++) {
                // a few keys shared by many documents, the rest nearly unique
                long[] lines = LongStream.concat(LongStream.generate(() -> 1 + r.nextInt(40)).limit(3),
                        LongStream.generate(() -> 1000 + r.nextLong(1_000_000_000L)).limit(20)).sorted().distinct().toArray();
                for (long k : lines) reference.merge(k, 1, Integer::sum);
                index.add(new Features(Positions.of(doc, 0), "d" + doc, lines, new long[0], List.of()));
            }
            CorpusFacts facts = index.finish(q -> { });
            long[] expected = reference.entrySet().stream().filter(e -> e.getValue() >= 3)
                    .mapToLong(Map.Entry::getKey).sorted().toArray();
            assertArrayEquals(expected, facts.repeatedLines());
            assertTrue(expected.length >= 40, "the shared keys are found");
        }
        try (var left = Files.list(dir.resolve("spill"))) {
            assertEquals(0, left.count(), "the spill files are gone");
        }
    }

    @Test
    void copiesOfOneArticleCountOnceForRepeatedLines(@TempDir Path dir) throws IOException {
        try (CorpusIndex index = new CorpusIndex(dir, new CorpusSettings(true, 2, false, false))) {
            long[] bands = {5, 6};
            index.add(new Features(Positions.of(0, 0), "a", new long[]{100, 200}, bands, List.of()));
            index.add(new Features(Positions.of(1, 0), "b", new long[]{100, 200}, bands, List.of()));
            index.add(new Features(Positions.of(2, 0), "c", new long[]{200}, new long[]{7, 8}, List.of()));
            CorpusFacts facts = index.finish(q -> { });
            assertArrayEquals(new long[]{200}, facts.repeatedLines(), "100 is only in two copies of one article");
        }
    }

    @Test
    void documentsSharingABandFormOneClusterNamedByTheFirst(@TempDir Path dir) throws IOException {
        try (CorpusIndex index = new CorpusIndex(dir, CorpusSettings.DEFAULTS)) {
            index.add(new Features(Positions.of(0, 0), "a", new long[0], new long[]{11, 12}, List.of()));
            index.add(new Features(Positions.of(1, 0), "b", new long[0], new long[]{21, 22}, List.of()));
            index.add(new Features(Positions.of(2, 0), "c", new long[0], new long[]{31, 22}, List.of()));
            index.add(new Features(Positions.of(2, 1), "d", new long[0], new long[]{31, 42}, List.of()));
            CorpusFacts facts = index.finish(q -> { });
            assertEquals(Cluster.single("a", Positions.of(0, 0)), facts.cluster(Positions.of(0, 0), "a"));
            assertEquals(new Cluster("b", Positions.of(1, 0), true, 3), facts.cluster(Positions.of(1, 0), "b"));
            assertEquals(new Cluster("b", Positions.of(1, 0), false, 3), facts.cluster(Positions.of(2, 1), "d"), "linked through c");
        }
    }
}
