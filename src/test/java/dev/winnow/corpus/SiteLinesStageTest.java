package dev.winnow.corpus;

import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.core.Segmenter;
import dev.winnow.core.Verdict;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.text.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertRemoved;

/**
 * A line the site repeats is cut, except on a collection page inside the grid's tiles, whose labels and prices recur
 * across the site's category pages because one template prints the items.
 */
class SiteLinesStageTest {
    static final String ORIGIN = "shop-folder";
    static final String BANNER = "Free shipping on orders over $50";
    static final String PRICE = "$129.00";
    static final String LABEL = "Weight:";
    static final String TILE = "<div class=\"tile\"><h3>%s</h3><p>" + LABEL + "</p><p>" + PRICE + "</p></div>";
    static final String PAGE = "<html><body><p>" + BANNER + "</p><div class=\"grid\">"
            + String.format(TILE, "Trail Boot") + String.format(TILE, "Road Shoe") + String.format(TILE, "Camp Sandal")
            + String.format(TILE, "Winter Boot") + "</div></body></html>";

    static final CorpusFacts FACTS = facts(BANNER, PRICE, LABEL);

    static CorpusFacts facts(String... lines) {
        long site = Site.key(null, ORIGIN);
        long[] keys = Arrays.stream(lines).mapToLong(l -> LineKey.of(site, l)).sorted().toArray();
        return new CorpusFacts(keys, Map.of(), new long[0]);
    }

    static Document typed(String pageType) {
        HtmlFrontEnd.Extracted x = new HtmlFrontEnd().extract(PAGE);
        List<Verdict.Fact> facts = new ArrayList<>(x.facts());
        facts.add(new Verdict.Fact(Field.PAGE_TYPE, pageType));
        Pipeline chain = new Pipeline(new Normalizer(), new Segmenter(), List.of(new SiteLinesStage(FACTS, ORIGIN)));
        return chain.run(x.source(), Layout.HTML, x.blocks(), facts);
    }

    @Test
    void aCollectionKeepsItsTilesRepeatedLinesAndLosesTheBanner() {
        Document doc = typed("collection");
        assertKept(doc, PRICE);
        assertKept(doc, LABEL);
        assertRemoved(doc, Reason.SITE_REPEATED_LINE, BANNER);
    }

    @Test
    void otherPagesLoseTheSameTileLines() {
        Document doc = typed("product");
        assertRemoved(doc, Reason.SITE_REPEATED_LINE, PRICE);
        assertRemoved(doc, Reason.SITE_REPEATED_LINE, BANNER);
    }
}
