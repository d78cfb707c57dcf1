package dev.winnow.core;

import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.stages.Profiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fallback runs the lenient chain only when the main one kept a small share of the content
 * candidate, keeps its result only when it holds more, and says which it kept.
 */
class FallbackTest {
    private static final HtmlFrontEnd FRONT_END = new HtmlFrontEnd();

    private static final String REPLY = "<div class=\"comment\"><p>I agree with the point about the river crossing and "
            + "would add that the ferry timetable changed twice this year, which nobody seems to have noticed at all.</p></div>";
    private static final String STORY = "<article><p>The council approved the new budget on Tuesday after a long debate "
            + "about the cost of repairing the old bridge. Members said the money would come from reserves rather than new "
            + "taxes.</p><p>Work is expected to start in the spring and to last about two years, with one lane open.</p></article>";

    private static Document run(Fallback fallback, String body) {
        HtmlFrontEnd.Extracted x = FRONT_END.extract("<html><body>" + body + "</body></html>");
        return fallback.run(x.source(), Layout.HTML, x.blocks(), x.facts());
    }

    @Test
    void anArticlePageKeepsTheMainExtraction() {
        Document doc = run(Profiles.htmlWithFallback(), STORY + STORY.replace("budget", "plan"));
        assertEquals(Document.Extraction.MAIN, doc.extraction().method(), doc.extraction().reason());
    }

    @Test
    void commentsThatAreThePageFallBackToTheLenientChain() {
        Document doc = run(Profiles.htmlWithFallback(), "<div class=\"comments\">" + REPLY + REPLY.replace("river", "canal")
                + REPLY.replace("ferry", "bus") + "</div>");
        assertEquals(Document.Extraction.FALLBACK, doc.extraction().method(), doc.extraction().reason());
        assertTrue(doc.extraction().reason().contains("the main chain kept 0%"), doc.extraction().reason());
        assertTrue(doc.text().contains("ferry timetable"), doc.text());
    }

    @Test
    void withoutALenientChainTheMainResultStands() {
        Fallback mainOnly = new Fallback(Profiles.html(), null);
        Document doc = run(mainOnly, "<div class=\"comments\">" + REPLY + REPLY.replace("river", "canal")
                + REPLY.replace("ferry", "bus") + "</div>");
        assertEquals(Document.Extraction.MAIN, doc.extraction().method());
        assertEquals("", doc.text());
    }

    @Test
    void aStoryUnderALongerCommentSectionKeepsTheStory() {
        StringBuilder comments = new StringBuilder("<div class=\"comments\">");
        for (int i = 0; i < 12; i++) comments.append(REPLY.replace("twice", "twice (" + i + ")"));
        comments.append("</div>");
        StringBuilder more = new StringBuilder();
        for (int year = 2010; year < 2022; year++) {
            more.append("<p>In ").append(year).append(" the bridge carried about ").append(year - 2000)
                    .append(" thousand vehicles a day, according to the council's annual traffic report.</p>");
        }
        String story = STORY.replace("</article>", more + "</article>");
        Document doc = run(Profiles.htmlWithFallback(), story + comments);
        assertEquals(Document.Extraction.MAIN, doc.extraction().method(), doc.extraction().reason());
        assertTrue(doc.text().contains("approved the new budget"), doc.text());
        assertTrue(!doc.text().contains("ferry timetable"), doc.text());
    }

    @Test
    void theFallbackChainIsNamedInTheDescription() {
        List<String> names = Profiles.htmlWithFallback().describe();
        assertTrue(names.get(names.size() - 1).startsWith("fallback(") && names.get(names.size() - 1).contains("candidate"), names.toString());
    }
}
