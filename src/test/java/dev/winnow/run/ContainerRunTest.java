package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web archives and JSON Lines through a whole run, on files the test writes itself (jwarc writes the
 * archives): each document becomes a record or a rejection, records carry where and when they were
 * fetched, a cut-short archive keeps the documents before the cut, and nothing is passed over silently.
 */
class ContainerRunTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant DATE = Instant.parse("2025-03-04T05:06:07Z");
    @TempDir
    static Path tmp;
    static Map<String, JsonNode> records = new LinkedHashMap<>();
    static Map<String, JsonNode> rejected = new LinkedHashMap<>();
    static JsonNode report;
    static List<String> seeds = new ArrayList<>();

    static String page(String title, String body) {
        StringBuilder html = new StringBuilder("<html><head><title>" + title + "</title></head><body>"
                + "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav><article><h1>" + title + "</h1>");
        for (String p : body.split("\n+")) if (!p.isBlank()) html.append("<p>").append(p.strip()).append("</p>");
        return html.append("</article><footer>© 2025 Example News. All rights reserved.</footer></body></html>").toString();
    }

    static byte[] http(int status, String reason, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] all = Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), head.length() + body.length);
        System.arraycopy(body, 0, all, head.length(), body.length);
        return all;
    }

    static URI id(int n) {
        return URI.create(String.format("urn:uuid:00000000-0000-4000-8000-%012d", n));
    }

    static List<WarcRecord> crawl(List<String> seeds) throws IOException {
        List<WarcRecord> r = new ArrayList<>();
        r.add(new Warcinfo.Builder().recordId(id(1)).date(DATE).filename("crawl.warc.gz").fields(Map.of("software", List.of("tests"))).build());
        for (int i = 0; i < 3; i++) {
            r.add(new WarcResponse.Builder("https://www.example.com/story-" + i).recordId(id(10 + i)).date(DATE)
                    .body(MediaType.HTTP_RESPONSE, http(200, "OK", page("Story " + i, seeds.get(i)))).build());
        }
        r.add(new WarcResponse.Builder("https://www.example.com/gone").recordId(id(20)).date(DATE)
                .body(MediaType.HTTP_RESPONSE, http(404, "Not Found", "<html><body>Not here</body></html>")).build());
        r.add(new WarcResponse.Builder("https://www.example.com/long").recordId(id(21)).date(DATE).truncated(WarcTruncationReason.LENGTH)
                .body(MediaType.HTTP_RESPONSE, http(200, "OK", page("Story 3", seeds.get(3)))).build());
        r.add(new WarcConversion.Builder().recordId(id(22)).date(DATE).setHeader("WARC-Target-URI", "https://other.example.org/wet")
                .body(MediaType.PLAIN_TEXT, seeds.get(4).getBytes(StandardCharsets.UTF_8)).build());
        return r;
    }

    static byte[] write(List<WarcRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP);
        for (WarcRecord record : records) writer.write(record);
        writer.close();
        return out.toByteArray();
    }

    @BeforeAll
    static void cleanArchivesAndJsonLines() throws IOException {
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path p : files.sorted().toList()) seeds.add(Files.readString(p));
        }
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] whole = write(crawl(seeds));
        Files.write(in.resolve("crawl.warc.gz"), whole);
        // The same archive cut in the middle of its last record: the five records before it are whole.
        List<WarcRecord> all = crawl(seeds);
        int before = write(all.subList(0, all.size() - 1)).length;
        Files.write(in.resolve("cut.warc.gz"), Arrays.copyOf(whole, before + (whole.length - before) / 2));
        // A WARC without the name that says so: found by its first record.
        Files.write(in.resolve("crawl-00042"), whole);

        List<String> lines = List.of(
                JSON.writeValueAsString(Map.of("id", "s-1", "url", "https://news.example.org/a", "html", page("A", seeds.get(0)))),
                JSON.writeValueAsString(Map.of("id", "s-2", "text", seeds.get(1))),
                "{not json",
                "",
                JSON.writeValueAsString(Map.of("id", "s-3", "title", "no body")));
        Files.writeString(in.resolve("scrape.jsonl"), String.join("\n", lines) + "\n");

        Path out = tmp.resolve("out");
        int exit = Main.execute("clean", in.toString(), "-o", out.toString(), "-q", "--no-text-files");
        assertEquals(ExitCodes.REJECTIONS, exit);
        for (String l : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(l);
            records.put(r.get("id").asText(), r);
        }
        for (String l : Files.readAllLines(out.resolve("rejected.jsonl"))) {
            JsonNode r = JSON.readTree(l);
            rejected.put(r.get("id").asText(), r);
        }
        report = JSON.readTree(out.resolve("report.json").toFile());
    }

    @Test
    void everyDocumentOfAnArchiveIsARecordOrARejection() {
        for (String crawl : List.of("crawl", "crawl-00042")) {
            for (int i = 0; i < 6; i++) {
                String id = crawl + "#" + i;
                assertTrue(records.containsKey(id) ^ rejected.containsKey(id), id + " is exactly one of record or rejection");
            }
            assertTrue(!records.containsKey(crawl + "#6") && !rejected.containsKey(crawl + "#6"), "six documents, warcinfo skipped");
            assertEquals("http_status", rejected.get(crawl + "#3").get("reason").asText());
            assertTrue(rejected.get(crawl + "#3").get("message").asText().contains("404"));
        }
        assertEquals(3, report.path("skipped_records").path("warcinfo").asInt(), "each archive's warcinfo, the cut one's too, counted as skipped");
    }

    @Test
    void aRecordSaysWhereAndWhenItWasFetched() {
        JsonNode r = records.get("crawl#1");
        JsonNode input = r.path("metadata").path("input");
        assertEquals("https://www.example.com/story-1", input.get("url").asText());
        assertEquals("2025-03-04T05:06:07Z", input.get("fetched").asText());
        assertEquals("2025-03-04T05:06:07Z", r.get("added").asText(), "Dolma's added: when it was acquired");
        assertEquals("urn:uuid:00000000-0000-4000-8000-000000000011", input.get("record_id").asText());
        assertTrue(input.get("truncated").isNull());
        assertEquals("https://www.example.com/story-1", r.path("metadata").get("url").asText(), "the fetched URL, lacking a canonical one");
        assertEquals("html", r.path("metadata").path("pipeline").get("profile").asText());
        assertTrue(r.get("text").asText().length() > 500, "the article is kept");
        assertTrue(!r.get("text").asText().contains("All rights reserved"), "the page chrome is not");
    }

    @Test
    void aRecordTheCrawlerCutShortIsFlagged() {
        assertEquals("length", records.get("crawl#4").path("metadata").path("input").get("truncated").asText());
        assertEquals("text", records.get("crawl#5").path("metadata").path("pipeline").get("profile").asText(), "WET text");
    }

    @Test
    void aCutArchiveKeepsTheDocumentsBeforeTheCut() {
        for (int i : new int[]{0, 1, 2, 4}) assertTrue(records.containsKey("cut#" + i), "cut#" + i);
        assertEquals("truncated", rejected.get("cut#5").get("reason").asText());
        assertEquals(records.get("crawl#0").get("text"), records.get("cut#0").get("text"));
    }

    @Test
    void jsonLinesGiveOneOutcomePerLine() {
        JsonNode html = records.get("scrape#0");
        assertTrue(html.get("added").isNull(), "a JSON Lines page has no acquisition time Winnow can vouch for");
        assertEquals("https://news.example.org/a", html.path("metadata").get("url").asText());
        assertEquals("s-1", html.path("metadata").path("input").get("record_id").asText());
        assertEquals("html", html.path("metadata").path("pipeline").get("profile").asText());
        assertEquals("text", records.get("scrape#1").path("metadata").path("pipeline").get("profile").asText());
        assertEquals("malformed", rejected.get("scrape#2").get("reason").asText());
        assertEquals("malformed", rejected.get("scrape#3").get("reason").asText(), "no text or html field");
        assertNull(records.get("scrape#4"));
    }
}
