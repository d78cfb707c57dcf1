package dev.winnow.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast paths of the key and of white space give what the plain rules give. */
class TextShapeTest {

    /** The plain rule: letters and digits kept, each lower-cased, every other run of chars one space. */
    private static String plainKey(String text) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) out.append(' ');
                space = false;
                out.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** Every char alone and between others, capitals of every script, marks and symbols that have a case mapping. */
    @Test
    void keyIsThePlainRuleForEveryChar() {
        for (int i = 0; i < 0x10000; i++) {
            String text = "A" + (char) i + "b " + (char) i;
            assertEquals(plainKey(text), TextShape.key(text), () -> "U+" + Integer.toHexString(text.charAt(1)));
        }
    }

    @Test
    void keyLowerCasesAndJoinsWordsWithOneSpace() {
        assertEquals("related posts", TextShape.key("  Related   POSTS: "));
        assertEquals("похожие статьи", TextShape.key("Похожие — Статьи"));
        assertEquals("", TextShape.key("Ⅰ Ⓐ"));   // a Roman numeral and a circled letter have a lower case but are no letters
    }

    @Test
    void whitespaceIsJavasForEveryChar() {
        for (int i = 0; i < 0x10000; i++) {
            char c = (char) i;
            assertEquals(Character.isWhitespace(c), TextShape.isWhitespace(c), () -> "U+" + Integer.toHexString(c));
        }
    }
}
