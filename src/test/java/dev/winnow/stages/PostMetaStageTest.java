package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Reason;
import dev.winnow.core.Segmenter;
import dev.winnow.testing.Invariants;
import dev.winnow.text.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.assertConserved;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forum post's member card, counters and edit note go on pages typed as forums, in HTML only; the same lines on
 * an article, in plain text, or a post's own sentence that opens like them, stay.
 */
class PostMetaStageTest {
    private static final String POST = "I had the same problem with the boiler last winter and replacing the pressure valve fixed it for good.";
    private static final String REPLY = "Thanks, I ordered the valve from the plumbing shop and will report back once it is fitted.";
    private static final String THREAD = "<html><body><div class=post><div class=card><p>Premium Member</p><p>Posts: 1,204</p>"
            + "<p>Joined: Mar 2019</p><p>Offline</p></div><p>" + POST + "</p><p>12 likes</p>"
            + "<p>Last edited by sam on 05-01-2024 10:22</p><p>#3</p></div>"
            + "<div class=post><p>" + REPLY + "</p><p>Quote</p></div></body></html>";

    /** The HTML chain with a scorer that calls every block content (0.9): only the rules decide. */
    private static Document html(String page, String pageType) {
        return Invariants.cleanHtmlTyped(page, pageType);
    }

    @Test
    void onAForumTheMemberCardCountersAndEditNoteAreCut() {
        Document doc = html(THREAD, "forum");
        assertRemoved(doc, Reason.POST_META, "Premium Member");
        assertRemoved(doc, Reason.POST_META, "Posts: 1,204");
        assertRemoved(doc, Reason.POST_META, "Joined: Mar 2019");
        assertRemoved(doc, Reason.POST_META, "Offline");
        assertRemoved(doc, Reason.POST_META, "12 likes");
        assertRemoved(doc, Reason.POST_META, "Last edited by sam on 05-01-2024 10:22");
        assertRemoved(doc, Reason.POST_META, "Quote");
        assertRemoved(doc, Reason.POST_META, "#3");
        assertKept(doc, POST);
        assertKept(doc, REPLY);
    }

    @Test
    void onAnArticleTheSameLinesStay() {
        Document doc = html(THREAD, "article");
        assertTrue(doc.text().contains("Posts: 1,204"), doc.text());
        assertTrue(doc.text().contains("Joined: Mar 2019"), doc.text());
    }

    /** A post's own line that opens like the card, or names a counter without a number, is the author's text. */
    @Test
    void aPostsOwnLinesThatLookLikeTheCardStay() {
        String longer = "Joined the club in 2019 and have been restoring old boilers with the members ever since then, mostly.";
        String page = "<html><body><div class=post><p>" + POST + "</p><p>" + longer + "</p><p>Likes</p>"
                + "<p>Registered letters arrive slowly</p></div></body></html>";
        Document doc = html(page, "forum");
        assertKept(doc, longer);
        assertKept(doc, "Likes");
        assertKept(doc, "Registered letters arrive slowly");
    }

    /** Without the page typer every page is an article (and the text chain does not run the stage at all). */
    @Test
    void anUntypedPageIsLeftAlone() {
        String text = "Posts: 1,204\n\nJoined: Mar 2019\n\n" + POST;
        Document doc = new Pipeline(new Normalizer(), new Segmenter(), List.of(new PostMetaStage())).clean(text);
        assertNothingRemoved(doc);
    }

    @Test
    void countersNeedTheirNumber() {
        assertTrue(PostMetaStage.isPostMeta("posts 1 204"));
        assertTrue(PostMetaStage.isPostMeta("3 replies"));
        assertTrue(PostMetaStage.isPostMeta("reputation 80"));
        assertTrue(PostMetaStage.isPostMeta("3"), "a post's vote count or its number (#3)");
        assertFalse(PostMetaStage.isPostMeta("posts"));
        assertFalse(PostMetaStage.isPostMeta("3 cups of flour"));
        assertFalse(PostMetaStage.isPostMeta("joined the club"));
    }
}
