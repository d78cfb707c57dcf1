package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.core.Verdict;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Cuts.outcome;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The markup stage cuts what the page's structure says is not its text, one reason per kind of
 * container, and keeps the near misses: text that only looks hidden or chrome to a careless reading
 * (an animated article, a layout class that contains the word "hidden", a responsive class).
 */
class MarkupStageTest {
    private static final HtmlFrontEnd FRONT_END = new HtmlFrontEnd();
    private static final Pipeline MARKUP = Invariants.single(new MarkupStage());
    private static final String PROSE = "The council approved the new budget on Tuesday after a long debate about the cost "
            + "of repairing the old bridge over the river.";
    private static final String MORE = "Work is expected to start in the spring and to last about two years, members said.";

    /** A page of two paragraphs of prose with {@code element} between them, through the markup stage alone. */
    private static Document page(String element) {
        String html = "<html><body><div class=\"content\"><p>" + PROSE + "</p>" + element + "<p>" + MORE
                + "</p></div></body></html>";
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        Document doc = MARKUP.run(x.source(), Layout.HTML, x.blocks(), x.facts());
        assertKept(doc, PROSE);
        assertKept(doc, MORE);
        return doc;
    }

    @Test
    void noscriptNoticeIsCutAsNoscript() {
        assertRemoved(page("<noscript><p>Please enable JavaScript to view this site.</p></noscript>"),
                Reason.MARKUP_NOSCRIPT, "Please enable JavaScript to view this site.");
    }

    @Test
    void formControlTextIsCutAsControl() {
        Document doc = page("<select><option>Newest first</option><option>Oldest first</option></select>");
        assertRemoved(doc, Reason.MARKUP_CONTROL, "Newest first");
        assertRemoved(doc, Reason.MARKUP_CONTROL, "Oldest first");
        assertRemoved(page("<button>Load more</button>"), Reason.MARKUP_CONTROL, "Load more");
    }

    /** A script-built select marks its choices as ARIA options; a list that only says it is a list is not a control. */
    @Test
    void ariaOptionsAreCutAsControlsButAnAriaListIsNot() {
        Document doc = page("<div role=\"listbox\"><div role=\"option\"><span>Albania</span></div>"
                + "<div role=\"option\"><span>Algeria</span></div></div>");
        assertRemoved(doc, Reason.MARKUP_CONTROL, "Albania");
        assertRemoved(doc, Reason.MARKUP_CONTROL, "Algeria");
        String item = "Bring the signed permit to the site office before work starts.";
        Document list = page("<div role=\"list\"><div role=\"listitem\"><p>" + item + "</p></div></div>");
        assertKept(list, item);
        assertTrue(list.removals().isEmpty(), outcome(list));
    }

