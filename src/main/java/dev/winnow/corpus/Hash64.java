package dev.winnow.corpus;

/**
 * The 64-bit hashes behind corpus keys. FNV-1a over the chars, finished with MurmurHash3's mixer so
 * that keys differing in one char differ in every bit: the keys are partitioned and banded by their bits.
 * Stable across JVMs and machines (unlike {@link String#hashCode()} tables), which the Spark adapter needs.
 */
public final class Hash64 {
    private Hash64() {}

    public static long of(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** Two keys as one: a line key within its site, a quotation within its document. */
    public static long pair(long a, long b) {
        return mix(a * 0x9E3779B97F4A7C15L + b);
    }

    /** MurmurHash3's fmix64: a bijection that spreads every input bit over the output. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
