package dev.winnow.text;

/**
 * A set of words held as 64-bit hashes in an open-addressing table: built from look-up keys
 * ({@link TextShape#key}) without allocating a string per word, which matters when the words of a
 * whole article go in. Two different words sharing a 64-bit hash is negligible for this use
 * (topical overlap of a headline with its article). Not thread-safe; build one per document.
 */
public final class WordSet {
    private long[] table = new long[256];
    private int size;

    /** Adds every word of {@code key} at least {@code minLength} chars long (or starting with a digit). */
    public void addWords(String key, int minLength) {
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i < key.length() && key.charAt(i) != ' ') continue;
            if (counts(key, start, i, minLength)) add(hash(key, start, i));
            start = i + 1;
        }
    }

    /** Share of the words of {@code key} (filtered as in {@link #addWords}) found in this set; 1 when none qualify. */
    public double shareFound(String key, int minLength) {
        int words = 0, found = 0, start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i < key.length() && key.charAt(i) != ' ') continue;
            if (counts(key, start, i, minLength)) {
                words++;
                if (contains(hash(key, start, i))) found++;
            }
            start = i + 1;
        }
        return words == 0 ? 1 : (double) found / words;
    }

    private static boolean counts(String key, int from, int to, int minLength) {
        return to - from >= minLength || (to > from && Character.isDigit(key.charAt(from)));
    }

    /** FNV-1a over the chars, never 0 (0 marks an empty slot). */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    private void add(long h) {
        if ((size + 1) * 2 > table.length) grow();
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == h) return;
            if (table[i] == 0) {
                table[i] = h;
                size++;
                return;
            }
        }
    }

    private boolean contains(long h) {
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == h) return true;
            if (table[i] == 0) return false;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long h : old) if (h != 0) add(h);
    }
}
