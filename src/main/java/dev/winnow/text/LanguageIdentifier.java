package dev.winnow.text;

import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;

import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of a record's kept text, from the text itself and what the source declared
 * ({@code <html lang>}, Open Graph locale, a document's metadata). The rule:
 * <ol>
 *   <li>Text with fewer than {@link #MIN_LETTERS} letters is too short to say: the declared language,
 *       if any, with no score.</li>
 *   <li>Otherwise the detector is asked (words in capitals lower-cased first). With nothing declared, its
 *       best language is given.</li>
 *   <li>When its best language has a probability of at least {@link #CONFIDENT} and the text has at
 *       least {@link #OVERRIDE_LETTERS} letters, the detected language wins over a declared one
 *       (templates and CMS defaults often declare {@code en} on pages in other languages).</li>
 *   <li>Otherwise the declared language is kept.</li>
 * </ol>
 * Between Chinese and Japanese the script decides, not the detector: text with kana is Japanese, and
 * the score is the share of its letters written in Han and kana.
 * The score is always the detector's probability for the language given, so a declared language the
 * text does not support shows a low score; it is null exactly when the detector was not asked.
 * Languages are ISO 639-1 codes where one exists ({@code zh} for both Chinese scripts, {@code en} for
 * {@code en-US}), else the declared ISO 639-2/3 code.
 *
 * <p>Detection is Apache Tika's wrapper of the Optimaize n-gram detector (71 languages). Its profiles
 * are read once per JVM, on first use, into an immutable detector shared by all threads; each call
 * computes what a fresh Tika front object would answer (with {@link SampledDetector}, which skips the library's
 * list of every n-gram, or with Tika itself), and the detector's sampling uses a fixed seed, so the same text
 * always gives the same language and score, on any thread. Immutable and thread-safe.
 */
public final class LanguageIdentifier {
    /**
     * Letters (not characters: digits, punctuation and spaces tell nothing) below which the text is too
     * short to say. About eight words of a European language or twenty of Chinese or Japanese; below
     * this the detector's best guess on a title or a caption is wrong often enough to do more harm
     * than a declared tag.
     */
    public static final int MIN_LETTERS = 40;

    /**
     * Probability from which the detected language overrides a declared one: Tika's own line between
     * HIGH and MEDIUM confidence. On the WCXB development pages the best language is above it for
     * nearly every page with enough text; below it the text is usually mixed or mostly names.
     */
    public static final double CONFIDENT = 0.90;

    /**
     * Letters from which a confident detection overrides a declared language. Below it the detector is
     * often confidently wrong on English fragments: product grids ("Sale price €49,95 Regular price")
     * come out Romanian at 1.0, so a page's own tag is the better witness for so little text.
     */
    public static final int OVERRIDE_LETTERS = 200;

    /** A word in capitals throughout: the detector's profiles are in mixed case, and "FREE FOR 7 DAYS" reads as German. */
    static final Pattern CAPITALS = Pattern.compile("(?<!\\p{L})\\p{Lu}[\\p{Lu}\\p{M}]*\\p{Lu}(?![\\p{L}\\p{M}])");

    /** Text is Japanese when at least one in this many of its Han and kana characters is kana (see Cjk). */
    private static final int KANA_SHARE_JAPANESE = 10;

    /** The detector reads at most this many characters (Tika's default); more does not change the answer. */
    private static final int MAX_CHARS = 20_000;

    /** The language and score given to a record; language null when there is neither text nor declaration. */
    public record Result(String language, Double score) {
        static final Result UNKNOWN = new Result(null, null);
    }

    private LanguageIdentifier() {}

    /**
     * The record's language for {@code text}, given what the source declared ({@code declared}, a BCP 47
     * tag or null).
     */
    public static Result identify(String text, String declared) {
        String told = iso(declared);
        if (letters(text, MIN_LETTERS) < MIN_LETTERS) return told == null ? Result.UNKNOWN : new Result(told, null);

        List<LanguageResult> results = detectAll(foldCapitals(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text));
        LanguageResult best = results.get(0);
        if (best.isUnknown()) return told == null ? Result.UNKNOWN : new Result(told, 0.0);
        String found = iso(best.getLanguage());
        double score;
        if (found.equals("zh") || found.equals("ja")) {
            Cjk cjk = Cjk.of(text);
            found = cjk.language();
            score = cjk.share();
        } else {
            score = probability(results, found);
        }
        if (told == null || told.equals(found)
                || score >= CONFIDENT && letters(text, OVERRIDE_LETTERS) >= OVERRIDE_LETTERS) {
            return new Result(found, round(score));
        }
        return new Result(told, round(told.equals("zh") || told.equals("ja") ? Cjk.of(text).share() : probability(results, told)));
    }

    /**
     * The detector's languages for {@code text}, most probable first: Tika's detector's answer, computed by
     * SampledDetector where it reproduces this library version (it skips building every n-gram of the text).
     */
    static List<LanguageResult> detectAll(String text) {
        if (SampledDetector.available()) return SampledDetector.detectAll(text);
        return tikaDetectAll(text);
    }

    /** Tika's own detector on {@code text}: the reference SampledDetector is checked against. */
    static List<LanguageResult> tikaDetectAll(String text) {
        OptimaizeLangDetector detector = Detector.fresh();
        detector.addText(text);
        return detector.detectAll();
    }

    /** The detector's probability for {@code language}, summed over its names for it. */
    private static double probability(List<LanguageResult> results, String language) {
        double p = 0;
        for (LanguageResult r : results) {
            if (language.equals(iso(r.getLanguage()))) p += r.getRawScore();
        }
        return Math.min(1, p);
    }

    /**
     * Chinese or Japanese, by script. The detector's Japanese profile loses to Chinese on ordinary
     * Japanese prose ("今日はとても良い天気ですね…" comes out zh-TW, ja under 0.1), but only Japanese
     * writes kana: Japanese prose is a third or more kana, Chinese has none beyond a stray borrowed の.
     * The detector's probabilities say nothing useful here, so the score is how much of the text is
     * written in Han and kana at all: 1 for a page of Japanese, lower when much of it is in Latin.
     */
    private record Cjk(String language, double share) {
        static Cjk of(String text) {
            int kana = 0;
            int han = 0;
            int letters = 0;
            int end = Math.min(text.length(), MAX_CHARS);
            for (int i = 0; i < end; ) {
                int c = text.codePointAt(i);
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) kana++;
                else if (script == Character.UnicodeScript.HAN) han++;
                if (Character.isLetter(c)) letters++;
                i += Character.charCount(c);
            }
            String language = kana > 0 && kana * KANA_SHARE_JAPANESE >= kana + han ? "ja" : "zh";
            return new Cjk(language, letters == 0 ? 0 : Math.min(1, (double) (kana + han) / letters));
        }
    }

    /**
     * ISO 639-1 for a BCP 47 tag or a detector's name, else the tag's language subtag, lower case;
     * null for nothing, "und" or a tag Java cannot read.
     */
    static String iso(String tag) {
        if (tag == null || tag.isBlank()) return null;
        String language;
        try {
            language = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build().getLanguage();
        } catch (IllformedLocaleException e) {
            return null;
        }
        if (language.isEmpty() || language.equals("und")) return null;
        if (language.length() == 3) language = ISO3_TO_ISO1.getOrDefault(language, language);
        return ALIASES.getOrDefault(language, language);
    }

    /** Three-letter codes (ISO 639-2/T, as Java names them) that have a two-letter one. */
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    /** Norwegian: the detector knows one, pages declare Bokmål or Nynorsk. */
    private static final Map<String, String> ALIASES = Map.of("nb", "no", "nn", "no");

    static {
        for (String two : Locale.getISOLanguages()) {
            ISO3_TO_ISO1.put(Locale.forLanguageTag(two).getISO3Language(), two);
        }
        // ISO 639-2/B codes some pages use
        ISO3_TO_ISO1.putAll(Map.of("ger", "de", "fre", "fr", "chi", "zh", "dut", "nl", "cze", "cs", "gre", "el",
                "per", "fa", "rum", "ro", "slo", "sk", "alb", "sq"));
    }

    /** Words in capitals lower-cased: a heading or a button in capitals is emphasis, not another language. */
    static String foldCapitals(String text) {
        // what CAPITALS.matcher(text).replaceAll(lower case) gives, with the regex tried only where a capital is
        // followed by a capital or a mark, as every match starts: run at every character, it cost as much as
        // the rest of the text's preparation
        StringBuilder out = null;
        int copied = 0;
        Matcher m = CAPITALS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = nextCapitalPair(text, 0); at >= 0; ) {
            m.region(at, text.length());
            if (m.lookingAt()) {
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, at).append(m.group().toLowerCase(Locale.ROOT));
                copied = m.end();
                at = nextCapitalPair(text, m.end());
            } else {
                at = nextCapitalPair(text, at + Character.charCount(text.codePointAt(at)));
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where, from {@code from} on, the next upper-case letter followed by one or by a mark starts; -1 if none. */
    private static int nextCapitalPair(String text, int from) {
        boolean upperBefore = false;
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (upperBefore && (type == Character.UPPERCASE_LETTER || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK)) {
                return text.offsetByCodePoints(i, -1);
            }
            upperBefore = type == Character.UPPERCASE_LETTER;
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Letters in {@code text}, counting no further than {@code enough}. */
    private static int letters(String text, int enough) {
        int n = 0;
        for (int i = 0; i < text.length() && n < enough; ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) n++;
            i += Character.charCount(c);
        }
        return n;
    }

    /**
     * Loads the language profiles now (about a second, and 100 MB of heap, once per JVM), so that whoever
     * times the first records does not count it: a run loads them before any document's time budget starts.
     */
    public static void load() {
        Detector.fresh();
        SampledDetector.available();
    }

    /** Three decimals, as the record writes scores. */
    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    /** The profiles, read once per JVM on first use (the holder idiom makes that lazy and thread-safe). */
    private static final class Detector {
        static {
            // Tika keeps the built-in detector in a static field: loading it once here makes each
            // fresh() below a few field assignments.
            new OptimaizeLangDetector().loadModels();
        }

        static OptimaizeLangDetector fresh() {
            OptimaizeLangDetector d = new OptimaizeLangDetector(MAX_CHARS);
            d.loadModels();
            return d;
        }
    }
}
