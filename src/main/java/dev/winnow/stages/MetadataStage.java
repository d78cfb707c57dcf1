package dev.winnow.stages;

import dev.winnow.core.Block;
import dev.winnow.core.Draft;
import dev.winnow.core.Field;
import dev.winnow.core.Reason;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.text.TextShape;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves what describes the article out of its body and into record fields: the headline (the
 * headline-shaped line just before the main text), bylines ("By Jane Doe", or a bare name line right
 * before or after the main text), a publication date line next to the headline, a trailing
 * "— Outlet" source credit glued to the last sentence, and section labels glued to a paragraph
 * ("What Happened: ..."). Every move is recorded like any other cut.
 */
public final class MetadataStage implements Stage {
    /** How far before the main text the headline may stand (kept blocks: standfirst, byline, date...). */
    static final int TITLE_WINDOW = 6;
    /** How far from the main text's edges a byline or date may stand. */
    static final int BYLINE_WINDOW = 4;

    private static final Pattern BY = Pattern.compile(
            "(?i)^(?:(?:posted|written|words|story|reporting|text|published)\\s+)?(?:by|von|par|por|di|door|av|af):?\\s+(.+?)\\s*$");
    /** What may follow the names in a byline: "on <date>", "| Staff writer", ", Reuters", "Updated ...". */
    private static final Pattern BYLINE_TAIL = Pattern.compile("(?i)\\s*(?:\\bon\\b|\\||\\u2022|·|,\\s*(?:updated|published|\\p{N})|\\bupdated\\b|\\bpublished\\b|\\p{N}).*$");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*(?:,|&|\\band\\b)\\s*");
    /** Lines about the article rather than of it: reading time, update notes, "Posted in", "Name | 12 Comments". */
    private static final Pattern META_LINE = Pattern.compile(
            "(?i)(?:\\d+\\s*(?:min(?:ute)?s?|hours?|hrs?|seconds?)\\s+(?:read|listen|ago)\\b.*"
                    + "|(?:updated|posted|published|filed|last updated|filed under|posted in|reading time)\\b.*"
                    + "|.*\\s[|•·]\\s.*|.*\\bago)");
    private static final Pattern BY_ALONE = Pattern.compile("(?i)^by:?$");
    /** "... last sentence. — Outlet" or "... sentence.\" - Outlet": a credit of at most five words. */
    private static final Pattern SOURCE_CREDIT = Pattern.compile(
            "(?<=[.!?\"”’)])\\s+(?:[—–]|--?)\\s*(\\p{Lu}[\\p{L}\\p{N}&.'’ ]{0,40}?)\\s*$");
    /** "What Happened: Text": a capitalised label of one to five words before a colon. */
    private static final Pattern COLON_LABEL = Pattern.compile(
            "^(\\p{Lu}[\\p{L}'’]*(?: \\p{Lu}[\\p{L}'’]*){1,4}):\\s+(?=[\\p{Lu}“\"‘'(\\p{N}])");
    /** "Why It Matters The text": a capitalised label run straight into a sentence starting with a determiner. */
    private static final Pattern BARE_LABEL = Pattern.compile(
            "^(\\p{Lu}[\\p{L}'’]*(?: \\p{Lu}[\\p{L}'’]*){2,4}) (?=(?:The|A|An|This|These|That|Those|It|In|On|At|As|After|Before|While|When|He|She|They|We|I)\\s+\\p{Ll})");
    private static final Pattern DATE = Pattern.compile(
            "(?i)^(?:(?:updated|published|posted|last updated)[:\\s]+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?"
                    + "(?:(\\p{L}{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+(\\p{L}{3,9})\\.?,?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))"
                    + "(?:[,\\s|at]+\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?\\s*$");

    @Override
    public String name() { return "metadata"; }

