package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.text.TextShape;

import java.util.Set;
import java.util.regex.Pattern;

/** Shape predicates shared by stages: what a headline, a name, a slug looks like. */
final class Forms {
    private Forms() {}

    /** Longest headline we expect; longer non-sentences are prose fragments, not titles. */
    static final int MAX_TITLE_WORDS = 30;

    /**
     * Function words that do not occur inside a personal name. Kept small on purpose: the name test
     * also needs capitalised words, a position beside the article and no sentence punctuation.
     */
    private static final Set<String> NOT_IN_NAMES = Set.of("the", "a", "an", "of", "and", "or", "in", "on", "at", "to",
            "for", "with", "by", "from", "is", "are", "was", "news", "more", "home", "new", "our", "your", "my", "we",
            "this", "that", "all", "about", "how", "why", "what", "who", "when", "where", "top", "latest", "world",
            "business", "sport", "sports", "politics", "opinion", "video", "live", "edition", "staff", "team", "us",
            // job titles printed under a byline
            "reporter", "editor", "correspondent", "writer", "columnist", "contributor", "producer", "photographer",
            "analyst", "author", "critic", "intern", "anchor", "host", "senior", "chief", "deputy", "managing");

    private static final Pattern SLUG = Pattern.compile("[\\p{Ll}\\p{Nd}'’‘:,!?.()]+(?:-[\\p{Ll}\\p{Nd}'’‘:,!?.()]+){2,}/?");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b)\\s*");
    /** Four names of four words each fit easily; longer text is not a byline. */
    private static final int MAX_NAME_LIST_CHARS = 160;
    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");

    /** A block is prose: a sentence of some length, or several sentences. */
    static boolean isBody(Block b) {
        TextShape s = b.shape();
        return s.isSentence() && s.words() >= 8;
    }

    /** Punctuation of program text that a menu, a label or a headline does not hold: calls, blocks, statements, tags. */
    private static final String CODE_PUNCTUATION = "(){};=<>\"";

    /**
     * A line of a code listing ("return response.json();", "display: flex;", "</article>", "def index():"): short and
     * lowercase like a stray UI word, but its punctuation is a program's. Listings repeat such lines by nature.
     */
    static boolean isCodeLine(Block b) {
        return b.shape().capitalized() == 0 && isCodeLine(b.text());
    }

    /** The text holds a program's punctuation (see {@link #isCodeLine(Block)}). */
    static boolean isCodeLine(String text) {
        for (int i = 0; i < text.length(); i++) if (CODE_PUNCTUATION.indexOf(text.charAt(i)) >= 0) return true;
        return false;
    }

    /** Headline form: a few words, not ending like a declarative sentence, not a list entry. */
    static boolean isTitleLike(Block b) {
        return !b.listItem() && isHeadlineShaped(b);
    }

    /**
     * Headline form whether or not a bullet marked it: a teaser keeps its shape when a record's text,
     * which drops bullets, is cleaned again.
     */
    static boolean isHeadlineShaped(Block b) {
        TextShape s = b.shape();
        String t = b.text();
        char last = t.charAt(t.length() - 1);
        return s.words() >= 3 && s.words() <= MAX_TITLE_WORDS && s.letters() > s.digits()
                && last != '.' && last != ':' && last != ',' && last != ';' && s.sentenceEnds() <= 1;
    }

    /**
     * A product's specification line, "Key: value" ("Materials: Ceramic", "Memory: 8 GB RAM", "Condition: Used"): a
     * label of one to four words that opens with a letter, a colon, and a short value. A clock time ("10:30") has no
     * label, a sentence that explains something after a colon runs past {@link #MAX_SPEC_WORDS}.
     */
    static boolean isSpecLine(Block b) {
        return b.shape().words() <= MAX_SPEC_WORDS && b.text().indexOf(':') > 0 && SPEC_LINE.matcher(b.text()).matches();
    }

    /** A specification line is a label and a value: a dozen words at most. */
    static final int MAX_SPEC_WORDS = 12;
    private static final Pattern SPEC_LINE = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’()/&.-]*(?: [\\p{L}\\p{N}'’()/&.-]+){0,3}\\s?:\\s*[^\\s:].*");

    /** A URL slug or bare URL alone on its line. */
    static boolean isSlug(String text) {
        return text.indexOf(' ') < 0 && text.length() >= 10 && (SLUG.matcher(text).matches() || URL.matcher(text).matches());
    }

    /**
     * A personal name or a short list of them: 2 to 4 capitalised words per name (initials allowed),
     * joined by "and", "&" or commas, no digits, no sentence ending.
     */
    static boolean isNameList(String text) {
        return isNameList(text, TextShape.of(text));
    }

    static boolean isNameList(Block b) {
        return isNameList(b.text(), b.shape());
    }

    private static boolean isNameList(String text, TextShape shape) {
        if (text.length() > MAX_NAME_LIST_CHARS) return false;
        // each of at most four names needs two capitalised words; only joiners may be lower case
        if (shape.digits() > 0 || shape.capitalized() < 2 || shape.lowerWords() > 3) return false;
        String[] names = mayJoinNames(text) ? NAME_SEPARATOR.split(text) : new String[] {text};
        if (names.length == 0 || names.length > 4) return false;
        for (String name : names) if (!isName(name)) return false;
        return true;
    }

    /** The words {@link #NAME_SEPARATOR} joins names with. */
    private static final Set<String> NAME_JOINERS = Set.of("and", "und", "et", "y", "e");

    /**
     * Whether {@link #NAME_SEPARATOR} can match: a comma, an ampersand, or a joiner standing as a word of its own
     * (between characters that are not word characters, which its {@code \b} needs). Most lines that reach the
     * split have none, and the split scanned each for the joiners at every position.
     */
    private static boolean mayJoinNames(String text) {
        if (text.indexOf(',') >= 0 || text.indexOf('&') >= 0) return true;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && isWordChar(text.charAt(i));
            if (word && start < 0) start = i;
            if (!word && start >= 0) {
                if (i - start <= 3 && NAME_JOINERS.contains(text.substring(start, i))) return true;
                start = -1;
            }
        }
        return false;
    }

    /** A character {@code \b} counts as part of a word, as java.util.regex decides it without UNICODE_CHARACTER_CLASS. */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static boolean isName(String text) {
        String[] words = text.strip().split(" ");
        if (words.length < 2 || words.length > 4) return false;
        for (String w : words) {
            if (w.isEmpty()) return false;
            if (!Character.isUpperCase(w.codePointAt(0))) return false;
            if (NOT_IN_NAMES.contains(TextShape.key(w))) return false;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!(Character.isLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.')) return false;
            }
            // all-caps words longer than an initial are acronyms or shouting, not names
            if (w.length() > 3 && w.equals(w.toUpperCase(java.util.Locale.ROOT))) return false;
        }
        return true;
    }

}
