package dev.winnow.robustness;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * jqwik generators for text that looks like what Winnow is fed: prose paragraphs of real-looking
 * sentences, and the chrome around them (menus, bullets, URL slugs, bylines, dates, captions and
 * credits, comment counters, share widgets, quotes repeated as pull quotes, teaser headlines), in the
 * layouts scrapes come in (blank-line paragraphs, one line per paragraph, hard-wrapped, one long line),
 * optionally salted with the characters the normalizer treats specially, and encoded the ways files
 * arrive. Everything shrinks: a failing document shrinks towards fewer, shorter, plainer lines.
 */
final class Scrapes {
    private Scrapes() {}

    private static final List<String> NOUNS = List.of("council", "harbour", "festival", "river", "bridge", "school",
            "minister", "company", "market", "station", "village", "report", "police", "museum", "farmers", "storm",
            "election", "court", "hospital", "team", "budget", "airport", "library", "workers", "coast", "engineers");
    private static final List<String> VERBS = List.of("said", "announced", "reported", "confirmed", "opened", "closed",
            "approved", "rejected", "visited", "expected", "welcomed", "warned", "repaired", "planned", "delayed");
    private static final List<String> FILLER = List.of("the", "a", "on", "after", "before", "with", "for", "of", "in",
            "its", "new", "old", "local", "last", "next", "week", "year", "Monday", "Friday", "morning", "evening",
            "about", "more", "than", "two", "three", "hundred", "people", "plans", "its", "first", "time", "since");
    private static final List<String> NAMES = List.of("Lena Marsh", "Tomás Ortega", "Aiko Tanaka", "Priya Nair",
            "Jonas Berg", "Chloé Martin", "Ahmed Saleh", "Zofia Nowak");

    /** Menus, widgets, counters and notices, as text browsers render them. */
    private static final List<String> CHROME = List.of("Skip to content", "Home", "News", "Sport", "Weather", "Menu",
            "Search", "Sign in", "Subscribe", "Share on Facebook", "Share on X", "Email this article", "Print",
            "12 Comments", "Comments (4)", "Read more", "Related stories", "Most read", "Advertisement", "LIVE",
            "Breaking news", "Sign up for our newsletter", "Accept cookies", "(BUTTON) Search", "English | Español",
            "Follow us on Instagram", "Back to top", "© 2023 Harbour Press. All rights reserved.", "Next article",
            "Load more", "Watch: drone footage of the flooded valley", "Image", "Photo", "Getty Images", "Reuters",
            "AP Photo/Jane Doe", "Shutterstock", "EPA-EFE", "Advertisement - Scroll to continue");
    private static final List<String> SECTIONS = List.of("World", "Business", "Politics", "Science", "Culture", "Opinion");

    /** The characters the normalizer and segmenter read specially, and a few that tend to break things. */
    private static final List<String> SALT = List.of("\u00A0", "\u200B", "\u200D", "\u00AD", "\uFEFF", "\u2028",
            "\t", "\r\n", "\r", "  ", "&amp;", "&#8217;", "&nbsp;", "&bogus;", "&#x1F680;", "&#0;", "&#xD800;",
            "&#55296;", "&#x110000;", "&#1114112;", "e\u0301", "\uFB01", "\uD83D\uDE80", "中文", "عربى", "•", "* ", "– ", "—", "“", "”",
            "«", "»", "„", "…", "(L)", "[", "]", "|", "_____", "\u0007", "\u0085", "\u2029", "\u3000");

    // ---- prose ----

