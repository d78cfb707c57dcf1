package dev.winnow.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of phrases for one concept (menu words, share widgets, photo agencies), loaded from
 * {@code /dev/winnow/vocab/<name>.txt}: one lower-case key per line (see {@link TextShape#key}),
 * {@code #} comments, a trailing {@code *} for a phrase that may be followed by more words.
 * Immutable and thread-safe.
 */
public final class Vocabulary {
    private final Set<String> exact;
    private final List<String> prefixes;
    private final Set<Character> prefixInitials;    // first letters of the prefix phrases: a cheap pre-check

    private Vocabulary(Set<String> exact, List<String> prefixes) {
        this.exact = Set.copyOf(exact);
        this.prefixes = List.copyOf(prefixes);
        Set<Character> initials = new HashSet<>();
        for (String p : prefixes) if (!p.isEmpty()) initials.add(p.charAt(0));
        this.prefixInitials = Set.copyOf(initials);
    }

    public static Vocabulary load(String name) {
        String path = "/dev/winnow/vocab/" + name + ".txt";
        try (InputStream in = Vocabulary.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing vocabulary resource " + path);
            Set<String> exact = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                (line.endsWith("*") ? prefixes : exact).add(TextShape.key(line));
            }
            return new Vocabulary(exact, prefixes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This vocabulary with {@code add}'s phrases and without {@code remove}'s, each written as in the resource files
     * (a trailing {@code *} for a prefix phrase): how a profile file edits it.
     */
    public Vocabulary edited(List<String> add, List<String> remove) {
        Set<String> exact = new HashSet<>(this.exact);
        List<String> prefixes = new ArrayList<>(this.prefixes);
        for (String phrase : remove) {
            String p = phrase.strip();
            (p.endsWith("*") ? prefixes : exact).remove(TextShape.key(p));
        }
        for (String phrase : add) {
            String p = phrase.strip();
            if (p.isEmpty()) continue;
            String key = TextShape.key(p);
            if (p.endsWith("*")) {
                if (!prefixes.contains(key)) prefixes.add(key);
            } else {
                exact.add(key);
            }
        }
        return new Vocabulary(exact, prefixes);
    }

    /** The key starts with one of the prefix phrases (followed by a space or nothing). */
    public boolean matchesPrefix(String key) {
        if (prefixes.isEmpty() || key.isEmpty() || !prefixInitials.contains(key.charAt(0))) return false;
        for (String p : prefixes) {
            if (key.startsWith(p) && (key.length() == p.length() || key.charAt(p.length()) == ' ')) return true;
        }
        return false;
    }

    /** The phrases matched whole (without the prefix phrases). */
    public java.util.Set<String> phrases() { return exact; }

    /** Whether some phrases match as prefixes. */
    public boolean hasPrefixes() { return !prefixes.isEmpty(); }

    /** The exact phrase is in this vocabulary (no prefix matching). */
    public boolean contains(String key) {
        return exact.contains(key);
    }
}
