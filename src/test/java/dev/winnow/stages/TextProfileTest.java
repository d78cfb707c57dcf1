package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.clean;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole text profile on one invented page that carries every kind of chrome the stages know: the
 * article comes out whole (subheading and all), each piece of chrome leaves with its precise reason, and
 * what describes the article lands in the metadata.
 */
class TextProfileTest {
    private static final String PAGE = """
            Skip to content
            • Home
            • Events
            • Harbour
            • Old Town
            LIVE
            harbour-lights-festival-returns-after-five-years
            Harbour Lights Festival Returns After Five Years
            By Lena Marsh
            March 4, 2023

            The harbour lights festival returned on Saturday after a five year pause, organisers said.

            Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier. Readers can share their photos on the city website.

            The mayor (left) greets visitors at the quay. EPA via Shutterstock

            Lantern Makers Return

            Many of the lanterns were made by hand in a small workshop near the fish market.

            “We have never seen so many boats on the water at once,” the harbour master said.

            The council said the boats would sail again next year if the weather allowed it.

            “We have never seen so many boats on the water at once,” she said.

            Share on Facebook
            12 Comments
            Related stories
            how-to-grow-tomatoes-on-a-small-balcony
            How to Grow Tomatoes on a Small Balcony
            Ten Ways to Keep Your Garden Green Through a Dry Summer
            Privacy Policy
            """;

    @Test
    void theArticleComesOutWholeAndEveryPieceOfChromeSaysWhy() {
        Document doc = clean(PAGE);
        assertEquals(List.of(
                "The harbour lights festival returned on Saturday after a five year pause, organisers said.",
                "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier. "
                        + "Readers can share their photos on the city website.",
                "Lantern Makers Return",
                "Many of the lanterns were made by hand in a small workshop near the fish market.",
                "“We have never seen so many boats on the water at once,” the harbour master said.",
                "The council said the boats would sail again next year if the weather allowed it."),
                doc.body().stream().map(b -> b.text()).toList());

        assertEquals("Harbour Lights Festival Returns After Five Years", doc.metadata().get(Field.TITLE));
        assertEquals(List.of("Lena Marsh"), doc.metadata().all(Field.AUTHORS));
        assertEquals("2023-03-04", doc.metadata().get(Field.CREATED));
        assertEquals(List.of("We have never seen so many boats on the water at once"), doc.metadata().all(Field.QUOTES));

        assertRemoved(doc, Reason.NAV_BOILERPLATE, "Skip to content");
        assertRemoved(doc, Reason.LINK_LIST, "• Events");
        assertRemoved(doc, Reason.LIVE_BANNER, "LIVE");
        assertRemoved(doc, Reason.URL_SLUG, "harbour-lights-festival-returns-after-five-years");
        assertRemoved(doc, Reason.TITLE, "Harbour Lights Festival Returns After Five Years");
        assertRemoved(doc, Reason.BYLINE, "By Lena Marsh");
        assertRemoved(doc, Reason.DATE_LINE, "March 4, 2023");
        assertRemoved(doc, Reason.CAPTION_CREDIT, "The mayor (left) greets visitors at the quay. EPA via Shutterstock");
        assertRemoved(doc, Reason.REPEATED_QUOTE, "“We have never seen so many boats on the water at once,” she said.");
        assertRemoved(doc, Reason.SOCIAL_WIDGET, "Share on Facebook");
        assertRemoved(doc, Reason.COMMENT_COUNTER, "12 Comments");
        assertRemoved(doc, Reason.SECTION_BREAK, "Related stories");
        assertRemoved(doc, Reason.URL_SLUG, "how-to-grow-tomatoes-on-a-small-balcony");
        assertRemoved(doc, Reason.UNRELATED_HEADLINE, "How to Grow Tomatoes on a Small Balcony");
        assertRemoved(doc, Reason.UNRELATED_HEADLINE, "Ten Ways to Keep Your Garden Green Through a Dry Summer");
        assertRemoved(doc, Reason.NAV_BOILERPLATE, "Privacy Policy");
    }
}
