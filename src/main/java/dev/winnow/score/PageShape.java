package dev.winnow.score;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the markup says about the kind of page, beyond its text: the schema.org types it declares
 * (JSON-LD {@code @type}, microdata {@code itemtype}), its {@code og:type}, how many code blocks, tables,
 * forms, list items and headings it has, class/id words of posts, products, listings and docs, price
 * markup, and the largest run of repeated siblings (a grid of items). Read in one walk over the parsed page ({@link Reader}).
 * Immutable once built; {@link #NAMES} gives the order of {@link #values()}.
 */
public final class PageShape {
    /** Groups of schema.org type names in page_types.txt, as {@code schema_<suffix>}. */
    static final List<String> SCHEMA = List.of("article", "tech", "forum", "product", "collection", "service", "faq");
    /** Groups of class/id words in page_types.txt, as {@code class_<suffix>}. */
    static final List<String> CLASSES = List.of("post", "product", "listing", "docs", "article");
    private static final Map<String, int[]> SCHEMA_WORDS = PageWords.index("schema_", SCHEMA);
    private static final Map<String, int[]> CLASS_WORDS = PageWords.index("class_", CLASSES);

    /** Elements counted by tag, in feature order. */
    private static final List<String> TAGS = List.of("a", "pre", "code", "table", "form", "input", "select", "button",
            "li", "h1", "h2", "h3", "article", "time", "blockquote", "img", "dl", "iframe", "nav", "aside");

    /** Feature names, in {@link #values()} order. */
    public static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        n.add("dom_elements_log");
        for (String t : TAGS) n.add("dom_" + t + "_log");
        for (String s : SCHEMA) n.add("schema_" + s);
        n.addAll(List.of("og_article", "og_product", "og_website", "og_other", "itemprop_price", "itemprop_review"));
        for (String c : CLASSES) {
            n.add("class_" + c + "_log");
            n.add("class_" + c + "_share");
        }
        n.addAll(List.of("siblings_max_log", "siblings_groups_log", "siblings_cards_log", "linked_headings_log",
                "linked_headings_share"));
        return List.copyOf(n);
    }

    private final double[] values;

    private PageShape(double[] values) {
        this.values = values;
    }

    /** A copy of the values, in {@link #NAMES} order. */
    public double[] values() { return values.clone(); }

    /** Counts the schema.org types anywhere in a JSON-LD tree (nested: a Product's offers, a graph's nodes). */
    private static void schemaTypes(JsonNode node, int[] counts, int depth) {
        if (node == null || depth > 12) return;
        if (node.isArray()) {
            for (JsonNode n : node) schemaTypes(n, counts, depth + 1);
            return;
        }
        if (!node.isObject()) return;
        JsonNode type = node.get("@type");
        if (type != null) {
            if (type.isArray()) for (JsonNode t : type) countType(t.asText(), counts);
            else countType(type.asText(), counts);
        }
        for (JsonNode child : node) if (child.isContainerNode()) schemaTypes(child, counts, depth + 1);
    }

    /** "Product", "schema:Product", "https://schema.org/Product" all count as product. */
    private static void countType(String type, int[] counts) {
        String t = type.toLowerCase(Locale.ROOT);
        int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        int[] groups = SCHEMA_WORDS.get(t.substring(cut + 1).strip());
        if (groups != null) for (int g : groups) counts[g]++;
    }

    /**
     * Reads a page's shape element by element, in a walk over the whole parsed page that the caller shares
     * with its other readers (the front end walks a page once for all of them); {@link #shape} once it is done.
     * The page's JSON-LD is parsed by the caller, once for every reader of it. One per page; not thread-safe.
     */
    public static final class Reader {
        int elements;
        final int[] tags = new int[TAGS.size()];
        final int[] schema = new int[SCHEMA.size()];
        final int[] classes = new int[CLASSES.size()];
        String ogType;
        int priceProps, reviewProps;
        int siblingsMax, siblingGroups, siblingsCards;
        /** Headings that are links (or hold one): a listing's item titles; an article's headings are plain. */
        int headings, linkedHeadings;
        private int inHeading, inLink;
        private boolean headingLinked;
        private final Map<String, Integer> tagIndex = new HashMap<>();
        /** Per class or id string's number in {@link #words}, its class groups (see below); null until asked. */
        private int[][] classGroups = new int[256][];

        private final ClassWords words;

        /** {@code words} splits the page's class and id strings (shared with the front end). */
        public Reader(ClassWords words) {
            this.words = words;
            for (int i = 0; i < TAGS.size(); i++) tagIndex.put(TAGS.get(i), i);
        }

        /** The shape of the page walked, with the JSON-LD trees of its scripts (those that parsed). */
        public PageShape shape(List<JsonNode> jsonLd) {
            double[] v = new double[NAMES.size()];
            int k = 0;
            v[k++] = Math.log1p(elements);
            for (int c : tags) v[k++] = Math.log1p(c);
            for (JsonNode tree : jsonLd) schemaTypes(tree, schema, 0);
            for (int c : schema) v[k++] = Math.min(c, 5);
            String og = ogType == null ? "" : ogType;
            v[k++] = og.equals("article") || og.startsWith("article") ? 1 : 0;
            v[k++] = og.startsWith("product") || og.equals("og:product") ? 1 : 0;
            v[k++] = og.equals("website") ? 1 : 0;
            v[k++] = !og.isEmpty() && v[k - 1] == 0 && v[k - 2] == 0 && v[k - 3] == 0 ? 1 : 0;
            v[k++] = Math.log1p(priceProps);
            v[k++] = Math.log1p(reviewProps);
            double count = Math.max(1, elements);
            for (int c : classes) {
                v[k++] = Math.log1p(c);
                v[k++] = c / count;
            }
            v[k++] = Math.log1p(siblingsMax);
            v[k++] = Math.log1p(siblingGroups);
            v[k++] = Math.log1p(siblingsCards);
            v[k++] = Math.log1p(linkedHeadings);
            v[k++] = headings == 0 ? 0 : (double) linkedHeadings / headings;
            return new PageShape(v);
        }

        /**
         * The walk enters element {@code e}, whose class and id attributes the walk read once for all its readers:
         * their numbers in the page's {@link ClassWords}.
         */
        public void enter(Element e, int classNames, int id) {
            elements++;
            String tag = e.normalName();
            Integer t = tagIndex.get(tag);
            if (t != null) tags[t]++;
            boolean heading = isHeading(tag);
            if (heading) {
                headings++;
                headingLinked = inLink > 0;
                if (headingLinked) linkedHeadings++;
                inHeading++;
            } else if (tag.equals("a")) {
                if (inHeading > 0 && !headingLinked) {
                    linkedHeadings++;
                    headingLinked = true;
                }
                inLink++;
            }
            if (tag.equals("script")) return;   // its JSON-LD comes parsed to shape()
            if (tag.equals("meta")) {
                if (ogType == null && Attr.get(e, "property").equalsIgnoreCase("og:type")) {
                    ogType = Attr.get(e, "content").strip().toLowerCase(Locale.ROOT);
                }
            }
            if (e.attributesSize() == 0) return;
            if (Attr.has(e, "itemtype")) {
                for (String type : Attr.get(e, "itemtype").split("\\s+")) if (!type.isEmpty()) countType(type, schema);
            }
            if (Attr.has(e, "itemprop")) {
                String prop = Attr.get(e, "itemprop").toLowerCase(Locale.ROOT);
                if (prop.contains("price")) priceProps++;
                if (prop.contains("review") || prop.contains("rating")) reviewProps++;
            }
            if (classNames != ClassWords.NONE || id != ClassWords.NONE) {   // an empty one has no words: nothing to count
                // the groups of "class id" are the class's and the id's: looked up apart, since ids are unique
                int[] ofClass = classGroupsOf(classNames);
                int[] ofId = classGroupsOf(id);
                for (int g = 0; g < ofClass.length; g++) classes[g] += Math.max(ofClass[g], ofId[g]);
            }
        }

        /** How many of each class/id group's words the string numbered {@code name} holds (at most one per group). */
        private int[] classGroupsOf(int name) {
            if (name >= classGroups.length) classGroups = java.util.Arrays.copyOf(classGroups, Math.max(name + 1, 2 * classGroups.length));
            int[] known = classGroups[name];
            if (known == null) {
                known = new int[CLASSES.size()];
                for (String token : words.of(name)) {
                    int[] groups = CLASS_WORDS.get(token);
                    if (groups != null) for (int g : groups) known[g] = 1;
                }
                classGroups[name] = known;
            }
            return known;
        }

        /**
         * The groups of {@code parent}'s children by tag and class: the largest run of look-alikes is a grid, a list of
         * posts. The walk gives them for each element with two or more element children (it works them out once
         * for every reader).
         */
        public void siblings(Element parent, SiblingGroups groups) {
            if (groups.largest() < 4 || parent.normalName().equals("script")) return;
            siblingsMax = Math.max(siblingsMax, groups.largest());
            siblingGroups++;
            // repeated divs and articles are a listing's cards or a forum's posts; repeated li are as often a menu
            if (!groups.largestIsListItems()) siblingsCards += groups.largest();
        }

        /** The walk leaves element {@code e}. */
        public void leave(Element e) {
            String tag = e.normalName();
            if (isHeading(tag)) inHeading--;
            else if (tag.equals("a")) inLink--;
        }

        private static boolean isHeading(String tag) {
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
        }
    }


    /**
     * Class and id words: split on punctuation and camelCase, lower-cased ("productPrice-box" -> product,
     * price, box). The one tokenizer of class names: the HTML front end's container vocabularies use it too.
     */
    public static List<String> classTokens(String names) {
        List<String> out = new ArrayList<>(4);
        int start = -1;             // where the word being read starts, -1 between words
        boolean folds = false;      // it has a capital to lower-case: else it is cut out of names as it is
        boolean lowerBefore = false;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean letter, upper;
            if (c < 0x80) {         // class names are nearly all ASCII: the same answers without Unicode tables
                upper = c >= 'A' && c <= 'Z';
                letter = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            } else {
                letter = Character.isLetterOrDigit(c);
                upper = letter && Character.isUpperCase(c);
            }
            if ((!letter || (upper && lowerBefore)) && start >= 0) {
                out.add(folds ? lowerCased(names, start, i) : names.substring(start, i));
                start = -1;
                folds = false;
            }
            if (letter) {
                if (start < 0) start = i;
                folds |= upper;
            }
            lowerBefore = letter && !upper;
        }
        return out;
    }

    /** A word of letters and digits with its capitals lower-cased, one char at a time. */
    private static String lowerCased(String names, int start, int end) {
        char[] word = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = names.charAt(i);
            boolean upper = c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
            word[i - start] = upper ? Character.toLowerCase(c) : c;
        }
        return new String(word);
    }
}
