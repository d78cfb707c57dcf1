package dev.winnow.score;

import org.jsoup.nodes.Element;

/**
 * Attribute look-ups on a page jsoup parsed as HTML. Its parser lower-cases attribute names, so an exact
 * match finds what jsoup's own {@code attr}/{@code hasAttr} find, without their case-blind comparison of
 * every key on every element (a tenth of the front end's time went there).
 */
public final class Attr {
    private Attr() {}

    /** The value of attribute {@code name} (lower case), or "" when the element has none. */
    public static String get(Element e, String name) {
        return e.attributesSize() == 0 ? "" : e.attributes().get(name);
    }

    /** The element has attribute {@code name} (lower case), empty or not. */
    public static boolean has(Element e, String name) {
        return e.attributesSize() > 0 && e.attributes().hasKey(name);
    }

    /** The class attribute without surrounding white space, as {@link Element#className()} gives it. */
    public static String className(Element e) {
        return get(e, "class").trim();
    }
}
