package dev.winnow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library gives what {@code winnow clean} writes, without writing anything: the README's lines run as written,
 * the same text as a run's record, rejections with a run's reason codes, one instance shared by threads.
 */
class WinnowApiTest {

    /** The README's example, line for line (checked below), on the README's files. */
    @Test
    void theReadmesExampleRunsAsWritten(@TempDir Path tmp) throws Exception {
        // The README reads page.html and a retrained model from the working folder: here they are made in tmp.
        String html = "<html><head><title>Harbour reopens</title></head><body><nav><a href='/'>Home</a></nav><article>"
                + "<h1>Harbour reopens</h1><p>The harbour reopened on Monday after a week of repairs to the old quay, "
                + "the port authority said in a statement.</p><p>Fishing boats returned at dawn and the ferry to the "
                + "island resumed its timetable, with extra crossings planned for the weekend.</p></article>"
                + "<footer>Contact us</footer></body></html>";
        Files.writeString(tmp.resolve("page.html"), html);
        Files.createDirectories(tmp.resolve("target"));
        Files.copy(Path.of("src/main/resources/dev/winnow/model/html-blocks.json"), tmp.resolve("target/my-model.json"));
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        Example example;
        try {
            example = readmeExample(tmp);
        } finally {
            System.setOut(out);
        }
        Article article = example.article(), page = example.page();
        Winnow mine = example.mine();
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains(article.text()));
        assertFalse(article.removed().isEmpty(), "the seed has cuts to show");
        assertEquals("en", article.language());
        assertTrue(page.text().contains("Fishing boats returned at dawn"), page.text());
        assertFalse(page.text().contains("Contact us"), page.text());
        assertEquals("https://example.org/news/1", page.url());
        assertEquals(page.text(), mine.clean(html.getBytes(StandardCharsets.UTF_8), null, "text/html").text());

        List<String> readme = javaBlock("## In your own program");
        String source = Files.readString(Path.of("src/test/java/dev/winnow/api/WinnowApiTest.java"))
                .replace("in(tmp, \"page.html\")", "Path.of(\"page.html\")")
                .replace("in(tmp, \"target/my-model.json\")", "Path.of(\"target/my-model.json\")");
        assertEquals(7, readme.size(), readme.toString());
        for (String line : readme) assertTrue(source.contains(line), "the README's line is run here: " + line);
    }

    private record Example(Article article, Article page, Winnow mine) {}

    /** The README's lines, as written but for where the files lie. */
    private static Example readmeExample(Path tmp) throws IOException {
        Winnow winnow = Winnow.defaults();
        Article article = winnow.clean(Files.readString(Path.of("seeds/000_ae272c2e0b32898c.txt")));
        System.out.println(article.title() + " | " + article.language() + " | " + article.pageType());
        System.out.println(article.text());
        for (Article.Cut cut : article.removed()) System.out.println(cut.stage() + "/" + cut.reason() + ": " + cut.text());
        Article page = winnow.clean(Files.readAllBytes(in(tmp, "page.html")), "https://example.org/news/1", "text/html");
        Winnow mine = Winnow.builder().maxBytes(8 << 20).htmlModel(in(tmp, "target/my-model.json")).build();
        return new Example(article, page, mine);
    }

    /** A file of the README's example, which names it relative to the working folder, in the test's folder. */
    private static Path in(Path tmp, String name) {
        return tmp.resolve(name);
    }

    /** The library's article is the record a run writes for the same input. */
    @Test
    void anArticleIsTheRecordARunWrites(@TempDir Path tmp) throws Exception {
        Path seed = Path.of("seeds/000_ae272c2e0b32898c.txt");
        assertEquals(0, dev.winnow.cli.Main.execute("clean", seed.toString(), "-o", tmp.resolve("out").toString(), "-q",
                "--no-corpus"));
        var record = new ObjectMapper().readTree(Files.readAllLines(tmp.resolve("out/articles.jsonl")).get(0));
        Article article = Winnow.defaults().clean(new ByteArrayInputStream(Files.readAllBytes(seed)), null, null);
        assertEquals(record.path("text").asText(), article.text());
        assertEquals(record.path("metadata").path("removed").size(), article.removed().size());
        assertEquals(record.path("metadata").path("title").isNull() ? null : record.path("metadata").path("title").asText(),
                article.title());
        Article.Cut first = article.removed().get(0);
        assertEquals(record.path("metadata").path("removed").get(0).path("reason").asText(), first.reason());
        assertNotNull(new ObjectMapper().readTree(article.json()).path("metadata").path("counts"));
    }

    @Test
    void aDocumentWithoutAnArticleIsRejectedWithARunsReason() {
        Winnow winnow = Winnow.defaults();
        assertEquals("empty", assertThrows(Rejected.class, () -> winnow.clean("   \n\n ")).reason());
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        assertEquals("binary", assertThrows(Rejected.class, () -> winnow.clean(binary, null, null)).reason());
        Winnow small = Winnow.builder().maxBytes(100).build();
        assertEquals("too_large", assertThrows(Rejected.class,
                () -> small.clean(new ByteArrayInputStream(new byte[101]), null, null)).reason());
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        Winnow winnow = Winnow.defaults();
        List<Path> seeds;
        try (var files = Files.list(Path.of("seeds"))) {
            seeds = files.sorted().toList();
        }
        List<String> alone = new ArrayList<>();
        for (Path s : seeds) alone.add(winnow.clean(Files.readString(s)).text());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Path s : seeds) together.add(pool.submit(() -> winnow.clean(Files.readString(s)).text()));
            }
            for (int i = 0; i < together.size(); i++) assertEquals(alone.get(i % seeds.size()), together.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The lines of the first java block after {@code heading} in the README. */
    private static List<String> javaBlock(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int at = lines.indexOf(heading);
        while (!lines.get(at).equals("```java")) at++;
        List<String> block = new ArrayList<>();
        for (at++; !lines.get(at).equals("```"); at++) if (!lines.get(at).isBlank()) block.add(lines.get(at).strip());
        return block;
    }
}
