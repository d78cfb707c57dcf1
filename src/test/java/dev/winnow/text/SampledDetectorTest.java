package dev.winnow.text;

import com.optimaize.langdetect.DetectedLanguage;
import org.apache.tika.language.detect.LanguageResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SampledDetector gives exactly what Tika's detector gives: same languages in the same order with the same
 * scores, on real pages cut at the lengths where Tika's and Optimaize's handling changes, and on odd text.
 */
class SampledDetectorTest {
    static final Path PAGES = Path.of("src/test/resources/aeb-dev/text");
    /** Lengths around Tika's 4,096-character pieces, its 20,000-character limit and Optimaize's 30-character short text. */
    static final int[] LENGTHS = {1, 29, 30, 31, 40, 200, 1000, 4094, 4095, 4096, 4097, 8192, 8193, 16383, 16384,
            16385, 19999, 20000, 20001, 20479, 20480, 20481, 24576, 30000};

    @Test
    void theLibraryIsTheOneItReproduces() {
        // if this fails the library changed: identification still works (through Tika), only slower
        assertTrue(SampledDetector.available());
        assertTrue(SampledDetector.tableLoaded());
    }

    @Test
    void sameResultsAsTikaOnPagesCutAtEveryBoundary() throws IOException {
        String all = allPages();
        int checked = 0;
        for (String page : pages()) {
            for (int len : LENGTHS) {
                if (len <= page.length()) same(page.substring(0, len));
            }
            same(page);
            checked++;
        }
        for (int len : LENGTHS) {
            same(all.substring(0, len));
            same(all.substring(all.length() - len));
            same(" " + all.substring(0, len));
            same(all.substring(0, len) + " ");
        }
        assertTrue(checked > 50, "pages checked: " + checked);
    }

    @Test
    void sameResultsOnOddText() {
        for (String s : List.of(" ", "  ", "a", " a ", "\u00a0\u00a0\u00a0", "1234567890 ".repeat(500), ".".repeat(5000),
                " ".repeat(4096) + "Der Stadtrat hat am Dienstag beschlossen", "Ünïcödé ".repeat(3000),
                "İSTANBUL ".repeat(3000), "日本語のテキスト".repeat(3000), "x y z ".repeat(5000), "\ud83d\ude00".repeat(11000))) {
            same(s);
        }
        Random random = new Random(7);
        String alphabet = "  abcdefghijklmnopqrstuvwxyzäöüßéèçñøåłşğıαβγδεζηθабвгдежзийאבגדהوزحطي中文字日本語かなカナ한국어.,;-'\"0123456789";
        for (int i = 0; i < 300; i++) {
            int len = random.nextInt(i < 150 ? 200 : 25_000);
            StringBuilder b = new StringBuilder(len);
            for (int k = 0; k < len; k++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            same(b.toString());
        }
    }

    /** Both the floats Tika reports and the library's own doubles for the text Tika would hand it. */
    private static void same(String text) {
        List<LanguageResult> expected = LanguageIdentifier.tikaDetectAll(text);
        List<LanguageResult> actual = SampledDetector.detectAll(text);
        assertEquals(render(expected), render(actual), () -> "text of " + text.length() + " chars");
        List<DetectedLanguage> library = SampledDetector.libraryProbabilities(SampledDetector.asTikaHolds(text));
        List<DetectedLanguage> sampled = SampledDetector.probabilities(text);
        assertEquals(library.toString(), sampled.toString());
        for (int i = 0; i < library.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(library.get(i).getProbability()),
                    Double.doubleToRawLongBits(sampled.get(i).getProbability()));
        }
    }

    private static List<String> render(List<LanguageResult> results) {
        List<String> out = new ArrayList<>();
        for (LanguageResult r : results) {
            out.add(r.getLanguage() + " " + r.getConfidence() + " " + Float.floatToRawIntBits(r.getRawScore()));
        }
        return out;
    }

    private static List<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.sorted().toList()) out.add(Files.readString(p, StandardCharsets.UTF_8));
            return out;
        }
    }

    private static String allPages() throws IOException {
        return String.join("\n", pages());
    }
}
