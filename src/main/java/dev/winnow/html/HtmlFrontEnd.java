package dev.winnow.html;

import dev.winnow.core.Block;
import dev.winnow.core.Markup;
import dev.winnow.core.Markup.Container;
import dev.winnow.core.Verdict;
import dev.winnow.score.Attr;
import dev.winnow.score.ClassWords;
import dev.winnow.score.PageShape;
import dev.winnow.text.Normalizer;
import dev.winnow.text.TextShape;
import dev.winnow.text.Vocabulary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an HTML page into blocks for the pipeline. jsoup parses the page (it repairs what browsers
 * repair); every run of text between block-level boundaries becomes a block carrying what the markup
 * knows ({@link Markup}): its element, heading level, link density, and the kinds of container it sits
 * in, from semantic elements (nav, header, footer, aside, form, figure) and from class/id vocabularies
 * (share, related, comments, advertising...). Nothing is removed here: stages decide, and record why.
 * Metadata comes from the markup ({@link PageMetadata}). Immutable and thread-safe.
 */
public final class HtmlFrontEnd {
    /**
     * A class/id vocabulary never marks an element that holds at least this share of the page's prose:
     * such an element wraps the article, whatever its class says ("article media-rich").
     */
    static final double WRAPPER_PROSE_SHARE = 0.4;
    /** Paragraph words counted as prose for the wrapper test. */
    static final int PROSE_MIN_WORDS = 8;

    /** Elements with no text at all, or only code: skipped without a trace (script and style are not prose). */
    private static final Set<String> NO_TEXT = Set.of("script", "style", "head", "input", "source", "picture", "map",
            "math", "embed");
    /**
     * Elements whose text a reader does not see as page text: made into blocks in their own container, so
     * the stages cut them with a reason and the record accounts for the whole input, not only what was read.
     */
    private static final Map<String, Container> SKIPPED = Map.ofEntries(
            Map.entry("noscript", Container.NOSCRIPT), Map.entry("template", Container.TEMPLATE),
            Map.entry("select", Container.CONTROL), Map.entry("option", Container.CONTROL),
            Map.entry("button", Container.CONTROL), Map.entry("textarea", Container.CONTROL),
            Map.entry("iframe", Container.EMBEDDED), Map.entry("object", Container.EMBEDDED),
            Map.entry("svg", Container.EMBEDDED), Map.entry("canvas", Container.EMBEDDED),
            Map.entry("video", Container.EMBEDDED), Map.entry("audio", Container.EMBEDDED));
    /**
     * The page's text is in {@code <noscript>} when it holds this many times the words of everything else
     * the page shows (Discourse and other script-rendered forums serve their crawler view there).
     */
    static final int NOSCRIPT_CONTENT_RATIO = 2;
    /** The least {@code <noscript>} text read as the page's content: a sentence, not a "please enable JavaScript". */
    static final int NOSCRIPT_CONTENT_MIN_WORDS = 20;
    /** Tags that open no container kind by themselves: without attributes they need no wrapper test. */
    private static final Set<String> SIMPLE = Set.of("div", "span", "p", "a", "b", "i", "em", "strong", "li", "td", "tr",
            "th", "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "br", "img", "small", "u", "sup", "sub", "section", "article");

    /** Elements that end one block and start another. */
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "summary", "br", "menu", "legend");
    /** Table cells stay inline: a row reads as one line ("1 Kyle Busch 5040"), as text browsers print it. */
    private static final Set<String> CELL = Set.of("td", "th");

    /** Elements that group blocks into a section of the layout: their identity is a block's {@link Markup#parent()}. */
    private static final Set<String> SECTIONING = Set.of("body", "div", "section", "article", "main",
            "blockquote", "aside", "header", "footer", "nav", "form", "figure", "ul", "ol", "dl", "table", "center");
    /** How many enclosing sections a block remembers (nearest first). */
    static final int SECTION_DEPTH = 3;

    /**
     * The page as blocks over one source text, the metadata read from its markup, and what its markup
     * says about the kind of page it is (for the page-type classifier).
     */
    public record Extracted(String source, List<Block> blocks, List<Verdict.Fact> facts, PageShape shape) {}

