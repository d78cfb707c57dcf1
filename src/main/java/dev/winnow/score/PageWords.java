package dev.winnow.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word groups of {@code /dev/winnow/vocab/page_types.txt}: one concept per {@code [section]}
 * (forum URL tokens, schema.org product types, documentation class names...), each a set of lower-case
 * words. Loaded once per JVM; immutable and thread-safe.
 */
final class PageWords {
    private PageWords() {}

    private static final Map<String, Set<String>> GROUPS = load();

    /** The words of one group; fails loudly when the vocabulary file lacks it, so a typo cannot pass as "no words". */
    static Set<String> group(String name) {
        Set<String> g = GROUPS.get(name);
        if (g == null) throw new IllegalStateException("page_types.txt has no section [" + name + "]");
        return g;
    }

    /**
     * Every word of the groups named {@code prefix + suffix}, mapped to the index of its suffix in
     * {@code suffixes}: one look-up per token. A word in two groups keeps the first.
     */
    static Map<String, int[]> index(String prefix, List<String> suffixes) {
        Map<String, int[]> out = new HashMap<>();
        for (int i = 0; i < suffixes.size(); i++) {
            for (String w : group(prefix + suffixes.get(i))) {
                int[] old = out.get(w);
                if (old == null) out.put(w, new int[] {i});
                else {
                    int[] more = java.util.Arrays.copyOf(old, old.length + 1);
                    more[old.length] = i;
                    out.put(w, more);
                }
            }
        }
        return Map.copyOf(out);
    }

    private static Map<String, Set<String>> load() {
        String path = "/dev/winnow/vocab/page_types.txt";
        try (InputStream in = PageWords.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing vocabulary resource " + path);
            Map<String, Set<String>> groups = new LinkedHashMap<>();
            String section = null;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    groups.put(section, new java.util.HashSet<>());
                } else if (section != null) {
                    for (String w : line.toLowerCase(Locale.ROOT).split("\\s+")) groups.get(section).add(w);
                }
            }
            Map<String, Set<String>> frozen = new LinkedHashMap<>();
            groups.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
            return Map.copyOf(frozen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
