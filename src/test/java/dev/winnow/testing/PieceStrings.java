package dev.winnow.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings glued from a few hard pieces (digits, separators, signs, marks, halves of surrogate pairs...) in
 * random order, seeded: the inputs on which a hand-made fast path is checked against the plain regex it
 * replaces, where the two are most likely to part.
 */
public final class PieceStrings {
    private PieceStrings() {}

    /** {@code count} strings of 0 to {@code maxPieces - 1} pieces each, the same for the same seed. */
    public static List<String> of(String[] pieces, int maxPieces, long seed, int count) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            StringBuilder s = new StringBuilder();
            int parts = random.nextInt(maxPieces);
            for (int i = 0; i < parts; i++) s.append(pieces[random.nextInt(pieces.length)]);
            out.add(s.toString());
        }
        return out;
    }
}
