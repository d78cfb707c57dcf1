package dev.winnow.stages;

import dev.winnow.text.Vocabulary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrase lists the text stages match whole lines against, by name ({@code vocab/<name>.txt}): the shipped ones,
 * or those a profile file edits. The HTML front end's class and id vocabularies are not among them: they decide
 * what a block is before any stage runs, and the block scorer was trained on them.
 */
public final class Vocabularies {
    /** The vocabularies a profile may edit, and the stage reading each. */
    public static final Map<String, String> EDITABLE = orderedMap(
            "navigation", "navigation", "comments", "navigation", "section_breaks", "navigation",
            "live_banners", "navigation", "languages", "navigation", "social", "navigation", "account", "navigation",
            "credits", "captions", "post_meta", "post_meta");

    /** The shipped lists. */
    public static final Vocabularies SHIPPED = new Vocabularies(Map.of());

    private final Map<String, Vocabulary> loaded = new HashMap<>();
    private final Map<String, Edit> edits;

    /** A profile's change to one vocabulary: phrases added and removed, written as in the resource files. */
    public record Edit(List<String> add, List<String> remove) implements java.io.Serializable {
        public Edit {
            add = add == null ? List.of() : List.copyOf(add);
            remove = remove == null ? List.of() : List.copyOf(remove);
        }
    }

    public Vocabularies(Map<String, Edit> edits) {
        for (String name : edits.keySet()) {
            if (!EDITABLE.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a vocabulary a profile edits: " + String.join(", ", EDITABLE.keySet()));
            }
        }
        this.edits = Map.copyOf(edits);
    }

    /** The vocabulary called {@code name}, with this profile's edits. */
    public synchronized Vocabulary get(String name) {
        return loaded.computeIfAbsent(name, n -> {
            Vocabulary shipped = Vocabulary.load(n);
            Edit e = edits.get(n);
            return e == null ? shipped : shipped.edited(e.add(), e.remove());
        });
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