    static Arbitrary<String> word() {
        return Arbitraries.oneOf(Arbitraries.of(FILLER), Arbitraries.of(NOUNS), Arbitraries.of(VERBS),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10));
    }

    /** A sentence: a capital, 6 to 24 words, the odd comma, a full stop (sometimes ? or !). */
    static Arbitrary<String> sentence() {
        Arbitrary<List<String>> words = word().list().ofMinSize(6).ofMaxSize(24);
        Arbitrary<String> end = Arbitraries.of(".", ".", ".", ".", "?", "!");
        Arbitrary<Integer> commaAt = Arbitraries.integers().between(0, 30);
        return Combinators.combine(words, end, commaAt).as((ws, e, comma) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ws.size(); i++) {
                if (i > 0) sb.append(i == comma ? ", " : " ");
                String w = ws.get(i);
                sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            }
            return sb.append(e).toString();
        });
    }

    /** A quoted sentence with attribution, the shape quote stages look for. */
    static Arbitrary<String> quotation() {
        return Combinators.combine(sentence(), Arbitraries.of(NAMES), Arbitraries.of(VERBS))
                .as((s, name, verb) -> "“" + s.substring(0, s.length() - 1) + ",” " + name + " " + verb + ".");
    }

    /** A paragraph: one to five sentences, now and then opening with a quotation. */
    static Arbitrary<String> paragraph() {
        Arbitrary<String> first = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, sentence()), net.jqwik.api.Tuple.of(1, quotation()));
        return Combinators.combine(first, sentence().list().ofMaxSize(4))
                .as((f, rest) -> rest.isEmpty() ? f : f + " " + String.join(" ", rest));
    }

    /**
     * Clean prose: two to eight paragraphs and nothing else, the text a cleaner should leave alone.
     * Paragraphs are separated by blank lines, as the record's own text is.
     */
    static Arbitrary<String> cleanProse() {
        return paragraph().list().ofMinSize(2).ofMaxSize(8).map(ps -> String.join("\n\n", ps));
    }

    // ---- chrome ----

    static Arbitrary<String> headline() {
        return word().list().ofMinSize(4).ofMaxSize(12).map(ws -> {
            StringBuilder sb = new StringBuilder();
            for (String w : ws) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
            return sb.toString();
        });
    }

    static Arbitrary<String> slug() {
        return word().list().ofMinSize(3).ofMaxSize(10).map(ws -> String.join("-", ws).toLowerCase(java.util.Locale.ROOT))
                .flatMap(s -> Arbitraries.of(s, "https://www.example-news.com/world/2023/06/" + s,
                        s + "-" + "2023", "/news/" + s + ".html"));
    }

    static Arbitrary<String> byline() {
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of("By ", "By ", "Words by ", ""),
                Arbitraries.of("", ", Reuters", " | Harbour Press", " and Jonas Berg")).as((n, pre, post) -> pre + n + post);
    }

    static Arbitrary<String> dateLine() {
        return Combinators.combine(Arbitraries.of("January", "March", "June", "October", "Dec."),
                Arbitraries.integers().between(1, 31), Arbitraries.integers().between(1998, 2025),
                Arbitraries.of("", "Published ", "Updated ", "Last modified: ")).as((m, d, y, pre) -> pre + m + " " + d + ", " + y);
    }

    static Arbitrary<String> caption() {
        return Combinators.combine(sentence(), Arbitraries.of(" (Photo: AP)", " REUTERS/Jane Doe", " Getty Images",
                " (L) EPA via Shutterstock", "", " Photograph: Lena Marsh/The Harbour Press")).as((s, credit) -> s + credit);
    }

    static Arbitrary<String> bullet() {
        return Combinators.combine(Arbitraries.of("• ", "* ", "- ", "– ", "· "),
                Arbitraries.oneOf(Arbitraries.of(CHROME), Arbitraries.of(SECTIONS), headline())).as((b, t) -> b + t);
    }

    static Arbitrary<String> chromeLine() {
        return Arbitraries.oneOf(Arbitraries.of(CHROME), Arbitraries.of(SECTIONS), headline(), slug(), byline(),
                dateLine(), caption(), bullet());
    }

    // ---- whole scrapes ----

    /**
     * A scraped page: a headline, then prose paragraphs and chrome lines in any order, in one of the
     * layouts scrapes come in.
     */
    static Arbitrary<String> scrape() {
        Arbitrary<String> part = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, paragraph()), net.jqwik.api.Tuple.of(2, chromeLine()));
        Arbitrary<String> layout = Arbitraries.of("\n\n", "\n", "\n\n\n", "\r\n");
        return Combinators.combine(headline(), part.list().ofMinSize(1).ofMaxSize(16), layout, Arbitraries.of(true, false))
                .as((h, parts, separator, wrap) -> {
                    StringBuilder sb = new StringBuilder(h).append(separator);
                    for (String p : parts) sb.append(wrap ? hardWrap(p, 72) : p).append(separator);
                    return sb.toString();
                });
    }

    /** A scrape with special characters inserted between its pieces. */
    static Arbitrary<String> saltedScrape() {
        return Combinators.combine(scrape(), Arbitraries.of(SALT).list().ofMaxSize(12), Arbitraries.integers().list().ofSize(12))
                .as((text, salt, positions) -> {
                    StringBuilder sb = new StringBuilder(text);
                    for (int i = 0; i < salt.size(); i++) {
                        int at = Math.floorMod(positions.get(i), sb.length() + 1);
                        while (at > 0 && at < sb.length() && Character.isLowSurrogate(sb.charAt(at))) at--;
                        sb.insert(at, salt.get(i));
                    }
                    return sb.toString();
                });
    }

    /** Any text: real-looking scrapes, salted scrapes, or arbitrary strings over all of UTF-16. */
    static Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scrape()),
                net.jqwik.api.Tuple.of(3, saltedScrape()),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(400)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars(" \n\t.,•-“”()&;#*|").withCharRange('a', 'e')
                        .withCharRange('A', 'C').ofMaxLength(300)));
    }

    /** Text encoded the ways files arrive, including with byte-order marks and in legacy code pages. */
    static Arbitrary<byte[]> encoded(Arbitrary<String> text) {
        Arbitrary<String> encoding = Arbitraries.of("UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "UTF-16LE-BOM",
                "UTF-16BE-BOM", "windows-1252", "ISO-8859-1");
        return Combinators.combine(text, encoding).as(Scrapes::encode);
    }

    static byte[] encode(String text, String encoding) {
        return switch (encoding) {
            case "UTF-8-BOM" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case "UTF-16LE-BOM" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            case "UTF-16BE-BOM" -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            default -> text.getBytes(Charset.forName(encoding));
        };
    }

    /**
     * The scrape as an HTML page: a head with a title and meta tags, paragraphs, lists, nav and footer
     * chrome, sometimes nested deep, sometimes left unclosed, for the markup front end.
     */
    static Arbitrary<String> page() {
        Arbitrary<String> block = Arbitraries.oneOf(
                paragraph().map(p -> "<p>" + p + "</p>"),
                chromeLine().map(c -> "<nav><a href=\"/x\">" + c + "</a></nav>"),
                headline().map(h -> "<h2>" + h + "</h2>"),
                chromeLine().list().ofMaxSize(4).map(items -> "<ul><li>" + String.join("</li><li>", items) + "</li></ul>"),
                caption().map(c -> "<figure><img src=\"a.jpg\"><figcaption>" + c + "</figcaption></figure>"),
                Arbitraries.of("<div>", "</div>", "<p>", "<br>", "<script>var x = '<p>';</script>", "<!-- comment -->",
                        "&nbsp;", "&#8217;", "<table><tr><td>cell</td></tr></table>"));
        return Combinators.combine(headline(), block.list().ofMinSize(1).ofMaxSize(14), Arbitraries.integers().between(0, 40))
                .as((title, blocks, depth) -> "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title
                        + "</title><meta name=\"author\" content=\"Lena Marsh\"></head><body>" + "<div>".repeat(depth)
                        + "<h1>" + title + "</h1>" + String.join("\n", blocks) + "</div>".repeat(depth) + "<footer>© Harbour Press</footer></body></html>");
    }

    static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Arbitrary bytes: uniform noise, text bytes with mutations, and runs of a few byte values. */
    static Arbitrary<byte[]> anyBytes() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        Arbitrary<byte[]> runs = Arbitraries.of((byte) 0, (byte) 0x0A, (byte) 0x20, (byte) 0x80, (byte) 0xC3, (byte) 0xA9,
                (byte) 0xFF, (byte) 0xFE, (byte) 'a', (byte) '<').array(byte[].class).ofMaxSize(512);
        Arbitrary<byte[]> mutated = Combinators.combine(encoded(anyText()), Arbitraries.bytes().list().ofMaxSize(8),
                Arbitraries.integers().list().ofSize(8)).as((bytes, values, positions) -> {
                    byte[] b = bytes.clone();
                    for (int i = 0; i < values.size() && b.length > 0; i++) b[Math.floorMod(positions.get(i), b.length)] = values.get(i);
                    return b;
                });
        Arbitrary<byte[]> pages = encoded(Arbitraries.oneOf(page(), page().map(p -> p.substring(0, p.length() / 2))));
        Arbitrary<byte[]> gzipped = Arbitraries.oneOf(encoded(anyText()), pages).map(Scrapes::gzip);
        return Arbitraries.oneOf(noise, runs, mutated, encoded(anyText()), pages, gzipped);
    }

    private static String hardWrap(String paragraph, int width) {
        StringBuilder sb = new StringBuilder();
        int lineLength = 0;
        for (String w : paragraph.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + w.length() > width) {
                sb.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                sb.append(' ');
                lineLength++;
            }
            sb.append(w);
            lineLength += w.length();
        }
        return sb.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
