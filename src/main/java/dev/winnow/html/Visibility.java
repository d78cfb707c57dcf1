package dev.winnow.html;

import dev.winnow.core.Markup.Container;
import dev.winnow.score.Attr;
import dev.winnow.score.ClassWords;
import dev.winnow.score.PageShape;
import dev.winnow.text.TextShape;
import dev.winnow.text.Vocabulary;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges hidden text by what hides it. An element is hidden by the {@code hidden} attribute, an inline
 * {@code display:none} / {@code visibility:hidden}, or a class that hides on every screen (a whole class
 * name such as {@code sr-only} or {@code is-hidden}, never a word inside a name such as
 * {@code overflow-hidden}, and not when another class shows it at some breakpoint: {@code hidden md:block}).
 * A hidden element is then either {@link Container#HIDDEN} (dialogs, menus, templates of the page: cut) or
 * {@link Container#REVEALABLE}: text a script shows once the page runs (entrance animations, lazy and
 * streamed blocks, accordions, tabs, "read more"), or an element holding most of the page's prose, since a
 * page does not hide its own content for good. {@code aria-hidden} hides from screen readers only, not
 * from sight, so it decides nothing.
 *
 * <p>One instance judges one page: a page repeats the same class strings on hundreds of elements, so what a
 * class string (and an id) says is worked out once per page and remembered. Not thread-safe;
 * a page is read by one thread.
 */
final class Visibility {
    private static final Set<String> HIDING_CLASSES = Vocabulary.load("class_hidden").phrases();
    private static final Set<String> REVEAL_WORDS = Vocabulary.load("class_revealable").phrases();
    private static final Set<String> DIALOG_WORDS = Vocabulary.load("class_dialog").phrases();
    /** Breakpoint names of CSS frameworks: a class naming one hides or shows on some screens only. */
    private static final Set<String> BREAKPOINTS = Set.of("xs", "xxs", "sm", "md", "lg", "xl", "xxl", "2xl");
    /** Display values a responsive class shows an element with ("md:block", "d-lg-flex"). */
    private static final Set<String> DISPLAYS = Set.of("block", "flex", "grid", "inline", "inlineblock", "inlineflex",
            "table", "contents", "initial");
    /** The longest namespace prefix stripped before a hiding name ("aok-hidden", "ips" + "Hide"). */
    private static final int PREFIX_MAX = 4;
    /** Attributes with which animation libraries (AOS, Sal, ScrollReveal, Elementor) mark an entrance. */
    private static final List<String> REVEAL_ATTRIBUTES = List.of("data-aos", "data-sal", "data-animation",
            "data-animate", "data-scroll-reveal", "data-reveal", "data-wow-delay");

    /**
     * Per class string's number in the page's {@link ClassWords}, whether it hides on every screen: judged once
     * per string, {@link #UNJUDGED} until then.
     */
    private byte[] hidingClasses = new byte[256];
    private static final byte UNJUDGED = 0, SHOWS = 1, HIDES = 2;
    private final ElementOrder order;
    /**
     * Class and id strings already read on this page: {@link #DIALOG_WORD} and {@link #REVEAL_WORD} bits. Apart,
     * not joined: ids are unique, and the words of "class id" are the class's words and the id's.
     */
    private final Map<String, Integer> nameWords = new HashMap<>();
    private static final int DIALOG_WORD = 1;
    private static final int REVEAL_WORD = 2;

    /** What hides an element, short of whether it wraps most of the page's prose. */
    private enum Hiding { NONE, HIDDEN, REVEALABLE, REVEALABLE_IF_WRAPPER }

    /**
     * Per element, by its number in the page's walk ({@link ElementOrder}), what hides it: judged once for the
     * walks that ask (the word counts, then the blocks); null where not judged yet.
     */
    private Hiding[] judged = new Hiding[256];

    /** A judge for the elements of one page, numbered in {@code order}. */
    Visibility(ElementOrder order) {
        this.order = order;
    }

    /**
     * The kind of hiding {@code e} opens, or null when it hides nothing. {@code number}: its number in the page's
     * walk; {@code wrapper}: the element holds most of the page's prose.
     */
    Container of(int number, Element e, String tag, boolean wrapper) {
        if (number >= judged.length) judged = java.util.Arrays.copyOf(judged, Math.max(number + 1, judged.length * 2));
        Hiding hiding = judged[number];
        if (hiding == null) judged[number] = hiding = judge(number, e, tag);
        return switch (hiding) {
            case NONE -> null;
            case HIDDEN -> Container.HIDDEN;
            case REVEALABLE -> Container.REVEALABLE;
            case REVEALABLE_IF_WRAPPER -> wrapper ? Container.REVEALABLE : Container.HIDDEN;
        };
    }

    private Hiding judge(int number, Element e, String tag) {
        if (e.attributesSize() == 0 || tag.equals("body") || tag.equals("html")) return Hiding.NONE;
        if (!hides(number, e)) {
            // a dialog hidden from assistive technology is closed: a consent or settings modal waiting for a click
            return Attr.get(e, "aria-hidden").equals("true") && isDialog(e, tag) ? Hiding.HIDDEN : Hiding.NONE;
        }
        if (isDialog(e, tag)) return Hiding.HIDDEN;
        // a page does not hide its own content for good: an element holding most of its prose is revealable
        return revealed(e) ? Hiding.REVEALABLE : Hiding.REVEALABLE_IF_WRAPPER;
    }

    private boolean hides(int number, Element e) {
        if (Attr.has(e, "hidden") || hiddenByStyle(e)) return true;
        int classes = order.classNumber(number);
        if (classes == ClassWords.NONE) return false;
        if (classes >= hidingClasses.length) hidingClasses = java.util.Arrays.copyOf(hidingClasses, Math.max(classes + 1, 2 * hidingClasses.length));
        if (hidingClasses[classes] == UNJUDGED) hidingClasses[classes] = classesHide(order.classOf(number)) ? HIDES : SHOWS;
        return hidingClasses[classes] == HIDES;
    }

    /** A class attribute hides on every screen: one of its names hides, and none shows at some breakpoint. */
    static boolean classesHide(String classes) {
        // the names between runs of white space as the regex \s reads it, without a regex: pages hold thousands.
        // Most class strings hide nothing, and the suffix gate says so without cutting a name out of them
        boolean hiding = false;
        int start = 0;
        for (int i = 0; i <= classes.length() && !hiding; i++) {
            if (i < classes.length() && !TextShape.isRegexSpace(classes.charAt(i))) continue;
            if (i > start && mayHide(classes, start, i)) {
                String name = classes.substring(start, i);
                hiding = name.indexOf(':') < 0 && hidingName(name);
            }
            start = i + 1;
        }
        if (!hiding) return false;
        start = 0;
        for (int i = 0; i <= classes.length(); i++) {
            if (i < classes.length() && !TextShape.isRegexSpace(classes.charAt(i))) continue;
            if (i > start && showsAtBreakpoint(classes.substring(start, i))) return false;
            start = i + 1;
        }
        return true;
    }

    /**
     * The last {@link #GATE} letters and digits of each hiding name, lower-cased: {@link #hidingName} joins a name's
     * words into one string that must equal a hiding name, so the name ends with one of these.
     */
    private static final Set<String> HIDING_ENDS = ends(HIDING_CLASSES);
    private static final int GATE = 3;

    private static Set<String> ends(Set<String> names) {
        Set<String> ends = new java.util.HashSet<>();
        for (String n : names) {
            if (n.length() < GATE) return null;     // a name this short: no gate, every name is looked at
            ends.add(n.substring(n.length() - GATE));
        }
        return Set.copyOf(ends);
    }

    /**
     * Whether {@code classes[start, end)} may be a hiding name: its last {@link #GATE} letters and digits,
     * lower-cased, end a hiding name. Names with other characters there, or fewer, go to {@link #hidingName}.
     */
    static boolean mayHide(String classes, int start, int end) {
        if (HIDING_ENDS == null) return true;
        char[] tail = new char[GATE];
        int n = GATE;
        for (int i = end - 1; i >= start && n > 0; i--) {
            char c = classes.charAt(i);
            if (c >= 0x80) return true;
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) tail[--n] = c;
        }
        return n > 0 || HIDING_ENDS.contains(new String(tail));
    }

    /** A class that hides on every screen: its whole name, less up to two short namespace prefixes. */
    static boolean hidingName(String name) {
        List<String> parts = PageShape.classTokens(name);
        for (int skip = 0; skip <= 2 && skip < parts.size(); skip++) {
            if (skip > 0) {
                String prefix = parts.get(skip - 1);
                if (prefix.length() > PREFIX_MAX || BREAKPOINTS.contains(prefix)) return false;
            }
            if (HIDING_CLASSES.contains(String.join("", parts.subList(skip, parts.size())))) return true;
        }
        return false;
    }

    /** "md:block", "lg:flex", "d-md-block", "visible-lg": the element shows on some screens. */
    static boolean showsAtBreakpoint(String name) {
        int colon = name.lastIndexOf(':');
        if (colon >= 0) return DISPLAYS.contains(name.substring(colon + 1).replace("-", "").toLowerCase(Locale.ROOT));
        List<String> parts = PageShape.classTokens(name);
        if (parts.size() >= 3 && parts.get(0).equals("d") && BREAKPOINTS.contains(parts.get(1))) {
            return DISPLAYS.contains(String.join("", parts.subList(2, parts.size())));
        }
        return parts.size() == 2 && parts.get(0).equals("visible") && BREAKPOINTS.contains(parts.get(1));
    }

    private static boolean hiddenByStyle(Element e) {
        String style = Attr.get(e, "style");
        if (style.isEmpty()) return false;
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private boolean isDialog(Element e, String tag) {
        if (tag.equals("dialog")) return true;
        String role = Attr.get(e, "role");
        if (role.equals("dialog") || role.equals("alertdialog") || role.equals("menu") || Attr.has(e, "aria-modal")) return true;
        return ((nameWords(Attr.get(e, "class")) | nameWords(Attr.get(e, "id"))) & DIALOG_WORD) != 0;
    }

    /** Marks of a script that shows the element: animation and lazy classes, tab panels, React's streamed boundaries. */
    private boolean revealed(Element e) {
        if (Attr.get(e, "role").equals("tabpanel")) return true;
        for (String a : REVEAL_ATTRIBUTES) if (Attr.has(e, a)) return true;
        if (Attr.get(e, "data-settings").contains("animation")) return true;
        if (streamedBoundary(Attr.get(e, "id"))) return true;
        return ((nameWords(Attr.get(e, "class")) | nameWords(Attr.get(e, "id"))) & REVEAL_WORD) != 0;
    }

    /** Which of the dialog and reveal vocabularies a class or id string has a word of. */
    private int nameWords(String names) {
        if (names.isEmpty()) return 0;
        Integer known = nameWords.get(names);
        if (known == null) {
            known = (anyWord(names, DIALOG_WORDS) ? DIALOG_WORD : 0) | (anyWord(names, REVEAL_WORDS) ? REVEAL_WORD : 0);
            nameWords.put(names, known);
        }
        return known;
    }

    /**
     * React's streaming server render writes each finished boundary as {@code <div hidden id="S:n">} and a
     * script moves it into place: the page's content, hidden only until that script runs.
     */
    private static boolean streamedBoundary(String id) {
        if (id.length() < 3 || id.charAt(0) != 'S' || id.charAt(1) != ':') return false;
        for (int i = 2; i < id.length(); i++) if (!Character.isLetterOrDigit(id.charAt(i))) return false;
        return true;
    }

    private static boolean anyWord(String names, Set<String> words) {
        for (String token : PageShape.classTokens(names)) if (words.contains(token)) return true;
        return false;
    }
}
