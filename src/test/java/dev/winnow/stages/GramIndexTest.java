package dev.winnow.stages;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GramIndexTest {
    @Test
    void keepsTheFirstIndexOfEachGram() {
        GramIndex index = new GramIndex();
        index.putIfAbsent(42L, 3);
        index.putIfAbsent(42L, 7);
        assertEquals(3, index.get(42L));
        assertEquals(-1, index.get(43L));
    }

    @Test
    void answersAsAMapDoesThroughGrowingAndCollisions() {
        GramIndex index = new GramIndex();
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // few distinct values so that many puts repeat a gram; 0 and negative grams are grams too
            long gram = random.nextInt(5_000) - 2_500L;
            index.putIfAbsent(gram, i);
            expected.putIfAbsent(gram, i);
        }
        for (long gram = -3_000; gram < 3_000; gram++) {
            assertEquals(expected.getOrDefault(gram, -1), index.get(gram), "gram " + gram);
        }
    }
}
