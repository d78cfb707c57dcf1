package dev.winnow.text;

import com.google.common.base.Optional;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorImpl;
import com.optimaize.langdetect.NgramFrequencyData;
import com.optimaize.langdetect.cybozu.util.Util;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import org.apache.tika.language.detect.LanguageConfidence;
import org.apache.tika.language.detect.LanguageNames;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What {@code new OptimaizeLangDetector(20_000).loadModels(); addText(text); detectAll()} returns (Tika 3.0.0 over
 * Optimaize language-detector 0.6), computed without the detector's list of every n-gram of the text.
 *
 * <p>Why: for text longer than 30 characters Optimaize's {@code LanguageDetectorImpl.detectBlockLongText} builds a
 * {@code List<String>} of all 1-, 2- and 3-grams (about three strings per character, 60,000 for a long page), then
 * draws at most 7 x 1,000 of them at random, and usually stops after a few hundred because the probabilities
 * converge. Building the list was about half of language identification's time. Here the list is an index:
 * the grams are positions in the text, and only the drawn ones become strings.
 *
 * <p>Same answer on every input, not just on the pages tried: the list's order and size are the library's
 * (1-grams, then 2-grams, then 3-grams, each by position, filtered as {@code StandardNgramFilter} does), the random
 * draws use the same {@link Random} seed in the same order, and the arithmetic is the library's, operation for
 * operation, on the library's own {@link NgramFrequencyData} (taken from Tika's loaded detector, so the languages
 * are in the same order and the sums round the same way). The text given to the detector is rebuilt as Tika's
 * {@code addText} builds it (4,096-character pieces, each followed by a space, until 20,000 are held).
 * The parameters this relies on (alpha, no seed, no priors, prefix and suffix factors of 1, the standard n-gram
 * extractor) are checked when the class loads; if the library is not what this was written against,
 * {@link #available()} is false and callers use Tika as before. SampledDetectorTest compares both, bit for bit, on
 * the development pages cut at every length where the handling changes and on random text: rerun it when Tika or
 * Optimaize is upgraded (the private fields read here are theirs, and a new version may draw differently).
 */
final class SampledDetector {
    /** Tika's {@code LanguageDetector.addText(CharSequence)} passes the text on in pieces of this many characters. */
    static final int PIECE = 4096;
    /** Tika's OptimaizeLangDetector takes pieces until it holds this many characters (its constructor fixes it). */
    static final int TEXT_LIMIT = OptimaizeLangDetector.DEFAULT_MAX_CHARS_FOR_DETECTION;
    /** Tika's line between HIGH and MEDIUM confidence in {@code detectAll}. */
    private static final double HIGH = 0.9;

    // LanguageDetectorImpl's constants
    private static final double ALPHA_WIDTH = 0.05;
    private static final int ITERATION_LIMIT = 1000;
    private static final double CONV_THRESHOLD = 0.99999;
    private static final int BASE_FREQ = 10000;
    private static final int N_TRIAL = 7;
    private static final long DEFAULT_SEED = 41L;

    /** Tika's loaded detector, or null when its configuration is not the one this class reproduces. */
    private static final LanguageDetectorImpl LIBRARY;
    private static final NgramFrequencyData DATA;
    private static final double ALPHA;
    private static final int SHORT_TEXT;
    private static final double THRESHOLD;
    /** Tika's name for each of the data's languages, in the data's order. */
    private static final String[] NAMES;
    /** The data's n-gram probabilities by packed characters, or null to look them up by string. */
    private static final GramTable TABLE;

    static {
        LanguageDetectorImpl library = null;
        NgramFrequencyData data = null;
        double alpha = 0;
        int shortText = 0;
        double threshold = 0;
        String[] names = null;
        try {
            Field detector = OptimaizeLangDetector.class.getDeclaredField("DEFAULT_DETECTOR");
            detector.setAccessible(true);
            Object d = detector.get(null);
            if (d instanceof LanguageDetectorImpl impl
                    && field(impl, "priorMap") == null
                    && ((Optional<?>) field(impl, "seed")).isPresent() == false
                    && (double) field(impl, "prefixFactor") == 1.0
                    && (double) field(impl, "suffixFactor") == 1.0
                    && field(impl, "ngramExtractor") == NgramExtractors.standard()
                    && NgramExtractors.standard().getGramLengths().equals(List.of(1, 2, 3))) {
                library = impl;
                data = (NgramFrequencyData) field(impl, "ngramFrequencyData");
                alpha = (double) field(impl, "alpha");
                shortText = (int) field(impl, "shortTextAlgorithm");
                threshold = (double) field(impl, "probabilityThreshold");
                List<LdLocale> languages = data.getLanguageList();
                names = new String[languages.size()];
                for (int i = 0; i < names.length; i++) {
                    LdLocale l = languages.get(i);
                    names[i] = LanguageNames.makeName(l.getLanguage(), l.getScript().orNull(), l.getRegion().orNull());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            library = null;
        }
        LIBRARY = library;
        DATA = library == null ? null : data;
        ALPHA = alpha;
        SHORT_TEXT = shortText;
        THRESHOLD = threshold;
        NAMES = names;
        GramTable table = null;
        if (library != null) {
            try {
                @SuppressWarnings("unchecked")
                java.util.Map<String, double[]> grams = (java.util.Map<String, double[]>) field(data, "wordLangProbMap");
                table = GramTable.of(grams);
            } catch (ReflectiveOperationException | RuntimeException e) {
                table = null;
            }
        }
        TABLE = table;
    }

    private SampledDetector() {}

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    /** Whether the library is the one this class reproduces; when false, use Tika's detector. */
    static boolean available() {
        return LIBRARY != null;
    }

    /** Whether n-grams are looked up in the {@link GramTable}, not by string. */
    static boolean tableLoaded() {
        return TABLE != null;
    }

    /** Tika's {@code detectAll()} after {@code addText(text)} on a fresh detector: same names, confidences and scores. */
    static List<LanguageResult> detectAll(String text) {
        List<DetectedLanguage> raw = probabilities(text);
        List<LanguageResult> results = new ArrayList<>(raw.size());
        for (DetectedLanguage r : raw) {
            results.add(new LanguageResult(name(r.getLocale()), r.getProbability() > HIGH ? LanguageConfidence.HIGH
                    : LanguageConfidence.MEDIUM, (float) r.getProbability()));
        }
        if (results.isEmpty()) results.add(LanguageResult.NULL);
        return results;
    }

    /** The library's {@code getProbabilities} of the text Tika would hand it for {@code text}. */
    static List<DetectedLanguage> probabilities(String text) {
        String held = asTikaHolds(text);
        // the short-text algorithm counts grams in a map: short by definition, so the library's own code
        if (held.length() <= SHORT_TEXT) return LIBRARY.getProbabilities(held);
        double[] p = detectLongText(new Grams(padded(held)));
        return p == null ? List.of() : sorted(p);
    }

    /** The library's own {@code getProbabilities} of {@code held}: what {@link #probabilities} is checked against. */
    static List<DetectedLanguage> libraryProbabilities(String held) {
        return LIBRARY.getProbabilities(held);
    }

    /**
     * The text Tika's detector holds after {@code addText(text)}: pieces of {@link #PIECE} characters, each followed
     * by a space, taken while it holds fewer than {@link #TEXT_LIMIT}; text shorter than a piece is one piece.
     */
    static String asTikaHolds(String text) {
        int len = text.length();
        StringBuilder held = new StringBuilder(Math.min(len, TEXT_LIMIT + PIECE) + len / PIECE + 1);
        if (len < PIECE) return held.append(text).append(' ').toString();
        for (int i = 0; held.length() < TEXT_LIMIT && i < len; i += PIECE) {
            held.append(text, i, Math.min(i + PIECE, len)).append(' ');
        }
        return held.toString();
    }

    /** NgramExtractor's padding with a space at each end where there is none (the held text always ends in one). */
    static String padded(String held) {
        if (held.isEmpty() || held.charAt(0) == ' ' && held.charAt(held.length() - 1) == ' ') return held;
        String front = held.charAt(0) == ' ' ? "" : " ";
        String back = held.charAt(held.length() - 1) == ' ' ? "" : " ";
        return front + held + back;
    }

    /**
     * The list {@code NgramExtractors.standard().extractGrams(padded)} returns, as positions: 1-grams except a
     * space, every 2-gram, 3-grams except those with a space in the middle, in that order, each by position.
     */
    static final class Grams {
        final String text;
        /** Where each kept 1-gram starts, and each kept 3-gram. */
        private final int[] ones;
        private final int nOnes;
        private final int nTwos;
        private final int[] threes;
        private final int nThrees;

        Grams(String text) {
            this.text = text;
            int len = text.length();
            ones = new int[len];
            threes = new int[Math.max(0, len - 2)];
            int o = 0;
            int t = 0;
            for (int pos = 0; pos < len; pos++) {
                if (text.charAt(pos) != ' ') ones[o++] = pos;
            }
            for (int pos = 0; pos + 3 <= len; pos++) {
                if (text.charAt(pos + 1) != ' ') threes[t++] = pos;
            }
            nOnes = o;
            nTwos = Math.max(0, len - 1);
            nThrees = t;
        }

        int size() {
            return nOnes + nTwos + nThrees;
        }

        /** The {@code r}th gram of the library's list. */
        String get(int r) {
            if (r < nOnes) return text.substring(ones[r], ones[r] + 1);
            r -= nOnes;
            if (r < nTwos) return text.substring(r, r + 2);
            r -= nTwos;
            return text.substring(threes[r], threes[r] + 3);
        }

        /** The {@code r}th gram of the library's list as a {@link GramTable} key. */
        long key(int r) {
            if (r < nOnes) return GramTable.key(text, ones[r], 1);
            r -= nOnes;
            if (r < nTwos) return GramTable.key(text, r, 2);
            r -= nTwos;
            return GramTable.key(text, threes[r], 3);
        }
    }

    /** LanguageDetectorImpl.detectBlockLongText (no priors, seed 41, affix factors 1): null when there are no grams. */
    static double[] detectLongText(Grams grams) {
        int size = grams.size();
        if (size == 0) return null;
        int languages = DATA.getLanguageList().size();
        double[] langprob = new double[languages];
        Random rand = new Random(DEFAULT_SEED);
        for (int t = 0; t < N_TRIAL; ++t) {
            double[] prob = new double[languages];
            for (int i = 0; i < languages; ++i) prob[i] = 1.0 / languages;
            double alpha = ALPHA + (rand.nextGaussian() * ALPHA_WIDTH);
            for (int i = 0; i < ITERATION_LIMIT; i++) {
                int r = rand.nextInt(size);
                double[] langProbMap = TABLE != null ? TABLE.get(grams.key(r)) : DATA.getProbabilities(grams.get(r));
                if (langProbMap != null) {
                    double weight = alpha / BASE_FREQ;
                    for (int j = 0; j < prob.length; ++j) prob[j] *= (weight + langProbMap[j]);
                }
                if (i % 5 == 0 && Util.normalizeProb(prob) > CONV_THRESHOLD) break;
            }
            for (int j = 0; j < langprob.length; ++j) langprob[j] += prob[j] / N_TRIAL;
        }
        return langprob;
    }

    /**
     * The frequency data's map from n-gram to probabilities, keyed by the gram's characters packed in a long
     * instead of by a String: a drawn gram is looked up without making a string and hashing it (the map's
     * look-up was a fifth of detection's time). Holds the map's arrays themselves, for grams of 1 to 3
     * characters (the only ones drawn); a gram not in the map is not in the table.
     */
    static final class GramTable {
        private final long[] keys;
        private final double[][] values;
        private final int mask;

        private GramTable(int capacity) {
            keys = new long[capacity];
            values = new double[capacity][];
            mask = capacity - 1;
        }

        static GramTable of(java.util.Map<String, double[]> grams) {
            int capacity = Integer.highestOneBit(Math.max(16, grams.size() * 2)) * 2;
            GramTable t = new GramTable(capacity);
            for (java.util.Map.Entry<String, double[]> e : grams.entrySet()) {
                String g = e.getKey();
                if (g.length() >= 1 && g.length() <= 3 && e.getValue() != null) t.put(key(g, 0, g.length()), e.getValue());
            }
            return t;
        }

        /** The {@code length} (1 to 3) characters from {@code at}, above them their number: one key per gram, never 0. */
        static long key(String text, int at, int length) {
            long k = length;
            for (int i = 0; i < length; i++) k = (k << 16) | text.charAt(at + i);
            return k;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        private void put(long key, double[] value) {
            int i = slot(key);
            while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
            keys[i] = key;
            values[i] = value;
        }

        /** The map's value for the gram packed in {@code key}, or null. */
        double[] get(long key) {
            for (int i = slot(key); ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) return values[i];
                if (k == 0) return null;
            }
        }
    }

    /** LanguageDetectorImpl.sortProbability: languages at or above the threshold, most probable first, ties in order. */
    private static List<DetectedLanguage> sorted(double[] prob) {
        List<DetectedLanguage> list = new ArrayList<>();
        for (int j = 0; j < prob.length; ++j) {
            if (prob[j] >= THRESHOLD) list.add(new DetectedLanguage(DATA.getLanguage(j), prob[j]));
        }
        // List.sort is the stable merge sort Collections.sort uses
        list.sort((a, b) -> Double.compare(b.getProbability(), a.getProbability()));
        return list;
    }

    /** Tika's name for a detected language: the precomputed one for the data's languages. */
    private static String name(LdLocale locale) {
        List<LdLocale> languages = DATA.getLanguageList();
        for (int i = 0; i < NAMES.length; i++) {
            if (languages.get(i) == locale) return NAMES[i];
        }
        return LanguageNames.makeName(locale.getLanguage(), locale.getScript().orNull(), locale.getRegion().orNull());
    }
}
