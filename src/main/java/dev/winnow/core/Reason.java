package dev.winnow.core;

import java.util.Locale;

/**
 * Why a piece of text left the article body. A closed set: every removal carries exactly one of these,
 * and its {@link #code()} is what appears in records and reports, so codes are stable API.
 */
public enum Reason {
    // Navigation and UI junk
    /** A line from the general web-boilerplate vocabulary: menus, footers, "Skip to content", "Back to top". */
    NAV_BOILERPLATE,
    /** A short fragment without sentence structure: no verb-bearing sentence, lowercase UI word, lone symbol. */
    NAV_SHORT_LINE,
    /** A language picker entry ("• en", "English | Español"). */
    LANGUAGE_PICKER,
    /** A live or breaking-news banner. */
    LIVE_BANNER,
    /** Share / follow / social widget text ("Follow us on:", "Share on Facebook"). */
    SOCIAL_WIDGET,
    /** A comment counter or comment-section heading ("0 Comments", "Leave a reply"): the article ends before it. */
    COMMENT_COUNTER,
    /** Sign-in, subscribe and newsletter prompts, paywall teasers. */
    ACCOUNT_PROMPT,
    /** A bullet in a run of short link-like bullets (a menu rendered as a list). */
    LINK_LIST,
    /** A heading that opens related links or recommendations ("More stories", "Related"). */
    SECTION_BREAK,
    /** Rendered form controls and media placeholders ("(BUTTON) Search", "[image.jpg]", "______"). */
    UI_CONTROL,
    /** The page head's links as a text browser prints them on the first lines ("#Site » Feed Site » Comments Feed"). */
    HEAD_LINKS,
    /** A cookie banner, consent dialog or sign-up form's legal line: the site telling the reader what they agree to. */
    CONSENT_NOTICE,

    // Markup (HTML only): what the page's structure says a block is
    /** Inside navigation: nav/menu elements, navigation roles, menu/breadcrumb classes. */
    MARKUP_NAVIGATION,
    /** Inside a page or article header (title, byline and dates are read from the markup instead). */
    MARKUP_HEADER,
    /** Inside a page footer. */
    MARKUP_FOOTER,
    /** Inside a sidebar or aside. */
    MARKUP_SIDEBAR,
    /** Inside a form. */
    MARKUP_FORM,
    /** Inside a share, follow, advertising, newsletter or cookie widget. */
    MARKUP_WIDGET,
    /** Inside a related-content or recommendation block. */
    MARKUP_RELATED,
    /** Inside a comment section. */
    MARKUP_COMMENTS,
    /** Inside customer reviews on a page typed product or collection (elsewhere a review may be the page's content). */
    MARKUP_REVIEWS,
    /** A figure caption or credit (figcaption, caption classes). */
    MARKUP_CAPTION,
    /** Hidden from readers (hidden attribute, display:none, screen-reader-only classes). */
    MARKUP_HIDDEN,
    /** Inside {@code <noscript>}: what readers without scripts see ("Please enable JavaScript"), beside the page's text. */
    MARKUP_NOSCRIPT,
    /** A form control's own text: the options of a {@code <select>}, a button's label, a textarea's content. */
    MARKUP_CONTROL,
    /** Inside {@code <template>}: markup a script copies into the page, not shown as it stands. */
    MARKUP_TEMPLATE,
    /** Fallback or drawing text of embedded content ({@code <iframe>}, {@code <object>}, {@code <svg>}, media). */
    MARKUP_EMBEDDED,
    /** Mostly link text: a list of links rather than prose. */
    LINK_DENSE,

    // Slugs and repeated titles
    /** A URL slug or URL standing alone on its line. */
    URL_SLUG,
    /** The article's own headline repeated (typically beside its slug). */
    REPEATED_TITLE,
    /** A block that repeats an earlier block word for word. */
    DUPLICATE_BLOCK,

    // Captions and credits
    /** A photo caption ending in an agency or photographer credit. */
    CAPTION_CREDIT,
    /** A photo caption recognised by a positional marker such as "(L)" or "(left)". */
    CAPTION_POSITIONAL,
    /** A truncated copy of part of another caption. */
    CAPTION_FRAGMENT,
    /** A line that is only a credit ("Photo: Reuters", "Getty Images"). */
    CREDIT_ONLY,
    /** A plain-text line printing one phrase twice, alone among its neighbours: an image's alt text and title. */
    DOUBLED_LINE,
    /** Plain-text lines repeating one label with a counter ("Trail Shoe 0", "Trail Shoe 1", ...): an image gallery's slides. */
    GALLERY_SLIDE,

    // Unrelated headlines
    /** A title-like line about another story: related-story blocks, trailing teasers. */
    UNRELATED_HEADLINE,
    /** The summary in another story's card: a small repeated section that opens with a linked headline. */
    TEASER,

    // Main text region
    /** Outside the article's main text region: page chrome before it, related material and footers after. */
    OUTSIDE_MAIN_TEXT,
    /** The learned block scorer gives it a low probability of being content (its score is the cut's evidence). */
    LOW_CONTENT_SCORE,
    /** On a forum, a line the engine prints around a post: its author's member card, its counters, its edit note. */
    POST_META,

    // Metadata moved out of the body into record fields
    /** The headline, moved to {@code metadata.title}. */
    TITLE,
    /** The byline, moved to {@code metadata.authors}. */
    BYLINE,
    /** A publisher or source credit ("— Outlet"), moved to {@code metadata.publisher}. */
    PUBLISHER_CREDIT,
    /** A publication date line, moved to {@code created}. */
    DATE_LINE,
    /** A section label glued to a paragraph ("What Happened:"). */
    SECTION_LABEL,

    // Repeated quotes
    /** A paragraph that only restates a quotation the article already carries. */
    REPEATED_QUOTE,

    // Corpus-wide: judged from the whole corpus, not one document
    /** A line that recurs in many documents of the same site: its template (footer, menu, banner). */
    SITE_REPEATED_LINE,
    /** A paragraph that only restates a quotation an earlier article of the corpus already carries ({@code --dedupe-quotes=corpus}). */
    CORPUS_REPEATED_QUOTE;

    /**
     * Text a reader never sees as part of the page (noscript, form controls, templates, embedded content):
     * the front end records it so nothing vanishes, but it is no chrome that separates parts of the page.
     */
    public boolean unseen() {
        return this == MARKUP_NOSCRIPT || this == MARKUP_CONTROL || this == MARKUP_TEMPLATE || this == MARKUP_EMBEDDED;
    }

    /** The code, made once: every cut of every record asks for it. */
    private final String code = name().toLowerCase(Locale.ROOT);

    /** The stable snake_case code written to records and reports. */
    public String code() {
        return code;
    }
}
