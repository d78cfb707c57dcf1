package dev.winnow.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Field;
import dev.winnow.core.Verdict;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
            "techarticle", "report", "liveblogposting", "posting", "socialmediaposting", "webpage");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");

    static List<Verdict.Fact> read(Document page) {
        List<Verdict.Fact> facts = new ArrayList<>();
        JsonNode article = jsonLdArticle(page);
        Map<String, String> metas = metas(page);

        String title = first(text(article, "headline"), metas.get("og:title"), metas.get("twitter:title"),
                firstText(page, "h1"), page.title());
        add(facts, Field.TITLE, title);

        Set<String> authors = new LinkedHashSet<>();
        if (article != null) names(article.get("author"), authors);
        if (authors.isEmpty()) {
            for (Element m : page.select("meta[name=author], meta[property=article:author], meta[name=byl], meta[name=sailthru.author]")) {
                String v = m.attr("content").replaceFirst("(?i)^by\\s+", "").strip();
                if (!v.isEmpty() && !v.startsWith("http")) authors.add(v);
            }
        }
        if (authors.isEmpty()) {
            for (Element a : page.select("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]")) {
                String v = a.text().replaceFirst("(?i)^by\\s+", "").strip();
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
                metas.get("dc.date"), metas.get("dc.date.issued"), attr(page, "time[datetime]", "datetime"));
        add(facts, Field.CREATED, isoDate(date));

        add(facts, Field.URL, first(attr(page, "link[rel=canonical]", "href"), metas.get("og:url")));

        Element html = page.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").strip();
        if (lang.isEmpty()) lang = metas.getOrDefault("og:locale", "").replace('_', '-');
        if (LANGUAGE.matcher(lang).matches()) add(facts, Field.LANGUAGE, lang);
        return facts;
    }

    /** The first schema.org article object in the page's JSON-LD, looking into arrays and @graph. */
    static JsonNode jsonLdArticle(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()));
                if (found != null) return found;
            } catch (Exception e) {
                // broken JSON-LD is common; the page's other metadata still counts
            }
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

    /** Every meta tag's content by its property, name or itemprop (lower-cased), first one winning: one pass over the page. */
    private static Map<String, String> metas(Document page) {
        Map<String, String> metas = new HashMap<>();
        for (Element m : page.getElementsByTag("meta")) {
            String content = m.attr("content").strip();
            if (content.isEmpty()) continue;
            for (String key : new String[] {m.attr("property"), m.attr("name"), m.attr("itemprop")}) {
                if (!key.isEmpty()) metas.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
            }
        }
        return metas;
    }

    private static String attr(Document page, String css, String attr) {
        Element e = page.selectFirst(css);
        if (e == null) return null;
        String v = e.attr(attr).strip();
        return v.isEmpty() ? null : v;
    }

    private static String firstText(Document page, String css) {
        Element e = page.selectFirst(css);
        return e == null || e.text().isBlank() ? null : e.text().strip();
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
