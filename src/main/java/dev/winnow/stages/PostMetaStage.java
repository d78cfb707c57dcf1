package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.score.PageType;
import dev.winnow.text.Vocabulary;

import java.util.regex.Pattern;

/**
 * HTML only, on pages typed as forums: removes the lines a forum engine prints around each post, not written by
 * its author: the member card ("Premium Member", "Posts: 1,204", "Joined: Mar 2019", "Offline"), the post's
 * counters ("12 likes") and its edit note ("Last edited by ... on ..."). Short blocks only, matched whole; blocks
 * without markup (plain text) pass untouched, and so does every other kind of page.
 */
public final class PostMetaStage implements Stage {
    /** A member card's line is short: longer blocks are the post's own text even when they open with "Joined". */
    static final int MAX_WORDS = 12;

    /** Member-card and post-action labels (vocab/post_meta.txt, or a profile's). */
    private final Vocabulary labels;

    /** With the shipped labels. */
    public PostMetaStage() {
        this(Vocabularies.SHIPPED);
    }

    /** With a profile's. */
    public PostMetaStage(Vocabularies vocabularies) {
        this.labels = vocabularies.get("post_meta");
    }

    /**
     * A counter of a member or a post, on the block's key (lower case, punctuation gone): "posts 1 204", "12 likes",
     * "reputation 80", or a number alone (a post's votes, likes or position, "#3"). The number is what makes it a
     * counter, so "posts" or "likes" alone is not matched here.
     */
    private static final Pattern COUNTER = Pattern.compile(
            "\\d+(?: \\d+)?(?: k)?|(?:\\d+ )+(?:k )?(?:likes?|replies|reply|views?|posts?|answers?|threads?|messages?|points|votes?|reactions?)"
                    + "|(?:posts?|replies|likes?|likes received|messages?|reputation|points|karma|threads?|reaction score|solutions?)"
                    + "(?: \\d+)+(?: k)?");

    /** A dated line of the member card or the post: "joined mar 2019", "last edited by sam 2024 01 05 10 22 13". */
    private static final Pattern DATED = Pattern.compile(
            "(?:joined|join date|registered|member since|last edited)\\b.*\\d.*");

    @Override
    public String name() { return "post_meta"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        if (PageKind.of(draft) != PageType.FORUM) return;
        for (Block b : draft.kept()) {
            if (b.markup() == null || b.shape().words() > MAX_WORDS) continue;
            if (labels.contains(b.key()) || isCounterOrNote(b.key())) verdict.drop(b, Reason.POST_META);
        }
    }

    /** A member card's line, a post's counter or its edit note, by the block's key ({@code TextShape.key}). */
    static boolean isPostMeta(String key) {
        return Vocabularies.SHIPPED.get("post_meta").contains(key) || isCounterOrNote(key);
    }

    /** A post's counter or a dated line of the member card. */
    private static boolean isCounterOrNote(String key) {
        return COUNTER.matcher(key).matches() || DATED.matcher(key).matches();
    }
}
