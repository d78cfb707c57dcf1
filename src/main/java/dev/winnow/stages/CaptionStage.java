package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.score.PageType;
import dev.winnow.text.TextShape;
import dev.winnow.text.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Photo captions and credits. A caption is recognised by its form, never by its words: a credit
 * tail naming an agency or photographer ("... in Seoul. AFP via Getty Images", "(AP Photo/Jane Doe)"),
 * a positional marker ("(L)", "(left)"), or a line that is only a credit. Scrapes often also carry
 * truncated copies of a caption beside it; a short block whose words all appear in an adjacent
 * caption is such a fragment.
 */
public final class CaptionStage implements Stage {
    /** Captions are short; longer blocks with a marker are prose that mentions a picture. */
    static final int MAX_CAPTION_WORDS = 70;
    /** A credit tail has at most this many words after the caption's last sentence. */
    static final int MAX_CREDIT_WORDS = 10;
    /** A fragment must be at least this long to be matched against a caption (shorter is noise). */
    static final int MIN_FRAGMENT_WORDS = 3;

    /**
     * Markers that place a person in a picture. "(pictured)" or "(file)" are left out: prose uses them
     * too ("The harbour master (pictured) said ..."), while "(L)" or "(left)" hardly ever occurs outside captions.
     */
    private static final Pattern POSITIONAL = Pattern.compile(
            "\\((?:\\d(?:st|nd|rd|th) )?(?:L|R|C|L-R|R-L|L to R|(?i:left|right|centre|center|from left|from right|"
                    + "left to right|clockwise from (?:top )?left))\\)");
    /** "(AP Photo/Name)", "(Photo: X)", "Photo: X / Agency", "Photograph: X" at the end of the block. */
    private static final Pattern CREDIT_TAIL = Pattern.compile(
            "(?i)(?:\\((?:[^()]{0,40}\\b(?:photo|image|picture|credit|courtesy|file)\\b[^()]{0,60})\\)"
                    + "|\\b(?:photo|photograph|image|picture|credit|photo credit|image credit|image source)s?\\s*(?::|by|©)\\s*[^.]{1,60})\\s*$");

    /** "FILE PHOTO: ...", "PICTURED: ...", "Photo: ...": a caption announced at its start. */
    private static final Pattern CAPTION_LEAD = Pattern.compile(
            "^(?:FILE PHOTO|PHOTO|PICTURED|IMAGE|PICTURE|(?i:file photo|pictured|above|top|left|right|photo|image|caption))\\s*[:|]\\s+\\S.*");

    private static final int CREDIT_TAIL_CHARS = 120;
    private static final Pattern CREDIT_SEPARATOR = Pattern.compile("[\\s/|,]+");

    private final Vocabulary credits;

    /** With the shipped photo-agency vocabulary. */
    public CaptionStage() {
        this(Vocabularies.SHIPPED);
    }

    /** With a profile's. */
    public CaptionStage(Vocabularies vocabularies) {
        this.credits = vocabularies.get("credits");
    }

