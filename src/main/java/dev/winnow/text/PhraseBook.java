package dev.winnow.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several vocabularies behind one look-up, in precedence order: a key is answered with the tag of the
 * first vocabulary that matches it. One hash look-up instead of one per vocabulary matters because
 * every short line of a page is looked up. Immutable and thread-safe.
 *
 * @param <T> the tag a vocabulary stands for (for example a reason code)
 */
public final class PhraseBook<T> {
    private final Map<String, T> exact = new HashMap<>();
    private final List<Map.Entry<Vocabulary, T>> withPrefixes = new ArrayList<>();

    /** @param vocabularies each vocabulary with its tag, highest precedence first */
    public PhraseBook(LinkedHashMap<Vocabulary, T> vocabularies) {
        vocabularies.forEach((vocabulary, tag) -> {
            for (String phrase : vocabulary.phrases()) exact.putIfAbsent(phrase, tag);
            if (vocabulary.hasPrefixes()) withPrefixes.add(Map.entry(vocabulary, tag));
        });
    }

    /** The tag of the first vocabulary that matches the key exactly or by prefix, or null. */
    public T find(String key) {
        T tag = exact.get(key);
        if (tag != null) return tag;
        for (Map.Entry<Vocabulary, T> e : withPrefixes) if (e.getKey().matchesPrefix(key)) return e.getValue();
        return null;
    }
}