    @Override
    public void judge(Draft draft, Verdict verdict) {
        List<Block> kept = draft.kept();
        MainRegion region = MainRegion.of(draft);
        if (region.isEmpty()) return;
        boolean[] taken = new boolean[kept.size()];

        int title = findTitle(kept, region, draft.metadata().get(Field.TITLE), verdict, taken);
        findBylinesAndDates(kept, region, title, verdict, taken);
        // the credit is glued to the last paragraph, which it may have pushed just outside the prose region
        for (int i = region.last(); i <= Math.min(region.last() + 1, kept.size() - 1); i++) {
            if (findSourceCredit(kept.get(i), verdict, taken, i)) break;
        }
        findSectionLabels(kept, region, verdict, taken);
    }

    /**
     * The headline: the nearest headline-shaped line before the prose that is not a byline, date or
     * meta line. When the markup already named the title, only a line that repeats it is taken.
     */
    private static int findTitle(List<Block> kept, MainRegion region, String known, Verdict verdict, boolean[] taken) {
        int from = Math.max(0, region.first() - TITLE_WINDOW);
        for (int i = region.first(); i >= from; i--) {
            Block b = kept.get(i);
            String text = b.text();
            if (known != null && !sameTitle(known, b.key())) continue;
            // without a title from the markup, a question or exclamation is the prose's first sentence:
            // taking it as the headline would take it again from already-clean text
            if (known == null && endsLikeSpeech(text)) continue;
            if (Forms.isTitleLike(b) && !Forms.isNameList(b) && !isDate(text) && !BY.matcher(text).matches()
                    && !META_LINE.matcher(text).matches()) {
                verdict.move(b, Reason.TITLE, Field.TITLE, text);
                taken[i] = true;
                return i;
            }
        }
        return -1;
    }

    private static void findBylinesAndDates(List<Block> kept, MainRegion region, int title, Verdict verdict,
                                            boolean[] taken) {
        int from = Math.max(0, region.first() - TITLE_WINDOW);
        int to = Math.min(kept.size() - 1, region.last() + BYLINE_WINDOW);
        int proseSoFar = 0;      // prose blocks from the region's start up to i, kept as a running count
        for (int i = from; i <= to; i++) {
            if (taken[i]) continue;
            Block b = kept.get(i);
            String text = b.text();
            // counted in prose paragraphs, which cleaning never removes, so a second pass sees the same thing
            if (i > region.first() && Forms.isBody(kept.get(i - 1))) proseSoFar++;
            // a date line heads the article: no prose paragraph of the region stands before it
            boolean nearStart = i <= region.first() || proseSoFar == 0;
            Matcher by = BY.matcher(text);
            if (by.matches() && Forms.isNameList(stripRole(by.group(1)))) {
                moveAuthors(b, stripRole(by.group(1)), verdict);
                taken[i] = true;
            } else if (BY_ALONE.matcher(text).matches()) {
                // "By" on its own line: the label of a byline whose names follow (or were already removed)
                verdict.drop(b, Reason.BYLINE);
                taken[i] = true;
                if (i + 1 < kept.size() && Forms.isNameList(kept.get(i + 1))) {
                    moveAuthors(kept.get(i + 1), kept.get(i + 1).text(), verdict);
                    taken[i + 1] = true;
                }
            } else if (!Forms.isBody(b) && besideProse(kept, i, region, title) && Forms.isNameList(b)) {
                moveAuthors(b, text, verdict);
                taken[i] = true;
            } else if (nearStart && isDate(text)) {
                String iso = isoDate(text);
                if (iso != null) verdict.move(b, Reason.DATE_LINE, Field.CREATED, iso);
                else verdict.drop(b, Reason.DATE_LINE);
                taken[i] = true;
            }
        }
    }

    /**
     * A bare name counts as a byline only between the headline and the prose, or right after the
     * last paragraph: inside the article a short capitalised line is a subheading, above the
     * headline it is a topic kicker.
     */
    private static boolean besideProse(List<Block> kept, int i, MainRegion region, int title) {
        boolean beforeProse = title >= 0 && i > title && i < region.first();
        boolean afterProse = i > 0 && i >= region.last() && Forms.isBody(kept.get(i - 1));
        return beforeProse || afterProse;
    }

    private static void moveAuthors(Block b, String names, Verdict verdict) {
        for (String name : AUTHOR_SEPARATOR.split(names)) {
            if (!name.isBlank()) verdict.set(Field.AUTHORS, name.strip());
        }
        verdict.drop(b, Reason.BYLINE);
    }