    private final Normalizer normalizer = new Normalizer();
    /** Every class/id word of the vocabularies, with the container kinds it stands for: one look-up per word. */
    private final Map<String, Set<Container>> vocabularyWords = new java.util.HashMap<>();

    public HtmlFrontEnd() {
        Map<Container, String> vocabularies = new EnumMap<>(Container.class);
        vocabularies.put(Container.NAVIGATION, "class_navigation");
        vocabularies.put(Container.FOOTER, "class_footer");
        vocabularies.put(Container.ASIDE, "class_sidebar");
        vocabularies.put(Container.SHARE, "class_widget");
        vocabularies.put(Container.RELATED, "class_related");
        vocabularies.put(Container.COMMENTS, "class_comments");
        vocabularies.put(Container.REVIEWS, "class_reviews");
        vocabularies.put(Container.CAPTION, "class_caption");
        vocabularies.put(Container.COMMERCE, "class_commerce");
        vocabularies.put(Container.FACETS, "class_facets");
        vocabularies.put(Container.UPSELL, "class_upsell");
        vocabularies.forEach((kind, name) -> {
            for (String word : Vocabulary.load(name).phrases()) {
                vocabularyWords.computeIfAbsent(word, w -> EnumSet.noneOf(Container.class)).add(kind);
            }
        });
    }

    public Extracted extract(String html) {
        Document page = Jsoup.parse(html);
        ClassWords classWords = new ClassWords();
        PageScan scan = PageScan.of(page, classWords);
        if (scan.metCdata && CdataInHtml.reparse(page)) {
            // the page changed: read again (the visibility judge keeps what it judged by element numbers, which moved)
            scan = PageScan.of(page, classWords);
        }
        Element body = page.body();
        ElementOrder order = scan.order;
        int bodyNumber = order.numberOf(body, 0);
        Element candidate = ContentCandidate.of(order, bodyNumber, scan.words);
        Walker walker = new Walker(scan, scan.words.prose(bodyNumber), candidate, scan.visibility, classWords);
        NodeTraversor.filter(walker, body);
        walker.flush();
        List<Block> blocks = noscriptAsContent(walker.blocks);
        if (!hasPageText(blocks)) walker.headText(page);
        return new Extracted(walker.source.toString(), blocks, scan.facts, scan.shape);
    }

