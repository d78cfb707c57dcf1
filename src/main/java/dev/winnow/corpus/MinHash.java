package dev.winnow.corpus;

import dev.winnow.text.TextShape;

import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's word 5-gram set, cut into bands for locality-sensitive hashing:
 * two texts land in a common band bucket with probability 1 - (1 - J^8)^14 for Jaccard similarity J,
 * about 0.92 at J = 0.8, 0.56 at 0.7 and 0.05 at 0.5 (datatrove's defaults). Words are compared by
 * their lowercase letters and digits, so punctuation and case edits do not hide a copy.
 */
public final class MinHash {
    public static final int BANDS = 14;
    public static final int ROWS = 8;
    public static final int SHINGLE_WORDS = 5;
    private static final long[] A = new long[BANDS * ROWS];
    private static final long[] B = new long[BANDS * ROWS];

    static {
        // A fixed seed: band keys must agree between runs, machines and engines.
        SplittableRandom random = new SplittableRandom(0x5EED_2026L);
        for (int i = 0; i < A.length; i++) {
            A[i] = random.nextLong() | 1;       // odd: multiplication is then a permutation of the 64-bit space
            B[i] = random.nextLong();
        }
    }

    private MinHash() {}

    /** One key per band, or none for a text of fewer than {@value #SHINGLE_WORDS} words. */
    public static long[] bands(String text) {
        String[] words = TextShape.key(text).split(" ");
        int shingles = words.length - SHINGLE_WORDS + 1;
        if (words[0].isEmpty() || shingles < 1) return new long[0];
        long[] wordHashes = new long[words.length];
        for (int i = 0; i < words.length; i++) wordHashes[i] = Hash64.of(words[i]);
        long[] min = new long[A.length];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (int s = 0; s < shingles; s++) {
            long h = wordHashes[s];
            for (int w = 1; w < SHINGLE_WORDS; w++) h = Hash64.pair(h, wordHashes[s + w]);
            for (int i = 0; i < A.length; i++) {
                long v = (A[i] * h + B[i]) >>> 1;
                if (v < min[i]) min[i] = v;
            }
        }
        long[] bands = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long key = Hash64.mix(b + 1);
            for (int r = 0; r < ROWS; r++) key = Hash64.pair(key, min[b * ROWS + r]);
            bands[b] = key;
        }
        return bands;
    }
}
