package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Markup.Container;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.testing.PieceStrings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shop signals the block scorer reads: prices in any currency, recommendation headings, commerce class words. */
class ShopSignalsTest {

    @Test
    void pricesAreCountedInAnyCurrencyEitherSide() {
        assertEquals(1, ShopSignals.prices("$1,299.99"));
        assertEquals(2, ShopSignals.prices("Sale price $36.00 Regular price $48.00"));
        assertEquals(1, ShopSignals.prices("12,90 €"));
        assertEquals(1, ShopSignals.prices("лв25,00"));
        assertEquals(1, ShopSignals.prices("1 299 kr"));
        assertEquals(1, ShopSignals.prices("EUR 40"));
    }

    @Test
    void numbersWithoutACurrencyAreNotPrices() {
        assertEquals(0, ShopSignals.prices("The 2024 season had 12 races over 5,000 km."));
        assertEquals(0, ShopSignals.prices("3 beds 2 baths 1,200 sq ft"));
        assertEquals(0, ShopSignals.prices("Krakow hosted 30 teams"));    // "kr" only as a word of its own
    }

    /**
     * prices() runs the regex only around digits; it must count what the regex finding match after match counts,
     * on text dense with what makes it hard: currencies glued to letters and digits, runs of separators, long
     * codes, letters that fold to ASCII under Unicode case (ſ, the Kelvin sign, dotless ı), short words that are
     * no code ("in", "the"), text outside the BMP.
     */
    @Test
    void pricesCountWhatThePlainRegexCounts() {
        String[] pieces = {"0", "7", "12", "1,299.99", "4'5", ".", ",", "'", " ", "  ", "$", "€", "£", "₹", "¢", "usd", "EUR",
                "Gbp", "kr", "Kr", "rs", "RS", "лв", "руб", "РУБ", "zł", "Kč", "lei", "a", "x", "é", "ſ", "\u212A", "\uD835\uDC00",
                "\u0301", "price", "ukr", "krs", "\n", "-", "€€", "9 €", "$ 5", "in", "the", "ınr", "İNR", "ＵＳＤ", "Zł", "ЛВ"};
        for (String text : PieceStrings.of(pieces, 30, 42, 20_000)) {
            java.util.regex.Matcher m = ShopSignals.PRICE.matcher(text);
            int expected = 0;
            while (m.find()) expected++;
            assertEquals(expected, ShopSignals.prices(text), text);
        }
    }

    @Test
    void recommendationHeadingsOpenAGridButSentencesNamingThemDoNot() {
        assertTrue(ShopSignals.opensRecommendations("Customers also bought", 3));
        assertTrue(ShopSignals.opensRecommendations("You may also like these", 5));
        assertTrue(ShopSignals.opensRecommendations("Related posts", 2));
        assertFalse(ShopSignals.opensRecommendations("Specifications", 1));
        assertFalse(ShopSignals.opensRecommendations(
                "You may also like the way this jacket keeps the rain out on long walks in the hills", 18));
    }

    /** The tiles below "Customers also bought" carry prices and sit under the heading; the product text does not. */
    @Test
    void tilesBelowARecommendationHeadingAreMarkedSoAndTheProductIsNot() {
        String html = "<html><body><div class=product-info><h1>Trail Jacket</h1><p>A light waterproof jacket for long"
                + " walks in wet hills, with taped seams and a packable hood.</p><div class=price-box>$120.00</div></div>"
                + "<h2>Customers also bought</h2><div class=grid><div class=tile><a href=/a>Rain Trousers</a><span>$80.00</span></div>"
                + "<div class=tile><a href=/b>Wool Socks</a><span>$15.00</span></div></div></body></html>";
        List<Block> blocks = new HtmlFrontEnd().extract(html).blocks();
        double[][] x = BlockFeatures.of(blocks);
        int under = BlockFeatures.NAMES.indexOf("under_recommendations");
        int opens = BlockFeatures.NAMES.indexOf("opens_recommendations");
        int price = BlockFeatures.NAMES.indexOf("prices_per_word");
        int commerce = BlockFeatures.NAMES.indexOf("in_commerce");
        boolean sawTile = false, sawProse = false;
        for (int i = 0; i < blocks.size(); i++) {
            String t = blocks.get(i).text();
            if (t.startsWith("A light waterproof")) {
                sawProse = true;
                assertEquals(0, x[i][under], t);
                assertEquals(0, x[i][price], t);
            }
            if (t.equals("Customers also bought")) assertEquals(1, x[i][opens], t);
            if (t.contains("$80.00") || t.contains("$15.00")) {
                sawTile = true;
                assertEquals(1, x[i][under], t);
                assertTrue(x[i][price] > 0, t);
            }
            if (t.equals("$120.00")) {
                assertTrue(blocks.get(i).markup().in(Container.COMMERCE), t);
                assertEquals(1, x[i][commerce], t);
            }
        }
        assertTrue(sawTile && sawProse, blocks.toString());
    }

    @Test
    void filterPanelsAndUpsellGridsAreNamedByTheirClassWords() {
        String html = "<html><body><aside class=facet-panel><ul><li>Size</li><li>Colour</li></ul></aside>"
                + "<div class=crossSell-products><p>Wool Socks</p></div>"
                + "<p>A long paragraph of prose about the collection of jackets, long enough to be the page's text.</p></body></html>";
        for (Block b : new HtmlFrontEnd().extract(html).blocks()) {
            if (b.text().equals("Size")) assertTrue(b.markup().in(Container.FACETS), b.text());
            if (b.text().equals("Wool Socks")) assertTrue(b.markup().in(Container.UPSELL), b.text());
            if (b.text().startsWith("A long paragraph")) {
                assertFalse(b.markup().in(Container.FACETS) || b.markup().in(Container.UPSELL), b.text());
            }
        }
    }
}