    @Override
    public String name() { return "captions"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        List<Block> kept = draft.kept();
        Reason[] reasons = new Reason[kept.size()];
        for (int i = 0; i < kept.size(); i++) reasons[i] = classify(kept.get(i));
        dropLoneDoubledLines(kept, reasons, verdict);
        if (PageKind.of(draft) != PageType.DOCUMENTATION) markGallerySlides(kept, reasons);
        List<String> captionKeys = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            if (reasons[i] == null) continue;
            verdict.drop(kept.get(i), reasons[i]);
            captionKeys.add(kept.get(i).key());
        }
        if (captionKeys.isEmpty()) return;
        for (int i = 0; i < kept.size(); i++) {
            if (reasons[i] != null) continue;
            boolean besideCaption = (i > 0 && isCaption(reasons[i - 1])) || (i + 1 < kept.size() && isCaption(reasons[i + 1]));
            if (besideCaption && isFragment(kept.get(i), captionKeys)) verdict.drop(kept.get(i), Reason.CAPTION_FRAGMENT);
        }
    }

    /**
     * A gallery's slides: at least this many lines in a row that print one label with a counter. A text browser dumps a
     * product gallery's images by their alt text, which shops write as the product's name and the image's number
     * ("Trail Shoe - Men's 0", "Trail Shoe - Men's 1", ...); two in a row may be a list's numbered entries ("Step 1",
     * "Step 2" under their own text), three of one label with nothing between them is a carousel.
     */
    static final int MIN_GALLERY_SLIDES = 3;

    /** A slide's label is a product's or a picture's name: longer lines are text, whatever number ends them. */
    static final int MAX_SLIDE_WORDS = 16;

    /** A label (with a letter), then a counter at the end of the line: "Name 3", "Name - 3", "Name (3)", "Name 3/8", "Name 3 of 8". */
    private static final Pattern SLIDE = Pattern.compile("(.*\\p{L}.*?)[\\s\\-–:#(]*\\d{1,3}(?:\\s*(?:/|of|von|de|sur|di|van|z)\\s*\\d{1,3})?\\)?");

    /**
     * Plain text only: the lines of a run of {@link #MIN_GALLERY_SLIDES} or more that repeat one label with a counter are
     * {@code gallery_slide}: the text browser's dump of an image carousel, the product's name once per picture, which
     * a grid's page prints for every tile. WCXB dev text dumps, out of fold (2026-12-08): collection 0.557 to 0.574, all
     * 0.7969 to 0.7982, 15 pages up, none down; 11 of them are one retailer's grids, whose references name each product
     * once, by its tile's title (which stays), so the figure says more about that shop than about shops. Not on
     * documentation pages, whose program output counts too ("Printing in g 0", "Printing in g 1", ...).
     */
    private static void markGallerySlides(List<Block> kept, Reason[] reasons) {
        String[] labels = new String[kept.size()];
        for (int i = 0; i < kept.size(); i++) labels[i] = reasons[i] == null ? slideLabel(kept.get(i)) : null;
        for (int i = 0; i < kept.size(); ) {
            int j = i;
            // the same label with another counter: a line printed again whole is a repeat, not the next slide
            while (labels[i] != null && j + 1 < kept.size() && labels[i].equals(labels[j + 1])
                    && !kept.get(j).text().equals(kept.get(j + 1).text())) j++;
            if (labels[i] != null && j - i + 1 >= MIN_GALLERY_SLIDES) {
                for (int k = i; k <= j; k++) reasons[k] = Reason.GALLERY_SLIDE;
            }
            i = j + 1;
        }
    }

    /** The label of a line that ends in a slide's counter, or null. */
    static String slideLabel(Block b) {
        // a slide's alt text is a name and a number; the gate also keeps SLIDE's backtracking off long lines that end in
        // a year, which made the whole text chain 10% slower
        if (b.markup() != null || b.shape().digits() == 0 || b.shape().words() > MAX_SLIDE_WORDS) return null;
        String text = b.text();
        if (!Character.isDigit(text.charAt(text.length() - 1)) && text.charAt(text.length() - 1) != ')') return null;
        Matcher m = SLIDE.matcher(text);
        return m.matches() && Character.isLetter(text.codePointAt(0)) ? m.group(1).strip() : null;
    }

    /** A doubled line has at least this many words: "Reply Reply" is a pair of buttons, not an image's text. */
    static final int MIN_DOUBLED_WORDS = 4;

    /**
     * Plain text only: a line that prints the same words twice ("A man hiking at dusk. A man hiking at dusk.") is a
     * text browser's dump of an image, its alt text beside its title, or of a banner rendered twice. Alone it is
     * chrome; beside other doubled lines it is a grid of tiles (a shop's product names, each printed as link and
     * image), which a collection page lists as its content, and stays. WCXB dev text dumps: of the words in such
     * lines, about 8,000 were not reference text and 800 were (2026-12-07); cutting every one cost collections
     * (0.520 to 0.516), cutting the lone ones only costs none.
     */
    private static void dropLoneDoubledLines(List<Block> kept, Reason[] reasons, Verdict verdict) {
        boolean[] doubled = new boolean[kept.size()];
        for (int i = 0; i < kept.size(); i++) doubled[i] = kept.get(i).markup() == null && isDoubled(kept.get(i));
        for (int i = 0; i < kept.size(); i++) {
            if (!doubled[i] || reasons[i] != null) continue;
            if (!inRun(doubled, i)) reasons[i] = Reason.DOUBLED_LINE;
        }
    }

    /** Blocks on either side within which another doubled line makes a run: a tile is an image and a title or two. */
    static final int TILE_REACH = 2;

    private static boolean inRun(boolean[] doubled, int i) {
        for (int j = Math.max(0, i - TILE_REACH); j <= Math.min(doubled.length - 1, i + TILE_REACH); j++) {
            if (j != i && doubled[j]) return true;
        }
        return false;
    }

    /** The block's words are one phrase printed twice. */
    static boolean isDoubled(Block b) {
        if (b.shape().words() < MIN_DOUBLED_WORDS) return false;
        // a key's words are joined by single spaces: the phrase twice is "A A", its middle space after half the words
        String key = b.key();
        int spaces = 0;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) == ' ') spaces++;
        int words = spaces + 1;
        if (words < MIN_DOUBLED_WORDS || words % 2 != 0) return false;
        int middle = -1;
        for (int seen = 0; seen < words / 2; seen++) middle = key.indexOf(' ', middle + 1);
        return key.length() == 2 * middle + 1 && key.regionMatches(0, key, middle + 1, middle);
    }

    private static boolean isCaption(Reason r) {
        return r == Reason.CAPTION_CREDIT || r == Reason.CAPTION_POSITIONAL;
    }

    /** The caption reason for one block, or null. */
    Reason classify(Block b) {
        TextShape shape = b.shape();
        if (shape.words() > MAX_CAPTION_WORDS) return null;
        String text = b.text();
        if (shape.words() <= MAX_CREDIT_WORDS && isCreditOnly(b)) return Reason.CREDIT_ONLY;
        if (hasCreditTail(text) || hasCaptionLead(text)) return Reason.CAPTION_CREDIT;
        if (text.indexOf('(') >= 0 && POSITIONAL.matcher(text).find()) return Reason.CAPTION_POSITIONAL;
        return null;
    }

    /** "Getty Images", "Photo: Reuters", "(AP Photo/Evan Vucci)": a credit and nothing else. */
    boolean isCreditOnly(Block b) {
        String key = b.key();
        if (key.isEmpty() || !hasCreditWord(key)) return false;
        if (credits.contains(key)) return true;
        String text = b.text();
        String inner = text.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) inner = inner.substring(1, inner.length() - 1);
        return CREDIT_TAIL.matcher(text).matches() || (isCreditPhrase(inner) && b.shape().sentenceEnds() == 0);
    }

    /**
     * The block ends, after its last sentence, in a credit naming an agency or introduced by a credit
     * word. Structure is checked before words: the credit patterns need a closing parenthesis, a colon,
     * "©" or "by" near the end; an agency tail needs a short last "sentence".
     */
    boolean hasCreditTail(String text) {
        int from = Math.max(0, text.length() - CREDIT_TAIL_CHARS);
        if (mayHaveCreditPattern(text, from) && mentionsCreditWord(text, from)) {
            // the tail pattern is bounded (about 110 chars), so only the end of the text can match it
            Matcher m = CREDIT_TAIL.matcher(text).region(from, text.length());
            if (m.find() && m.start() > 0) return true;
        }
        if (endsInSlashCredit(text)) return true;
        int cut = shortLastSentence(text);
        if (cut < 0) return false;
        String tail = text.substring(cut).strip();
        return !tail.isEmpty() && hasCreditWord(TextShape.key(tail)) && isCreditPhrase(tail);
    }

    /** Words of which every {@link #CREDIT_TAIL} match holds one ("photograph" and "photo credit" hold "photo"). */
    private static final List<String> CREDIT_TAIL_WORDS = List.of("photo", "image", "picture", "credit", "courtesy", "file");

    /**
     * Whether the text from {@code from} holds one of {@link #CREDIT_TAIL_WORDS} in any case: the pattern cannot
     * match without one, and most tails that pass {@link #mayHaveCreditPattern} (a colon, a "by") have none.
     */
    private static boolean mentionsCreditWord(String text, int from) {
        String tail = text.substring(from).toLowerCase(java.util.Locale.ROOT);
        for (String word : CREDIT_TAIL_WORDS) if (tail.contains(word)) return true;
        return false;
    }

    private static boolean mayHaveCreditPattern(String text, int from) {
        if (text.endsWith(")")) return true;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '©') return true;
            if ((c == 'b' || c == 'B') && i > 0 && text.charAt(i - 1) == ' ' && i + 2 < text.length()
                    && (text.charAt(i + 1) == 'y' || text.charAt(i + 1) == 'Y') && text.charAt(i + 2) == ' ') return true;
        }
        return false;
    }

    /** "FILE PHOTO: ...": a colon or bar within the first few words. */
    private static boolean hasCaptionLead(String text) {
        int limit = Math.min(text.length(), 24);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '|') return CAPTION_LEAD.matcher(text).matches();
        }
        return false;
    }

    /** Some word or two-word phrase of the key is a credit word or agency. */
    private boolean hasCreditWord(String key) {
        int start = 0, previous = -1;
        for (int i = 0; i <= key.length(); i++) {
            if (i < key.length() && key.charAt(i) != ' ') continue;
            if (credits.contains(key.substring(start, i))) return true;
            if (previous >= 0 && credits.contains(key.substring(previous, i))) return true;
            previous = start;
            start = i + 1;
        }
        return false;
    }

    /**
     * Every word is a credit word, an agency, a capitalised name part or an acronym, and at least one
     * is an agency or credit word: "KNS/AFP via Getty Images", "Reuters/Jane Doe".
     */
    boolean isCreditPhrase(String phrase) {
        String[] words = TextShape.key(phrase).split(" ");
        if (words.length == 0 || words.length > MAX_CREDIT_WORDS) return false;
        String[] raw = CREDIT_SEPARATOR.split(phrase);
        for (String w : raw) {
            if (w.isEmpty()) continue;
            String k = TextShape.key(w);
            if (k.isEmpty() || credits.contains(k)) continue;
            if (!Character.isUpperCase(w.codePointAt(0))) return false;
        }
        for (int n = 1; n <= 2; n++) {
            for (int i = 0; i + n <= words.length; i++) {
                if (credits.contains(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n)))) return true;
            }
        }
        return false;
    }

    /** "... easy.Jane Doe/Getty": the last word joins a name and an agency with a slash. */
    private boolean endsInSlashCredit(String text) {
        int space = text.lastIndexOf(' ');
        String last = text.substring(space + 1);
        int slash = last.lastIndexOf('/');
        if (slash <= 0 || slash == last.length() - 1) return false;
        return credits.contains(TextShape.key(last.substring(slash + 1))) || credits.contains(TextShape.key(last.substring(0, slash)));
    }

    /**
     * Offset where a last "sentence" of at most {@link #MAX_CREDIT_WORDS} words starts (just after
     * ". " or after a closing quote that ends a sentence), or -1. Scans back from the end and gives up
     * after that many words, so long paragraphs cost almost nothing.
     */
    private static int shortLastSentence(String text) {
        int spaces = 0;
        for (int i = text.length() - 2; i > 0; i--) {
            char c = text.charAt(i);
            if (text.charAt(i + 1) != ' ') continue;
            if (c == '.' || c == '!' || c == '?' || ((c == '”' || c == '"') && text.charAt(i - 1) == '.')) return i + 1;
            if (++spaces > MAX_CREDIT_WORDS) return -1;
        }
        return -1;
    }

    private static boolean isFragment(Block b, List<String> captionKeys) {
        if (b.shape().words() < MIN_FRAGMENT_WORDS) return false;
        String key = b.key();
        for (String caption : captionKeys) if (caption.length() > key.length() && caption.contains(key)) return true;
        return false;
    }
}
