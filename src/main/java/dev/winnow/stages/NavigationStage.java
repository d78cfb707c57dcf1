package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.score.PageType;
import dev.winnow.text.PhraseBook;
import dev.winnow.text.TextShape;
import dev.winnow.text.Vocabulary;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Navigation and UI junk: lines whose whole text is a menu entry, live banner, share/follow widget,
 * comment counter, sign-in prompt or language picker, rendered form controls, runs of short bullet
 * links, and short lowercase fragments without sentence structure. Only short lines are judged, so
 * a sentence that merely mentions "share" or "comments" is never touched.
 */
public final class NavigationStage implements Stage {
    /** Lines longer than this are prose even if they start like a widget ("Sign up for ... and ..."). */
    static final int MAX_WIDGET_WORDS = 12;
    /** A menu rendered as a list: at least this many short bullets in a row. */
    static final int MIN_LINK_RUN = 3;
    /** A bullet counts as a link when it has at most this many words and no sentence ending. */
    static final int MAX_LINK_WORDS = 5;

    private static final Pattern COMMENT_COUNTER = Pattern.compile(
            "(?i)(?:\\d[\\d,.]*k?\\s+(?:comments?|replies|responses)|(?:comments?|replies)\\s*[(\\[:]?\\s*\\d[\\d,.]*\\s*[)\\]]?|view all \\d+ comments?)");
    /** Rendered controls: text-browser buttons and form fields, image and media placeholders. */
    private static final Pattern UI_CONTROL = Pattern.compile(
            "(?i)(?:.*\\((?:BUTTON|submit|IMG|image|video|iframe|embed)\\).*|.*_{5,}.*|\\[[^\\]]*\\]|\\[[^\\]\\s]+"
                    + "|\\[[ x]?\\] .*|(?:IFRAME|EMBED|OBJECT|VIDEO|AUDIO):\\s*\\S+|[|»«›‹>•·/\\\\-]+)");

    /**
     * A grid's own controls and counters, as a whole line's key: sorting and filtering ("Sort by: Best Match", "Filter
     * &amp; Sort"), per-tile buttons ("Quick view", "Add to cart", "Compare"), the stock flag, and the result counter
     * ("Showing 1–24 of 120 results", "Products (36)", "12 reviews"). Judged on pages of items only (collections,
     * products, listings): in an article a heading may be "Compare" or "Filters". WCXB dev HTML, out of fold (2026-12-07):
     * of the 456 such lines it cut on collection pages, 16 were reference text (stock flags and counts a few references
     * keep), and 1 of 44 on product pages.
     */
    private static final Pattern GRID_CONTROL = Pattern.compile("sort|sort by(?: \\w+){0,3}|sort(?: \\w+){1,2}|sort (?:and )?filter"
            + "|filter (?:and )?sort|filters?|filter by|refine(?: by| results)?|quick (?:shop|view|look|add)"
            + "|add to (?:cart|bag|basket|wishlist|wish list|compare)|compare|choose options|select options|in stock|out of stock|view as"
            + "|(?:(?:showing|displaying|viewing|loaded) )?(?:\\d+ (?:to )?)?\\d+ (?:of \\d+(?: \\d{3})* )?(?:results?|products?|items?)(?: found)?"
            + "|\\d+ reviews?");
    /**
     * A shop's tile badge, as a whole line's key: the merchandising flag a grid prints on a product's tile ("Top Rated",
     * "Best Seller", "New Arrival", "Sale", "Save 25%", "Limited Edition"), a widget of the grid, not what it lists. Judged
     * on shop pages (collections and products) in markup only: a listing's "New" may be its only date. WCXB dev HTML, out
     * of fold (2026-12-07): collection 0.7130 to 0.7141, 34 pages up, 14 down (the largest loss 0.013); product unchanged at
     * four decimals.
     */
    private static final Pattern TILE_BADGE = Pattern.compile("top rated|best ?sellers?|new arrivals?|new|sale|on sale"
            + "|save \\d+(?: \\d+)?|limited edition");

    static boolean isTileBadge(Block b) {
        return b.shape().words() <= 4 && TILE_BADGE.matcher(b.key()).matches();
    }

