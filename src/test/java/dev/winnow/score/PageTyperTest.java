package dev.winnow.score;

import dev.winnow.html.HtmlFrontEnd;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped page-type models on small hand-written pages of each kind, and the checks that keep a
 * wrong model out. The pages use only general web conventions (schema.org, common class names), none
 * copied from the training pages.
 */
public class PageTyperTest {
    private static final HtmlFrontEnd FRONT_END = new HtmlFrontEnd();
    private static final PageTyper TYPER = PageTyper.shipped();

    private static PageType html(String html, String url) {
        HtmlFrontEnd.Extracted page = FRONT_END.extract(html);
        return TYPER.html(page.source(), page.blocks(), url, page.shape()).type();
    }

    private static String paragraphs(String sentence, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("<p>").append(sentence).append(" (").append(i + 1).append(")</p>\n");
        return sb.toString();
    }

    static final String PRODUCT = """
            <html><head><title>Trail Runner 2 shoe | Example Store</title>
            <meta property="og:type" content="product">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail Runner 2",
             "sku":"TR2-BLK-42","offers":{"@type":"Offer","price":"89.99","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script>
            </head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/shoes">Shoes</a></li><li><a href="/cart">Cart (0)</a></li></ul></nav>
            <div class="product-detail" itemscope itemtype="https://schema.org/Product">
              <h1 itemprop="name">Trail Runner 2</h1>
              <div class="product-price"><span itemprop="price" content="89.99">$89.99</span> <s>$119.00</s></div>
              <div class="product-stock">In stock: ships in 1-2 business days</div>
              <form class="add-to-cart" action="/cart/add"><select name="size"><option>41</option><option>42</option></select>
                <input type="number" name="qty" value="1"><button class="btn-cart">Add to cart</button></form>
              <div class="product-description"><p>A light trail shoe with a grippy outsole and a breathable mesh upper.</p>
              <ul><li>Weight: 280 g</li><li>Drop: 6 mm</li><li>Upper: recycled mesh</li></ul></div>
              <table class="specs"><tr><th>SKU</th><td>TR2-BLK-42</td></tr><tr><th>Colour</th><td>Black</td></tr></table>
              <div class="reviews"><h2>Customer reviews</h2><p>4.6 out of 5 stars, 212 ratings</p></div>
            </div>
            <footer><p>Free shipping over $50. 30-day returns.</p></footer></body></html>
            """;

    @Test
    void aProductPageWithSchemaProductAndAPriceIsAProduct() {
        assertEquals(PageType.PRODUCT, html(PRODUCT, "https://shop.example.com/products/trail-runner-2"));
    }

    @Test
    void aForumThreadIsAForum() {
        StringBuilder posts = new StringBuilder();
        String[] users = {"marta_k", "old_timer", "jpb", "netwalker", "marta_k", "sysop"};
        for (int i = 0; i < users.length; i++) {
            posts.append("""
                    <article class="post" id="post-%d" itemscope itemtype="https://schema.org/Comment">
                      <div class="post-author"><a class="username" href="/members/%s">%s</a> <span class="user-title">Member</span>
                        <span>Joined: Mar 2019 · Posts: %d</span></div>
                      <div class="post-date"><time datetime="2024-05-%02dT10:%02d">May %d, 2024 at 10:%02d</time></div>
                      <div class="post-body">%s</div>
                      <div class="post-actions"><a href="#">Reply</a> <a href="#">Quote</a> <a href="#">Report</a></div>
                    </article>
                    """.formatted(i + 1, users[i], users[i], 40 + i * 17, i + 3, i * 7, i + 3, i * 7,
                    i == 0 ? "<p>My router drops the connection every evening around nine. Has anyone seen this? I already tried a factory reset.</p>"
                            : "<blockquote class='quote'>" + users[0] + " wrote: My router drops the connection</blockquote>"
                            + "<p>Try changing the wireless channel, it fixed the same problem for me last year.</p>"));
        }
        String page = """
                <html><head><title>Router drops connection every evening - Network Help Forum</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting",
                 "headline":"Router drops connection every evening","author":{"@type":"Person","name":"marta_k"}}</script></head>
                <body><nav class="breadcrumb"><a href="/forums">Forums</a> › <a href="/forums/networking">Networking</a></nav>
                <h1 class="thread-title">Router drops connection every evening</h1>
                <div class="thread-meta">Started by marta_k · 6 replies · 1,204 views</div>
                <div class="posts">%s</div>
                <div class="pagination"><a href="?page=2">Next</a></div>
                <form class="quick-reply"><textarea name="message"></textarea><button>Post reply</button></form>
                </body></html>
                """.formatted(posts);
        assertEquals(PageType.FORUM, html(page, "https://forum.example.org/threads/router-drops-connection-every-evening.48213/"));
    }

