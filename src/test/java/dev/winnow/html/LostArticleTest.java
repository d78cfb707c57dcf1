package dev.winnow.html;

import dev.winnow.core.Document;
import dev.winnow.core.Fallback;
import dev.winnow.core.Layout;
import dev.winnow.core.Reason;
import dev.winnow.core.Removal;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.Test;

import static dev.winnow.testing.Cuts.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages whose article the HTML path once lost whole, as small hand-written fixtures of the general
 * pattern (no text of a real page): a forum whose crawler view lives in {@code <noscript>}, an article
 * hidden until a script reveals it, forum posts under {@code class="comment"}, an empty body.
 */
class LostArticleTest {
    private static final HtmlFrontEnd FRONT_END = new HtmlFrontEnd();
    private static final Fallback HTML = Profiles.htmlWithFallback();

    private static final String[] POSTS = {
        "I replaced the pressure valve on my boiler last week and the readings have been steady ever since then.",
        "Good to hear. Did you have to drain the whole system first, or only the section around the valve itself?",
        "Only the section around it. Close the two isolation taps, open the drain cock, and keep a bucket ready.",
        "Thanks, that saved me a call to the plumber. Mine is the same model and the gauge drops every morning.",
    };

    private static Document clean(String html) {
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        Document doc = HTML.run(x.source(), Layout.HTML, x.blocks(), x.facts());
        Invariants.assertConserved(x.source(), doc);
        return doc;
    }

    private static void assertHasAllPosts(Document doc) {
        for (String post : POSTS) assertTrue(doc.text().contains(post), "kept: " + post + "\n" + outcome(doc));
    }

    @Test
    void aForumWhoseCrawlerViewIsInNoscriptKeepsItsPosts() {
        StringBuilder html = new StringBuilder("<html><head><title>Boiler pressure drops</title></head><body>"
                + "<div id=\"app\"></div><noscript><div class=\"topic\"><h1>Boiler pressure drops</h1>");
        for (String post : POSTS) html.append("<div class=\"post\"><span class=\"author\">member</span><p>").append(post).append("</p></div>");
        html.append("</div></noscript><script>window.app = {};</script></body></html>");
        Document doc = clean(html.toString());
        assertHasAllPosts(doc);
        for (Removal r : doc.removals()) assertFalse(r.reason() == Reason.MARKUP_NOSCRIPT, "noscript is the page here: " + r);
    }

    @Test
    void aNoscriptNoticeBesideThePageIsStillCut() {
        String html = "<html><body><article>" + "<p>" + POSTS[0] + "</p><p>" + POSTS[1] + "</p><p>" + POSTS[2] + "</p>"
                + "</article><noscript><p>This site works best with JavaScript enabled in your browser.</p></noscript></body></html>";
        Document doc = clean(html);
        assertFalse(doc.text().contains("JavaScript"), outcome(doc));
        assertTrue(doc.removals().stream().anyMatch(r -> r.reason() == Reason.MARKUP_NOSCRIPT), outcome(doc));
    }

    @Test
    void anArticleHiddenUntilAScriptRevealsItIsKept() {
        String html = "<html><body><nav><a href=\"/\">Home</a></nav>"
                + "<div class=\"post-content reveal-on-scroll\" style=\"opacity:0;visibility:hidden\">"
                + "<p>" + POSTS[0] + "</p><p>" + POSTS[1] + "</p><p>" + POSTS[2] + "</p><p>" + POSTS[3] + "</p></div>"
                + "<div class=\"modal\" hidden><p>Subscribe to our newsletter for weekly tips.</p></div></body></html>";
        Document doc = clean(html);
        assertHasAllPosts(doc);
        assertFalse(doc.text().contains("Subscribe"), "the hidden dialog stays cut\n" + outcome(doc));
    }

    @Test
    void forumPostsUnderCommentClassesAreKept() {
        StringBuilder html = new StringBuilder("<html><body><header><nav><a href=\"/\">Forums</a> <a href=\"/new\">New posts</a>"
                + "</nav></header><div class=\"comments-list\">");
        for (String post : POSTS) {
            html.append("<div class=\"comment\"><div class=\"comment-author\"><a href=\"/u\">member</a></div><div class=\"comment-body\"><p>")
                    .append(post).append("</p></div></div>");
        }
        html.append("</div><footer><a href=\"/about\">About</a></footer></body></html>");
        Document doc = clean(html.toString());
        assertHasAllPosts(doc);
        assertEquals(Document.Extraction.FALLBACK, doc.extraction().method(), doc.extraction().reason());
        assertFalse(doc.text().contains("New posts"), "the site's menu is outside the content\n" + outcome(doc));
    }

    @Test
    void aPageWhoseBodyShowsNothingIsDescribedByItsHead() {
        String html = "<html><head><title>Rug shop</title><meta name=\"description\" content=\"Washable rugs made to order, "
                + "shipped free.\"></head><body><div id=\"root\"></div><script>render()</script></body></html>";
        Document doc = clean(html);
        assertTrue(doc.text().contains("Washable rugs made to order, shipped free."), outcome(doc));
        assertTrue(doc.extraction().reason().contains("description, from its head"), "the record says where its text is from: "
                + doc.extraction().reason());
    }

    /** The near miss: a page too short for a content candidate whose body shows its text is not said to be its head's. */
    @Test
    void aShortPageWhoseBodyShowsItsTextIsNotSaidToBeDescribedByItsHead() {
        String html = "<html><head><title>Rug shop</title><meta name=\"description\" content=\"Washable rugs made to order.\">"
                + "</head><body><h1>Closed for the holidays</h1><p>We reopen on Monday.</p></body></html>";
        Document doc = clean(html);
        assertTrue(doc.text().contains("We reopen on Monday."), outcome(doc));
        assertFalse(doc.extraction().reason().contains("from its head"), doc.extraction().reason());
    }

    @Test
    void aShellWithOnlyAMenuAndAFooterIsDescribedByItsHead() {
        String html = "<html><head><title>Board</title><meta name=\"description\" content=\"How far do you get on one "
                + "charge? I did 24 miles on Friday without charging.\"></head><body><nav><a href=/>Home</a> <a href=/d>Donate</a>"
                + "</nav><div id=\"app\"></div><footer><a href=/t>Terms</a></footer></body></html>";
        Document doc = clean(html);
        assertTrue(doc.text().contains("How far do you get on one charge?"), outcome(doc));
        assertFalse(doc.text().contains("Donate"), outcome(doc));
    }

    @Test
    void aPageWithTextOfItsOwnIsNotGivenItsHeadDescription() {
        String html = "<html><head><meta name=\"description\" content=\"A summary written for search engines.\"></head>"
                + "<body><nav><a href=/>Home</a></nav><p>" + POSTS[0] + "</p></body></html>";
        Document doc = clean(html);
        assertFalse(doc.text().contains("A summary written for search engines."), outcome(doc));
    }
}
