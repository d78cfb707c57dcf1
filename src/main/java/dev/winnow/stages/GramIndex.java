package dev.winnow.stages;

/**
 * Word n-gram hashes, each with the index of the first block that had it: an open-addressing table of primitive
 * longs and ints, because a boxed map took a {@code Long}, an {@code Integer} and an entry for every n-gram of
 * every block. Not thread-safe; one per document.
 */
final class GramIndex {
    private static final int NONE = -1;
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** The block index stored for {@code gram}, or -1. */
    int get(long gram) {
        int mask = keys.length - 1;
        for (int i = slot(gram, mask); used[i]; i = (i + 1) & mask) {
            if (keys[i] == gram) return values[i];
        }
        return NONE;
    }

    /** Stores {@code index} for {@code gram} unless it already has one. */
    void putIfAbsent(long gram, int index) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int i = slot(gram, mask);
        for (; used[i]; i = (i + 1) & mask) {
            if (keys[i] == gram) return;
        }
        used[i] = true;
        keys[i] = gram;
        values[i] = index;
        size++;
    }

    private static int slot(long gram, int mask) {
        long h = gram * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldUsed[i]) putIfAbsent(oldKeys[i], oldValues[i]);
    }
}
