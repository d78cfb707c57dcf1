package dev.winnow.core;

import dev.winnow.core.Markup.Container;

import java.util.List;
import java.util.Locale;

/**
 * A safety net for pages whose content the main chain takes for chrome: a forum whose posts sit under
 * {@code class="comment"}, a listing whose items are links, documentation inside a sidebar layout. The
 * front end marks the page's best content candidate ({@link Container#CANDIDATE}); when the main chain
 * keeps less than {@link #KEPT_SHARE} of the candidate's words, a lenient chain runs too and the result
 * that keeps more of the page wins, by at least {@link #GAIN}. Trafilatura falls back to other
 * extractors for the same reason. Every document says which extraction it kept and why
 * ({@link Document#extraction()}). Immutable and thread-safe.
 */
public final class Fallback {
    /** The main chain has lost the content when it keeps less than this share of the candidate's words. */
    static final double KEPT_SHARE = 0.3;
    /** A candidate this small is not worth a second run (a page of a few labels). */
    static final int MIN_CANDIDATE_WORDS = 30;
    /**
     * The main chain that keeps this many words outside the candidate found the content elsewhere: the
     * candidate is secondary text that outweighs it, such as the comments under a news story.
     */
    static final int ELSEWHERE_WORDS = 150;
    /** The lenient result replaces the main one only when it keeps this many times its words. */
    static final double GAIN = 1.5;

    private final Pipeline main;
    private final Pipeline lenient;

    /** {@code lenient} may be null: the main chain alone, still saying so in each document. */
    public Fallback(Pipeline main, Pipeline lenient) {
        this.main = main;
        this.lenient = lenient;
    }

    public Pipeline main() { return main; }

    /** The main chain's stage names, then the lenient chain's as one entry: {@code fallback(markup_lenient,...)}. */
    public List<String> describe() {
        List<String> names = new java.util.ArrayList<>(main.describe());
        if (lenient != null) names.add("fallback(" + String.join(",", lenient.describe()) + ")");
        return names;
    }

    /** Both chains making no cut of {@code reasons} ({@link Pipeline#keeping}). */
    public Fallback keeping(java.util.Set<Reason> reasons) {
        return new Fallback(main.keeping(reasons), lenient == null ? null : lenient.keeping(reasons));
    }

    /** Both chains with {@code more} stages after them (a document's corpus stages). */
    public Fallback then(List<Stage> more) {
        return more.isEmpty() ? this : new Fallback(main.then(more), lenient == null ? null : lenient.then(more));
    }

    /** Runs the main chain over a front end's blocks, and the lenient one when the main one lost the candidate. */
    public Document run(String source, Layout layout, List<Block> blocks, List<Verdict.Fact> facts) {
        return attempt(source, layout, blocks, facts).chosen();
    }

    /**
     * What {@link #run} did: the words of the page's content candidate, the main chain's document, the lenient
     * chain's when it ran (else null), and the one chosen, which says so ({@link Document#extraction()}). The main
     * and lenient documents are as their chains left them, so that more stages can {@link #resume} them.
     */
    public record Attempt(int candidate, Document main, Document lenient, Document chosen) {}

    /** {@link #run}, keeping both chains' documents. */
    public Attempt attempt(String source, Layout layout, List<Block> blocks, List<Verdict.Fact> facts) {
        Document first = main.run(source, layout, blocks, facts);
        int candidate = 0;
        for (Block b : blocks) if (inCandidate(b)) candidate += b.shape().words();
        Document[] second = {null};
        Document chosen = choose(candidate, first, () -> second[0] = lenient.run(source, layout, blocks, facts));
        return new Attempt(candidate, first, second[0], chosen);
    }

    /**
     * Runs {@code more} stages after each chain's document of {@code paused} and chooses again, as
     * {@code then(more).run(...)} would over the same page ({@link Pipeline#resume}). Null when the choice needs the
     * lenient chain's document and {@code paused} has none: the corpus stages cut the main chain's result below
     * what made the first run keep it, and only cleaning the page again gives the same bytes.
     */
    public Document resume(int candidate, Document mainPaused, Document lenientPaused, List<Stage> more) {
        Document first = main.resume(mainPaused, more);
        boolean[] missing = {false};
        Document chosen = choose(candidate, first, () -> {
            if (lenientPaused == null) {
                missing[0] = true;
                return null;
            }
            return lenient.resume(lenientPaused, more);
        });
        return missing[0] ? null : chosen;
    }

    /**
     * The fallback's decision over the main chain's document and the lenient one, which {@code lenientRun} makes
     * only when the decision needs it; null when {@code lenientRun} gives null.
     */
    private Document choose(int candidate, Document first, java.util.function.Supplier<Document> lenientRun) {
        if (candidate < MIN_CANDIDATE_WORDS) {
            return first.withExtraction(new Document.Extraction(Document.Extraction.MAIN,
                    describedByHead(first) ? "the body shows nothing: the text is the page's own description, from its head"
                            : "no content candidate"));
        }
        int kept = keptOfCandidate(first);
        double share = (double) kept / candidate;
        if (share >= KEPT_SHARE || lenient == null) {
            return first.withExtraction(new Document.Extraction(Document.Extraction.MAIN,
                    "kept " + percent(share) + " of the content candidate's " + candidate + " words"));
        }
        int elsewhere = first.words() - kept;
        if (elsewhere >= ELSEWHERE_WORDS) {
            return first.withExtraction(new Document.Extraction(Document.Extraction.MAIN,
                    "kept " + percent(share) + " of the content candidate's " + candidate + " words and " + elsewhere
                            + " words outside it"));
        }
        Document second = lenientRun.get();
        if (second == null) return null;
        double secondShare = (double) keptOfCandidate(second) / candidate;
        if (second.words() >= GAIN * Math.max(1, first.words())) {
            return second.withExtraction(new Document.Extraction(Document.Extraction.FALLBACK,
                    "the main chain kept " + percent(share) + " of the content candidate's " + candidate
                            + " words, the lenient chain " + percent(secondShare)));
        }
        return first.withExtraction(new Document.Extraction(Document.Extraction.MAIN,
                "kept " + percent(share) + " of the content candidate's " + candidate
                        + " words; the lenient chain did not keep more (" + percent(secondShare) + ")"));
    }

    private static int keptOfCandidate(Document doc) {
        int n = 0;
        for (Block b : doc.body()) if (inCandidate(b)) n += b.shape().words();
        return n;
    }

    /**
     * Whether every block the document keeps is the head's summary of the page ({@link Container#HEAD}: the front end
     * reads it only when the body shows nothing), so the record can say its text is a description, not the page.
     */
    private static boolean describedByHead(Document doc) {
        boolean any = false;
        for (Block b : doc.body()) {
            if (b.markup() == null || !b.markup().in(Container.HEAD)) return false;
            any = true;
        }
        return any;
    }

    /** In the candidate and shown to readers: hidden and unrendered text is no content to lose. */
    private static boolean inCandidate(Block b) {
        Markup m = b.markup();
        return m != null && m.in(Container.CANDIDATE) && !m.in(Container.HIDDEN) && !m.in(Container.NOSCRIPT)
                && !m.in(Container.TEMPLATE) && !m.in(Container.CONTROL) && !m.in(Container.EMBEDDED);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%d%%", Math.round(share * 100));
    }
}
