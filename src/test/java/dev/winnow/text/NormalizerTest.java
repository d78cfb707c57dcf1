package dev.winnow.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The canonical text every offset refers to: what is folded, what is removed, and what must survive. */
class NormalizerTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    private static String normalize(String s) {
        return NORMALIZER.normalize(s);
    }

    @Test
    void composesToNfc() {
        assertEquals("caf\u00E9 na\u00EFve", normalize("cafe\u0301 nai\u0308ve"));
        assertEquals("NFC", NORMALIZER.form());
    }

    /** NFKC would fold these; NFC must leave them as the reader saw them. */
    @ParameterizedTest
    @ValueSource(strings = {"ﬁnal", "x² + y²", "Ｗｉｄｅ", "wait…", "½ cup", "Ⅻ"})
    void compatibilityCharactersAreNotFolded(String text) {
        assertEquals(text, normalize(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Fish &amp; chips | Fish & chips",
            "it&#8217;s | it’s",
            "caf&eacute; | café",
            "&lt;b&gt; is bold | <b> is bold",
            "&#x201C;yes&#x201D; | “yes”",
    })
    void htmlEntitiesAreDecoded(String input, String expected) {
        assertEquals(expected, normalize(input));
    }

    @Test
    void entitiesAreDecodedOnlyOnce() {
        assertEquals("write &amp; for an ampersand", normalize("write &amp;amp; for an ampersand"));
    }

    @Test
    void anAmpersandThatIsNoEntityStays() {
        assertEquals("Salt & Pepper Ltd, R&D", normalize("Salt & Pepper Ltd, R&D"));
    }

    @Test
    void controlCharactersAreRemoved() {
        assertEquals("bell ring", normalize("bell\u0007 ring\u0000"));
        assertEquals("escape", normalize("\u001Bescape\u009B"));
    }

    @Test
    void zeroWidthSpaceWordJoinerSoftHyphenAndBomAreRemoved() {
        assertEquals("cooperate", normalize("co\u00ADoper\u200Bate"));
        assertEquals("Text starts here", normalize("\uFEFFText starts\u2060 here"));
    }

    @Test
    void zeroWidthJoinersAreKept() {
        String emoji = "\uD83D\uDC69\u200D\uD83D\uDCBB";                 // woman technologist: ZWJ sequence
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // ZWNJ inside a Persian word
        assertEquals(emoji, normalize(emoji));
        assertEquals(persian, normalize(persian));
    }

    @Test
    void unicodeSpacesAndTabsBecomeOneSpace() {
        assertEquals("a b c d e", normalize("a\u00A0b\tc\u2009\u3000d \u202F  e"));
    }

    @Test
    void linesAreTrimmed() {
        assertEquals("first\nsecond", normalize("  first \t\n\u00A0second  "));
    }

    @Test
    void everyLineBreakBecomesNewline() {
        assertEquals("one\ntwo\nthree\nfour\nfive", normalize("one\r\ntwo\rthree\u2028four\u0085five"));
    }

    @Test
    void blankLineRunsCollapseToOne() {
        assertEquals("a\n\nb\n\nc", normalize("a\n\n\n\nb\r\n \r\n\t\r\n\u00A0\nc"));
    }

    @Test
    void leadingAndTrailingBlankLinesAreDropped() {
        assertEquals("only", normalize("\n\n  \nonly\n\n\n"));
        assertEquals("", normalize(" \n\t\n"));
    }

    @Test
    void typographicQuotesAndDashesAreKept() {
        String text = "“Yes,” she said — ‘no’ – „ja“ «oui» 「はい」";
        assertEquals(text, normalize(text));
    }

    @Test
    void normalizedTextWithoutEntitiesIsAFixedPoint() {
        String once = normalize(" cafe\u0301\u00A0\u00A0 au lait \r\n\r\n\r\n\u200Bnext\tline ");
        assertEquals("café au lait\n\nnext line", once);
        assertEquals(once, normalize(once));
    }
}