    /** "Products (36)": a counter in brackets, where "Item# 59370" (a tile's stock number) has the same key. */
    private static final Pattern GRID_COUNTER = Pattern.compile("(?i)(?:results?|products?|items?)\\s*\\(\\s*\\d[\\d,.]*\\s*\\)");

    /** "34 responses to “Title”", "12 comments on ...": the header of a comment section. */
    private static final Pattern COMMENT_HEADER = Pattern.compile(
            "(?i)\\d[\\d,.]*\\s+(?:comments?|responses?|replies|thoughts|reactions)\\s+(?:to|on|for)\\b.*");

    /**
     * A consent notice runs longer than a widget's label: a cookie banner's paragraph, a sign-up form's legal line. Up to
     * 100 words: a widespread cookie plugin's paragraph ("This website uses cookies to improve your experience while you
     * navigate through the website. Out of these, ...") is 93 to 97 words, an SMS sign-up's legal line 85. On WCXB dev
     * text dumps (2026-12-07), with the reader's consent in the first person below ("I agree to ..."): lost pages 17 to
     * 15 (product pages whose region had settled on such a line), 13 pages up, 2 down; 2 of the 63 blocks it newly cut
     * were reference text (one a cookie paragraph a labeller kept).
     */
    static final int MAX_NOTICE_WORDS = 100;
    /**
     * What a consent notice is about, in a block's key (lowercase words): cookies, personal data, the site's policies.
     * Plain substrings, tested with {@link String#contains}: an alternation searched at every position of every
     * short block was a tenth of the text chain's time.
     */
    private static final List<String> NOTICE_TOPICS = List.of("cookie", "personal data", "personal information", "privacy polic",
            "terms of use", "terms of service");
    /**
     * The site addressing its reader about it: "we use cookies", "this website uses", "by clicking ... you agree",
     * "these cookies ...", "when you visit our site"; or the form's checkbox speaking for the reader: "I agree to the
     * Privacy Policy", "I consent to ... processing my email address", "I accept the terms". An article about cookie law
     * reports what sites do in the third person, and a reader who agrees with someone agrees with, not to.
     */
    private static final Pattern NOTICE_VOICE = Pattern.compile("\\b(?:we use cookies|we and (?:our|selected)|(?:this|our) (?:web)?site uses"
            + "|(?:by|in) (?:continuing|clicking|using|browsing|scrolling|staying|subscribing|signing up|submitting|registering"
            + "|entering|providing|checking|completing)|you (?:agree|consent|accept|are (?:agreeing|consenting|accepting)"
            + "|can (?:change|withdraw|manage|opt))|your (?:consent|choices|preferences|cookie settings|cookie preferences)"
            + "|these cookies|i (?:agree|consent) to|i accept the|when you (?:visit|use|browse) (?:this|our))\\b");

    private final Vocabulary languages;
    /** Whole-line phrases and the reason each concept stands for, in precedence order. */
    private final PhraseBook<Reason> phrases;

    /** With the shipped vocabularies. */
    public NavigationStage() {
        this(Vocabularies.SHIPPED);
    }

    /** With a profile's vocabularies. */
    public NavigationStage(Vocabularies vocabularies) {
        this.languages = vocabularies.get("languages");
        this.phrases = phraseBook(vocabularies, languages);
    }

    private static PhraseBook<Reason> phraseBook(Vocabularies v, Vocabulary languages) {
        LinkedHashMap<Vocabulary, Reason> book = new LinkedHashMap<>();
        book.put(v.get("comments"), Reason.COMMENT_COUNTER);
        book.put(v.get("section_breaks"), Reason.SECTION_BREAK);
        book.put(v.get("live_banners"), Reason.LIVE_BANNER);
        book.put(languages, Reason.LANGUAGE_PICKER);
        book.put(v.get("social"), Reason.SOCIAL_WIDGET);
        book.put(v.get("account"), Reason.ACCOUNT_PROMPT);
        book.put(v.get("navigation"), Reason.NAV_BOILERPLATE);
        return new PhraseBook<>(book);
    }

    @Override
    public String name() { return "navigation"; }