    /** "Jane Doe on May 2, 2019", "Jane Doe | Staff writer": the names without what follows them. */
    private static String stripRole(String names) {
        return BYLINE_TAIL.matcher(names).replaceFirst("").strip();
    }

    private static boolean findSourceCredit(Block last, Verdict verdict, boolean[] taken, int position) {
        if (taken[position] || !hasSpacedDash(last.text())) return false;
        Matcher m = SOURCE_CREDIT.matcher(last.text());
        if (m.find() && TextShape.of(m.group(1)).words() <= 5) {
            verdict.move(last, m.start(), last.text().length(), Reason.PUBLISHER_CREDIT, Field.PUBLISHER, m.group(1).strip());
            taken[position] = true;
            return true;
        }
        return false;
    }

    /**
     * A dash after white space, which every {@link #SOURCE_CREDIT} match holds: most last paragraphs have none, and the
     * pattern's look-behind tried at every position of a long paragraph was the stage's main cost.
     */
    private static boolean hasSpacedDash(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '\u2014' || c == '\u2013') && TextShape.isRegexSpace(text.charAt(i - 1))) return true;
        }
        return false;
    }

    private static void findSectionLabels(List<Block> kept, MainRegion region, Verdict verdict, boolean[] taken) {
        boolean usesLabels = false;
        for (int i = region.first(); i <= region.last(); i++) {
            if (!taken[i] && mayOpenWithLabel(kept.get(i).text()) && COLON_LABEL.matcher(kept.get(i).text()).lookingAt()) {
                usesLabels = true;
            }
        }
        if (!usesLabels) return;
        for (int i = region.first(); i <= region.last(); i++) {
            if (taken[i]) continue;
            Block b = kept.get(i);
            Matcher colon = COLON_LABEL.matcher(b.text());
            Matcher bare = BARE_LABEL.matcher(b.text());
            Matcher m = colon.lookingAt() ? colon : bare.lookingAt() ? bare : null;
            // in markup a block is one element's text: a label inside it is the author's lead-in ("<b>Data
            // Protection:</b> ..."), not a heading a text dump ran into the paragraph
            if (m == null || !Forms.isBody(b) || b.markup() != null) continue;
            verdict.move(b, 0, m.end(), Reason.SECTION_LABEL, Field.SECTIONS, m.group(1));
        }
    }

    /** What {@link #COLON_LABEL} needs before it is tried: a capital first letter and a colon somewhere. */
    private static boolean mayOpenWithLabel(String text) {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0)) && text.indexOf(':') > 0;
    }

    private static boolean endsLikeSpeech(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '?' || last == '!' || last == '？' || last == '！';
    }

    /** The line is the known title, or the title with a site name around it ("Title | Site"). */
    private static boolean sameTitle(String known, String lineKey) {
        String k = TextShape.key(known);
        return !lineKey.isEmpty() && (k.equals(lineKey) || k.startsWith(lineKey + " ") || k.endsWith(" " + lineKey)
                || lineKey.startsWith(k + " "));
    }

    static boolean isDate(String text) {
        return text.length() <= 60 && DATE.matcher(text.strip()).matches();
    }

    /** ISO-8601 date of a date line, or null when the month name is not English or the date is invalid. */
    static String isoDate(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) return null;
        try {
            if (m.group(7) != null) return LocalDate.parse(m.group(7) + "-" + m.group(8) + "-" + m.group(9)).toString();
            String month = m.group(1) != null ? m.group(1) : m.group(5);
            String day = m.group(1) != null ? m.group(2) : m.group(4);
            String year = m.group(1) != null ? m.group(3) : m.group(6);
            int mon = month(month);
            if (mon == 0) return null;
            return LocalDate.of(Integer.parseInt(year), mon, Integer.parseInt(day)).format(DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private static int month(String name) {
        String m = name.toLowerCase(Locale.ROOT);
        if (m.length() < 3) return 0;
        for (int i = 0; i < MONTHS.length; i++) if (m.startsWith(MONTHS[i])) return i + 1;
        return 0;
    }
}
