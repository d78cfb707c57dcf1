package dev.winnow.score;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The class-name tokenizer: its ASCII shortcut splits and lower-cases exactly as the Unicode tables do. */
class ClassTokensTest {

    @Test
    void splitsOnPunctuationAndCamelCase() {
        assertEquals(List.of("product", "price", "box"), PageShape.classTokens("productPrice-box"));
        assertEquals(List.of("sr", "only", "md", "block"), PageShape.classTokens("sr-only md:block"));
        assertEquals(List.of("écran", "größe", "2xl"), PageShape.classTokens("Écran_Größe 2xl"));
    }

    @Test
    void givesWhatTheUnicodeTablesGiveOnRandomNames() {
        Random random = new Random(7);
        String alphabet = "aZ09-_: .$#/\t\néÉßÖø日本\u0130\u0131ǅΣσ٣\u00a0";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                s.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 'A' + random.nextInt(26)));
            }
            String names = s.toString();
            assertEquals(reference(names), PageShape.classTokens(names), names);
        }
    }

    /** The tokenizer before its ASCII shortcut, as the reference. */
    private static List<String> reference(String names) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean lowerBefore = false;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean letter = Character.isLetterOrDigit(c);
            boolean upper = letter && Character.isUpperCase(c);
            if ((!letter || (upper && lowerBefore)) && word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
            if (letter) word.append(upper ? Character.toLowerCase(c) : c);
            lowerBefore = letter && !upper;
        }
        return out;
    }
}