    @Test
    void aDocsPageWithCodeIsDocumentation() {
        StringBuilder api = new StringBuilder();
        String[][] functions = {{"parse_config", "path, strict=False", "Reads a configuration file and returns a Config object."},
                {"load_env", "prefix=\"APP_\"", "Reads settings from environment variables that start with prefix."},
                {"merge", "base, override", "Returns a new Config with the keys of override replacing those of base."},
                {"dump", "config, path", "Writes a Config back to a TOML file, keeping comments where it can."}};
        for (String[] f : functions) {
            api.append("""
                    <section class="function" id="%1$s"><h2><code class="sig-name">%1$s</code>(<em>%2$s</em>)</h2>
                    <p>%3$s Raises <code>ConfigError</code> when the input is invalid.</p>
                    <h3>Parameters</h3><dl class="field-list"><dt><code>path</code> (<em>str</em>)</dt><dd>The file to read.</dd>
                    <dt><code>strict</code> (<em>bool</em>)</dt><dd>Reject unknown keys. Default: <code>False</code>.</dd></dl>
                    <h3>Returns</h3><p>A <code>Config</code> instance.</p>
                    <div class="highlight"><pre><code>from example import %1$s
                    config = %1$s(%2$s)
                    print(config.database.url)
                    </code></pre></div></section>
                    """.formatted(f[0], f[1].replace("\"", "&quot;"), f[2]));
        }
        String page = """
                <html><head><title>API reference — Example Library 3.2 documentation</title></head>
                <body><nav class="sidebar toc"><ul><li><a href="/en/stable/install.html">Installation</a></li>
                <li><a href="/en/stable/quickstart.html">Quickstart</a></li><li><a href="/en/stable/api.html">API reference</a></li>
                <li><a href="/en/stable/config.html">Configuration</a></li><li><a href="/en/stable/changelog.html">Changelog</a></li></ul></nav>
                <main class="docs-content" role="main"><h1>API reference</h1>
                <p>This page documents the public functions of the <code>example</code> module.</p>
                %s
                <div class="admonition note"><p class="admonition-title">Note</p><p>Deprecated since version 3.0: the
                <code>encoding</code> argument of <code>parse_config()</code>.</p></div>
                <div class="highlight"><pre><code>$ pip install example-library==3.2</code></pre></div>
                </main></body></html>
                """.formatted(api);
        assertEquals(PageType.DOCUMENTATION, html(page, "https://example-library.readthedocs.io/en/stable/api.html"));
    }

    @Test
    void aNewsArticleIsAnArticle() {
        String page = """
                <html><head><title>City council approves new cycling lanes</title><meta property="og:type" content="article">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"City council approves new cycling lanes",
                 "datePublished":"2025-03-14T08:00:00Z","author":{"@type":"Person","name":"Dana Reyes"}}</script></head>
                <body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
                <article><h1>City council approves new cycling lanes</h1><p class="byline">By Dana Reyes · March 14, 2025</p>
                %s</article><footer>© 2025 The Daily Example</footer></body></html>
                """.formatted(paragraphs("The council voted seven to two on Thursday evening to build twelve kilometres of protected"
                + " cycling lanes across the city centre, after a year of public consultation, the mayor said in a statement.", 9));
        assertEquals(PageType.ARTICLE, html(page, "https://news.example.com/2025/03/14/city-council-approves-new-cycling-lanes"));
    }

    @Test
    void plainTextArticleIsAnArticleAndAnEmptyPageIsOther() {
        String text = ("The council voted seven to two on Thursday evening to build twelve kilometres of protected cycling"
                + " lanes across the city centre, after a year of public consultation, the mayor said.\n\n").repeat(8);
        assertEquals(PageType.ARTICLE, TYPER.text(text, null).type());
        assertEquals(PageType.OTHER, TYPER.text(" \n ", null).type());
        assertEquals(PageType.OTHER, TYPER.html("", List.of(), null, FRONT_END.extract("<html></html>").shape()).type());
    }

    @Test
    void theShippedModelsLoadWithAnIdentityAndTheFeaturesThisBuildComputes() {
        String id = TYPER.identity();
        assertTrue(id.matches("page_type\\(winnow-html-page-type@[0-9a-f]{12},winnow-text-page-type@[0-9a-f]{12}\\)"), id);
        Forest html = Forest.resource(PageTyper.HTML_MODEL);
        assertEquals(PageFeatures.HTML_NAMES, html.features());
        assertEquals(List.of("article", "forum", "product", "collection", "listing", "documentation", "service", "other"),
                html.classes());
        assertEquals(PageFeatures.TEXT_NAMES, Forest.resource(PageTyper.TEXT_MODEL).features());
    }

    @Test
    void aModelTrainedOnOtherFeaturesIsRefused() throws IOException {
        Forest tiny = forest("""
                {"name":"tiny","classes":["article","forum"],"features":["a"],
                 "trees":[{"feature":[0,-1,-1],"threshold":[0.5,0,0],"left":[1,0,0],"right":[2,0,0],"value":[[],[1,0],[0.25,0.75]]}]}""");
        assertThrows(IllegalArgumentException.class, () -> new PageTyper(tiny, tiny));
    }

