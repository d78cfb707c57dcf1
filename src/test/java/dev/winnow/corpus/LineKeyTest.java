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
}
