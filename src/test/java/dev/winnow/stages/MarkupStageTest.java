package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
