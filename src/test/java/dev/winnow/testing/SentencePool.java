package dev.winnow.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real article sentences, cut from the {@code articleBody} of the development set's truth files (91 news
 * articles, MIT licence), for {@link SiteCorpus} to build articles from. Loaded in file-name order and
 * deduplicated, so the pool and every corpus drawn from it are the same on every machine.
 */
final class SentencePool {
    /** The test-resource copy of the development truth files. */
    static final Path DEFAULT_FOLDER = Path.of("src/test/resources/aeb-dev/truth");

    /**
     * Shorter sentences are mostly fragments ("Yes.", a dateline); longer ones are a split that went wrong.
     * With the filters below the pool keeps about 2,500 sentences of ~115 characters.
     */
    static final int MIN_WORDS = 6, MAX_WORDS = 60;
    /**
     * Sentences with more letters than this above Latin script are left out: mixing Japanese or Russian
     * sentences into English paragraphs would make pages no real site publishes.
     */
    static final int MAX_NON_LATIN_CHARS = 2;
    /**
     * A pool sentence must hold one of these English function words. It drops the pool's German, Portuguese and
     * Indonesian sentences and its tour-date and results-table rows (about 450), leaving about 2,500.
     */
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "a", "is", "that", "for", "on", "with",
            "was", "it", "as", "are", "by", "at", "from", "this", "be", "has", "have", "we", "they", "he", "she", "i",
            "you", "not", "or");
    /** Abbreviations whose period does not end a sentence (checked on the word before the period). */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen",
            "rep", "gen", "no", "vs", "inc", "co", "corp", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
            "dec", "u.s", "u.k", "e.g", "i.e");

    private final List<String> sentences;

    private SentencePool(List<String> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    static SentencePool load(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list article truth files in " + folder, e);
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> pool = new LinkedHashSet<>();
        for (Path f : files) {
            try {
                String body = json.readTree(f.toFile()).path("articleBody").asText("");
                for (String paragraph : body.split("\n+")) {
                    for (String sentence : split(paragraph.strip())) if (usable(sentence)) pool.add(sentence);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        if (pool.size() < 100) throw new IllegalStateException("only " + pool.size() + " usable sentences in " + folder);
        return new SentencePool(new ArrayList<>(pool));
    }

    int size() {
        return sentences.size();
    }

    String get(int i) {
        return sentences.get(i);
    }

    /**
     * Splits at ".", "!" or "?" (plus any closing quote or bracket) followed by a space and a capital or an
     * opening quote. Crude on purpose: a sentence cut in the wrong place is still real text.
     */
    static List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '!' && c != '?') continue;
            int end = i + 1;
            while (end < n && "\"”’')".indexOf(paragraph.charAt(end)) >= 0) end++;
            if (end >= n || !Character.isWhitespace(paragraph.charAt(end))) continue;
            int next = end;
            while (next < n && Character.isWhitespace(paragraph.charAt(next))) next++;
            if (next >= n) break;
            char d = paragraph.charAt(next);
            if (!Character.isUpperCase(d) && "\"“‘(".indexOf(d) < 0) continue;
            if (c == '.' && isAbbreviation(paragraph, i)) continue;
            out.add(paragraph.substring(start, end).strip());
            start = next;
            i = next - 1;
        }
        if (start < n) out.add(paragraph.substring(start).strip());
        return out;
    }

    private static boolean isAbbreviation(String s, int period) {
        int b = period;
        while (b > 0 && !Character.isWhitespace(s.charAt(b - 1))) b--;
        String word = s.substring(b, period).toLowerCase(Locale.ROOT).replaceAll("^[\"“‘(]+", "");
        return ABBREVIATIONS.contains(word) || word.length() == 1;
    }

    private static boolean usable(String sentence) {
        String[] words = sentence.split("\\s+");
        if (words.length < MIN_WORDS || words.length > MAX_WORDS) return false;
        boolean english = false;
        for (String w : words) english |= ENGLISH.contains(w.toLowerCase(Locale.ROOT).replaceAll("\\W", ""));
        if (!english) return false;
        int nonLatin = 0;
        for (int i = 0; i < sentence.length(); i++) if (sentence.charAt(i) > 0x2FF && Character.isLetter(sentence.charAt(i))) nonLatin++;
        return nonLatin <= MAX_NON_LATIN_CHARS;
    }
}
