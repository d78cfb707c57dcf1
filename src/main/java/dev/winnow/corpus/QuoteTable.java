package dev.winnow.corpus;

import dev.winnow.text.TextShape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus's quotations and the articles that carry them. Quotations are compared by their words
 * ({@link TextShape#key}), so case, punctuation and quote marks do not matter, and an article carries
 * a quotation when one of its own quotations holds it whole: "(Kim) underscored the need to build a
 * serial production system…" carries "build a serial production system…". Documents may be added
 * in any order; everything is ordered by position when read out, so every engine gets the same table.
 *
 * <p>Held in memory: quotations are a small share of a corpus's text, and containment needs them all.
 */
public final class QuoteTable {
    /** Containment is looked up by a quotation's first words; shorter quotations must match whole. */
    static final int WINDOW_WORDS = 6;

    /** One distinct quotation as {@code quotes.jsonl} lists it, with the articles that carry it in input order. */
    public record Entry(String text, List<String> ids) {}

    private record Occurrence(long position, int order, String id, String text) {}

    private final Map<String, List<Occurrence>> byKey = new HashMap<>();

    public void add(long position, String id, List<String> quotes) {
        for (int i = 0; i < quotes.size(); i++) {
            String key = TextShape.key(quotes.get(i));
            if (!key.isEmpty()) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Occurrence(position, i, id, quotes.get(i)));
        }
    }

    /** Each distinct quotation with the occurrences that carry it (its own and those of longer quotations holding it). */
    private Map<String, List<Occurrence>> carriers() {
        Map<String, List<String>> byWindow = new HashMap<>();
        for (String key : byKey.keySet()) {
            String[] words = key.split(" ");
            for (int i = 0; i + WINDOW_WORDS <= words.length; i++) {
                byWindow.computeIfAbsent(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + WINDOW_WORDS)),
                        k -> new ArrayList<>()).add(key);
            }
        }
        Map<String, List<Occurrence>> carriers = new HashMap<>();
        for (Map.Entry<String, List<Occurrence>> e : byKey.entrySet()) {
            String key = e.getKey();
            List<Occurrence> all = new ArrayList<>(e.getValue());
            String[] words = key.split(" ");
            if (words.length >= WINDOW_WORDS) {
                String first = String.join(" ", java.util.Arrays.copyOfRange(words, 0, WINDOW_WORDS));
                String padded = " " + key + " ";
                for (String longer : new java.util.LinkedHashSet<>(byWindow.getOrDefault(first, List.of()))) {
                    if (longer.length() > key.length() && (" " + longer + " ").contains(padded)) all.addAll(byKey.get(longer));
                }
            }
            all.sort(Comparator.comparingLong(Occurrence::position).thenComparingInt(Occurrence::order));
            carriers.put(key, all);
        }
        return carriers;
    }

    /** Every distinct quotation, in the order of its first appearance, with its articles in input order. */
    public List<Entry> entries() {
        Map<String, List<Occurrence>> carriers = carriers();
        // first appearance of the quotation itself, not of a longer one holding it
        TreeMap<Occurrence, String> order = new TreeMap<>(Comparator.comparingLong(Occurrence::position)
                .thenComparingInt(Occurrence::order).thenComparing(Occurrence::text));
        byKey.forEach((key, own) -> order.put(own.stream().min(Comparator.comparingLong(Occurrence::position)
                .thenComparingInt(Occurrence::order)).orElseThrow(), key));
        List<Entry> entries = new ArrayList<>(order.size());
        order.forEach((first, key) -> {
            LinkedHashMap<Long, String> ids = new LinkedHashMap<>();
            for (Occurrence o : carriers.get(key)) ids.putIfAbsent(o.position(), o.id());
            entries.add(new Entry(first.text(), List.copyOf(ids.values())));
        });
        return entries;
    }

    /**
     * The occurrences to remove when quotations are deduplicated across the corpus: every occurrence
     * carrying a quotation that an article earlier in input order carries too, as sorted
     * {@link Hash64#pair}(position, key hash) values for {@link CorpusFacts#quoteRepeated}.
     */
    public long[] repeats() {
        java.util.TreeSet<Long> repeats = new java.util.TreeSet<>();
        for (List<Occurrence> carriers : carriers().values()) {
            long first = carriers.get(0).position();
            for (Occurrence o : carriers) {
                if (o.position() != first) repeats.add(Hash64.pair(o.position(), Hash64.of(TextShape.key(o.text()))));
            }
        }
        return repeats.stream().mapToLong(Long::longValue).toArray();
    }
}