    @Test
    void aMultiClassForestAveragesItsLeafDistributions() throws IOException {
        Forest f = forest("""
                {"name":"tiny","classes":["article","forum"],"features":["a"],
                 "trees":[{"feature":[0,-1,-1],"threshold":[0.5,0,0],"left":[1,0,0],"right":[2,0,0],"value":[[],[1,0],[0.25,0.75]]},
                          {"feature":[-1],"threshold":[0],"left":[0],"right":[0],"value":[[0.5,0.5]]}]}""");
        assertArrayEquals(new double[] {0.75, 0.25}, f.distribution(new double[] {0}), 1e-9);
        assertArrayEquals(new double[] {0.375, 0.625}, f.distribution(new double[] {1}), 1e-9);
        assertThrows(IllegalStateException.class, () -> f.predict(new double[] {0}));
    }

    @Test
    void aLeafWithTheWrongNumberOfProbabilitiesIsRefused() {
        assertThrows(IOException.class, () -> forest("""
                {"name":"bad","classes":["article","forum"],"features":["a"],
                 "trees":[{"feature":[-1],"threshold":[0],"left":[0],"right":[0],"value":[[1,0,0]]}]}"""));
    }

    private static Forest forest(String json) throws IOException {
        return Forest.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    /** A model of one leaf that says {@code type} for every page, reading the {@code features} given. */
    public static String constant(String name, List<String> features, PageType type) {
        double[] p = new double[PageType.values().length];
        p[type.ordinal()] = 1;
        return constant(name, features, p);
    }

    /** A model of one leaf that gives every page the probabilities {@code p}, in {@link PageType}'s order. */
    static String constant(String name, List<String> features, double[] p) {
        List<String> classes = List.of("article", "forum", "product", "collection", "listing", "documentation", "service", "other");
        StringBuilder leaf = new StringBuilder();
        for (int i = 0; i < p.length; i++) leaf.append(i == 0 ? "" : ",").append(p[i]);
        return "{\"name\":\"" + name + "\",\"classes\":[\"" + String.join("\",\"", classes) + "\"],\"features\":[\""
                + String.join("\",\"", features) + "\"],\"trees\":[{\"feature\":[-1],\"threshold\":[0],\"left\":[-1],"
                + "\"right\":[-1],\"value\":[[" + leaf + "]]}]}";
    }

    @Test
    void aRetrainedModelReplacesTheShippedOneWhoseFeaturesItReads() throws IOException {
        PageTyper forums = TYPER.with(forest(constant("all-forums", PageFeatures.TEXT_NAMES, PageType.FORUM)));
        String article = "The council approved the new budget after a long debate on Tuesday evening.\n\n".repeat(8);
        assertEquals(PageType.FORUM, forums.text(article, null).type());
        assertTrue(forums.textIdentity().startsWith("all-forums@"), forums.textIdentity());
        assertEquals(TYPER.htmlIdentity(), forums.htmlIdentity(), "the HTML model is the shipped one still");

        PageTyper shops = TYPER.with(forest(constant("all-products", PageFeatures.HTML_NAMES, PageType.PRODUCT)));
        assertEquals(TYPER.textIdentity(), shops.textIdentity());
        assertTrue(shops.htmlIdentity().startsWith("all-products@"), shops.htmlIdentity());

        assertThrows(IllegalArgumentException.class,
                () -> TYPER.with(forest(constant("other", List.of("words_log"), PageType.FORUM))));
    }

    @Test
    void aPageCalledAnArticleWithoutEvenOddsIsTreatedAsTheRunnerUp() throws IOException {
        String page = "The council approved the new budget after a long debate on Tuesday evening.\n\n".repeat(8);
        //                                   article forum product collection listing docs service other
        PageTyper unsure = TYPER.with(forest(constant("unsure", PageFeatures.TEXT_NAMES, new double[] {0.45, 0.05, 0, 0, 0.1, 0, 0.4, 0})));
        assertEquals(new PageTyper.Typing(PageType.ARTICLE, PageType.SERVICE), unsure.text(page, null),
                "the record says article; the chains treat it as the next most likely type");
        PageTyper even = TYPER.with(forest(constant("even", PageFeatures.TEXT_NAMES, new double[] {0.5, 0, 0, 0, 0.1, 0, 0.4, 0})));
        assertEquals(new PageTyper.Typing(PageType.ARTICLE, PageType.ARTICLE), even.text(page, null));
        PageTyper listing = TYPER.with(forest(constant("listing", PageFeatures.TEXT_NAMES, new double[] {0.3, 0, 0, 0, 0.4, 0, 0.3, 0})));
        assertEquals(new PageTyper.Typing(PageType.LISTING, PageType.LISTING), listing.text(page, null),
                "only an unsure article is treated otherwise");
        PageTyper tie = TYPER.with(forest(constant("tie", PageFeatures.TEXT_NAMES, new double[] {0.4, 0, 0, 0, 0.3, 0, 0.3, 0})));
        assertEquals(PageType.LISTING, tie.text(page, null).kind(), "a tie goes to the first type in the model's order");
    }
}
