package dev.winnow.text;

import dev.winnow.testing.PieceStrings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record's language: detected from the kept text, the declared tag when the text is too short to say. */
class LanguageIdentifierTest {
    static final String ENGLISH = "The city council voted on Tuesday to expand the bus network into the northern suburbs, "
            + "after residents complained for years that the only way to reach the hospital was by car.";
    static final String GERMAN = "Der Stadtrat hat am Dienstag beschlossen, das Busnetz in die nördlichen Vororte auszuweiten, "
            + "nachdem sich die Anwohner jahrelang beschwert hatten, dass man das Krankenhaus nur mit dem Auto erreicht.";
    static final String FRENCH = "Le conseil municipal a voté mardi l'extension du réseau de bus vers la banlieue nord, "
            + "après que les habitants se sont plaints pendant des années de ne pouvoir rejoindre l'hôpital qu'en voiture.";
    static final String JAPANESE = "市議会は火曜日、北部の郊外へのバス路線の拡大を可決した。住民は長年、病院へ行く手段が車しかないと訴えていた。";
    /** Everyday Japanese, mostly kana: the detector alone calls it Chinese. */
    static final String JAPANESE_KANA = "今日はとても良い天気ですね。私は公園に行って、友達と一緒にお弁当を食べました。それから、みんなで写真を撮りました。";
    static final String CHINESE = "市议会周二投票决定将公交线路扩展到北部郊区，此前居民多年来一直抱怨去医院的唯一方式是开车。";

    @ParameterizedTest
    @CsvSource({"en, ENGLISH", "de, GERMAN", "fr, FRENCH", "ja, JAPANESE", "ja, JAPANESE_KANA", "zh, CHINESE"})
    void detectsTheLanguageOfTheText(String expected, String sample) {
        LanguageIdentifier.Result r = LanguageIdentifier.identify(text(sample), null);
        assertEquals(expected, r.language());
        assertTrue(r.score() >= LanguageIdentifier.CONFIDENT, "score " + r.score());
    }

    @Test
    void tooShortTextKeepsTheDeclaredLanguageWithoutAScore() {
        LanguageIdentifier.Result r = LanguageIdentifier.identify("Kontakt | Impressum", "de-DE");
        assertEquals("de", r.language());
        assertNull(r.score());
    }

    @Test
    void tooShortTextWithNothingDeclaredHasNoLanguage() {
        assertEquals(new LanguageIdentifier.Result(null, null), LanguageIdentifier.identify("Read more", null));
    }

    /** Digits and punctuation are not evidence: forty letters are needed, not forty characters. */
    @Test
    void lettersNotCharactersDecideWhetherTextIsLongEnough() {
        String scores = "3:1, 2:2, 0:4, 1:1 (12.5%) 45-38 - 2024/2025 Bayern";
        assertTrue(scores.length() > LanguageIdentifier.MIN_LETTERS);
        assertNull(LanguageIdentifier.identify(scores, "de").score());
    }

    @Test
    void confidentDetectionOverridesAWrongDeclaration() {
        String german = GERMAN + " Die neuen Linien sollen im Frühjahr in Betrieb gehen und alle zwanzig Minuten fahren.";
        LanguageIdentifier.Result r = LanguageIdentifier.identify(german, "en-US");
        assertEquals("de", r.language());
        assertTrue(r.score() >= LanguageIdentifier.CONFIDENT);
    }

    /** A price grid the detector calls Romanian with full confidence: too little text to overrule the page. */
    @Test
    void shortTextDoesNotOverrideTheDeclaration() {
        String grid = "2 items All three serums Sale price £88 Regular price £102 Original formula Sale price £42 Regular price £51";
        LanguageIdentifier.Result r = LanguageIdentifier.identify(grid, "en");
        assertEquals("en", r.language());
        assertTrue(r.score() < LanguageIdentifier.CONFIDENT, "score " + r.score());
    }

    @Test
    void wordsInCapitalsAreNotReadAsGerman() {
        assertEquals("en", LanguageIdentifier.identify("GET CAREEROLOGY - THE #1 CAREER SKILLS APP - FREE FOR 7 DAYS!", null).language());
        assertEquals("über nasa-Daten and McDonald", LanguageIdentifier.foldCapitals("ÜBER NASA-Daten and McDonald"));
    }

    /**
     * foldCapitals tries its regex only where a capital is followed by a capital or a mark; it must give what the
     * regex replacing match after match gives, on text dense with capitals, marks, letters outside the BMP and
     * halves of surrogate pairs.
     */
    @Test
    void foldingCapitalsGivesWhatThePlainRegexGives() {
        String[] pieces = {"A", "B", "Ü", "É", "a", "é", "\u0301", "\u20DD", "\u0903", "NASA", "McD", "ß", "ſ", " ", "-", "1",
                "\uD835\uDC00", "\uD835\uDC1A", "\uD801\uDC00", "\uD835", "\uDC00", "Ǆ", "ǅ", "Σ", "ς", "İ", ".", "AB", "Ab"};
        for (String text : PieceStrings.of(pieces, 25, 7, 20_000)) {
            String expected = LanguageIdentifier.CAPITALS.matcher(text).replaceAll(
                    m -> java.util.regex.Matcher.quoteReplacement(m.group().toLowerCase(java.util.Locale.ROOT)));
            assertEquals(expected, LanguageIdentifier.foldCapitals(text), text);
        }
    }

    @Test
    void aDeclarationTheTextAgreesWithIsKept() {
        assertEquals("fr", LanguageIdentifier.identify(FRENCH, "fr-CA").language());
    }

    @Test
    void scoresAreProbabilitiesWithThreeDecimals() {
        for (String sample : List.of(ENGLISH, GERMAN, FRENCH, JAPANESE, CHINESE, ENGLISH + " " + GERMAN)) {
            for (String declared : new String[] {null, "en", "it"}) {
                Double score = LanguageIdentifier.identify(sample, declared).score();
                assertTrue(score >= 0 && score <= 1, "score " + score);
                assertEquals(score, Math.round(score * 1000) / 1000.0);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(value = {"en-US, en", "EN, en", "pt_BR, pt", "zh-Hant-TW, zh", "zh-CN, zh", "deu, de", "ger, de", "nb-NO, no",
            "iw, he", "ast, ast", "und, NULL", "'', NULL", "x, NULL", "12, NULL"}, nullValues = "NULL")
    void declaredTagsBecomeIso6391(String tag, String expected) {
        assertEquals(expected, LanguageIdentifier.iso(tag));
    }

    /** The detector samples n-grams at random: the seed is fixed, so every thread gets the same answer. */
    @Test
    void sameTextSameResultOnEveryThread() throws Exception {
        String mixed = ENGLISH + " " + FRENCH + " " + GERMAN;
        LanguageIdentifier.Result first = LanguageIdentifier.identify(mixed, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LanguageIdentifier.Result>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) results.add(pool.submit(() -> LanguageIdentifier.identify(mixed, null)));
            for (Future<LanguageIdentifier.Result> f : results) assertEquals(first, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String text(String name) {
        return switch (name) {
            case "ENGLISH" -> ENGLISH;
            case "GERMAN" -> GERMAN;
            case "FRENCH" -> FRENCH;
            case "JAPANESE" -> JAPANESE;
            case "JAPANESE_KANA" -> JAPANESE_KANA;
            case "CHINESE" -> CHINESE;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
