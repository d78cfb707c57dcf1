package dev.winnow.score;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of one page's class and id strings ({@link PageShape#classTokens}), each distinct string split
 * once: the page-shape scan and the front end's container vocabularies ask for the same strings, and a page
 * repeats a few hundred of them over thousands of elements. One per page; not thread-safe.
 */
public final class ClassWords {
    private final Map<String, List<String>> words = new HashMap<>();

    /** The words of a class or id string, lower-cased; none for "". Read-only. */
    public List<String> of(String names) {
        if (names.isEmpty()) return List.of();
        List<String> known = words.get(names);
        if (known == null) {
            known = java.util.Collections.unmodifiableList(PageShape.classTokens(names));
            words.put(names, known);
        }
        return known;
    }
}