    /** Elements that, without a class, are running prose when they repeat: not items of a grid or a list. */
    private static final Set<String> PROSE_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "br", "span", "a", "b",
            "i", "em", "strong", "img", "blockquote", "pre");

    /** What the walk does at an element, as bits of its tag's role: one look-up per element, not one per set. */
    private static final int NO_TEXT_ROLE = 1, SKIPPED_ROLE = 2, BLOCK_ROLE = 4, CELL_ROLE = 8, SECTIONING_ROLE = 16,
            LINK_ROLE = 32, BREAK_ROLE = 64, PROSE_ROLE = 128;
    private static final Map<String, Integer> ROLES = roles();

    private static Map<String, Integer> roles() {
        Map<String, Integer> roles = new java.util.HashMap<>();
        java.util.function.BiConsumer<Set<String>, Integer> mark = (tags, role) -> {
            for (String tag : tags) roles.merge(tag, role, (a, b) -> a | b);
        };
        mark.accept(NO_TEXT, NO_TEXT_ROLE);
        mark.accept(SKIPPED.keySet(), SKIPPED_ROLE);
        mark.accept(BLOCK, BLOCK_ROLE);
        mark.accept(CELL, CELL_ROLE);
        mark.accept(SECTIONING, SECTIONING_ROLE);
        mark.accept(Set.of("a"), LINK_ROLE);
        mark.accept(Set.of("br", "hr"), BREAK_ROLE);
        mark.accept(PROSE_TAGS, PROSE_ROLE);
        return Map.copyOf(roles);
    }

    private static int roleOf(String tag) {
        Integer role = ROLES.get(tag);
        return role == null ? 0 : role;
    }

    /** Containers of text the front end records but a reader does not see as the page. */
    private static final Set<Container> UNSEEN = EnumSet.of(Container.NOSCRIPT, Container.TEMPLATE, Container.CONTROL,
            Container.EMBEDDED, Container.HIDDEN);

    /**
     * Text of the page's own beyond its frame: a script-built shell shows a menu and a footer around an empty
     * body, and its head's description is then the only summary of the page there is.
     */
    private static boolean hasPageText(List<Block> blocks) {
        for (Block b : blocks) if (!seenNot(b.markup()) && !frameOnly(b.markup())) return true;
        return false;
    }

    private static final Set<Container> FRAME = EnumSet.of(Container.NAVIGATION, Container.HEADER, Container.FOOTER);

    private static boolean frameOnly(Markup m) {
        for (Container c : FRAME) if (m.in(c)) return true;
        return false;
    }

    private static boolean seenNot(Markup m) {
        for (Container c : UNSEEN) if (m.in(c)) return true;
        return false;
    }

    /**
     * Blocks with {@code <noscript>} read as page text when it is where the page keeps its text: a shell
     * that a script fills for readers and that serves its content to crawlers in {@code <noscript>}.
     */
    private static List<Block> noscriptAsContent(List<Block> blocks) {
        if (!anyIn(blocks, Container.NOSCRIPT)) return blocks;   // most pages: no words to count
        int inside = 0;
        int outside = 0;
        for (Block b : blocks) {
            Markup m = b.markup();
            if (m.in(Container.NOSCRIPT)) {
                if (!m.in(Container.TEMPLATE) && !m.in(Container.CONTROL) && !m.in(Container.EMBEDDED)) inside += b.shape().words();
            } else if (!seenNot(m)) {
                outside += b.shape().words();
            }
        }
        if (inside < NOSCRIPT_CONTENT_MIN_WORDS || inside < NOSCRIPT_CONTENT_RATIO * outside) return blocks;
        List<Block> read = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            Markup m = b.markup();
            if (!m.in(Container.NOSCRIPT)) {
                read.add(b);
                continue;
            }
            EnumSet<Container> kinds = EnumSet.copyOf(m.containers());
            kinds.remove(Container.NOSCRIPT);
            read.add(new Block(b.index(), b.line(), b.lineStart(), b.start(), b.text(), b.listItem(), b.paragraphStart(),
                    new Markup(m.tag(), m.headingLevel(), m.linkDensity(), kinds, m.sections(), m.lookAlikes())));
        }
        return read;
    }

    private static boolean anyIn(List<Block> blocks, Container container) {
        for (Block b : blocks) if (b.markup().in(container)) return true;
        return false;
    }

    /** Some non-blank text below the element (an iframe's or textarea's raw content counts); no recursion, pages nest deep. */
    private static boolean hasText(Element e) {
        boolean[] found = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element child && child != e && NO_TEXT.contains(child.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if ((node instanceof TextNode t && !t.isBlank())
                        || (node instanceof org.jsoup.nodes.DataNode d && !d.getWholeData().isBlank())) {
                    found[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        return found[0];
    }

    /** Every container kind, in ordinal order (values() copies its array on each call). */
    private static final Container[] CONTAINERS = Container.values();
    /** The kinds an element wrapping most of the page's prose keeps: none of them calls it chrome. */
    private static final Set<Container> WRAPPER_KINDS = EnumSet.of(Container.MAIN, Container.ARTICLE_BODY, Container.LIST,
            Container.TABLE, Container.QUOTE, Container.PREFORMATTED, Container.HIDDEN, Container.REVEALABLE, Container.FOOTER);

    /** Collects blocks in document order while tracking the containers open around the current node. */
    private final class Walker implements NodeFilter {
        final StringBuilder source = new StringBuilder(4096);
        final List<Block> blocks = new ArrayList<>();
        private final ElementOrder order;
        private final PageScan scan;
        private final WordCounts words;
        private final int totalProse;
        /** The number of the element last entered: the walk goes in document order, so the next one is after it. */
        private int number;
        private final int[] open = new int[Container.values().length];
        private final List<String> blockTags = new ArrayList<>();
        private final List<Integer> sections = new ArrayList<>();
        /** Per class or id string's number in {@link #classWords}, the container kinds it names; null until asked. */
        @SuppressWarnings("unchecked")
        private Set<Container>[] namedKinds = new Set[256];
        private int nextSection;
        /** Per open element, the longest run of look-alike siblings at its depth or above; [0] is outside any. */
        private int[] lookAlikes = {1};
        /** Per open element (by depth, as {@link #lookAlikes}), the container kinds it opened, or null for none. */
        @SuppressWarnings("unchecked")
        private Set<Container>[] openedAt = new Set[2];
        private int depth;
        private final StringBuilder text = new StringBuilder(512);
        private int linkDepth;
        private int linkChars;

        private final Element candidate;
        private final Visibility visibility;

        private final ClassWords classWords;

        Walker(PageScan scan, int totalProse, Element candidate, Visibility visibility, ClassWords classWords) {
            this.classWords = classWords;
            this.scan = scan;
            this.order = scan.order;
            this.words = scan.words;
            this.totalProse = totalProse;
            this.candidate = candidate;
            this.visibility = visibility;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                int before = text.length();
                appendCollapsed(t.getWholeText());
                if (linkDepth > 0) linkChars += text.length() - before;
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                int role = roleOf(tag);
                if ((role & NO_TEXT_ROLE) != 0) return FilterResult.SKIP_ENTIRELY;
                if ((role & SKIPPED_ROLE) != 0) {
                    // nothing to account for: leave the text around it whole (an icon inside a sentence)
                    if (!hasText(e)) return FilterResult.SKIP_ENTIRELY;
                    flush();
                    open[SKIPPED.get(tag).ordinal()]++;
                    return FilterResult.CONTINUE;
                }
                enter(e, tag, role);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                int role = roleOf(tag);
                if ((role & SKIPPED_ROLE) != 0) {
                    flush();
                    open[SKIPPED.get(tag).ordinal()]--;
                } else {
                    leave(e, role);
                }
            }
            return FilterResult.CONTINUE;
        }

        /**
         * When the body shows nothing, the page's own summary in its head (description, Open Graph and
         * Twitter descriptions) as blocks in the {@link Container#HEAD} container: a record that
         * says what the page is, not an empty rejection.
         */
        void headText(Document page) {
            Element head = page.head();
            // not the title: it is the record's title already, and a page of a title alone has no text
            java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
            for (String name : List.of("description", "og:description", "twitter:description")) {
                for (Element meta : head.select("meta[name=" + name + "], meta[property=" + name + "]")) {
                    String content = Attr.get(meta, "content").strip();
                    if (!content.isEmpty()) texts.add(content);
                }
            }
            open[Container.HEAD.ordinal()]++;
            for (String t : texts) {
                appendCollapsed(t);
                flush();
            }
            open[Container.HEAD.ordinal()]--;
        }

        private void enter(Element e, String tag, int role) {
            if ((role & BLOCK_ROLE) != 0) flush();
            if ((role & CELL_ROLE) != 0 && text.length() > 0 && text.charAt(text.length() - 1) != ' ') text.append(' ');
            if ((role & LINK_ROLE) != 0) linkDepth++;
            if ((role & BLOCK_ROLE) != 0 && (role & BREAK_ROLE) == 0) blockTags.add(tag);
            if ((role & SECTIONING_ROLE) != 0) sections.add(nextSection++);
            if (++depth == lookAlikes.length) {
                lookAlikes = java.util.Arrays.copyOf(lookAlikes, depth * 2);
                openedAt = java.util.Arrays.copyOf(openedAt, depth * 2);
            }
            number = order.numberOf(e, number);
            lookAlikes[depth] = Math.max(lookAlikes[depth - 1], lookAlikesOf(e, tag, role));
            Set<Container> kinds = containersOf(e, tag);
            openedAt[depth] = kinds.isEmpty() ? null : kinds;
            for (Container c : kinds) open[c.ordinal()]++;
        }

        private void leave(Element e, int role) {
            if ((role & BLOCK_ROLE) != 0) flush();
            if ((role & LINK_ROLE) != 0) linkDepth--;
            if ((role & BLOCK_ROLE) != 0 && (role & BREAK_ROLE) == 0 && !blockTags.isEmpty()) {
                blockTags.remove(blockTags.size() - 1);
            }
            if ((role & SECTIONING_ROLE) != 0 && !sections.isEmpty()) sections.remove(sections.size() - 1);
            // enter and leave pair up (the walk skips an element whole or calls both), so the depth is the element's
            Set<Container> kinds = openedAt[depth];
            if (kinds != null) for (Container c : kinds) open[c.ordinal()]--;
            if (depth > 0) depth--;
        }

        /**
         * How many of the element just entered's siblings (itself included) share its tag and class: the items of
         * a grid or a thread.
         */
        private int lookAlikesOf(Element e, String tag, int role) {
            if (e.parent() == null || tag.equals("body") || tag.equals("html")) return 1;
            // an article's bare paragraphs and headings follow each other too, but they are prose, not items
            if ((role & PROSE_ROLE) != 0 && order.classOf(number).trim().isEmpty()) return 1;
            return scan.lookAlikes(number);
        }

        /** Appends text with white space collapsed to single spaces, copying runs of other characters whole. */
        private void appendCollapsed(String s) {
            // most text nodes are collapsed already: appended whole, since Java 17 copies a range of a string into
            // a builder one char at a time, and a page's first non-Latin-1 char makes every later copy the slow kind
            if (isCollapsed(s, text.length() == 0 || text.charAt(text.length() - 1) == ' ')) {
                text.append(s);
                return;
            }
            int run = -1;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c > ' ' && c < 0x7F) {          // printable ASCII, most of any page: no white space
                    if (run < 0) run = i;
                } else if (TextShape.isWhitespace(c) || c == '\u00A0') {
                    if (run >= 0) {
                        text.append(s, run, i);
                        run = -1;
                    }
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') text.append(' ');
                } else if (run < 0) {
                    run = i;
                }
            }
            if (run >= 0) text.append(s, run, s.length());
        }

        /**
         * Collapsing leaves {@code s} as it is: its only white space is single plain spaces, and none leads it when
         * the text so far is empty or ends in a space ({@code afterSpace}), where collapsing would drop it.
         */
        private static boolean isCollapsed(String s, boolean afterSpace) {
            boolean space = afterSpace;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ') {
                    if (space) return false;
                    space = true;
                } else if (c < ' ' || TextShape.isWhitespace(c) || c == '\u00A0') {
                    return false;
                } else {
                    space = false;
                }
            }
            return true;
        }

        void flush() {
            int links = linkChars;
            linkChars = 0;
            if (text.length() == 0) return;   // most block boundaries follow another: nothing to normalize
            String raw = text.toString();
            text.setLength(0);
            // U+0085 and other breaks Java does not call white space survive collapsing: a block is one line
            String normalized = normalizer.normalizeDecoded(raw).replace('\n', ' ');
            if (normalized.isEmpty()) return;
            String tag = blockTags.isEmpty() ? "body" : blockTags.get(blockTags.size() - 1);
            int heading = tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1)) ? tag.charAt(1) - '0' : 0;
            EnumSet<Container> containers = EnumSet.noneOf(Container.class);
            for (Container c : CONTAINERS) if (open[c.ordinal()] > 0) containers.add(c);
            double density = Math.min(1.0, (double) links / normalized.length());
            if (source.length() > 0) source.append("\n\n");
            int start = source.length();
            source.append(normalized);
            int index = blocks.size();
            blocks.add(new Block(index, 2 * index + 1, start, start, normalized, tag.equals("li"), true,
                    new Markup(tag, heading, density, containers, enclosingSections(), lookAlikes[depth])));
        }

        private int[] enclosingSections() {
            int n = Math.min(SECTION_DEPTH, sections.size());
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) ids[i] = sections.get(sections.size() - 1 - i);
            return ids;
        }

        /**
         * Container kinds an element opens: from its tag, its attributes, and its class and id words.
         * An element that wraps most of the page's prose opens no chrome kind, whatever it is called:
         * ASP.NET pages sit in one form, blog engines call every section a "widget".
         */
        private Set<Container> containersOf(Element e, String tag) {
            EnumSet<Container> kinds = EnumSet.noneOf(Container.class);
            boolean wrapper = (e.attributesSize() > 0 || !SIMPLE.contains(tag)) && isWrapper();
            switch (tag) {
                case "nav", "menu" -> kinds.add(Container.NAVIGATION);
                case "header" -> kinds.add(Container.HEADER);
                case "footer" -> kinds.add(Container.FOOTER);
                case "aside" -> kinds.add(Container.ASIDE);
                case "form" -> kinds.add(Container.FORM);
                case "figure" -> kinds.add(Container.FIGURE);
                case "figcaption", "caption" -> kinds.add(Container.CAPTION);
                case "ul", "ol", "dl" -> kinds.add(Container.LIST);
                case "table" -> kinds.add(Container.TABLE);
                case "blockquote", "q" -> kinds.add(Container.QUOTE);
                case "pre" -> kinds.add(Container.PREFORMATTED);
                default -> { }
            }
            if (tag.equals("main")) kinds.add(Container.MAIN);
            if (e.attributesSize() > 0) {
                Container hiding = visibility.of(number, e, tag, wrapper);   // with attributes, wrapper is isWrapper(e)
                if (hiding != null) kinds.add(hiding);
                String role = Attr.get(e, "role");
                if (role.equals("navigation") || role.equals("menubar") || role.equals("menu")) kinds.add(Container.NAVIGATION);
                if (role.equals("contentinfo")) kinds.add(Container.FOOTER);
                // the landmarks a header and a search form declare when they are plain divs: out of fold on WCXB dev HTML
                // (2026-12-08) 9 pages up, none down (service 0.8416 to 0.8419)
                if (role.equals("banner")) kinds.add(Container.HEADER);
                if (role.equals("search")) kinds.add(Container.FORM);
                if (role.equals("complementary")) kinds.add(Container.ASIDE);
                if (role.equals("main")) kinds.add(Container.MAIN);
                // a script-built select (a country picker, an autocomplete) marks its choices as ARIA options of a listbox:
                // a control's text as a native select's is. Out of fold on WCXB dev HTML (2026-12-08): service 0.8407 to
                // 0.8416 (two pages that printed 250 countries each), 5 pages up, 2 down by under 0.003
                if (role.equals("option") || role.equals("listbox")) kinds.add(Container.CONTROL);
                if (Attr.has(e, "itemprop")) {
                    List<String> props = classWords.of(Attr.get(e, "itemprop"));
                    if (props.contains("articlebody")) kinds.add(Container.ARTICLE_BODY);
                    if (props.contains("review")) kinds.add(Container.REVIEWS);
                }
            }
            // a footer element stays one even when it holds most of the prose: that prose is a privacy policy
            // in a modal or a sitemap, not the page (class names saying footer are not trusted that far)
            if (wrapper) kinds.retainAll(WRAPPER_KINDS);
            if (!wrapper) {
                // the words of "class id" are the class's and the id's: looked up apart, since ids are unique
                // (an element without either has none: "" names no kind)
                kinds.addAll(kindsNamed(order.classNumber(number)));
                kinds.addAll(kindsNamed(order.idNumber(number)));
            }
            if (e == candidate) kinds.add(Container.CANDIDATE);
            return kinds;
        }

        /** Container kinds the class or id string numbered {@code name} names; pages repeat the same strings. */
        private Set<Container> kindsNamed(int name) {
            if (name == ClassWords.NONE) return Set.of();
            if (name >= namedKinds.length) namedKinds = java.util.Arrays.copyOf(namedKinds, Math.max(name + 1, 2 * namedKinds.length));
            Set<Container> known = namedKinds[name];
            if (known == null) {
                EnumSet<Container> kinds = EnumSet.noneOf(Container.class);
                for (String token : classWords.of(name)) {
                    Set<Container> meant = vocabularyWords.get(token);
                    if (meant != null) kinds.addAll(meant);
                }
                namedKinds[name] = known = kinds;
            }
            return known;
        }

        /** The element just entered holds at least {@link #WRAPPER_PROSE_SHARE} of the page's prose. */
        private boolean isWrapper() {
            return totalProse > 0 && words.prose(number) >= totalProse * WRAPPER_PROSE_SHARE;
        }
    }

}