    /** A comment section starts here: the article does not continue past it. */
    static boolean endsArticle(Reason reason) {
        return reason == Reason.COMMENT_COUNTER;
    }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        List<Block> kept = draft.kept();
        boolean[] inRun = linkRuns(kept, PageKind.of(draft) == PageType.COLLECTION);
        boolean listing = PageKind.itemsAreContent(draft);
        boolean filters = PageKind.of(draft) == PageType.COLLECTION;
        MainRegion prose = null;   // drawn only when a plain-text run needs it
        boolean items = listing || PageKind.isShop(draft);
        boolean shop = PageKind.isShop(draft);
        boolean checklist = PageKind.isArticle(draft) && isChecklist(kept);
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (checklist && isChecklistItem(b)) continue;
            Reason reason = isHeadLinks(b) ? Reason.HEAD_LINKS : isConsentNotice(b) ? Reason.CONSENT_NOTICE
                    : isPolicyLinkStrip(b) || isCopyrightNotice(b) ? Reason.NAV_BOILERPLATE : classify(b);
            if (reason == null && isRadioButton(b)) reason = Reason.UI_CONTROL;
            if (reason == null && items && isGridControl(b)) reason = Reason.UI_CONTROL;
            if (reason == null && shop && b.markup() != null && isTileBadge(b)) reason = Reason.UI_CONTROL;
            // a listing's items in markup are a run of short links too
            if (reason == null && inRun[i] && !(listing && b.markup() != null)) {
                if (b.markup() == null && !filters) {
                    if (prose == null) prose = MainRegion.of(draft);
                    if (withinProse(prose, i)) continue;
                }
                reason = Reason.LINK_LIST;
            }
            if (reason != null) verdict.drop(b, reason);
        }
    }

    /**
     * Plain text: a run of short bullets with the article's prose on both sides, inside the main-text region drawn before
     * anything is cut (ingredients, a product's features, the steps of a how-to), is the text's own list, not a menu: a
     * menu's many entries cost the region more than the prose around them earns, so it lies outside. Not on collection
     * pages, whose short bullets inside the grid are as often its filters. On WCXB dev text dumps (2026-12-07) all
     * 0.7939 to 0.7944, up on each of five folds of domain-grouped pages (article 0.8950 to 0.8957, documentation 0.8953
     * to 0.8967, service 0.7720 to 0.7738, product 0.5257 to 0.5268); on collection pages it cost 0.002.
     */
    static boolean withinProse(MainRegion region, int position) {
        return region.contains(position - 1) && region.contains(position) && region.contains(position + 1);
    }

    /**
     * The text browser's line of head links: lynx prints the {@code <link rel>} titles of the page head (feeds,
     * alternates, oEmbed: "#Site » Feed Site » Comments Feed") as the dump's first line, behind a '#' glued to
     * the first title. Only the first block of plain text: a content line starting with '#' (a hashtag, a post
     * number "#7 · Jan 16") lower down may become another text's first line, and within the first three lines
     * a second cleaning cut seven such lines of WCXB dev pages, while the artefact is the first line on 934
     * of 938 dumps that have it. A Markdown heading ("# Title", "## Title") puts a space or another '#' after
     * the first '#' and is kept; markup has no such line.
     */
    static boolean isHeadLinks(Block b) {
        String text = b.text();
        return b.index() == 0 && b.markup() == null && text.length() > 1 && text.charAt(0) == '#'
                && text.charAt(1) != '#' && !Character.isWhitespace(text.charAt(1));
    }

    /**
     * A cookie banner, a consent dialog's paragraphs, a sign-up form's legal line: the site telling its reader
     * what they agree to. On WCXB's dev pages, 2 of about 150 such blocks left in the text dumps after the other
     * stages were reference text (a banner a labeller kept).
     */
    static boolean isConsentNotice(Block b) {
        if (b.shape().words() > MAX_NOTICE_WORDS) return false;
        String key = b.key();
        return (hasNoticeTopic(key) && NOTICE_VOICE.matcher(key).find()) || key.contains(CONSENT_CATEGORY)
                || key.endsWith(CONSENT_PURPOSE);
    }

    private static boolean hasNoticeTopic(String key) {
        for (String topic : NOTICE_TOPICS) if (key.contains(topic)) return true;
        return false;
    }

    /**
     * The wording consent managers give each category of cookies ("The technical storage or access is strictly
     * necessary for the legitimate purpose of ...", "... used exclusively for statistical purposes"), after the
     * ePrivacy Directive's "storing of information, or the gaining of access": legal boilerplate in the third
     * person, so without the reader-addressing voice the banner test needs. On 8 WCXB dev text dumps, never in
     * their reference text; one of them lost its article to it, the main-text region settling on these lines.
     */
    private static final String CONSENT_CATEGORY = "technical storage or access";
    /**
     * The IAB consent framework's purpose lines, as consent managers list them with their vendor counts ("Measure content
     * performance 153 partners can use this purpose"): the dialog's rows, in the third person like the category wording,
     * and always at the end of the line. WCXB dev text dumps, out of fold (2026-12-08): 5 pages up (forums and listings
     * whose dump holds the whole dialog), none down; all +0.00004.
     */
    private static final String CONSENT_PURPOSE = "partners can use this purpose";

    /** A footer's policy links: the pages every site links from its foot, as they are named there. */
    private static final Pattern POLICY_LINK = Pattern.compile("(?i)privacy (?:policy|notice|statement)|terms of (?:use|service)"
            + "|terms (?:and|&) conditions|site ?map|cookie (?:policy|settings|preferences)|accessibility (?:policy|statement)"
            + "|legal (?:notice|information)|imprint|do not sell");
    /** Separators a text browser leaves between a footer's inline links. */
    private static final Pattern LINK_SEPARATOR = Pattern.compile("\\s+[|\\-•·]\\s+");
    /** A strip names this many different policy pages, in at least this many separated items. */
    static final int MIN_POLICY_LINKS = 2;
    static final int MIN_STRIP_ITEMS = 3;

    /**
     * Plain text only: a footer's inline links dumped on one line ("Privacy Policy | Terms of Use | Sitemap"),
     * several separated items of which two or more name different policy pages. Markup keeps each link a block
     * of its own, which the link and markup rules judge. On WCXB dev text output, twelve such lines were left
     * (2026-12-07), none of them reference text; one phrase in a sentence ("see our privacy policy") has no items.
     */
    static boolean isPolicyLinkStrip(Block b) {
        if (b.markup() != null || b.shape().words() > MAX_NOTICE_WORDS) return false;
        String text = b.text();
        // most lines hold fewer separators than a strip needs: the regexes run only on those that do
        if (spacedSeparators(text) < MIN_STRIP_ITEMS - 1 || LINK_SEPARATOR.split(text).length < MIN_STRIP_ITEMS) return false;
        Set<String> named = new HashSet<>();
        Matcher m = POLICY_LINK.matcher(text);
        while (m.find()) named.add(m.group().toLowerCase(Locale.ROOT));
        return named.size() >= MIN_POLICY_LINKS;
    }

    /** A copyright notice is a line of the footer, not a paragraph: longer blocks are prose that mentions one. */
    static final int MAX_COPYRIGHT_WORDS = 40;
    /**
     * The footer's copyright line: it opens with the sign or the word and a year ("© 2026 Example Inc.", "Copyright ©
     * 2019-2025 ..."), or it reserves the rights, in a few languages. A photo credit names an owner without a year
     * ("© Reuters") and stays for the caption rules; an article's "Copyright 2013." at the end of a sentence does not
     * open its line.
     */
    private static final Pattern COPYRIGHT_NOTICE = Pattern.compile("(?iu)^[^\\p{L}\\p{N}]*(?:(?:copyright|©|\\(c\\))\\s*){1,3}(?:19|20)\\d\\d"
            + "|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados"
            + "|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone");

    /**
     * Plain text only: a footer's copyright line. On WCXB dev text output (2026-12-07), 125 such lines were left after
     * the other stages, one of them reference text (a shop's footer a labeller kept); on AEB dev, 7, none reference
     * text. Markup has its footer container for this.
     */
    static boolean isCopyrightNotice(Block b) {
        if (b.markup() != null || b.shape().words() > MAX_COPYRIGHT_WORDS) return false;
        String text = b.text();
        if (text.indexOf('©') < 0 && !mayNameCopyright(text)) return false;   // the regex runs on few lines
        return COPYRIGHT_NOTICE.matcher(text).find();
    }

    /** Cheap pre-check before the regex: a word one of the notices needs. */
    private static boolean mayNameCopyright(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("copyright") || lower.contains("(c)") || lower.contains("reserv") || lower.contains("rechte")
                || lower.contains("derechos") || lower.contains("diritti") || lower.contains("direitos") || lower.contains("rechten")
                || lower.contains("prawa");
    }

    /**
     * Separator characters with white space on both sides: every match of {@link #LINK_SEPARATOR} holds one of its
     * own, so this is never fewer than the matches, and a line needs {@code MIN_STRIP_ITEMS - 1} of them to split
     * into enough items.
     */
    private static int spacedSeparators(String text) {
        int n = 0;
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '|' || c == '-' || c == '\u2022' || c == '\u00b7')
                    && TextShape.isRegexSpace(text.charAt(i - 1)) && TextShape.isRegexSpace(text.charAt(i + 1))) n++;
        }
        return n;
    }

    /**
     * A text browser's radio button: lynx prints an option as "( ) Label" and the chosen one as "(*) Label", at the
     * start of the line, and a form's options follow one another ("( ) Crystal Clear (*) Blue Topaz"). Whatever
     * its length, the line is the form's control (a report dialog's reasons, a configurator's choices, a poll);
     * a bracketed word in prose has a word inside ("(see below)"), and markup has no such line. WCXB dev text dumps, out
     * of fold (2026-12-08): all 0.7969 to 0.7977, collection 0.557 to 0.566, 24 pages up, 5 down (the largest by 0.016);
     * half the gain is one retailer's grids, whose tiles print each colour option as a radio button with its alt text.
     */
    static boolean isRadioButton(Block b) {
        if (b.markup() != null) return false;
        String text = b.text();
        return text.startsWith("( ) ") || text.startsWith("(*) ");
    }

    /** A line of a grid's controls or its result counter ({@link #GRID_CONTROL}): the page's widgets, not its items. */
    static boolean isGridControl(Block b) {
        if (b.shape().words() > GRID_CONTROL_WORDS) return false;
        String key = b.key();
        return !key.isEmpty() && (GRID_CONTROL.matcher(key).matches() || GRID_COUNTER.matcher(b.text().strip()).matches());
    }

    /** A grid's control or counter is a few words: "Showing 1 - 24 of 120 results" is seven. */
    static final int GRID_CONTROL_WORDS = 8;

    /** A checkbox a text browser prints, with what follows it: "[ ] Book the venue", "* [x] Pack a rain cover". */
    private static final Pattern CHECKBOX_LINE = Pattern.compile("^(?:[*+•-]\\s+)?\\[[ xX]?\\]\\s+(.+)$");

    /**
     * An article's checklist: this many distinct checkbox lines of {@link #CHECKLIST_ITEM_WORDS} words or more. A form's
     * checkboxes (consent, newsletter topics, a search's options) are a few; a planning guide's or a packing list's
     * tasks are dozens, and are the article. WCXB dev text dumps (2026-12-07): the article pages with ten or more are
     * two checklists whose every item is in the reference; the most a form printed was nine (one consent line repeated).
     */
    static final int CHECKLIST_MIN_ITEMS = 10;
    /** A checklist item says what to do ("Book the officiant"); a form's option is often a word or two ("Payroll"). */
    static final int CHECKLIST_ITEM_WORDS = 4;

    /** The page's checkbox lines are an article's checklist ({@link #CHECKLIST_MIN_ITEMS}). */
    static boolean isChecklist(List<Block> kept) {
        Set<String> items = new HashSet<>();
        for (Block b : kept) {
            if (isChecklistItem(b)) items.add(b.text().strip());
        }
        return items.size() >= CHECKLIST_MIN_ITEMS;
    }

    /** A checkbox line whose label is a task of {@link #CHECKLIST_ITEM_WORDS} words or more. */
    static boolean isChecklistItem(Block b) {
        String text = b.text();
        if (text.indexOf('[') < 0) return false;
        Matcher m = CHECKBOX_LINE.matcher(text.strip());
        return m.matches() && m.group(1).strip().split("\\s+").length >= CHECKLIST_ITEM_WORDS
                && m.group(1).indexOf('[') < 0;
    }

    /** The reason a single line is navigation junk, or null to keep it. */
    Reason classify(Block b) {
        TextShape shape = b.shape();
        if (shape.words() > MAX_WIDGET_WORDS) return null;
        String text = b.text();
        String key = b.key();
        boolean control = (key.isEmpty() || mayBeControl(text)) && UI_CONTROL.matcher(text).matches();
        if (key.isEmpty()) return control ? Reason.UI_CONTROL : Reason.NAV_SHORT_LINE;
        if (control) return Reason.UI_CONTROL;
        Reason phrase = phrases.find(key);
        if (phrase == null && shape.digits() > 0 && mentionsComments(key)
                && (COMMENT_COUNTER.matcher(text).matches() || COMMENT_HEADER.matcher(text).matches())) {
            phrase = Reason.COMMENT_COUNTER;
        }
        if (phrase == null && isLanguagePicker(key)) phrase = Reason.LANGUAGE_PICKER;
        if (phrase != null) {
            // a bullet is a menu link, not a heading that opens a section
            boolean heading = phrase == Reason.COMMENT_COUNTER || phrase == Reason.SECTION_BREAK;
            return heading && b.listItem() ? Reason.NAV_BOILERPLATE : phrase;
        }
        if (isLowercaseFragment(b) && !Forms.isSlug(text) && !Forms.isCodeLine(text)) return Reason.NAV_SHORT_LINE;   // slugs: see SlugStage
        return null;
    }

    /** Cheap pre-check for {@link #UI_CONTROL} on text with letters: it needs a bracket, an underscore or a colon. */
    private static boolean mayBeControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '_' || c == ':') return true;
        }
        return false;
    }

    /** Cheap pre-check before the comment-counter patterns run. */
    private static boolean mentionsComments(String key) {
        return key.contains("comment") || key.contains("repl") || key.contains("respons") || key.contains("thought")
                || key.contains("reaction");
    }

    /** One or more language names or codes and nothing else ("en", "English | Español"). */
    private boolean isLanguagePicker(String key) {
        if (languages.contains(key)) return true;
        int space = key.indexOf(' ');
        if (space < 0 || !languages.contains(key.substring(0, space))) return false;
        String[] words = key.split(" ");
        if (words.length < 2 || words.length > 8) return false;
        for (String w : words) if (!languages.contains(w)) return false;
        return true;
    }

    /** One or two lowercase words with no sentence punctuation: an icon label or stray UI word ("in", "more »"). */
    private static boolean isLowercaseFragment(Block b) {
        TextShape s = b.shape();
        return s.words() <= 2 && s.capitalized() == 0 && s.digits() == 0 && !s.terminal() && s.lowerWords() > 0;
    }

    /**
     * A short bullet without a sentence ending. In plain text that shape is all a menu shows; in markup the link
     * density says it too, and a short bullet that is not link text is a list of the page (ingredients, features,
     * a service's offers), unless {@code byShape}: on a collection page such a list is as often its filter options,
     * swatches and category labels, rendered as checkboxes and spans, as its items.
     */
    private static boolean isLinkEntry(Block b, boolean byShape) {
        TextShape s = b.shape();
        return b.listItem() && s.words() <= MAX_LINK_WORDS && !s.terminal()
                && (byShape || b.markup() == null || b.markup().isLinkText());
    }

    /** Marks the link entries that stand in a run of at least {@link #MIN_LINK_RUN}, in one pass. */
    private static boolean[] linkRuns(List<Block> kept, boolean byShape) {
        boolean[] inRun = new boolean[kept.size()];
        int runStart = 0;
        for (int i = 0; i <= kept.size(); i++) {
            if (i < kept.size() && isLinkEntry(kept.get(i), byShape)) continue;
            if (i - runStart >= MIN_LINK_RUN) java.util.Arrays.fill(inRun, runStart, i, true);
            runStart = i + 1;
        }
        return inRun;
    }
}
