package dev.winnow.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LineKeyTest {
    @Test
    void normalizesAsCcnetDoes() {
        assertEquals("0000 example media all rights reserved", LineKey.normalize("© 2023 Example Media. All rights reserved."));
        assertEquals("cafe a la creme", LineKey.normalize("  Café — à la CRÈME!  "));
        assertEquals("", LineKey.normalize("— | —"));
    }

    @Test
    void aFooterWhoseYearChangesIsOneLine() {
        long site = Site.key(null, "news");
        assertEquals(LineKey.of(site, "© 2023 Example Media. All rights reserved."),
                LineKey.of(site, "© 2024 Example Media – all rights reserved"));
    }

    @Test
    void theSameLineOnAnotherSiteIsAnotherKey() {
        assertNotEquals(LineKey.of(Site.key("https://a.example/x", null), "Subscribe"),
                LineKey.of(Site.key("https://b.example/x", null), "Subscribe"));
        assertEquals(0, LineKey.of(1, "***"), "nothing countable has no key");
    }

    @Test
    void siteIsTheHostWithoutWwwElseTheOrigin() {
        assertEquals("example.com", Site.of("https://WWW.Example.com/a/b?c", "folder"));
        assertEquals("news.example.com", Site.of("http://news.example.com", "folder"));
        assertEquals("folder", Site.of("not a url", "folder"));
        assertEquals("folder", Site.of(null, "folder"));
    }

    /** The fast paths (no NFD below U+00C0, ASCII without the tables) give what the plain definition gives. */
    @Test
    void fastPathsGiveTheDefinitionsKey() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            String one = "a" + c + "b " + c;
            assertEquals(reference(one), LineKey.normalize(one), "char " + (int) c);
            every.append(c);
        }
        assertEquals(reference(every.toString()), LineKey.normalize(every.toString()));
        java.util.Random random = new java.util.Random(11);
        String alphabet = " .,-©0123456789AZaz\u00b4\u00bf\u00c0\u00e9e\u0301\u0308\u00a0İıßΩω";
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(reference(b.toString()), LineKey.normalize(b.toString()), b.toString());
        }
    }

    /** LineKey.normalize as first written: NFD, then the character tables for every character. */
    private static String reference(String line) {
        String decomposed = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isDigit(c)) {
                c = '0';
            } else if (Character.isLetter(c)) {
                c = Character.toLowerCase(c);
            } else {
                if (Character.getType(c) != Character.NON_SPACING_MARK) space = out.length() > 0;
                continue;
            }
            if (space) out.append(' ');
            space = false;
            out.append(c);
        }
        return out.toString();
    }
}
