package dev.winnow.core;

import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.stages.Profiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document spilled and read back, then resumed with more stages, is the document the chain with those stages
 * makes: the corpus's second pass gives the same bytes without cleaning again. Real pages, plain text and HTML.
 */
class DocumentSpillTest {
    private static final HtmlFrontEnd FRONT_END = new HtmlFrontEnd();

    /** Cuts every third kept block whole and the start of some others, and names a field. */
    private static final Stage EVERY_THIRD = new Stage() {
        @Override
        public String name() { return "every_third"; }

        @Override
        public void judge(Draft draft, Verdict verdict) {
            for (Block b : draft.kept()) {
                if (b.index() % 3 == 0) verdict.drop(b, Reason.SITE_REPEATED_LINE);
                else if (b.index() % 5 == 1 && b.text().length() > 12) verdict.trim(b, 0, 6, Reason.SITE_REPEATED_LINE);
            }
            verdict.set(Field.URL, "https://example.org/later");
        }
    };

    private static Document roundTrip(Document doc) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DocumentSpill.write(doc, new DataOutputStream(buf));
        return DocumentSpill.read(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
    }

    private static void assertSame(Document expected, Document actual) {
        assertEquals(expected.source(), actual.source());
        assertEquals(expected.layout(), actual.layout());
        assertEquals(expected.text(), actual.text());
        assertEquals(expected.words(), actual.words());
        assertEquals(expected.removals(), actual.removals());
        assertEquals(expected.counts(), actual.counts());
        assertEquals(expected.extraction(), actual.extraction());
        for (Field f : Field.values()) assertEquals(expected.metadata().all(f), actual.metadata().all(f), f.name());
        for (int i = 0; i < expected.body().size(); i++) {
            Block e = expected.body().get(i), a = actual.body().get(i);
            assertEquals(List.of(e.index(), e.line(), e.lineStart(), e.start(), e.listItem(), e.paragraphStart()),
                    List.of(a.index(), a.line(), a.lineStart(), a.start(), a.listItem(), a.paragraphStart()));
            assertEquals(e.markup() == null, a.markup() == null);
            if (e.markup() != null) {
                assertEquals(e.markup().containers(), a.markup().containers());
                assertEquals(List.of(e.markup().tag(), e.markup().headingLevel(), e.markup().linkDensity(), e.markup().lookAlikes()),
                        List.of(a.markup().tag(), a.markup().headingLevel(), a.markup().linkDensity(), a.markup().lookAlikes()));
                assertEquals(java.util.Arrays.toString(e.markup().sections()), java.util.Arrays.toString(a.markup().sections()));
            }
        }
    }

    private static List<Path> files(String folder, int n) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources", folder))) {
            return s.sorted().limit(n).toList();
        }
    }

    @Test
    void plainTextResumesToWhatTheLongerChainMakes() throws IOException {
        for (Pipeline chain : List.of(Profiles.text(), Profiles.text().keeping(Set.of(Reason.SITE_REPEATED_LINE)))) {
            for (Path file : files("aeb-dev/text", 12)) {
                String text = Files.readString(file);
                Document paused = roundTrip(chain.clean(text));
                assertSame(chain.clean(text), paused);
                assertSame(chain.then(List.of(EVERY_THIRD)).clean(text), chain.resume(paused, List.of(EVERY_THIRD)));
            }
        }
    }

    @Test
    void htmlResumesBothChainsAndChoosesAsTheFallbackDoes() throws IOException {
        Fallback chains = Profiles.htmlWithFallback();
        int resumed = 0;
        for (Path file : files("wcxb-sample/html", 12)) {
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
            Fallback.Attempt attempt = chains.attempt(x.source(), Layout.HTML, x.blocks(), x.facts());
            assertSame(chains.run(x.source(), Layout.HTML, x.blocks(), x.facts()), attempt.chosen());
            Document main = roundTrip(attempt.main());
            Document lenient = attempt.lenient() == null ? null : roundTrip(attempt.lenient());
            Document again = chains.resume(attempt.candidate(), main, lenient, List.of(EVERY_THIRD));
            if (again == null) continue;     // the corpus stages call for the fallback, which the first pass did not run
            resumed++;
            assertSame(chains.then(List.of(EVERY_THIRD)).run(x.source(), Layout.HTML, x.blocks(), x.facts()), again);
        }
        assertTrue(resumed >= 10, resumed + " of 12 pages resumed");
    }

    @Test
    void aFallbackTheFirstPassDidNotRunIsNoGuess() {
        String reply = "<div class=\"comment\"><p>I agree with the point about the river crossing and would add that the "
                + "ferry timetable changed twice this year, which nobody seems to have noticed at all.</p></div>";
        HtmlFrontEnd.Extracted x = FRONT_END.extract("<html><body><div class=\"comments\">" + reply + reply.replace("river", "canal")
                + reply.replace("ferry", "bus") + "</div></body></html>");
        Fallback chains = Profiles.htmlWithFallback();
        Fallback.Attempt attempt = chains.attempt(x.source(), Layout.HTML, x.blocks(), x.facts());
        assertNotNull(attempt.lenient(), "the main chain lost the comments: the lenient one ran");
        assertEquals(Document.Extraction.FALLBACK, attempt.chosen().extraction().method());
        assertNull(chains.resume(attempt.candidate(), attempt.main(), null, List.of()));
        assertSame(attempt.chosen(), chains.resume(attempt.candidate(), attempt.main(), attempt.lenient(), List.of()));
    }

    @Test
    void everyJavaStringSurvives() throws IOException {
        for (String s : List.of("", "plain", "caf\u00e9 \u20ac \u0000 nul", "\ud83d\ude00 pair", "lone \ud800 high", "lone \udc00 low",
                "x".repeat(70_000) + "\u00e9".repeat(40_000))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DocumentSpill.writeString(new DataOutputStream(buf), s);
            assertEquals(s, DocumentSpill.readString(new DataInputStream(new ByteArrayInputStream(buf.toByteArray()))));
        }
    }

    @Test
    void aDocumentNoPipelineMadeIsRefused() {
        Document bare = new Document("a", Layout.SINGLE_LINE, List.of(), List.of(), new Metadata(), java.util.Map.of());
        assertThrows(IllegalArgumentException.class, () -> DocumentSpill.write(bare, new DataOutputStream(new ByteArrayOutputStream())));
        assertThrows(IllegalArgumentException.class, () -> Profiles.text().resume(bare, List.of()));
    }
}
