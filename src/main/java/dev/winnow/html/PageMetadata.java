package dev.winnow.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.core.Field;
import dev.winnow.core.Verdict;
import dev.winnow.score.Attr;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeVisitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a page says about itself: JSON-LD (schema.org Article types) first, then Open Graph and
 * article meta tags, then plain markup ({@code <h1>}, {@code <title>}, {@code <time datetime>},
 * {@code rel=author}, {@code <html lang>}). Publisher-supplied fields are more reliable than anything
 * inferred from the text, so they are facts the stages cannot override.
 */
final class PageMetadata {
    private PageMetadata() {}

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
            "techarticle", "report", "liveblogposting", "posting", "socialmediaposting", "webpage");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** A byline's "By " before the name (compiled once: String.replaceFirst compiles its regex on every call). */
    private static final Pattern BY = Pattern.compile("(?i)^by\\s+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");

    /**
     * The facts of a page whose walk {@code scan} has read, with the JSON-LD trees of its scripts (those that
     * parsed), in page order.
     */
    static List<Verdict.Fact> read(Scan scan, List<JsonNode> jsonLd) {
        List<Verdict.Fact> facts = new ArrayList<>();
        JsonNode article = jsonLdArticle(jsonLd);
        Map<String, String> metas = scan.metas;

        String title = first(text(article, "headline"), metas.get("og:title"), metas.get("twitter:title"),
                scan.h1 == null ? null : scan.h1.text(), scan.title == null ? null : scan.title.text());
        add(facts, Field.TITLE, title);

        Set<String> authors = new LinkedHashSet<>();
        if (article != null) names(article.get("author"), authors);
        if (authors.isEmpty()) {
            for (String content : scan.authorMetas) {
                String v = BY.matcher(content).replaceFirst("").strip();
                if (!v.isEmpty() && !v.startsWith("http")) authors.add(v);
            }
        }
        if (authors.isEmpty()) {
            for (Element a : scan.authorElements) {
                String v = BY.matcher(a.text()).replaceFirst("").strip();
                if (!v.isEmpty() && v.length() < 80) authors.add(v);
                if (authors.size() >= 4) break;
            }
        }
        for (String a : authors) add(facts, Field.AUTHORS, a);

        String publisher = first(article == null ? null : text(article.get("publisher"), "name"), metas.get("og:site_name"),
                metas.get("application-name"));
        add(facts, Field.PUBLISHER, publisher);

        String date = first(text(article, "datePublished"), metas.get("article:published_time"),
                metas.get("datepublished"), metas.get("pubdate"), metas.get("publishdate"), metas.get("date"),
                metas.get("dc.date"), metas.get("dc.date.issued"), scan.timeDatetime);
        add(facts, Field.CREATED, isoDate(date));

        add(facts, Field.URL, first(scan.canonical, metas.get("og:url")));

        String lang = scan.lang == null ? "" : scan.lang.strip();
        if (lang.isEmpty()) lang = metas.getOrDefault("og:locale", "").replace('_', '-');
        if (LANGUAGE.matcher(lang).matches()) add(facts, Field.LANGUAGE, lang);
        return facts;
    }

    /**
     * What the metadata needs from the page, gathered element by element in the front end's one walk over the
     * whole page: a CSS query per field would walk the whole page each time, which made metadata cost as much
     * as the parse. The JSON-LD comes apart, parsed once for every reader of it.
     */
    static final class Scan implements NodeVisitor {
        final Map<String, String> metas = new HashMap<>();
        final List<String> authorMetas = new ArrayList<>();
        final List<Element> authorElements = new ArrayList<>();
        Element h1;
        Element title;
        String timeDatetime;
        String canonical;
        String lang;

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) return;
            switch (e.normalName()) {
                case "html" -> { if (lang == null) lang = Attr.get(e, "lang"); }
                case "meta" -> meta(e);
                case "title" -> { if (title == null) title = e; }
                case "h1" -> { if (h1 == null && !e.text().isBlank()) h1 = e; }
                case "time" -> { if (timeDatetime == null && !Attr.get(e, "datetime").isBlank()) timeDatetime = Attr.get(e, "datetime").strip(); }
                case "link" -> {
                    if (canonical == null && Attr.get(e, "rel").equalsIgnoreCase("canonical") && !Attr.get(e, "href").isBlank()) {
                        canonical = Attr.get(e, "href").strip();
                    }
                }
                default -> { }
            }
            if (e.attributesSize() > 0 && authorElements.size() < MAX_AUTHORS
                    && (Attr.get(e, "rel").equalsIgnoreCase("author") || Attr.get(e, "itemprop").equalsIgnoreCase("author"))) {
                authorElements.add(e);
            }
        }

        @Override
        public void tail(Node node, int depth) {}

        private void meta(Element m) {
            String content = Attr.get(m, "content").strip();
            if (content.isEmpty()) return;
            for (String key : new String[] {Attr.get(m, "property"), Attr.get(m, "name"), Attr.get(m, "itemprop")}) {
                if (key.isEmpty()) continue;
                String k = key.toLowerCase(Locale.ROOT);
                metas.putIfAbsent(k, content);
                if (AUTHOR_METAS.contains(k)) authorMetas.add(content);
            }
        }
    }

    private static final Set<String> AUTHOR_METAS = Set.of("author", "article:author", "byl", "sailthru.author");
    private static final int MAX_AUTHORS = 8;

    /** The first schema.org article object in the page's JSON-LD, looking into arrays and @graph. */
    static JsonNode jsonLdArticle(List<JsonNode> trees) {
        for (JsonNode tree : trees) {
            JsonNode found = findArticle(tree);
            if (found != null) return found;
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) return null;
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode f = findArticle(n);
                if (f != null) return f;
            }
            return null;
        }
        if (!node.isObject()) return null;
        if (isArticle(node.get("@type")) && (node.has("headline") || node.has("articleBody"))) return node;
        return findArticle(node.get("@graph"));
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) return false;
        if (type.isArray()) {
            for (JsonNode t : type) if (isArticle(t)) return true;
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    private static void names(JsonNode author, Set<String> out) {
        if (author == null) return;
        if (author.isArray()) {
            for (JsonNode a : author) names(a, out);
        } else if (author.isObject()) {
            String n = text(author, "name");
            if (n != null) out.add(n);
        } else if (author.isTextual() && !author.asText().startsWith("http")) {
            out.add(author.asText().strip());
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.get(field);
        if (v == null) return null;
        if (v.isArray() && v.size() > 0) v = v.get(0);
        return v.isValueNode() && !v.asText().isBlank() ? v.asText().strip() : null;
    }




    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    /** The date part of an ISO-8601 date or date-time, validated; null otherwise. */
    static String isoDate(String value) {
        if (value == null) return null;
        Matcher m = ISO_DATE.matcher(value);
        if (!m.find()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static void add(List<Verdict.Fact> facts, Field field, String value) {
        if (value != null && !value.isBlank()) facts.add(new Verdict.Fact(field, value.strip()));
    }
}