    /** ARIA landmarks name a header and a search form the way the elements do; a region is no chrome. */
    @Test
    void bannerAndSearchLandmarksAreCutAsHeaderAndFormButARegionIsNot() {
        assertRemoved(page("<div role=\"banner\"><p>City Hall Online</p></div>"), Reason.MARKUP_HEADER, "City Hall Online");
        assertRemoved(page("<div role=\"search\"><p>Search the permits database</p></div>"), Reason.MARKUP_FORM,
                "Search the permits database");
        String text = "Permits are issued within ten working days of a complete application.";
        Document doc = page("<div role=\"region\"><p>" + text + "</p></div>");
        assertKept(doc, text);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    /** An FAQ accordion's question sits in a button: the page shows it as a heading, not as a control's label. */
    @Test
    void anAccordionsQuestionInAButtonIsKept() {
        Document doc = page("<div class=faq><button>How long does the bridge repair take?</button>"
                + "<button>Why?</button><button>Show all questions</button></div>");
        assertKept(doc, "How long does the bridge repair take?");
        // near misses: a question too short to be one ("Why?"), a label that asks nothing
        assertRemoved(doc, Reason.MARKUP_CONTROL, "Why?");
        assertRemoved(doc, Reason.MARKUP_CONTROL, "Show all questions");
    }

    @Test
    void templateIsCutAsTemplate() {
        assertRemoved(page("<template><p>No results for your search</p></template>"),
                Reason.MARKUP_TEMPLATE, "No results for your search");
    }

    @Test
    void embeddedTextIsCutAsEmbedded() {
        assertRemoved(page("<svg><text>Chart of monthly rainfall</text></svg>"),
                Reason.MARKUP_EMBEDDED, "Chart of monthly rainfall");
        assertRemoved(page("<object data=\"map.swf\"><p>Your browser cannot show this map</p></object>"),
                Reason.MARKUP_EMBEDDED, "Your browser cannot show this map");
    }

    @Test
    void anIconInsideASentenceLeavesTheSentenceWhole() {
        String html = "<html><body><p>Read the <svg><path d=\"M0 0\"/></svg> report before the vote on Tuesday.</p></body></html>";
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        Document doc = MARKUP.run(x.source(), Layout.HTML, x.blocks(), x.facts());
        assertKept(doc, "Read the report before the vote on Tuesday.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<div class=\"modal fade\" style=\"display:none\"><p>Sign up for our newsletter today</p></div>",
            "<div hidden><p>Sign up for our newsletter today</p></div>",
            "<div class=\"sr-only\"><p>Sign up for our newsletter today</p></div>",
            "<div class=\"is-hidden\"><p>Sign up for our newsletter today</p></div>",
            "<ul class=\"sub-menu collapse\" style=\"display:none\"><li>Sign up for our newsletter today</li></ul>",
            // a closed dialog: hidden from assistive technology until a click opens it
            "<div role=\"dialog\" aria-hidden=\"true\"><p>Sign up for our newsletter today</p></div>",
            "<div class=\"consent-modal\" aria-hidden=\"true\"><p>Sign up for our newsletter today</p></div>"})
    void hiddenDialogsMenusAndScreenReaderTextAreCut(String element) {
        assertRemoved(page(element), Reason.MARKUP_HIDDEN, "Sign up for our newsletter today");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // revealed by a script: an entrance animation, a tab, a streamed React boundary, an accordion
            "<div class=\"fade-in\" style=\"visibility:hidden\"><p>%s</p></div>",
            "<div class=\"elementor-invisible\" data-settings='{\"_animation\":\"fadeIn\"}' style=\"display:none\"><p>%s</p></div>",
            "<div data-aos=\"fade-up\" hidden><p>%s</p></div>",
            "<div class=\"tab-pane\" style=\"display:none\"><p>%s</p></div>",
            "<div hidden id=\"S:0\"><p>%s</p></div>",
            // not hidden at all: a layout class, a responsive class, screen readers only skip it
            "<div class=\"overflow-hidden\"><p>%s</p></div>",
            "<div class=\"field field--label-hidden\"><p>%s</p></div>",
            "<div class=\"hidden md:block\"><p>%s</p></div>",
            "<div class=\"hidden-xs\"><p>%s</p></div>",
            "<div aria-hidden=\"true\"><p>%s</p></div>"})
    void revealableAndMerelyLayoutHiddenTextIsKept(String element) {
        String text = "The bridge has carried traffic across the river since it opened in 1932.";
        Document doc = page(String.format(element, text));
        assertKept(doc, text);
        assertTrue(doc.removals().isEmpty(), "nothing is cut\n" + outcome(doc));
    }

    @Test
    void commentsAndLinksAreCutByTheStrictStageButKeptByTheLenientOneInsideTheCandidate() {
        String post = "I replaced the valve last week and the pressure has been steady since then, thanks for the tip.";
        String html = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/forum\">Forum</a></nav>"
                + "<div class=\"thread\"><div class=\"comment\"><p>" + post + "</p></div>"
                + "<div class=\"comment\"><p>" + PROSE + "</p></div><div class=\"comment\"><p>" + MORE + "</p></div></div></body></html>";
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        Document strict = MARKUP.run(x.source(), Layout.HTML, x.blocks(), x.facts());
        assertRemoved(strict, Reason.MARKUP_COMMENTS, post);
        Document lenient = Invariants.single(MarkupStage.lenient()).run(x.source(), Layout.HTML, x.blocks(), x.facts());
        assertKept(lenient, post);
        assertRemoved(lenient, Reason.MARKUP_NAVIGATION, "Home Forum");
    }

    // ---- every container reason, each with the near miss it must keep ----

