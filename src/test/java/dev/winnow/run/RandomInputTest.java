package dev.winnow.run;

import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * Random text built from the characters the normalizer, segmenter and stages treat specially (bullets,
 * quotes, dashes, entities, line breaks, invisible and wide characters, surrogate pairs): cleaning never
 * throws and every invariant holds. Seeded, so a failure replays; the seed and input are in the message.
 */
class RandomInputTest {
    private static final String[] PIECES = {
            "The", "harbour", "quay", "boats", "said", ".", ",", ":", "!", "?", "…", " ", " ", " ", "  ", "\n", "\n", "\n\n",
            "\r\n", "\t", "\u00A0", "\u200B", "\u200D", "\u00AD", "\uFEFF", "\u0007", "\u2028", "•", "• ", "* ", "- ", "– ",
            "—", "“", "”", "\"", "„", "«", "»", "'", "’", "(", ")", "(L)", "(left)", "[", "]", "|", "_____", "&amp;",
            "&#8217;", "&amp;amp;", "&nbsp;", "&bogus;", "e\u0301", "ﬁ", "中文字符", "\uD83D\uDE80", "\uD83D", "Photo:",
            "By", "Lena Marsh", "March 4, 2023", "— Coastal Daily", "river-festival-draws-record-crowds", "https://example.org/x",
            "12 Comments", "Share", "LIVE", "Related stories", "Getting There:", "AP", "via", "Shutterstock", "0", "2023",
    };

    @Test
    void randomTextNeverBreaksTheInvariants() {
        for (long seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(120);
            for (int i = 0; i < n; i++) sb.append(PIECES[random.nextInt(PIECES.length)]);
            String input = sb.toString();
            try {
                Invariants.clean(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " input " + escape(input) + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void proseMixedWithChromeNeverBreaksTheInvariants() {
        for (String doc : Generated.documents(300, 99)) Invariants.clean(doc);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '\n') sb.append("\\n");
            else if (c < 0x20 || c > 0x7E) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
