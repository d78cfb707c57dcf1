package dev.winnow.corpus;

/**
 * A document's place in input order as one long: the input's index in the listing in the high half,
 * the document's index inside it (0 for a plain file, the entry for an archive or JSON Lines file)
 * in the low half. Engines that expand archives in parallel still agree on every position, and
 * comparing positions compares input order.
 */
public final class Positions {
    private Positions() {}

    public static long of(int input, int entry) {
        return ((long) input << 32) | (entry & 0xFFFF_FFFFL);
    }
}
