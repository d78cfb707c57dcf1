package dev.winnow.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class and id strings of one page, each numbered as it is first met and split into its words
 * ({@link PageShape#classTokens}) once. A page repeats a few hundred strings over thousands of elements, and
 * several readers work something out from each (the page shape's class groups, the front end's container
 * kinds, the visibility judge's hiding classes): they keep it in arrays by the string's number, so an
 * element's class costs one hash look-up for all of them, not one per reader. One per page; not thread-safe.
 */
public final class ClassWords {
    /** The number of "": no words, nothing named. */
    public static final int NONE = 0;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> names = new ArrayList<>(List.of(""));
    /** Per number, the string's words, or null until asked. */
    private final List<List<String>> words = new ArrayList<>(Collections.singletonList(List.of()));

    /** The number of a class or id string on this page ({@link #NONE} for ""). */
    public int number(String names) {
        if (names.isEmpty()) return NONE;
        Integer known = numbers.get(names);
        if (known != null) return known;
        int number = this.names.size();
        numbers.put(names, number);
        this.names.add(names);
        words.add(null);
        return number;
    }

    /** How many numbers are given so far: every number is below it. */
    public int size() {
        return names.size();
    }

    /** The string numbered {@code number}. */
    public String name(int number) {
        return names.get(number);
    }

    /** The words of the string numbered {@code number}, lower-cased; none for {@link #NONE}. Read-only. */
    public List<String> of(int number) {
        List<String> known = words.get(number);
        if (known == null) {
            known = Collections.unmodifiableList(PageShape.classTokens(names.get(number)));
            words.set(number, known);
        }
        return known;
    }

    /** The words of a class or id string, lower-cased; none for "". Read-only. */
    public List<String> of(String names) {
        return of(number(names));
    }
}
