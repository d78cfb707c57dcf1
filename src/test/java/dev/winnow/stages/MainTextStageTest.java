package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.core.Segmenter;
import dev.winnow.testing.Invariants;
import dev.winnow.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.assertConserved;
import static dev.winnow.testing.Invariants.clean;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The main text is the stretch where prose outweighs chrome (see MainRegion): what lies before or after
 * it goes; short lines, lists and subheadings inside it are bridged.
 */
class MainTextStageTest {
    private static final MainTextStage STAGE = new MainTextStage();
    private static final String P1 = "The harbour lights festival returned on Saturday after a five year pause, organisers said.";
    private static final String P2 = "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.";
    private static final String P3 = "Many of the lanterns were made by hand in a small workshop near the fish market.";
    private static final String ARTICLE = P1 + "\n\n" + P2 + "\n\n" + P3;

    @Test
    void chromeBeforeAndAfterTheProseIsOutsideTheMainText() {
        Document doc = cleanWith(STAGE, "Harbour Guide\nWeekly Events Calendar\nVisit the Old Town\n\n" + ARTICLE
                + "\n\nTen Ways to Keep Your Garden Green\nFive Cheap Weekend Trips by Train\nContact the editors");
        for (String chrome : new String[] {"Harbour Guide", "Weekly Events Calendar", "Visit the Old Town",
                "Ten Ways to Keep Your Garden Green", "Five Cheap Weekend Trips by Train", "Contact the editors"}) {
            assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, chrome);
        }
        assertEquals(ARTICLE, doc.text());
    }

    @Test
    void aMenuRenderedAsBulletsBeforeTheArticleIsOutside() {
        Document doc = cleanWith(STAGE, "• Events\n• Harbour\n• Old Town\n• Contact\n\n" + ARTICLE);
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "• Events");
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "• Contact");
        assertEquals(ARTICLE, doc.text());
    }

    /**
     * A comment heading ends the article: the thread after it is not main text, however long. The rules
     * alone: in the shipped chain the learned scorer may keep replies it is sure of (a forum's thread).
     */
    @Test
    void aCommentThreadAfterTheArticleIsOutsideEvenWhenLonger() {
        String comment = "I went to the festival with my children and we loved every minute of the boat parade on the water.";
        String article = P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\n"
                + "The boats will sail again next year if the weather allows it, the council said in a short statement.";
        String input = article + "\n\n12 Comments\n\n" + comment + "\n\n" + comment.replace("children", "parents")
                + "\n\n" + comment.replace("children", "neighbours") + "\n\n" + comment.replace("children", "friends");
        Document doc = new Pipeline(new Normalizer(), new Segmenter(), Profiles.textStages()).clean(input);
        assertConserved(input, doc);
        assertRemoved(doc, Reason.COMMENT_COUNTER, "12 Comments");
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, comment);
        assertEquals(article, doc.text());
    }

    // --- near misses

    @Test
    void aSubheadingAndAShortListInsideTheArticleAreBridged() {
        String input = P1 + "\n\nLantern Makers Return\n\n" + P2 + "\n\n• Paper\n• Wire\n\n" + P3;
        Document doc = cleanWith(STAGE, input);
        assertNothingRemoved(doc);
        assertKept(doc, "Lantern Makers Return");
        assertKept(doc, "Wire");
    }

    @Test
    void withoutProseNothingIsRemoved() {
        assertNothingRemoved(cleanWith(STAGE, "Harbour Guide\nWeekly Events Calendar\n• Events\n• Contact"));
    }

    @Test
    void aLongUnpunctuatedParagraphCountsAsProse() {
        String sloppy = "thousands of visitors walked along the quay to watch the lantern boats drift past the old pier";
        Document doc = cleanWith(STAGE, P1 + "\n\n" + sloppy + "\n\n" + P3);
        assertNothingRemoved(doc);
    }

    // --- a thread: a counter under every post is no section end (R1)

    /** Navigation tags the counters, then the region judges: the two stages a thread needs. */
    private static final Pipeline NAV_AND_MAIN = new Pipeline(new Normalizer(), new Segmenter(),
            List.of(new NavigationStage(), new MainTextStage()));

    private static final String[] POSTS = {
        "I rode the coastal route last weekend and the wind was brutal, but the views over the bay made every climb worth it.",
        "We tried the same loop in spring and found the ferry timetable changed, so check it before you leave the harbour.",
        "The cafe at the top of the second hill still serves soup, and they let you fill your bottles for free if you ask.",
        "Good tip about the ferry, we missed the last boat once and had to cycle another forty kilometres in the dark.",
        "For anyone with a heavy touring bike the gravel section after the lighthouse is fine, just keep your tyres soft."};

    /**
     * A forum thread: a post header (name, date, join date, post count) and a "Reply" button around each
     * post. Each header costs more than a short post earns, so the one best stretch held one post.
     */
    private static String thread(int posts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < posts; i++) {
            sb.append("rider").append(i).append("\n\nMar ").append(i + 3).append(", 2024\n\nJoined Jan 2019\n\nPosts 12")
                    .append(i).append("\n\nMember\n\n").append(POSTS[i]).append("\n\nReply\n\n");
        }
        return sb.toString();
    }

    @Test
    void aReplyButtonUnderEveryPostDoesNotEndTheThread() {
        String input = thread(5);
        Document doc = NAV_AND_MAIN.clean(input);
        assertConserved(input, doc);
        assertRemoved(doc, Reason.COMMENT_COUNTER, "Reply");
        for (String post : POSTS) assertKept(doc, post);
    }

    /** Near miss: up to three counters are headings (count at the top, heading over the thread, "Reply"). */
    @Test
    void threeCommentCountersStillEndTheArticle() {
        String comment = "I went to the festival with my children and we loved every minute of the boat parade on the water.";
        String article = P1 + "\n\n" + P2 + "\n\n" + P3;
        String input = "12 Comments\n\n" + article + "\n\n12 Comments\n\n" + comment + "\n\nReply\n\n"
                + comment.replace("children", "parents");
        Document doc = NAV_AND_MAIN.clean(input);
        assertConserved(input, doc);
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, comment);
        assertEquals(article, doc.text());
    }

    /** Near miss: a thread's post too short to be a section of its own (under 15 points) still goes. */
    @Test
    void aThreadKeepsOnlyPostsWithRealProse() {
        String input = thread(4) + "rider9\n\nMar 9, 2024\n\nJoined Jan 2019\n\nPosts 3\n\nMember\n\nSame here.\n\nReply\n";
        Document doc = NAV_AND_MAIN.clean(input);
        assertConserved(input, doc);
        for (int i = 0; i < 4; i++) assertKept(doc, POSTS[i]);
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "Same here.");
    }

    // --- little prose: keep what the earlier stages kept (N1)

    /**
     * A product grid with one sentence of notice: the region would be the notice and cut the grid. With less
     * prose than a short article, the page is left as the earlier stages left it.
     */
    @Test
    void aGridWithOneNoticeSentenceIsKeptWhole() {
        String input = "Trail Running Shoes\n\n24 items\n\nSort by price\n\nAlpine Runner GTX\n\n129.00 EUR\n\n"
                + "Coastal Trail 3\n\n99.00 EUR\n\nRidge Light\n\n149.00 EUR\n\n"
                + "Free delivery on all orders over fifty euros placed before the end of the month.\n\n"
                + "Summit Pro\n\n179.00 EUR\n\nValley Walker\n\n89.00 EUR";
        assertNothingRemoved(cleanWith(STAGE, input));
    }

    private static final String CHROME_BEFORE = "Harbour Guide\nWeekly Events Calendar\nVisit the Old Town\n\n";
    private static final String CHROME_AFTER = "\n\nTen Ways to Keep Your Garden Green\nContact the editors";

    private static final String MENU = "Home\nEvents\nHarbour\nOld Town\nMarkets\nMuseums\nWalks\nFerries\nContact\n\n";

    /** One paragraph of prose amid menus is a stray notice, not an article: the page is left whole. */
    @Test
    void oneShortParagraphAmidMenusIsNoArticle() {
        assertNothingRemoved(cleanWith(STAGE, MENU + CHROME_BEFORE + P1 + " " + P2 + " " + P3 + CHROME_AFTER));
    }

    /** Near miss: a small page (few lines around the paragraph) is bounded as before. */
    @Test
    void aSmallPageWithOneParagraphIsStillBounded() {
        Document doc = cleanWith(STAGE, CHROME_BEFORE + P1 + " " + P2 + " " + P3 + CHROME_AFTER);
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "Harbour Guide");
    }

    /** Near miss: the same words as two paragraphs are a short article, bounded by its region. */
    @Test
    void theSameWordsInTwoParagraphsAreAShortArticle() {
        String article = P1 + "\n\n" + P2 + " " + P3;
        Document doc = cleanWith(STAGE, MENU + CHROME_BEFORE + article + CHROME_AFTER);
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "Harbour Guide");
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "Contact the editors");
        assertEquals(article, doc.text());
    }

    /** What a page left whole for little prose keeps, a second cleaning keeps too: cutting only lowers the measure. */
    @Test
    void aPageLeftWholeIsLeftWholeAgain() {
        String input = "Trail Running Shoes\n\nSkip to content\n\n24 items\n\nAlpine Runner GTX\n\n129.00 EUR\n\n"
                + "Coastal Trail 3\n\n99.00 EUR\n\nRidge Light\n\n149.00 EUR\n\n"
                + "Free delivery on all orders over fifty euros placed before the end of the month.\n\n"
                + "Summit Pro\n\n179.00 EUR\n\nValley Walker\n\n89.00 EUR";
        Document once = NAV_AND_MAIN.clean(input);
        assertKept(once, "Valley Walker");
        assertKept(once, "Trail Running Shoes");
        Document twice = NAV_AND_MAIN.clean(once.text());
        assertEquals(once.text(), twice.text());
    }

    // --- a region holding a sliver of the page: a page of items, not an article (N2)

    private static final String[] PLACES = {"Harbour Hall", "Old Pier", "Fish Market", "Lighthouse Garden",
        "Town Library", "Quay Theatre", "Museum Courtyard", "Ferry Terminal"};

    /** An event listing's items: titles, dates and venues, none of them a sentence. */
    private static String events(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("\n\nLantern Making Workshop for Families at the ").append(PLACES[i % PLACES.length])
                    .append("\n\nSaturday ").append(i + 1).append(" March, 10:00 to 12:30, free entry");
        }
        return sb.toString();
    }

    /** Three sentences of introduction (more than a stray notice, less than a short article). */
    private static final String INTRO = P1 + "\n\n" + P2 + "\n\n" + P3;

    /**
     * A listing with a few sentences of introduction: the region is the introduction and would cut every item.
     * Holding under 15% of the page's words, it is a sliver of a page of items: the page stays as it was.
     */
    @Test
    void aListingWithAShortIntroductionIsKeptWhole() {
        String input = MENU + INTRO + events(20);
        Document doc = cleanWith(STAGE, input);
        assertNothingRemoved(doc);
        assertKept(doc, "Saturday 20 March, 10:00 to 12:30, free entry");
        Document twice = cleanWith(STAGE, doc.text());
        assertEquals(doc.text(), twice.text());
    }

    /** Near miss: with a few items the introduction holds a fair share of the words, and the region bounds it. */
    @Test
    void aFewItemsAfterTheIntroductionAreStillOutside() {
        Document doc = cleanWith(STAGE, MENU + INTRO + events(3));
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "Saturday 3 March, 10:00 to 12:30, free entry");
        assertEquals(INTRO, doc.text());
    }

    /**
     * Near miss: a short news article (three paragraphs, 80 words or more) amid a long page of teasers is an
     * article, whatever share of the page it holds: it is bounded (AEB dev: wire stories of 100 to 200 words
     * on pages of 1,000 to 2,000 words of menus and teasers).
     */
    @Test
    void aShortArticleAmidManyTeasersIsStillBounded() {
        String article = P1 + " The parade started at dusk, when the first boats left the inner harbour.\n\n" + P2 + " Street vendors sold hot chestnuts and tea to the crowd along the water until late at night.\n\n"
                + P3 + " The workshop plans to open its doors to visitors in the summer.";
        Document doc = cleanWith(STAGE, MENU + article + events(40));   // the article: a tenth of the words
        assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "Saturday 40 March, 10:00 to 12:30, free entry");
        assertEquals(article, doc.text());
    }

    /**
     * On a documentation, collection, product or service page a few paragraphs amid many short lines are an
     * introduction, not an article: the short-article exception is for articles (and listings, which the text
     * typer confuses with news pages), so the region holding a tenth of the words leaves the page whole.
     */
    @ParameterizedTest
    @ValueSource(strings = {"documentation", "collection", "product", "service"})
    void aShortIntroductionOnAPageOfItemsKeepsTheItems(String pageType) {
        String intro = P1 + " The parade started at dusk, when the first boats left the inner harbour.\n\n" + P2 + " Street vendors sold hot chestnuts and tea to the crowd along the water until late at night.\n\n"
                + P3 + " The workshop plans to open its doors to visitors in the summer.";
        String input = MENU + intro + events(40);
        Document doc = typed(input, pageType);
        assertKept(doc, "Saturday 40 March, 10:00 to 12:30, free entry");
        assertEquals(doc.text(), typed(doc.text(), pageType).text(), "a page left whole is left whole again");
        // the near miss: typed as an article or a listing, the same page is bounded as before
        for (String bounded : new String[] {"article", "listing"}) {
            assertRemoved(typed(input, bounded), Reason.OUTSIDE_MAIN_TEXT, "Saturday 40 March, 10:00 to 12:30, free entry");
        }
    }

    /** A feed's items: the buttons of the one before, a title and a one-sentence summary, which is prose. */
    private static String posts(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("\n\nRead More\n\nShare\n\nSave\n\nTags\n\nPrint\n\nReport")
                    .append("\n\nNotes from the ").append(PLACES[i % PLACES.length])
                    .append("\n\nVolunteers repaired the old lanterns and painted the benches near the water this week.");
        }
        return sb.toString();
    }

    /**
     * On a listing, an item whose three paragraphs come with its own short lines (a name, a label) is one item among
     * others: holding a sliver of the page and under half of its prose (the other items' summaries), it does not
     * bound the page as a short article would. The near miss: the same paragraphs with no line of their own between
     * them are a story amid teasers (AEB dev's wire stories on pages the text typer calls listings), still bounded.
     */
    @Test
    void aListingItemWithItsOwnLinesIsNoShortArticle() {
        String a = P1 + " The parade started at dusk, when the first boats left the inner harbour.";
        String b = P2 + " Street vendors sold hot chestnuts and tea to the crowd along the water until late at night.";
        String c = P3 + " The workshop plans to open its doors to visitors in the summer.";
        String item = a + "\n\nLantern Parade\n\n" + b + "\n\nHarbour Walks\n\n" + c;
        String feed = posts(30);
        Document listing = typed(MENU + item + feed, "listing");
        assertNothingRemoved(listing);
        assertEquals(listing.text(), typed(listing.text(), "listing").text(), "a page left whole is left whole again");
        String story = a + "\n\n" + b + "\n\n" + c;
        Document news = typed(MENU + story + feed, "listing");
        assertRemoved(news, Reason.OUTSIDE_MAIN_TEXT, "Read More");
        assertEquals(story, news.text());
    }

    /**
     * On a forum the region is the opening post, and the replies after the thread's chrome are content too: the
     * region holding under 60% of the words while the page has prose outside it (a third of the region's or
     * more), the page is left whole. The near misses: typed as an article the same page is bounded (15% is enough
     * there); and a forum page whose only prose is the region (a short story amid menus and dates, which the
     * typer took for a forum) is bounded too.
     */
    @Test
    void aForumThreadWithRepliesOutsideTheRegionIsKeptWhole() {
        String post = ARTICLE + "\n\n" + ARTICLE;            // the opening post: half the words
        String chrome = MENU.repeat(4);                          // member cards and buttons end the region
        String reply = P3 + "\n\n" + P2 + "\n\n" + P1;
        String thread = MENU + post + "\n\n" + chrome + reply;
        Document forum = typed(thread, "forum");
        assertNothingRemoved(forum);
        assertEquals(forum.text(), typed(forum.text(), "forum").text(), "a page left whole is left whole again");
        assertRemoved(typed(thread, "article"), Reason.OUTSIDE_MAIN_TEXT, reply.substring(0, reply.indexOf('\n')));
        Document noReplies = typed(MENU + post + "\n\n" + chrome, "forum");
        assertRemoved(noReplies, Reason.OUTSIDE_MAIN_TEXT, "Ferries");
        assertEquals(post, noReplies.text());
    }

    /**
     * A collection's grid is tiles without prose (a name, its colours, a price): on a collection page (and a listing,
     * whose items print prices the same way) its price lines score as content, so the region is the grid, not the
     * shipping banner above it. The near misses: typed as a
     * service page, or with tiles that print no price, the banner is the region and the grid is cut.
     */
    @Test
    void aCollectionsPricedGridIsTheMainText() {
        String banner = ARTICLE + "\n\n";
        StringBuilder grid = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            grid.append("\n\nHarbour Lantern Model ").append(i + 1).append("\n\nRed, Blue, Green\n\n$").append(20 + i).append(".95");
        }
        String input = MENU + banner + "Showing all 8 results" + grid;
        for (String type : new String[] {"collection", "listing"}) {
            Document doc = typed(input, type);
            assertKept(doc, "Harbour Lantern Model 8");
            assertKept(doc, "$27.95");
            assertRemoved(doc, Reason.OUTSIDE_MAIN_TEXT, "Ferries");
            assertEquals(doc.text(), typed(doc.text(), type).text(), "the output cleaned again is unchanged");
        }
        assertRemoved(typed(input, "service"), Reason.OUTSIDE_MAIN_TEXT, "Harbour Lantern Model 8");
        String unpriced = input.replaceAll("\\$\\d+\\.95", "Lantern");
        assertRemoved(typed(unpriced, "collection"), Reason.OUTSIDE_MAIN_TEXT, "Harbour Lantern Model 8");
    }

    /**
     * A product page opens with its name, price and rating as short lines above its description: the price lines score as
     * content there too, so the region takes them in. The near miss: the same page typed as an article cuts them.
     */
    @Test
    void aProductsPriceAndRatingAreInItsMainText() {
        String input = MENU + "Harbour Lantern\n\n$29.95\n\n4.6 out of 5 stars\n\nColour\n\nRed\n\nBlue\n\n" + ARTICLE;
        Document product = typed(input, "product");
        assertKept(product, "$29.95");
        assertKept(product, "4.6 out of 5 stars");
        assertKept(product, P3);
        assertEquals(product.text(), typed(product.text(), "product").text(), "the output cleaned again is unchanged");
        assertRemoved(typed(input, "article"), Reason.OUTSIDE_MAIN_TEXT, "$29.95");
    }

    /** Tiles that print a rating instead of a price mark the grid too; the same lines without the rating do not. */
    @Test
    void aCollectionsRatedGridIsTheMainText() {
        StringBuilder grid = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            grid.append("\n\nHarbour Lantern Model ").append(i + 1).append("\n\nRed, Blue, Green\n\n4.").append(i).append(" out of 5 stars");
        }
        String input = MENU + ARTICLE + "\n\nShowing all 8 results" + grid;
        Document doc = typed(input, "collection");
        assertKept(doc, "Harbour Lantern Model 8");
        assertKept(doc, "4.7 out of 5 stars");
        String unrated = input.replaceAll("4\\.\\d out of 5 stars", "Lantern");
        assertRemoved(typed(unrated, "collection"), Reason.OUTSIDE_MAIN_TEXT, "Harbour Lantern Model 8");
    }

    /**
     * On a collection page in markup, the lines above its one {@code <h1>} are the site's bar and go; an introduction
     * sentence above it stays. A page with two {@code <h1>}s, a product page or a listing is left to the other rules.
     */
    @Test
    void aShopPagesBarAboveItsTitleIsCut() {
        String intro = "Every chair in this collection is made to order in our workshop from solid oak and finished by hand.";
        String page = "<html><body><div class=\"bar\"><span>Your Bag</span><p>Free delivery over $50</p><p>" + intro
                + "</p></div><div class=\"content\"><h1>%s</h1><p>Oak Chair</p><p>$120.00</p><p>Walnut Chair</p><p>$140.00</p></div></body></html>";
        Document shop = html(String.format(page, "Chairs"), "collection");
        assertRemoved(shop, Reason.OUTSIDE_MAIN_TEXT, "Your Bag");
        assertRemoved(shop, Reason.OUTSIDE_MAIN_TEXT, "Free delivery over $50");
        assertKept(shop, intro);
        assertKept(shop, "Chairs");
        assertKept(shop, "Walnut Chair");
        assertKept(html(String.format(page, "Chairs"), "product"), "Your Bag");
        String twoTitles = String.format(page, "Chairs</h1><h1>Tables");
        assertKept(html(twoTitles, "collection"), "Your Bag");
        assertKept(html(String.format(page, "Chairs"), "listing"), "Your Bag");
    }

    /**
     * An article in markup ends with its content candidate: a block after it, outside it, is cut; the same line inside the
     * candidate stays, and so does the line on a page of another type.
     */
    @Test
    void whatFollowsAnArticlesContentElementIsCut() {
        String after = "Sign up for our weekly newsletter and never miss a story from the harbour.";
        String page = "<html><body><div class=\"story\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>%s</div>%s</body></html>";
        String outside = String.format(page, "", "<div class=\"promo\"><p>" + after + "</p></div>");
        assertRemoved(html(outside, "article"), Reason.OUTSIDE_MAIN_TEXT, after);
        assertKept(html(outside, "article"), P3);
        assertKept(html(String.format(page, "<p>" + after + "</p>", ""), "article"), after);
        assertKept(html(outside, "service"), after);
    }

    /**
     * Plain text, on a product page: the customer reviews and what follows them are not the product, even when a review is
     * long prose. The same lines on an article stay to the region, and a menu's "Customer Reviews" entry above the product's
     * text does not end it.
     */
    @Test
    void aProductsCustomerReviewsAreOutsideItsText() {
        String review = "I bought this lantern for camping trips and it has held up through three summers of rain and rough handling.";
        String page = "* Home\n* Customer Reviews\n* Contact\n\nHarbour Lantern\n\n" + ARTICLE
                + "\n\nCustomer Reviews\n\n" + review + "\n\n" + review.replace("three", "four");
        Document product = typed(page, "product");
        assertRemoved(product, Reason.OUTSIDE_MAIN_TEXT, review);
        assertKept(product, P3);
        Document article = typed(page, "article");
        assertKept(article, review);
        assertEquals(-1, MainTextStage.customerReviewsStart(new dev.winnow.core.Segmenter().segment("Customer Reviews\n" + P1).blocks()));
    }

    private static Document html(String page, String pageType) {
        dev.winnow.html.HtmlFrontEnd.Extracted x = new dev.winnow.html.HtmlFrontEnd().extract(page);
        List<dev.winnow.core.Verdict.Fact> facts = new java.util.ArrayList<>(x.facts());
        facts.add(new dev.winnow.core.Verdict.Fact(dev.winnow.core.Field.PAGE_TYPE, pageType));
        return new Pipeline(new Normalizer(), new Segmenter(), List.of(MainTextStage.articlesOnly()))
                .run(x.source(), dev.winnow.core.Layout.HTML, x.blocks(), facts);
    }

    private static Document typed(String input, String pageType) {
        return Invariants.cleanTyped(STAGE, input, pageType);
    }
}
