package dev.winnow.run;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder's fast UTF-8 path (decode, and trust the result when it holds no U+FFFD) gives exactly what the
 * strict decoder it replaced gave, on random byte strings built from valid characters of every length and
 * every kind of broken sequence: stray continuation bytes, overlong forms, encoded surrogates, code points
 * past U+10FFFF, bytes UTF-8 never uses, a U+FFFD and a byte-order mark written in the text itself, and
 * multi-byte characters cut short in the middle or at the end.
 */
class DecoderUtf8Test {
    private static final int CASES = 20_000;

    /** Valid sequences: ASCII, 2, 3 and 4 bytes, U+FFFD itself, a BOM, the edges of each length. */
    private static final String[] VALID = {"a", "Z", " ", "\n", "0", "\u00e9", "\u00a0", "\u0080", "\u07ff", "\u0800",
            "\u20ac", "\ud7ff", "\ue000", "\ufffd", "\ufeff", "\uffff", "\u65e5", "\ud83d\ude00", "\udbff\udfff",
            "\ud800\udc00"};

    /** Broken pieces, as bytes. */
    private static final String[] BROKEN = {
            "80", "bf", "c0", "c1", "c0af", "c180", "e08080", "e09fbf", "eda080", "edbfbf", "f08080af", "f08f8080",
            "f4908080", "f5", "f8", "fe", "ff", "c3", "e2", "e282", "f0", "f09f", "f09f98", "c328", "e228a1",
            "f0289f98", "c3c3", "e2e282ac", "ed9fbf80", "ff fe".replace(" ", ""), "efbbbf"};

    @Test
    void theFastPathGivesWhatTheStrictDecoderGave() {
        Random random = new Random(20240611L);
        int[] branches = new int[5];
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = randomBytes(random);
            assertEquals(reference(bytes), Decoder.strictUtf8(bytes), () -> "bytes " + HexFormat.of().formatHex(bytes));
            branches[branch(bytes)]++;
        }
        // every way the old path could end was taken many times
        for (int b = 0; b < branches.length; b++) assertTrue(branches[b] >= 100, "branch " + b + ": " + branches[b]);
    }

    /** Which way the old path went: valid without U+FFFD, valid with one, cut short, mostly UTF-8, not UTF-8. */
    private static int branch(byte[] bytes) {
        String text = strict(bytes, bytes.length);
        if (text != null) return text.indexOf('\uFFFD') < 0 ? 0 : 1;
        int cut = Decoder.incompleteTail(bytes);
        if (cut >= 0 && strict(bytes, cut) != null) return 2;
        return mostly(bytes) != null ? 3 : 4;
    }

    @Test
    void edgeCases() {
        String[] cases = {"", "c3", "e282", "f09f98", "61c3", "61e282", "61f09f98", "efbbbf", "efbbbf61", "efbfbd",
                "61efbfbd62", "61efbfbd80", "80", "6180", "61ff62", "c3a9", "c3a9c3", "f4908080", "eda080"};
        for (String hex : cases) {
            byte[] bytes = HexFormat.of().parseHex(hex);
            assertEquals(reference(bytes), Decoder.strictUtf8(bytes), "bytes " + hex);
        }
    }

    /** Mostly valid text with a few broken pieces, often none, so every branch of the old path is reached. */
    private static byte[] randomBytes(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(10) == 0) out.writeBytes(HexFormat.of().parseHex("efbbbf"));
        int pieces = random.nextInt(random.nextBoolean() ? 8 : 200);
        int brokenOneIn = switch (random.nextInt(4)) {
            case 0 -> Integer.MAX_VALUE;       // valid throughout
            case 1 -> 400;                     // a stray broken byte in much valid text: "mostly UTF-8"
            case 2 -> 20;
            default -> 3;
        };
        for (int i = 0; i < pieces; i++) {
            if (brokenOneIn != Integer.MAX_VALUE && random.nextInt(brokenOneIn) == 0) {
                out.writeBytes(HexFormat.of().parseHex(BROKEN[random.nextInt(BROKEN.length)]));
            } else if (random.nextInt(3) == 0) {
                out.writeBytes(VALID[random.nextInt(VALID.length)].getBytes(StandardCharsets.UTF_8));
            } else {
                out.write('a' + random.nextInt(26));
            }
        }
        byte[] bytes = out.toByteArray();
        // a download cut short: the last character loses its last bytes
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            int cut = 1 + random.nextInt(Math.min(3, bytes.length));
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - cut);
        }
        return bytes;
    }

    /** The decoder's UTF-8 reading before the fast path, kept verbatim as the reference. */
    private static String reference(byte[] bytes) {
        String text = strict(bytes, bytes.length);
        if (text != null) return text;
        int cut = Decoder.incompleteTail(bytes);
        text = cut < 0 ? null : strict(bytes, cut);
        return text != null ? text : mostly(bytes);
    }

    private static String mostly(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int broken = 0, valid = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') broken++;
            else if (c >= 0x80 && !Character.isLowSurrogate(c)) valid++;
        }
        return broken > 0 && valid >= broken * Decoder.MIN_VALID_PER_BROKEN ? text : null;
    }

    private static String strict(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
