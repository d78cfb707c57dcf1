package dev.winnow.html;

import dev.winnow.core.Block;
import dev.winnow.core.Document;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Removal;
import dev.winnow.quality.AebHtml;
import dev.winnow.stages.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile and broken HTML through the whole HTML path ({@link HtmlFrontEnd}, then {@link Profiles#html()}): each
 * page must come back as a {@link Document}, empty if need be, whose kept blocks and removals point into its
 * source. Nothing may overflow the stack or hang. The inputs are built here, not stored, so their size is
 * visible in the code.
 *
 * <p>{@link #HANG_GUARD} only catches a hang: it is not a speed requirement. Warm, every case here takes well
 * under a second; the deep-nesting ones take a few seconds on a cold JVM, most of it jsoup's own parse.
 */
class BadHtmlTest {
    /**
     * Long enough for a cold JVM on a busy or stalled machine (at a load of 20 on two cores the hundred-thousand
     * paragraph cases overran 60 s on their first, cold run); a hang (or a quadratic blow-up) takes far longer.
     */
    static final Duration HANG_GUARD = Duration.ofSeconds(180);
    /** Deeper than any real page by three orders of magnitude, and than the JVM's stack would allow recursion. */
    static final int DEEP = 100_000;
    static final int MEGABYTE = 1 << 20;

    /** Three plain sentences: enough prose that an article-like page keeps it. */
    static final String ARTICLE = "<p>The council approved the new budget on Tuesday after a long debate about the cost "
            + "of repairing the old bridge. Members said the money would come from reserves rather than new taxes. "
            + "Work is expected to start in the spring and to last about two years.</p>";

    private static final HtmlFrontEnd FRONT_END = new HtmlFrontEnd();
    private static final Pipeline HTML = Profiles.html();

    /** The page through the HTML path, under the hang guard, with the document's invariants checked. */
    static Document clean(String html) {
        Document doc = assertTimeoutPreemptively(HANG_GUARD, () -> {
            HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
            return HTML.run(x.source(), Layout.HTML, x.blocks(), x.facts());
        });
        assertNotNull(doc);
        assertConsistent(doc);
        return doc;
    }

    /** Bytes as the HTML gate reads them (charset as jsoup detects it), then {@link #clean(String)}. */
    static Document cleanBytes(byte[] bytes) {
        return clean(assertTimeoutPreemptively(HANG_GUARD, () -> AebHtml.decode(bytes)));
    }

    /**
     * Kept blocks are their spans of the source (line breaks read as spaces, as {@link Block} promises), in order;
     * removals point into the source; the text holds every kept block. Messages show where, not megabytes.
     */
    static void assertConsistent(Document doc) {
        String source = doc.source();
        assertNotNull(source);
        assertNotNull(doc.text());
        int previousEnd = 0;
        int inText = 0;          // blocks appear in the text in order: search on from the last one (linear, not quadratic)
        for (Block b : doc.body()) {
            assertFalse(b.text().isEmpty(), "kept block " + b.index() + " is empty");
            if (b.start() < previousEnd || b.end() > source.length()) {
                fail("kept block " + b.index() + " [" + b.start() + ", " + b.end() + ") is out of order or outside a source of "
                        + source.length() + " chars");
            }
            String span = source.substring(b.start(), b.end()).replace('\n', ' ');
            if (!span.equals(b.text())) {
                int at = 0;
                while (at < span.length() && at < b.text().length() && span.charAt(at) == b.text().charAt(at)) at++;
                fail("kept block " + b.index() + " is not its span of the source: they differ at offset " + at + ", span "
                        + snippet(span, at) + " vs text " + snippet(b.text(), at));
            }
            int at = doc.text().indexOf(b.text(), inText);
            assertTrue(at >= 0, "kept block " + b.index() + " is in the text, after the blocks before it");
            inText = at + b.text().length();
            previousEnd = b.end();
        }
        for (Removal r : doc.removals()) {
            assertTrue(0 <= r.start() && r.start() <= r.end() && r.end() <= source.length(),
                    "removal [" + r.start() + ", " + r.end() + ") outside a source of " + source.length() + " chars");
        }
    }

    /** Up to ten characters either side of {@code at}, with every non-ASCII or control character escaped. */
    static String snippet(String s, int at) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = Math.max(0, at - 10); i < Math.min(s.length(), at + 10); i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    static String repeat(String s, int times) {
        return s.repeat(times);
    }

    // ---- deep nesting -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"div", "span", "b", "a", "section", "blockquote", "li", "font"})
    void elementsNestedAHundredThousandDeepWithTextAtTheBottom(String tag) {
        String html = "<html><body>" + repeat("<" + tag + ">", DEEP) + "The text at the bottom of the well."
                + repeat("</" + tag + ">", DEEP) + "</body></html>";
        clean(html);
    }

    @Test
    void unclosedNestingAHundredThousandDeep() {
        clean(repeat("<div><span>", DEEP / 2) + "The end of the page.");
    }

    /**
     * Prose at every level of a deep nest. Until 9b9268e {@code HtmlFrontEnd.proseWords} added each text node's
     * word count to every ancestor, so the cost was text nodes times depth: 100,000 levels took about 290 s.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<span>", "<b>", "<a href=x>", "<table><tr><td>"})
    void proseAtEveryLevelOfADeepNest(String open) {
        clean(repeat(open + "one two three four five six seven eight nine.", open.startsWith("<table") ? DEEP / 5 : DEEP));
    }

    /**
     * The same with {@code <div>}: 100,000 nested blocks of prose. The metadata stage was once quadratic in
     * blocks here (51 s), as {@link #aHundredThousandParagraphs} explains; about 10 s now on a busy 2-core machine.
     */
    @Test
    void proseInEveryOneOfAHundredThousandNestedDivs() {
        clean(repeat("<div>one two three four five six seven eight nine.", DEEP));
    }

    /**
     * A flat page of 100,000 distinct paragraphs (6.8 MB; a long forum thread or a book on one page). The
     * metadata stage's byline search once counted the prose blocks from the region's start for every block, so it
     * was quadratic in blocks (100,000 paragraphs: 77 s); it keeps a running count now (about 12 s on a busy
     * 2-core machine, under the 20 s guard).
     */
    @Test
    void aHundredThousandParagraphs() {
        StringBuilder html = new StringBuilder("<html><body><article>");
        for (int i = 0; i < DEEP; i++) {
            html.append("<p>Paragraph number ").append(i).append(" has enough words to read as prose here.</p>");
        }
        clean(html.append("</article></body></html>").toString());
    }

    // ---- unclosed tags ------------------------------------------------------------------------------------------

    @Test
    void unclosedTagsEverywhere() {
        String html = "<html><head><title>Unclosed<body>" + repeat("<p>Paragraph words are here now and then <li>item "
                + "<td>cell <a href=x>link <i>italic <table><tr><td>cell <ul><li>point <font>font <h2>heading ", 2_000);
        clean(html);
    }

    /** A construct left open swallows the rest of the page (raw text, comment, select) or the attribute. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<script>var x = 1;", "<style>p { color: red }", "<textarea>", "<title>", "<!-- comment",
            "<select><option>one", "<a href=\"unterminated", "<div class='unterminated", "<![CDATA[", "<!DOCTYPE",
            "<xmp>", "<plaintext>", "<noscript>", "<iframe>", "<template>", "<svg><g>", "<math><mi>", "<table><caption>",
            "<frameset>", "</", "<", "<p <p <p", "<a <b <c>"})
    void aConstructLeftOpenBeforeTheArticle(String open) {
        clean("<html><body>" + open + ARTICLE + repeat("<p>More words in another paragraph here.", 100));
    }

    // ---- huge attributes and text -------------------------------------------------------------------------------

    static Stream<org.junit.jupiter.params.provider.Arguments> megabyteAttributes() {
        String words = repeat("share widget related x ", MEGABYTE / 23);
        String letters = repeat("a", MEGABYTE);
        return Stream.of(
                arguments("class", "<div class=\"" + words + "\">" + ARTICLE + "</div>"),
                arguments("id", "<div id=\"" + letters + "\">" + ARTICLE + "</div>"),
                arguments("style", "<div style=\"" + repeat("display : none ;", MEGABYTE / 16) + "\"></div>" + ARTICLE),
                arguments("href", "<p><a href=\"https://example.org/" + letters + "\">a link</a></p>" + ARTICLE),
                arguments("data-*", "<div data-state='" + repeat("{\"k\":[1,2,3]}", MEGABYTE / 13) + "'>" + ARTICLE + "</div>"),
                arguments("og:title content", "<html><head><meta property=\"og:title\" content=\"" + repeat("Title word ", MEGABYTE / 11)
                        + "\"></head><body>" + ARTICLE + "</body></html>"),
                arguments("meta author content", "<html><head><meta name=\"author\" content=\"" + letters
                        + "\"></head><body>" + ARTICLE + "</body></html>"),
                arguments("time datetime", "<time datetime=\"" + repeat("2024-01-01", MEGABYTE / 10) + "\">today</time>" + ARTICLE),
                arguments("itemprop", "<div itemprop=\"" + repeat("articleBody ", MEGABYTE / 12) + "\">" + ARTICLE + "</div>"),
                arguments("a million attributes", "<div " + repeat("a=b ", MEGABYTE / 4) + ">" + ARTICLE + "</div>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("megabyteAttributes")
    void aMegabyteInOneAttributeDoesNotCostTheArticle(String where, String html) {
        Document doc = clean(html);
        assertTrue(doc.text().contains("approved the new budget"), where + ": the article is kept, got: "
                + doc.text().substring(0, Math.min(200, doc.text().length())));
    }

    @Test
    void aMegabyteAttributeThatNeverEnds() {
        clean("<div class=\"" + repeat("a b ", MEGABYTE / 4));
    }

    @Test
    void aMegabyteOfJsonLd() {
        clean("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" + repeat("h", MEGABYTE)
                + "\"}</script>" + ARTICLE);
        clean("<script type=\"application/ld+json\">" + repeat("[", MEGABYTE) + "</script>" + ARTICLE);
    }

    @Test
    void aMegabyteWordAndAMegabyteParagraph() {
        clean("<p>" + repeat("x", MEGABYTE) + "</p>" + ARTICLE);
        clean("<p>" + repeat("Words of a sentence, ", MEGABYTE / 21) + "</p>");
    }

    // ---- characters that are line breaks to the normalizer ----------------------------------------------------

    /**
     * U+0085 (NEL) is not {@code Character.isWhitespace}, so the front end keeps it inside a block, and the normalizer
     * turns it into a line break: since 9b9268e (which dropped the {@code replace('\n', ' ')} after normalizing)
     * the block's text holds a {@code \n} that {@link Block} promises never to hold. It is common in real pages:
     * byte 0x85 is Windows-1252's ellipsis, and a page declared ISO-8859-1 decodes it to U+0085.
     */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0085", "2028", "2029", "000B", "000C", "000D", "001C", "001E", "00A0", "3000", "FEFF"})
    void aLineBreakCharacterInsideAParagraph(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        Document doc = clean("<p>The first half of a line" + c + "and the second half of it.</p>");
        for (Block b : doc.body()) assertEquals(-1, b.text().indexOf('\n'), "a kept block holds a line break: " + snippet(b.text(), 27));
    }

    @Test
    void anIso88591PageWithWindows1252Ellipses() {
        byte[] bytes = ("<meta charset=iso-8859-1><p>Wait for it\u0085 and then a little more\u0085 the end.</p>" + ARTICLE)
                .getBytes(StandardCharsets.ISO_8859_1);
        cleanBytes(bytes);
    }

    // ---- wrong declared charset ---------------------------------------------------------------------------------

    static final String FRENCH = "<p>Le café de la gare ouvre à sept heures, dit-il à la foule réunie devant l'entrée "
            + "du bâtiment, où l'on attendait déjà depuis une heure.</p>";

    static Stream<org.junit.jupiter.params.provider.Arguments> wrongCharsets() {
        Charset cp1252 = Charset.forName("windows-1252");
        return Stream.of(
                arguments("windows-1252 bytes declared UTF-8", ("<meta charset=utf-8>" + FRENCH).getBytes(cp1252)),
                arguments("UTF-8 bytes declared ISO-8859-1", ("<meta charset=iso-8859-1>" + FRENCH).getBytes(StandardCharsets.UTF_8)),
                arguments("UTF-8 bytes declared windows-1252 by http-equiv",
                        ("<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>" + FRENCH).getBytes(StandardCharsets.UTF_8)),
                arguments("an unknown charset", ("<meta charset=x-no-such-charset>" + FRENCH).getBytes(StandardCharsets.UTF_8)),
                arguments("a charset name of junk", ("<meta charset='\u00ff<>;;'>" + FRENCH).getBytes(StandardCharsets.UTF_8)),
                arguments("ASCII declared UTF-16", ("<meta charset=utf-16>" + FRENCH).getBytes(StandardCharsets.UTF_8)),
                arguments("ASCII declared UTF-32", ("<meta charset=utf-32>" + FRENCH).getBytes(StandardCharsets.UTF_8)),
                arguments("UTF-16LE without a BOM declared UTF-8", ("<meta charset=utf-8>" + FRENCH).getBytes(StandardCharsets.UTF_16LE)),
                arguments("UTF-8 declared Shift_JIS by an XML declaration",
                        ("<?xml version='1.0' encoding='Shift_JIS'?><html><body>" + FRENCH).getBytes(StandardCharsets.UTF_8)),
                arguments("two contradicting declarations",
                        ("<meta charset=koi8-r><meta charset=utf-8>" + FRENCH).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCharsets")
    void aWrongDeclaredCharsetGivesADocument(String name, byte[] bytes) {
        cleanBytes(bytes);
    }

    /** A byte-order mark is the strongest signal: it wins over the meta tag, as in browsers. */
    @Test
    void aByteOrderMarkWinsOverTheDeclaredCharset() {
        byte[] body = ("<meta charset=utf-8>" + FRENCH).getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertTrue(cleanBytes(bytes).text().contains("Le café de la gare"));
    }

    /** A meta tag cannot make a page UTF-16 (its markup was readable as ASCII): UTF-8, as the HTML standard says. */
    @Test
    void aMetaTagDeclaringUtf16IsReadAsUtf8() {
        assertTrue(cleanBytes(("<meta charset=utf-16>" + FRENCH).getBytes(StandardCharsets.UTF_8)).text()
                .contains("Le café de la gare"));
    }

    // ---- empty and text-free pages ------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", "\n\n\t", "<html></html>", "<html><head><title>Only a title</title></head><body></body></html>",
            "<body></body>", "<body>   \u00A0 \u200B </body>", "<!DOCTYPE html>", "<!-- nothing but a comment -->",
            "<body><div><span></span></div><p></p><br><br><hr></body>", "<img src=x.png alt=\"A picture\">"})
    void anEmptyBodyGivesAnEmptyDocument(String html) {
        Document doc = clean(html);
        assertEquals("", doc.text());
        assertTrue(doc.body().isEmpty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<script>document.write('<p>Hello from a script, which is not text a reader sees.</p>');</script>",
            "<html><head><script src=app.js></script></head><body><script>window.app = {title: 'x'};</script></body></html>",
            "<body><noscript>Enable JavaScript to read this site.</noscript><script>var a = '</div>';</script></body>",
            "<style>body { font: 12px serif }</style>", "<template><p>Never rendered paragraph text.</p></template>"})
    void aPageThatIsOnlyScriptHasNoText(String html) {
        Document doc = clean(html);
        assertEquals("", doc.text());
    }

    @Test
    void aLargePageThatIsOnlyScript() {
        Document doc = clean("<html><head><script>" + repeat("var a = '<p>not text</p>'; a++;\n", 30_000)
                + "</script></head><body><script>" + repeat("render(\"<div>x</div>\");", 30_000) + "</script></body></html>");
        assertEquals("", doc.text());
    }

    @Test
    void aFramesetPage() {
        clean("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Frameset//EN\"><html><head><title>Frames</title></head>"
                + "<frameset cols=\"25%,75%\"><frame src=\"menu.html\" name=\"menu\"><frameset rows=\"50%,50%\">"
                + "<frame src=\"a.html\"><frame src=\"b.html\"></frameset><noframes><body><p>Your browser does not "
                + "support frames, so read the site map instead.</p></body></noframes></frameset></html>");
        clean("<frameset><frame src=a.html>" + ARTICLE + "</frameset>");
        clean(repeat("<frameset>", 10_000) + "<frame src=a.html>");
    }

    // ---- not HTML at all ----------------------------------------------------------------------------------------

    static Stream<org.junit.jupiter.params.provider.Arguments> garbage() {
        byte[] random = new byte[256 * 1024];
        new Random(20240601L).nextBytes(random);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        return Stream.of(
                arguments("random bytes", random),
                arguments("NUL bytes", new byte[100_000]),
                arguments("a PNG header", png),
                arguments("a PDF fragment", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nstream\n\u0000\u0001\u0002endstream\n%%EOF"
                        .getBytes(StandardCharsets.ISO_8859_1)),
                arguments("a gzip stream", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}),
                arguments("JSON", "{\"title\": \"<b>not markup</b>\", \"items\": [1, 2, {\"<p>\": null}]}".getBytes(StandardCharsets.UTF_8)),
                arguments("XML", "<?xml version=\"1.0\"?><rss><channel><item><title>T</title><description>&lt;p&gt;D</description></item></channel></rss>"
                        .getBytes(StandardCharsets.UTF_8)),
                arguments("plain text", "Just a line of plain text, no markup at all.\n\nAnd a second paragraph.".getBytes(StandardCharsets.UTF_8)),
                arguments("lone surrogates and noncharacters", repeat("<p>\uD800 text \uDC00 \uFFFE \uFFFF</p>", 5_000)
                        .getBytes(StandardCharsets.UTF_16BE)),
                arguments("broken entities", repeat("&amp&lt;&#x1F600;&#0;&#xD800;&#99999999999;&#;&#x;&unknown;", 20_000)
                        .getBytes(StandardCharsets.UTF_8)),
                arguments("angle brackets", repeat("<<>><</<!<?<>", 50_000).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageGivesADocument(String what, byte[] bytes) {
        cleanBytes(bytes);
        clean(new String(bytes, StandardCharsets.ISO_8859_1)); // every byte a character, control characters included
    }
}
