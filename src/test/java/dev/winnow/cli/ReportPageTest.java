package dev.winnow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.run.OutputFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code OUTDIR/report.html}: written with every run beside {@code report.json}, valid HTML drawn from it (counts,
 * rejections, removals, distributions, the documents to look at first linking to the pages {@code winnow explain}
 * writes), and shown by a real browser without a console message.
 */
class ReportPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The seeds, two WCXB pages and a broken JSON line, run into {@code out}, its most-cut records explained into {@code out/explain}. */
    private static Path run(Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path s : seeds.toList()) Files.copy(s, in.resolve(s.getFileName()));
        }
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : pages.sorted().limit(2).toList()) Files.copy(p, in.resolve(p.getFileName()));
        }
        Files.writeString(in.resolve("feed.jsonl"), "{\"text\": broken\n");
        Path out = tmp.resolve("out");
        assertEquals(3, Main.execute("clean", in.toString(), "-o", out.toString(), "-q"));
        assertEquals(0, Main.execute("explain", "--run", out.toString()));
        return out;
    }

    @Test
    void theReportPageShowsTheRunAndLinksToExplainPages(@TempDir Path tmp) throws Exception {
        Path out = run(tmp);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document page = Jsoup.parse(Files.readString(out.resolve(OutputFormat.REPORT_HTML)), "", parser);
        assertTrue(parser.getErrors().isEmpty(), parser.getErrors().toString());
        String text = page.text();
        assertTrue(text.contains(report.path("records").asText() + " records"), text);
        assertTrue(text.contains("malformed"), "the rejection's reason");
        report.path("removals").fieldNames().forEachRemaining(stage -> assertTrue(text.contains(stage), stage));
        assertTrue(page.select("svg rect").size() >= 5, "charts");
        assertTrue(page.select("script, link, img").isEmpty(), "nothing runs or is fetched");

        List<Element> links = page.select("a[href^=explain/]");
        assertEquals(report.path("look_first").path("most_cut").size(), links.size());
        assertFalse(links.isEmpty());
        for (Element a : links) assertTrue(Files.isRegularFile(out.resolve(a.attr("href"))), "explain wrote " + a.attr("href"));
        List<String> rejected = new ArrayList<>();
        report.path("look_first").path("rejected").forEach(r -> rejected.add(r.path("reason").asText()));
        assertEquals(List.of("malformed"), rejected);

        // The report's distributions count every record once.
        JsonNode d = report.path("distributions");
        for (String field : List.of("languages", "page_types", "text_chars")) {
            int n = 0;
            for (JsonNode v : d.path(field)) n += v.asInt();
            assertEquals(report.path("records").asInt(), n, field);
        }
    }

    @Test
    void theReportPageOpensInABrowserWithoutAConsoleMessage(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ExplainCommandTest.CHROMIUM), "no Chromium (apt-get install chromium)");
        Path out = run(tmp);
        Path png = tmp.resolve("report.png");
        String log = ExplainCommandTest.screenshot(out.resolve(OutputFormat.REPORT_HTML), png, tmp.resolve("profile"));
        assertTrue(Files.size(png) > 1000, log);
        assertFalse(log.contains("CONSOLE"), log);
    }
}
