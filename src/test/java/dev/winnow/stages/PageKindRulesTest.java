package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import dev.winnow.core.Verdict;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.assertConserved;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rules that depend on the kind of page: each is tested on the page kind it serves and on an article, where
 * the same markup must be judged as before (the near miss).
 */
class PageKindRulesTest {
    private static final String LEDE = "The harbour lights festival returned on Saturday after a five year pause, and "
            + "thousands of visitors walked along the quay to watch the lantern boats drift past the pier.";
    private static final String BODY = "Organisers said the lanterns were made by volunteers over the winter, and that the "
            + "council paid for the new moorings so that the boats could return to the old harbour.";

    /** The HTML chain with a scorer that calls every block content (0.9): only the rules decide. */
    private static Document html(String page, String pageType) {
        return Invariants.cleanHtmlTyped(page, pageType);
    }

    private static long occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1L;
    }

    private static final String POST = "I had the same problem with the boiler last winter and replacing the pressure valve fixed it for good.";
    private static final String THREAD = "<html><body><div class=thread><div class=post><p>" + POST + "</p></div>"
            + "<div class=post><blockquote><p>" + POST + "</p></blockquote><p>" + LEDE + "</p></div>"
            + "<div class=post><p>" + BODY + "</p></div></div></body></html>";

    @Test
    void onAForumAQuotedPostIsKeptOnce() {
        Document doc = html(THREAD, "forum");
        assertEquals(1, occurrences(doc.text(), POST), doc.text());
        assertRemoved(doc, Reason.DUPLICATE_BLOCK, POST);
        assertKept(doc, LEDE);
    }

    @Test
    void onAnArticleRepeatedProseInMarkupStays() {
        // a recipe prints the same step for each serving; an article's markup repeats content on purpose
        assertEquals(2, occurrences(html(THREAD, "article").text(), POST));
    }

    @Test
    void onAForumShortRepeatedLabelsStay() {
        String page = "<html><body><div class=post><p>" + LEDE + "</p><p>Thanks, solved</p></div><div class=post><p>" + BODY
                + "</p><p>Thanks, solved</p></div></body></html>";
        assertEquals(2, occurrences(html(page, "forum").text(), "Thanks, solved"));
    }

    private static final String LISTING = "<html><body><h1>Events this month</h1><p>" + LEDE + "</p><ul>"
            + "<li><a href=/e/1>Choir concert in the cathedral</a></li><li><a href=/e/2>Farmers market on the square</a></li>"
            + "<li><a href=/e/3>Night walk through the botanical garden</a></li><li><a href=/e/4>Pottery class for beginners</a></li>"
            + "</ul></body></html>";

    @Test
    void onAListingItsLinkedItemsAreTheContent() {
        Document doc = html(LISTING, "listing");
        assertKept(doc, "Choir concert in the cathedral");
        assertKept(doc, "Pottery class for beginners");
    }

    @Test
    void onAnArticleTheSameLinksAreTeasers() {
        Document doc = html(LISTING, "article");
        assertKept(doc, LEDE);
        assertEquals(0, occurrences(doc.text(), "Pottery class for beginners"), doc.text());
    }

    @Test
    void aFooterHoldingMostOfTheProseIsStillAFooter() {
        String clause = "We process personal data to provide the service, to meet legal duties and, with your consent, to "
                + "measure how the site is used; you may withdraw consent at any time.";
        String policy = ("<p>" + clause + "</p>").repeat(6);
        String page = "<html><body><main><h1>Oak dining table</h1><p>" + LEDE + "</p></main><footer><div role=dialog>"
                + policy + "</div></footer></body></html>";
        // the scorer says content (0.9): on a product page it may overrule soft cuts, but not a footer's
        Document doc = html(page, "product");
        assertKept(doc, LEDE);
        assertRemoved(doc, Reason.MARKUP_FOOTER, clause);
    }

    private static final String REVIEW = "Bought this for my daughter and she uses it every single day, the battery lasts for weeks.";
    private static final String SHOP = "<html><body><main><h1>Kettle</h1><p>" + LEDE + "</p><p>" + BODY + "</p>"
            + "<section id=customer-reviews><h2>What buyers say</h2><div itemprop=review><p>" + REVIEW + "</p></div></section>"
            + "</main></body></html>";

    @Test
    void onAProductPageCustomerReviewsAreCut() {
        Document doc = html(SHOP, "product");
        assertRemoved(doc, Reason.MARKUP_REVIEWS, REVIEW);
        assertKept(doc, BODY);
    }

    @Test
    void elsewhereAReviewIsContent() {
        // a review site's or a forum's reviews are what the page is about
        assertKept(html(SHOP, "article"), REVIEW);
        assertKept(html(SHOP, "forum"), REVIEW);
    }

    private static final String[] SUMMARIES = {
            "The council approved a new cycle lane along the river after two years of consultation with residents.",
            "A local bakery won the regional prize for its rye bread, beating forty entries from across the county.",
            "Train fares will rise again in January, the operator said, blaming the cost of new signalling works."};

    /** Cards of three other stories: a linked headline, a date, a summary each. */
    private static String cards() {
        StringBuilder cards = new StringBuilder("<div class=deck><h2>Elsewhere today</h2>");
        for (int i = 0; i < SUMMARIES.length; i++) {
            cards.append("<div class=tile><div class=tile-info><h3><a href=/story/").append(i).append(">Story number ")
                    .append(i).append(" in the other news today</a></h3><div class=stamp>2 March 2024</div><div class=blurb>")
                    .append(SUMMARIES[i]).append("</div></div></div>");
        }
        return cards.append("</div>").toString();
    }

    private static final String STORY = "<p>" + LEDE + "</p><p>" + BODY + "</p><p>" + LEDE.replace("Saturday", "Sunday")
            + "</p><p>" + BODY.replace("winter", "summer") + "</p>";

    @Test
    void onAnArticleTheSummariesOfOtherStoriesCardsAreTeasers() {
        Document doc = html("<html><body><article>" + STORY + "</article>" + cards() + "</body></html>", "article");
        for (String summary : SUMMARIES) assertRemoved(doc, Reason.TEASER, summary);
        assertKept(doc, LEDE);
        assertKept(doc, BODY);
    }

    @Test
    void onAListingTheCardsAreTheItems() {
        Document doc = html("<html><body><article>" + STORY + "</article>" + cards() + "</body></html>", "listing");
        for (String summary : SUMMARIES) assertKept(doc, summary);
    }

    @Test
    void cardsInsideTheArticlesOwnBodyStay() {
        // a listicle's reviewed items are cards too, inside the content the article is made of
        Document doc = html("<html><body><article>" + STORY + cards() + "</article><footer>About us</footer></body></html>", "article");
        for (String summary : SUMMARIES) assertKept(doc, summary);
    }

    // --- a listing's or a collection's headlines, in plain text

    private static final String TEXT_LISTING = LEDE + "\n\nTen Ways to Keep Your Garden Green Through a Dry Summer"
            + "\nWhy Train Fares Rise Every January\nThe Best Bakeries to Visit on a Rainy Weekend";

    private static Document text(String input, String pageType) {
        Document doc = dev.winnow.testing.Invariants.single(new HeadlineStage())
                .clean(input, List.of(new Verdict.Fact(Field.PAGE_TYPE, pageType)));
        assertConserved(input, doc);
        return doc;
    }

    @Test
    void aListingOrCollectionKeepsItsHeadlinesInPlainText() {
        for (String type : List.of("listing", "collection")) {
            Document doc = text(TEXT_LISTING, type);
            assertKept(doc, "Why Train Fares Rise Every January");
            assertEquals(0, doc.removals().size(), type);
        }
    }

    /**
     * A page the typer called an article without even odds is treated as the type it ranked next (PAGE_KIND); the
     * record still states the article (PAGE_TYPE). Near miss: a page the typer is sure of stays an article.
     */
    @Test
    void theChainsFollowThePageKindWhereItDiffersFromTheStatedType() {
        List<Verdict.Fact> unsure = List.of(new Verdict.Fact(Field.PAGE_TYPE, "article"), new Verdict.Fact(Field.PAGE_KIND, "listing"));
        Document listing = dev.winnow.testing.Invariants.single(new HeadlineStage()).clean(TEXT_LISTING, unsure);
        assertConserved(TEXT_LISTING, listing);
        assertKept(listing, "Why Train Fares Rise Every January");
        assertEquals("article", listing.metadata().get(Field.PAGE_TYPE));

        List<Verdict.Fact> sure = List.of(new Verdict.Fact(Field.PAGE_TYPE, "article"), new Verdict.Fact(Field.PAGE_KIND, "article"));
        Document article = dev.winnow.testing.Invariants.single(new HeadlineStage()).clean(TEXT_LISTING, sure);
        assertRemoved(article, Reason.UNRELATED_HEADLINE, "Why Train Fares Rise Every January");
    }

    /** Documentation: headline-shaped lines are its section headings, whatever words they use. */
    private static final String TEXT_DOCS = LEDE + "\n\nConfiguring the Backup Schedule\nRestoring a Single Folder\n"
            + "Moving Snapshots to Another Disk";

    @Test
    void documentationKeepsItsSectionHeadingsInPlainText() {
        Document doc = text(TEXT_DOCS, "documentation");
        assertKept(doc, "Restoring a Single Folder");
        assertEquals(0, doc.removals().size());
    }

    /** Near miss: the same lines after an article are other stories' headlines. */
    @Test
    void anArticleStillLosesTrailingSectionShapedLinesInPlainText() {
        assertRemoved(text(TEXT_DOCS, "article"), Reason.UNRELATED_HEADLINE, "Restoring a Single Folder");
    }

    /** Near miss: the same lines after an article are other stories' headlines. */
    @Test
    void anArticleStillLosesTrailingHeadlinesInPlainText() {
        Document doc = text(TEXT_LISTING, "article");
        assertRemoved(doc, Reason.UNRELATED_HEADLINE, "Why Train Fares Rise Every January");
    }

    private static String bullets(String item) {
        return "<html><body><main><h1>Garden services</h1><p>" + LEDE + "</p><ul>"
                + item.replace("$", "Hedge trimming") + item.replace("$", "Lawn mowing") + item.replace("$", "Leaf clearing")
                + "</ul><p>" + BODY + "</p></main></body></html>";
    }

    @Test
    void inMarkupARunOfShortBulletsThatAreNotLinksIsAListOfThePage() {
        String page = bullets("<li>$</li>");
        assertKept(html(page, "article"), "Lawn mowing");
        assertKept(html(page, "service"), "Lawn mowing");
    }

    @Test
    void aRunOfShortLinkedBulletsIsStillAMenu() {
        // the stub scorer's 0.9 vetoes link_dense off articles: the run of links is what cuts them
        Document doc = html(bullets("<li><a href=/s>$</a></li>"), "service");
        assertRemoved(doc, Reason.LINK_LIST, "Lawn mowing");
        assertKept(doc, BODY);
    }

    @Test
    void onACollectionShortBulletsAreFilterOptionsWhateverTheirLinks() {
        assertRemoved(html(bullets("<li>$</li>"), "collection"), Reason.LINK_LIST, "Lawn mowing");
    }
}
