package dev.winnow.score;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written scans behind the text features, each with near misses it must not count. */
class PageFeaturesTest {
    @Test
    void pricesAreAmountsNextToACurrency() {
        assertEquals(1, PageFeatures.prices("Now $1,299.00"));
        assertEquals(1, PageFeatures.prices("19,99 € inkl. MwSt."));
        assertEquals(2, PageFeatures.prices("EUR 40 or 199 zł"));
        assertEquals(0, PageFeatures.prices("Save money in 2025"));
        assertEquals(0, PageFeatures.prices("EURO 2024 and USDA 5"));
        assertEquals(0, PageFeatures.prices("a $ sign alone"));
    }

    @Test
    void datesYearsAndTimesAreCountedApart() {
        assertArrayEquals(new int[] {1, 0, 0}, PageFeatures.datesYearsTimes("Posted 2025-09-04"));
        assertArrayEquals(new int[] {1, 0, 1}, PageFeatures.datesYearsTimes("04/09/2025 at 10:45"));
        assertArrayEquals(new int[] {0, 1, 0}, PageFeatures.datesYearsTimes("September 4, 2025"));
        assertArrayEquals(new int[] {0, 0, 0}, PageFeatures.datesYearsTimes("model X2025 and 12345 and 1.2.3.4.5 and 3:4"));
    }

    @Test
    void codeLinesAreToldFromProse() {
        assertTrue(PageFeatures.isCode("config = parse_config(path)"));
        assertTrue(PageFeatures.isCode("print(config.database.url)"));
        assertTrue(PageFeatures.isCode("$ pip install example"));
        assertTrue(PageFeatures.isCode("if (x) {"));
        assertFalse(PageFeatures.isCode("The council voted (seven to two) on Thursday."));
        assertFalse(PageFeatures.isCode("Prices start at 20 euros and go up from there."));
        assertFalse(PageFeatures.isCode("a == b is a comparison, not code here"));
    }

    /** The word-hash set answers exactly what the values are, 0 and neighbours of the slots included. */
    @Test
    void longSetHoldsExactlyItsValues() {
        java.util.Random random = new java.util.Random(3);
        long[] values = new long[500];
        java.util.Set<Long> expected = new java.util.HashSet<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 0 ? 0 : i < 50 ? i : random.nextLong();
            expected.add(values[i]);
        }
        PageFeatures.LongSet set = new PageFeatures.LongSet(values);
        for (long v : values) assertTrue(set.contains(v));
        for (int i = 0; i < 100_000; i++) {
            long v = i < 1000 ? i - 500 : random.nextLong();
            assertEquals(expected.contains(v), set.contains(v), "value " + v);
        }
        assertFalse(new PageFeatures.LongSet(new long[] {1, 2}).contains(0));
    }

    /** The hand-written bullet scan answers what the BULLET pattern answers. */
    @Test
    void isBulletIsThePattern() {
        java.util.Random random = new java.util.Random(5);
        String alphabet = " \t\u000b\f\r\u00a0*•·+-–—[]().0123456789a٣";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(9); k > 0; k--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String line = b.toString();
            assertEquals(PageFeatures.BULLET.matcher(line).lookingAt(), PageFeatures.isBullet(line), () -> "'" + line + "'");
        }
        for (String line : new String[] {"- item", "1. one", "123) x", "1234. no", "[12] ref", "[] no", "  * a", "*a", "12.", "•\tx"}) {
            assertEquals(PageFeatures.BULLET.matcher(line).lookingAt(), PageFeatures.isBullet(line), line);
        }
    }
}
