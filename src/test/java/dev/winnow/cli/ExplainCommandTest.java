package dev.winnow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code winnow explain}: for every seed and a few HTML pages, a page that parses as HTML without an error, holds
 * every kept paragraph of the document's record and every removal marked with its stage and reason, and opens in
 * a real browser without a console message when one is installed ({@code make screenshots} installs none: Debian's
 * {@code chromium}).
 */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** The seeds and three WCXB sample pages, in one folder. */
    private static Path inputs(Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path s : seeds.toList()) Files.copy(s, in.resolve(s.getFileName()));
        }
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : pages.sorted().limit(3).toList()) Files.copy(p, in.resolve(p.getFileName()));
        }
        return in;
    }

    @Test
    void everyPageShowsEveryKeptParagraphAndEveryCut(@TempDir Path tmp) throws Exception {
        Path in = inputs(tmp);
        assertEquals(0, Main.execute("clean", in.toString(), "-o", tmp.resolve("out").toString(), "-q", "--no-corpus"));
        assertEquals(0, Main.execute("explain", in.toString(), "-o", tmp.resolve("explain").toString()));
        List<String> lines = Files.readAllLines(tmp.resolve("out/articles.jsonl"));
        assertEquals(8, lines.size());
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertShowsRecord(record, tmp.resolve("explain").resolve(record.path("id").asText() + ".html"));
        }
        String index = Files.readString(tmp.resolve("explain/index.html"));
        assertTrue(index.contains("href=\"0025.html\""), index);
    }

    /** The page is valid HTML showing every kept paragraph of {@code record} and marking each of its cuts. */
    private static void assertShowsRecord(JsonNode record, Path page) throws IOException {
        String id = record.path("id").asText();
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document html = Jsoup.parse(Files.readString(page), "", parser);
        assertTrue(parser.getErrors().isEmpty(), id + ": " + parser.getErrors());
        Element main = html.selectFirst("main");
        String shown = main.wholeText();
        for (String paragraph : record.path("text").asText().split("\n\n")) {
            assertTrue(squeeze(shown).contains(squeeze(paragraph)), id + " shows the kept paragraph: " + paragraph);
        }
        List<Element> cuts = main.select("span.cut");
        JsonNode removed = record.path("metadata").path("removed");
        assertEquals(removed.size(), cuts.size(), id + ": one mark per cut");
        List<String> marked = new ArrayList<>();
        for (Element c : cuts) marked.add(c.attr("data-stage") + "/" + c.attr("data-reason") + "/" + squeeze(c.wholeText()));
        for (JsonNode x : removed) {
            String want = x.path("stage").asText() + "/" + x.path("reason").asText() + "/" + squeeze(x.path("text").asText());
            assertTrue(marked.contains(want), id + " marks " + want);
        }
        String title = record.path("metadata").path("title").asText(null);
        if (title != null) assertEquals(title, html.selectFirst("h1").text());
    }

    @Test
    void aFinishedRunsRecordsAreShownAsTheRunCutThem(@TempDir Path tmp) throws Exception {
        Path in = inputs(tmp), out = tmp.resolve("out");
        assertEquals(0, Main.execute("clean", in.toString(), "-o", out.toString(), "-q", "--dedupe-quotes", "corpus"));
        java.util.Map<String, JsonNode> records = new java.util.HashMap<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            records.put(r.path("id").asText(), r);
        }

        // No ids: the records report.html links, written where it links them.
        assertEquals(0, Main.execute("explain", "--run", out.toString()));
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        int shown = 0;
        for (JsonNode n : report.path("look_first").path("most_cut")) {
            String id = n.path("id").asText();
            assertShowsRecord(records.get(id), out.resolve("explain").resolve(id + ".html"));
            shown++;
        }
        assertEquals(Math.min(10, records.size()), shown);

        // A record a corpus stage cut, by its id: the page shows that cut, which cleaning one document cannot make.
        String corpusCut = records.values().stream()
                .filter(r -> r.path("metadata").path("removed").toString().contains("\"stage\":\"corpus_quotes\""))
                .map(r -> r.path("id").asText()).findFirst().orElseThrow();
        Path pages = tmp.resolve("pages");
        assertEquals(0, Main.execute("explain", "--run", out.toString(), corpusCut, "-o", pages.toString()));
        assertShowsRecord(records.get(corpusCut), pages.resolve(corpusCut + ".html"));
        assertTrue(Files.readString(pages.resolve(corpusCut + ".html")).contains("data-stage=\"corpus_quotes\""));

        // An id the run has no record of, and an input changed since the run, are named; the others are still shown.
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertEquals(3, Main.execute("explain", "--run", out.toString(), corpusCut, "no-such-id", "-o", pages.toString()));
            String changed = records.values().stream().filter(r -> !r.path("id").asText().equals(corpusCut))
                    .filter(r -> r.path("metadata").path("input").path("media_type").asText().equals("text/plain"))
                    .map(r -> r.path("id").asText()).findFirst().orElseThrow();
            Path input = Path.of(records.get(changed).path("metadata").path("input").path("path").asText());
            byte[] original = Files.readAllBytes(input);
            Files.writeString(input, "edited since");
            assertEquals(1, Main.execute("explain", "--run", out.toString(), changed, "-o", pages.toString()), "nothing shown");
            Files.write(input, original);
        } finally {
            System.setErr(err);
        }
        String messages = said.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("no-such-id: no record has this id"), messages);
        assertTrue(messages.contains("changed since the run"), messages);

        // The pages in OUTDIR do not stop the next run from writing there.
        assertEquals(0, Main.execute("clean", in.toString(), "-o", out.toString(), "-q", "--no-corpus"));
        assertTrue(Files.isDirectory(out.resolve("explain")));
    }

    @Test
    void theTerminalViewMarksCutsInColour(@TempDir Path tmp) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute("explain", "seeds/001_10cc3833ada58f54.txt", "--format", "ansi"));
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\u001b[9;"), "struck-through cuts");
        assertTrue(text.contains("repeated_quote"), "the legend names the reasons");
        assertEquals(2, Main.execute("explain", "seeds"), "html pages need -o");
    }

    /** Opens explain pages in headless Chromium: each renders (a screenshot is written) with no console message. */
    @Test
    void pagesOpenInABrowserWithoutAConsoleMessage(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        Path in = inputs(tmp);
        assertEquals(0, Main.execute("explain", in.toString(), "-o", tmp.resolve("explain").toString()));
        for (String name : List.of("000_ae272c2e0b32898c.html", "0025.html", "index.html")) {
            Path png = tmp.resolve(name + ".png");
            String log = screenshot(tmp.resolve("explain").resolve(name), png, tmp.resolve("profile"));
            assertTrue(Files.size(png) > 1000, name + " rendered: " + log);
            assertFalse(log.contains("CONSOLE"), name + " logged to the console: " + log);
        }
    }

    /** Headless Chromium's screenshot of {@code page} into {@code png}; returns what it logged. */
    static String screenshot(Path page, Path png, Path profile) throws Exception {
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile, "--window-size=1200,900",
                "--screenshot=" + png, page.toUri().toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium ended");
        return log;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
