package dev.winnow.corpus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinHashTest {
    /** Random "words" from a big vocabulary: two such texts share almost no 5-gram. */
    static String text(long seed, int words) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) sb.append("w").append(r.nextInt(5000)).append(i % 17 == 16 ? ". " : " ");
        return sb.toString();
    }

    static int sharedBands(String a, String b) {
        long[] x = MinHash.bands(a), y = MinHash.bands(b);
        int n = 0;
        for (int i = 0; i < x.length; i++) if (x[i] == y[i]) n++;
        return n;
    }

    @Test
    void sameWordsSameBandsWhateverTheCaseAndPunctuation() {
        String t = text(1, 300);
        assertArrayEquals(MinHash.bands(t), MinHash.bands(t.toUpperCase().replace(".", "!")));
        assertEquals(MinHash.BANDS, MinHash.bands(t).length);
    }

    @Test
    void aLightlyEditedCopySharesABand() {
        String original = text(2, 600);
        List<String> words = new ArrayList<>(List.of(original.split(" ")));
        words.subList(0, 12).clear();                       // a new opening
        words.add(300, "inserted words here");
        String edited = "A different first sentence for the copy. " + String.join(" ", words);
        assertTrue(sharedBands(original, edited) > 0, "a syndicated copy with small edits is a candidate");
    }

    @Test
    void differentTextsShareNoBand() {
        for (long seed = 10; seed < 30; seed++) {
            assertEquals(0, sharedBands(text(seed, 400), text(seed + 100, 400)));
        }
    }

    @Test
    void tooShortForAShingleHasNoBands() {
        assertEquals(0, MinHash.bands("four words only here").length);
        assertEquals(0, MinHash.bands("").length);
    }
}