    @Test
    void aHeaderIsCutButASentenceInTheArticlesHeaderStays() {
        assertRemoved(page("<header><p>Local news</p></header>"), Reason.MARKUP_HEADER, "Local news");
        // an article's <header> holds its standfirst: prose stays
        String standfirst = "The repairs will close the bridge to cars for most of next year.";
        Document doc = page("<header><p>" + standfirst + "</p></header>");
        assertKept(doc, standfirst);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    @Test
    void aFooterIsCutButAFootnoteIsNot() {
        assertRemoved(page("<footer><p>Copyright Example Media, all rights reserved</p></footer>"), Reason.MARKUP_FOOTER,
                "Copyright Example Media, all rights reserved");
        // "footnotes" is not the word "footer" or "foot": class words are matched whole
        String note = "1. Figures from the council's annual report on roads and bridges.";
        Document doc = page("<div class=\"footnotes\"><p>" + note + "</p></div>");
        assertKept(doc, note);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    @Test
    void aSidebarIsCutButASideBySideLayoutIsNot() {
        assertRemoved(page("<aside><p>Most read this week</p></aside>"), Reason.MARKUP_SIDEBAR, "Most read this week");
        assertRemoved(page("<div class=\"sidebar\"><p>Most read this week</p></div>"), Reason.MARKUP_SIDEBAR, "Most read this week");
        String text = "The old and the new bridge designs were shown to residents at the town hall.";
        Document doc = page("<div class=\"side-by-side\"><p>" + text + "</p></div>");
        assertKept(doc, text);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    @Test
    void aFormIsCutButAPageWrappedInOneFormIsNot() {
        assertRemoved(page("<form><p>Get the morning briefing by email</p></form>"), Reason.MARKUP_FORM,
                "Get the morning briefing by email");
        // ASP.NET wraps the whole page in one form: an element holding most of the prose opens no chrome kind
        String html = "<html><body><form id=\"aspnetForm\"><p>" + PROSE + "</p><p>" + MORE + "</p></form></body></html>";
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        Document doc = MARKUP.run(x.source(), Layout.HTML, x.blocks(), x.facts());
        assertKept(doc, PROSE);
        assertKept(doc, MORE);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    /** A fieldset's own text labels the controls it groups, inside a form or not; a paragraph set in one is prose. */
    @Test
    void aFieldsetsLabelsAreCutAsFormButAParagraphInsideOneIsNot() {
        assertRemoved(page("<div class=\"swatches\"><fieldset><legend>Colour</legend><label><input type=\"radio\">"
                + "Option: Bookcase, white</label></fieldset></div>"),
                Reason.MARKUP_FORM, "Option: Bookcase, white");
        String text = "Choose the shelf depth that fits the room before you pick a colour.";
        Document doc = page("<fieldset><p>" + text + "</p></fieldset>");
        assertKept(doc, text);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    @Test
    void aShareBarIsCutButAnEmbeddedPostInsideASocialWrapperIsNot() {
        assertRemoved(page("<div class=\"share-buttons\"><p>Share this article</p></div>"), Reason.MARKUP_WIDGET,
                "Share this article");
        String post = "Traffic on the bridge is down by half since the repairs began this week.";
        Document doc = page("<div class=\"social-embed\"><blockquote><p>" + post + "</p></blockquote></div>");
        assertKept(doc, post);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    @Test
    void relatedStoriesAreCutButAClassThatOnlyContainsTheLettersIsNot() {
        assertRemoved(page("<div class=\"related-posts\"><p>Five more bridges worth a visit</p></div>"),
                Reason.MARKUP_RELATED, "Five more bridges worth a visit");
        String text = "Residents said the closure would add twenty minutes to their commute.";
        Document doc = page("<div class=\"unrelated-notes\"><p>" + text + "</p></div>");
        assertKept(doc, text);
        assertTrue(doc.removals().isEmpty(), outcome(doc));
    }

    @Test
    void aFigureCaptionIsCutButTheRestOfTheFigureIsNot() {
        String pullQuote = "We cannot keep patching a bridge that is ninety years old, the engineer said.";
        Document doc = page("<figure><blockquote><p>" + pullQuote + "</p></blockquote>"
                + "<figcaption>The bridge at dawn. Photo: city archive</figcaption></figure>");
        assertRemoved(doc, Reason.MARKUP_CAPTION, "The bridge at dawn. Photo: city archive");
        assertKept(doc, pullQuote);
    }

    @Test
    void aLinkListIsCutButALinkedSentenceIsNot() {
        Document doc = page("<p><a href=\"/a\">Roads</a> <a href=\"/b\">Bridges</a> <a href=\"/c\">Rail</a></p>");
        assertRemoved(doc, Reason.LINK_DENSE, "Roads Bridges Rail");
        String sentence = "Read the full engineering report on the bridge here.";
        Document linked = page("<p><a href=\"/report\">" + sentence + "</a></p>");
        assertKept(linked, sentence);
        assertTrue(linked.removals().isEmpty(), outcome(linked));
    }

    /**
     * In an article, a subheading that is a link (a roundup's entry linking to what it reviews) stays; a linked line that
     * is no heading, and the same heading on a product page, are still cut as link text.
     */
    @Test
    void aLinkedSubheadingInAnArticleStaysButALinkedLineDoesNot() {
        String entry = "Klein Tools Conduit Reamer";
        String html = "<html><body><div class=\"content\"><p>" + PROSE + "</p><%1$s><a href=\"/reamer\">" + entry
                + "</a></%1$s><p>" + MORE + "</p></div></body></html>";
        assertKept(typed(String.format(html, "h3"), "article"), entry);
        assertRemoved(typed(String.format(html, "p"), "article"), Reason.LINK_DENSE, entry);
        assertRemoved(typed(String.format(html, "h3"), "product"), Reason.LINK_DENSE, entry);
    }

    @Test
    void aShopsReviewsAreCutButAReviewOnAnArticleIsNot() {
        String review = "Sturdy and easy to fit, and it has held up through a whole winter of rain.";
        String html = "<html><body><div class=\"content\"><p>" + PROSE + "</p><div class=\"reviews\"><p>" + review
                + "</p></div><p>" + MORE + "</p></div></body></html>";
        assertRemoved(typed(html, "product"), Reason.MARKUP_REVIEWS, review);
        assertRemoved(typed(html, "collection"), Reason.MARKUP_REVIEWS, review);
        assertKept(typed(html, "article"), review);
        // a forum or a listing of reviews is made of them
        assertKept(typed(html, "forum"), review);
        assertKept(typed(html, "listing"), review);
    }

    /**
     * Off articles a confident score overrules a soft cut (a hidden block may be revealed), but not in a filter form: its
     * options are the grid's controls. A form not named for filtering (a forum's posts sit in one) keeps the veto.
     */
    @Test
    void aFilterFormsHiddenOptionsAreCutWhateverTheirScore() {
        String option = "Dark Roast (16)";
        String html = "<html><body><div class=\"content\"><p>" + PROSE + "</p><form class=\"%s\"><div hidden><p>" + option
                + "</p></div></form><p>" + MORE + "</p></div></body></html>";
        Pipeline vetoing = new Pipeline(new dev.winnow.text.Normalizer(), new dev.winnow.core.Segmenter(),
                List.of(new MarkupStage(false, 0.35)), dev.winnow.testing.StubScorer.of(java.util.Map.of()));
        assertRemoved(typedWith(vetoing, String.format(html, "product-filters"), "collection"), Reason.MARKUP_HIDDEN, option);
        assertKept(typedWith(vetoing, String.format(html, "thread-posts"), "collection"), option);
    }

    /**
     * A confident score keeps a nav-named list of a page's body (a grid's categories), but a menu in the page's header is
     * the site's menu on every kind of page, whatever its score.
     */
    @Test
    void aHeaderMenuIsCutWhateverItsScore() {
        String entry = "Garden Furniture";
        String html = "<html><body>%s<div class=\"content\"><p>" + PROSE + "</p><p>" + MORE + "</p></div></body></html>";
        Pipeline vetoing = new Pipeline(new dev.winnow.text.Normalizer(), new dev.winnow.core.Segmenter(),
                List.of(new MarkupStage(false, 0.35)), dev.winnow.testing.StubScorer.of(java.util.Map.of()));
        String menu = "<nav><ul><li><a href=\"/g\">" + entry + "</a></li></ul></nav>";
        assertRemoved(typedWith(vetoing, String.format(html, "<header>" + menu + "</header>"), "collection"),
                Reason.MARKUP_NAVIGATION, entry);
        assertKept(typedWith(vetoing, String.format(html, "<main>" + menu + "</main>"), "collection"), entry);
    }

    /** {@code html} through the markup stage alone, on a page typed {@code pageType}. */
    private static Document typed(String html, String pageType) {
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        List<Verdict.Fact> facts = new ArrayList<>(x.facts());
        facts.add(new Verdict.Fact(Field.PAGE_TYPE, pageType));
        return MARKUP.run(x.source(), Layout.HTML, x.blocks(), facts);
    }

    private static Document typedWith(Pipeline chain, String html, String pageType) {
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        List<Verdict.Fact> facts = new ArrayList<>(x.facts());
        facts.add(new Verdict.Fact(Field.PAGE_TYPE, pageType));
        return chain.run(x.source(), Layout.HTML, x.blocks(), facts);
    }
}
