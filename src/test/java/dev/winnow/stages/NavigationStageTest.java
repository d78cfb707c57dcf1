package dev.winnow.stages;

import dev.winnow.core.Document;
import dev.winnow.core.Reason;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.winnow.testing.Cuts.assertKept;
import static dev.winnow.testing.Cuts.assertNothingRemoved;
import static dev.winnow.testing.Cuts.assertRemoved;
import static dev.winnow.testing.Invariants.cleanTyped;
import static dev.winnow.testing.Invariants.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Navigation and UI junk is judged line by line: a short line whose whole text is a widget goes, with
 * the reason naming the widget; a sentence that only mentions one of those words stays.
 */
class NavigationStageTest {
    private static final NavigationStage STAGE = new NavigationStage();
    private static final String PROSE = "The market opened early on Saturday morning for the first time this year.";
    private static final String MORE_PROSE = "The stalls sold bread, cheese and fresh fruit from nearby farms.";

    /** {@code line} between two prose sentences is removed with {@code reason}; the prose stays. */
    private static void assertDropped(String line, Reason reason) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + MORE_PROSE);
        assertRemoved(doc, reason, line);
        assertKept(doc, PROSE);
        assertKept(doc, MORE_PROSE);
        assertEquals(1, doc.removals().size(), "only the widget line goes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Skip to content", "Back to top", "Privacy Policy", "Read more about the river project", "more »"})
    void menuAndFooterLinesAreBoilerplate(String line) {
        assertDropped(line, Reason.NAV_BOILERPLATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"expand", "©", "★★★"})
    void strayLowercaseWordsAndSymbolsAreShortLines(String line) {
        assertDropped(line, Reason.NAV_SHORT_LINE);
    }

    /** A code listing's short lines are lowercase like a stray UI word, but their punctuation is a program's. */
    @ParameterizedTest
    @ValueSource(strings = {"return total;", "display: flex;", "</article>", "def index():", "key={item.id}"})
    void aShortLineOfCodeIsKept(String line) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + MORE_PROSE);
        assertKept(doc, line);
        assertNothingRemoved(doc);
    }

    /** Near miss: the same words without a program's punctuation are a stray label. */
    @ParameterizedTest
    @ValueSource(strings = {"return total", "display flex"})
    void theSameWordsWithoutCodePunctuationAreShortLines(String line) {
        assertDropped(line, Reason.NAV_SHORT_LINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"English | Español", "Deutsch", "• fr"})
    void languageNamesAndCodesArePickers(String line) {
        assertDropped(line, Reason.LANGUAGE_PICKER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Breaking News", "LIVE", "Live updates"})
    void liveBanners(String line) {
        assertDropped(line, Reason.LIVE_BANNER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Share on Facebook", "Follow us on Instagram", "Share", "Copy link"})
    void shareAndFollowWidgets(String line) {
        assertDropped(line, Reason.SOCIAL_WIDGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 Comments", "Comments (3)", "View all 40 comments", "Leave a comment"})
    void commentCountersAndCallsToAction(String line) {
        assertDropped(line, Reason.COMMENT_COUNTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sign up for our newsletter", "Subscribe now", "Already a subscriber? Log in"})
    void accountPrompts(String line) {
        assertDropped(line, Reason.ACCOUNT_PROMPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Related stories", "You may also like"})
    void headingsThatOpenRelatedLinksAreSectionBreaks(String line) {
        assertDropped(line, Reason.SECTION_BREAK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(BUTTON) Search", "[hero-image.jpg]", "__________", "|", "»"})
    void renderedControlsAndPlaceholders(String line) {
        assertDropped(line, Reason.UI_CONTROL);
    }

    @Test
    void aRunOfThreeShortBulletsIsAMenu() {
        Document doc = cleanWith(STAGE, "• World\n• Science\n• Culture\n" + PROSE + "\n" + MORE_PROSE);
        assertRemoved(doc, Reason.LINK_LIST, "• World");
        assertRemoved(doc, Reason.LINK_LIST, "• Science");
        assertRemoved(doc, Reason.LINK_LIST, "• Culture");
        assertEquals(3, doc.removals().size());
    }

    /**
     * In plain text a short list with the prose on both sides, inside the main-text region, is the text's own (what
     * the stalls sold, a recipe's ingredients). The near misses: the same run before the prose (above) is a menu, and
     * on a collection page, whose short bullets amid the grid are as often filters, it goes as before.
     */
    @Test
    void aShortListInsideTheProseIsKept() {
        String input = PROSE + "\n• Bread\n• Cheese\n• Fresh fruit\n" + MORE_PROSE;
        Document doc = cleanWith(STAGE, input);
        assertNothingRemoved(doc);
        Document collection = cleanTyped(STAGE, input, "collection");
        assertRemoved(collection, Reason.LINK_LIST, "• Cheese");
    }

    // --- near misses: what the stage must keep

    @ParameterizedTest
    @ValueSource(strings = {
            "Readers can share their own photos of the festival through the city website.",
            "The comments section of the council meeting lasted three hours, officials said.",
            "Residents who subscribe to the water service will pay less next year.",
            "Live music returns to the old harbour this summer",
            "Home prices rose again in the spring",
    })
    void sentencesThatMentionWidgetWordsStay(String line) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + MORE_PROSE);
        assertNothingRemoved(doc);
    }

    @Test
    void aLongLineStartingLikeAPromptIsProse() {
        String line = "Sign up for the community garden opens on Monday and volunteers are asked to bring gloves.";
        assertTrue(dev.winnow.text.TextShape.of(line).words() > NavigationStage.MAX_WIDGET_WORDS);
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\n" + line));
    }

    @Test
    void aCapitalisedSubheadingIsNotNavigation() {
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\nEarly Warnings\n" + MORE_PROSE));
    }

    @Test
    void twoShortBulletsAreAListNotAMenu() {
        assertNothingRemoved(cleanWith(STAGE, PROSE + "\n• Apples\n• Pears\n" + MORE_PROSE));
    }

    @Test
    void bulletsThatAreSentencesAreNotAMenu() {
        Document doc = cleanWith(STAGE, "Three rules apply to every stall:\n• Prices are shown.\n• Bags are paper.\n"
                + "• Dogs stay outside.\n" + MORE_PROSE);
        assertNothingRemoved(doc);
        assertKept(doc, "Prices are shown.");
    }

    // --- the text browser's line of head links (lynx prints the <link rel> titles first)

    @Test
    void theHeadLinksLineOfATextBrowserDumpIsCut() {
        String line = "#Harbour News » Feed Harbour News » Comments Feed oEmbed (JSON) oEmbed (XML)";
        Document doc = cleanWith(STAGE, line + "\n\n" + PROSE + "\n\n" + MORE_PROSE);
        assertRemoved(doc, Reason.HEAD_LINKS, line);
        assertEquals(1, doc.removals().size());
    }

    /** Near misses: a Markdown heading, and a hashtag or post number further down, are content. */
    @ParameterizedTest
    @ValueSource(strings = {"# Market Day", "## Market Day"})
    void aMarkdownHeadingOnTheFirstLineIsKept(String heading) {
        Document doc = cleanWith(STAGE, heading + "\n\n" + PROSE + "\n\n" + MORE_PROSE);
        assertKept(doc, heading);
        assertTrue(doc.removals().stream().noneMatch(r -> r.reason() == Reason.HEAD_LINKS));
    }

    @Test
    void aHashtagLineBelowTheFirstIsKept() {
        Document doc = cleanWith(STAGE, PROSE + "\n\n#7 · Jan 16, 2024\n\n" + MORE_PROSE);
        assertTrue(doc.removals().stream().noneMatch(r -> r.reason() == Reason.HEAD_LINKS));
    }

    // --- a footer's inline policy links dumped on one line

    @ParameterizedTest
    @ValueSource(strings = {"Privacy Policy | Terms of Use | Accessibility Statement | Careers",
            "Help Centre - Privacy Notice - Sitemap - Terms and Conditions - Contact",
            "Privacy Policy • Client Terms of Use • Copyright Example Ltd, 2026"})
    void aLineOfPolicyLinksIsBoilerplate(String line) {
        assertDropped(line, Reason.NAV_BOILERPLATE);
    }

    /**
     * Near misses: a sentence naming two policies has no separated items; a strip of links naming one policy page
     * is a menu the link rules judge, not this one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Read our Privacy Policy and our Terms of Use before you sign up for the market newsletter.",
            "Fruit | Vegetables | Cheese | Privacy Policy"})
    void aSentenceOrAMenuNamingPoliciesIsKept(String line) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + MORE_PROSE);
        assertKept(doc, line);
        assertNothingRemoved(doc);
    }

    // --- a consent manager's purpose lines

    @Test
    void aConsentFrameworksPurposeLineIsAConsentNotice() {
        assertDropped("Measure content performance 153 partners can use this purpose", Reason.CONSENT_NOTICE);
    }

    /** Near miss: the words inside a sentence that goes on are not the dialog's row. */
    @Test
    void partnersUsingAPurposeBuiltToolStay() {
        String line = "Our partners can use this purpose-built kit to sort the fruit before the market opens.";
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + MORE_PROSE);
        assertKept(doc, line);
        assertNothingRemoved(doc);
    }

    // --- a text browser's radio buttons

    /** A radio button lynx printed, chosen or not, whatever its length: the form's control, not the page's text. */
    @ParameterizedTest
    @ValueSource(strings = {"( ) It's dangerous or hazardous", "(*) Blue Topaz ( ) Crystal Clear",
            "(*) Option: Oak shelf unit, white, 80x30 cm A white oak shelf unit with four open compartments, made of"
                    + " solid wood and finished by hand, shown in a bright living room beside a reading chair"})
    void aRadioButtonLineIsAControl(String line) {
        assertDropped(line, Reason.UI_CONTROL);
    }

    /** Near misses: brackets in prose hold words ("(see below)", "(1)"), and a bare "()" is no radio button. */
    @ParameterizedTest
    @ValueSource(strings = {"(see below) The stalls sold bread and cheese from the farms nearby.",
            "(1) The first stall opened at dawn, before the bakers had arrived.", "() => the handler runs"})
    void bracketsThatAreNotARadioButtonStay(String line) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + MORE_PROSE);
        assertKept(doc, line);
    }

    // --- the footer's copyright line

    @ParameterizedTest
    @ValueSource(strings = {"© 2026 Example Media Inc. All rights reserved.", "Copyright © 2019-2025 The Market Trust",
            "(c) 2024 Riverside Gazette", "All contents © Example LLC 2026. All Rights Reserved.",
            "© 2026 Beispiel GmbH. Alle Rechte vorbehalten."})
    void aCopyrightLineIsBoilerplate(String line) {
        assertDropped(line, Reason.NAV_BOILERPLATE);
    }

    /**
     * Near misses: a photo credit names its owner without a year (the caption rules judge it), a sentence ends on the
     * copyright of the book it quotes, and a paragraph that mentions reserved rights is longer than a footer line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"© Reuters", "The passage above is an excerpt from a career guide by Tom Miller, Copyright 2013.",
            "The council said all rights reserved to the landowners under the old charter would pass to the trust, and that the "
                    + "market would keep its Saturday pitches for as long as the farmers who run them want them, at the same rent "
                    + "as before, whatever the new owners decide about the rest of the square."})
    void aCreditOrASentenceMentioningCopyrightIsKept(String line) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + line + "\n" + MORE_PROSE);
        assertKept(doc, line);
        assertTrue(doc.removals().stream().noneMatch(r -> r.text().equals(line)), "not cut");
    }

    // --- the site telling its reader what they agree to

    @ParameterizedTest
    @ValueSource(strings = {
            "We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.",
            "By clicking Subscribe, you agree to our Terms of Use and acknowledge that your personal data is handled as our Privacy Policy says.",
            // a consent manager's category texts, in the third person
            "The technical storage or access is strictly necessary for the legitimate purpose of enabling the use of a specific service explicitly requested by the subscriber or user.",
            "The technical storage or access that is used exclusively for statistical purposes.",
            // the form's checkbox speaking for the reader
            "I agree to receive recurring automated marketing text messages at the phone number provided. Consent is not a "
                    + "condition to purchase. Msg & data rates may apply. View our Terms of Service and Privacy Policy.",
            "I consent to the shop processing my email address and sending me commercial emails in accordance with its Privacy Policy.",
            "Notice to Consumers: the shop may collect identifiers and commercial information when you visit this website. "
                    + "For more information, please see our Privacy Policy.",
            // a cookie plugin's paragraph, over 80 words
            "This website uses cookies to improve your experience while you navigate through the website. Out of these, the "
                    + "cookies that are categorized as necessary are stored on your browser as they are essential for the working "
                    + "of basic functionalities of the website. We also use third-party cookies that help us analyze and understand "
                    + "how you use this website. These cookies will be stored in your browser only with your consent. You also have "
                    + "the option to opt-out of these cookies. But opting out of some of these cookies may affect your browsing experience."})
    void cookieBannersAndFormLegalLinesAreConsentNotices(String line) {
        assertDropped(line, Reason.CONSENT_NOTICE);
    }

    /**
     * Near misses: an article reporting on cookie law in the third person, a reader agreeing with someone about a policy,
     * and a notice too long to be a banner.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Regulators said many sites still set tracking cookies before visitors agree, in breach of the privacy policy rules.",
            "I agree with the reviewers that the new privacy policy is far too long for anyone to read."})
    void anArticleSentenceAboutCookiesIsKept(String sentence) {
        Document doc = cleanWith(STAGE, PROSE + "\n" + sentence + "\n" + MORE_PROSE);
        assertKept(doc, sentence);
        assertNothingRemoved(doc);
    }

    @Test
    void aConsentParagraphLongerThanABannerIsKept() {
        String longNotice = "We use cookies and you agree to them. " + "The council published its budget for the year. ".repeat(12);
        assertTrue(longNotice.split(" ").length > NavigationStage.MAX_NOTICE_WORDS);
        Document doc = cleanWith(STAGE, PROSE + "\n" + longNotice.strip() + "\n" + MORE_PROSE);
        assertTrue(doc.removals().stream().noneMatch(r -> r.reason() == Reason.CONSENT_NOTICE));
    }

    /** A grid's controls and result counter on a page of items; the same lines on an article, and a tile's stock number, stay. */
    @ParameterizedTest
    @ValueSource(strings = {"Sort by: Best Match", "Filter & Sort", "Filters", "Quick View", "Add to Cart", "Compare", "Out of stock",
            "Showing 1–24 of 1,204 results", "36 Products", "Products (36)", "(128) Reviews"})
    void aGridsControlsAreCutOnPagesOfItems(String line) {
        String input = "Garden Tools\n\n" + line + "\n\nSteel Hand Trowel\n\n$12.99";
        Document doc = Invariants.cleanTyped(STAGE, input, "collection");
        assertRemoved(doc, Reason.UI_CONTROL, line);
        assertKept(doc, "Steel Hand Trowel");
        assertKept(doc, "$12.99");
        assertEquals(1, doc.removals().size(), "only the control goes");
        assertTrue(Invariants.cleanTyped(STAGE, PROSE + "\n\n" + line + "\n\n" + MORE_PROSE, "article").removals().stream()
                .noneMatch(r -> r.reason() == Reason.UI_CONTROL && r.text().equals(line)), "an article's line stays");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Item# 59370", "Compare the two models side by side before you buy", "Sorting tips for gardeners"})
    void aTilesStockNumberOrALineThatOnlyMentionsAControlStays(String line) {
        Document doc = Invariants.cleanTyped(STAGE, "Garden Tools\n\n" + line + "\n\nSteel Hand Trowel", "collection");
        assertKept(doc, line);
    }

    /**
     * A tile's badge on a shop page in markup goes; the same line on an article or a listing, in plain text, or a longer
     * line that starts like a badge, stays.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Top Rated", "Best Seller", "New Arrival", "New", "Sale", "Save 25%", "Save $130.00", "Limited Edition"})
    void aTilesBadgeIsCutOnShopPagesInMarkup(String badge) {
        String html = "<html><body><h1>Garden Tools</h1><ul><li><p>%s</p><p>Steel Hand Trowel</p><p>$12.99</p></li>"
                + "<li><p>Ash Handle Rake</p><p>$24.99</p></li></ul></body></html>";
        Document shop = html(String.format(html, badge), "collection");
        assertRemoved(shop, Reason.UI_CONTROL, badge);
        assertKept(shop, "Steel Hand Trowel");
        assertRemoved(html(String.format(html, badge), "product"), Reason.UI_CONTROL, badge);
        assertKept(html(String.format(html, badge), "article"), badge);
        assertKept(html(String.format(html, badge), "listing"), badge);
        assertKept(cleanTyped(STAGE, "Garden Tools\n\n" + badge + "\n\nSteel Hand Trowel\n\n$12.99", "collection"), badge);
        assertKept(html(String.format(html, "New season garden tools"), "collection"), "New season garden tools");
    }

    /**
     * An article's checklist (ten or more distinct checkbox tasks of four words or more) is the article: its checkboxes
     * stay. The near misses: a form's few checkboxes on an article, and the same checklist on a shop page, go as controls.
     */
    @Test
    void anArticlesChecklistIsKeptAndAFormsCheckboxesGo() {
        StringBuilder list = new StringBuilder(PROSE + "\n\n");
        for (int i = 1; i <= NavigationStage.CHECKLIST_MIN_ITEMS; i++) list.append("[ ] Book the venue for week ").append(i).append("\n\n");
        list.append(MORE_PROSE);
        Document checklist = cleanTyped(STAGE, list.toString(), "article");
        assertKept(checklist, "[ ] Book the venue for week 1");
        assertTrue(checklist.removals().stream().noneMatch(r -> r.reason() == Reason.UI_CONTROL));
        assertRemoved(cleanTyped(STAGE, list.toString(), "product"), Reason.UI_CONTROL, "[ ] Book the venue for week 1");
        String form = PROSE + "\n\n[ ] Notify me of new posts by email.\n\n[ ] Notify me of follow-up comments by email.\n\n" + MORE_PROSE;
        assertRemoved(cleanTyped(STAGE, form, "article"), Reason.UI_CONTROL, "[ ] Notify me of new posts by email.");
    }

    /** A checklist item is a checkbox and a task of four words or more; a form's option of a word or two is not. */
    @Test
    void aChecklistItemIsATaskBesideACheckbox() {
        assertTrue(NavigationStage.isChecklistItem(block("* [ ] Hire florist and secure the date")));
        assertTrue(NavigationStage.isChecklistItem(block("[x] Pack a rain cover or dry bag")));
        assertTrue(!NavigationStage.isChecklistItem(block("[ ] Payroll")));
        assertTrue(!NavigationStage.isChecklistItem(block("[ ] XS [ ] S [ ] M [ ] L [ ] XL")));
        assertTrue(!NavigationStage.isChecklistItem(block("Hire florist and secure the date")));
    }

    private static dev.winnow.core.Block block(String text) {
        return new dev.winnow.core.Block(0, 0, 0, 0, text, false, true);
    }

    private static Document html(String page, String pageType) {
        dev.winnow.html.HtmlFrontEnd.Extracted x = new dev.winnow.html.HtmlFrontEnd().extract(page);
        java.util.List<dev.winnow.core.Verdict.Fact> facts = new java.util.ArrayList<>(x.facts());
        facts.add(new dev.winnow.core.Verdict.Fact(dev.winnow.core.Field.PAGE_TYPE, pageType));
        return Invariants.single(STAGE).run(x.source(), dev.winnow.core.Layout.HTML, x.blocks(), facts);
    }
}
