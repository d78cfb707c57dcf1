package dev.winnow.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.core.Stage;
import dev.winnow.score.PageType;
import dev.winnow.text.Sha256;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The per-document chains as data a user copies, edits and passes with {@code --profile FILE}: which stages run
 * and in what order (for plain text, and for HTML and documents), the block scorer's cuts, and additions to and
 * removals from the phrase lists the text stages match. {@code winnow profile} prints the shipped one.
 *
 * <p>A profile is identified by its name and the SHA-256 of its canonical JSON (keys in a fixed order, numbers as
 * parsed), so a reformatted file is the same profile and any edit is another. Immutable and serializable: Spark
 * ships it to the executors, which build the same chains from it.
 */
public final class ChainProfile implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** The stages a chain for plain text may hold, in the shipped order. */
    public static final List<String> TEXT_STAGES = List.of("navigation", "slugs", "captions", "metadata", "headlines", "main_text", "quotes");
    /** The stages a chain for HTML and documents may hold: the markup's stages, then the text stages. */
    public static final List<String> HTML_STAGES = List.of("markup", "post_meta", "content_score", "navigation", "slugs", "captions",
            "metadata", "headlines", "main_text", "quotes");
    /** The text stages the lenient HTML chain (the fallback when the main chain lost the content) runs after its own. */
    private static final List<String> FALLBACK_TEXT_STAGES = List.of("navigation", "slugs", "captions", "metadata", "quotes");

    /** The chains as shipped. */
    public static final ChainProfile SHIPPED = new ChainProfile("shipped", TEXT_STAGES, HTML_STAGES, Profiles.HTML_CUT,
            Profiles.HTML_CUT_BY_TYPE, Profiles.HTML_VETO_BY_TYPE, Profiles.HTML_PROSE_CUT_BY_TYPE, Map.of());

    private final String name;
    private final List<String> text, html;
    private final double blockCut;
    private final Map<PageType, Double> blockCutByType, vetoByType, proseCutByType;
    private final Map<String, Vocabularies.Edit> vocabularies;
    private final String identity;
    private transient Vocabularies loaded;

    private ChainProfile(String name, List<String> text, List<String> html, double blockCut, Map<PageType, Double> blockCutByType,
                         Map<PageType, Double> vetoByType, Map<PageType, Double> proseCutByType, Map<String, Vocabularies.Edit> vocabularies) {
        this.name = name;
        this.text = List.copyOf(text);
        this.html = List.copyOf(html);
        this.blockCut = blockCut;
        this.blockCutByType = sorted(blockCutByType);
        this.vetoByType = sorted(vetoByType);
        this.proseCutByType = sorted(proseCutByType);
        this.vocabularies = java.util.Collections.unmodifiableMap(new TreeMap<>(vocabularies));
        this.identity = name + "@" + Sha256.hex(toJson().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /** Reads a profile file; the message of the exception says what is wrong and where. */
    public static ChainProfile read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses a profile's JSON. Keys left out take the shipped values, so a profile can say only what it changes;
     * an unknown key, stage, page type or vocabulary is an error rather than silently ignored.
     */
    public static ChainProfile parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("a profile is a JSON object");
        only(root, "", "name", "text", "html", "thresholds", "vocabularies");
        String name = root.path("name").asText("");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be lower case letters, digits and _ (it names the profile in records)");
        }
        List<String> text = root.has("text") ? stages(root.get("text"), "text", TEXT_STAGES) : SHIPPED.text;
        List<String> html = root.has("html") ? stages(root.get("html"), "html", HTML_STAGES) : SHIPPED.html;
        JsonNode t = root.path("thresholds");
        if (!t.isMissingNode()) only(t, "thresholds.", "block_cut", "block_cut_by_page_type", "markup_veto_by_page_type", "prose_cut_by_page_type");
        double blockCut = t.has("block_cut") ? share(t.get("block_cut"), "thresholds.block_cut") : SHIPPED.blockCut;
        Map<PageType, Double> cutByType = t.has("block_cut_by_page_type")
                ? byType(t.get("block_cut_by_page_type"), "thresholds.block_cut_by_page_type") : SHIPPED.blockCutByType;
        Map<PageType, Double> vetoByType = t.has("markup_veto_by_page_type")
                ? byType(t.get("markup_veto_by_page_type"), "thresholds.markup_veto_by_page_type") : SHIPPED.vetoByType;
        Map<PageType, Double> proseByType = t.has("prose_cut_by_page_type")
                ? byType(t.get("prose_cut_by_page_type"), "thresholds.prose_cut_by_page_type") : SHIPPED.proseCutByType;
        Map<String, Vocabularies.Edit> edits = new TreeMap<>();
        JsonNode v = root.path("vocabularies");
        if (!v.isMissingNode()) {
            if (!v.isObject()) throw new IllegalArgumentException("vocabularies: an object of vocabulary names");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "vocabularies." + e.getKey();
                if (!Vocabularies.EDITABLE.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(where + ": not a vocabulary a profile edits: " + String.join(", ", Vocabularies.EDITABLE.keySet()));
                }
                only(e.getValue(), where + ".", "add", "remove");
                Vocabularies.Edit edit = new Vocabularies.Edit(strings(e.getValue().path("add"), where + ".add"),
                        strings(e.getValue().path("remove"), where + ".remove"));
                if (!edit.add().isEmpty() || !edit.remove().isEmpty()) edits.put(e.getKey(), edit);
            }
        }
        return new ChainProfile(name, text, html, blockCut, cutByType, vetoByType, proseByType, edits);
    }

    /** The profile's name, as records carry it. */
    public String name() { return name; }

    /** {@code name@} the first 12 hex digits of the SHA-256 of {@link #toJson()}. */
    public String identity() { return identity; }

    /** Whether this profile builds the shipped chains (a copy of {@code winnow profile}'s output, unedited). */
    public boolean isShipped() { return identity.equals(SHIPPED.identity); }

    /** The canonical JSON: every key, in a fixed order, every editable vocabulary listed. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        text.forEach(root.putArray("text")::add);
        html.forEach(root.putArray("html")::add);
        ObjectNode t = root.putObject("thresholds");
        t.put("block_cut", blockCut);
        putByType(t.putObject("block_cut_by_page_type"), blockCutByType);
        putByType(t.putObject("markup_veto_by_page_type"), vetoByType);
        putByType(t.putObject("prose_cut_by_page_type"), proseCutByType);
        ObjectNode v = root.putObject("vocabularies");
        for (String vocabulary : Vocabularies.EDITABLE.keySet()) {
            Vocabularies.Edit e = vocabularies.getOrDefault(vocabulary, new Vocabularies.Edit(List.of(), List.of()));
            ObjectNode edit = v.putObject(vocabulary);
            e.add().forEach(edit.putArray("add")::add);
            e.remove().forEach(edit.putArray("remove")::add);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stages plain text runs through. */
    public List<Stage> textStages() {
        List<Stage> out = new ArrayList<>();
        for (String s : text) out.add(stage(s, false));
        return List.copyOf(out);
    }

    /** The stages HTML and documents run through. */
    public List<Stage> htmlStages() {
        List<Stage> out = new ArrayList<>();
        for (String s : html) out.add(stage(s, true));
        return List.copyOf(out);
    }

    /**
     * The lenient chain HTML falls back to: its own markup and candidate stages, then those of the text stages it
     * runs that the main HTML chain runs too (a stage taken out of the profile cuts nothing on any path).
     */
    public List<Stage> lenientStages() {
        List<Stage> out = new ArrayList<>(List.of(MarkupStage.lenient(), new CandidateStage()));
        for (String s : FALLBACK_TEXT_STAGES) if (html.contains(s)) out.add(stage(s, true));
        return List.copyOf(out);
    }

    private Stage stage(String stage, boolean markup) {
        return switch (stage) {
            case "navigation" -> new NavigationStage(vocabularies());
            case "slugs" -> new SlugStage();
            case "captions" -> new CaptionStage(vocabularies());
            case "metadata" -> new MetadataStage();
            case "headlines" -> new HeadlineStage();
            case "main_text" -> markup ? MainTextStage.articlesOnly() : new MainTextStage();
            case "quotes" -> new QuoteStage();
            case "markup" -> new MarkupStage(false, blockCut, vetoByType);
            case "post_meta" -> new PostMetaStage(vocabularies());
            case "content_score" -> new ContentScoreStage(blockCut, blockCutByType, proseCutByType);
            default -> throw new IllegalStateException("unknown stage " + stage);
        };
    }

    private synchronized Vocabularies vocabularies() {
        if (loaded == null) loaded = vocabularies.isEmpty() ? Vocabularies.SHIPPED : new Vocabularies(vocabularies);
        return loaded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainProfile p && p.identity.equals(identity);
    }

    @Override
    public int hashCode() { return identity.hashCode(); }

    @Override
    public String toString() { return identity; }

    private static List<String> stages(JsonNode node, String where, List<String> allowed) {
        List<String> out = strings(node, where);
        Set<String> seen = new HashSet<>();
        for (String s : out) {
            if (!allowed.contains(s)) throw new IllegalArgumentException(where + ": '" + s + "' is not one of its stages: " + String.join(", ", allowed));
            if (!seen.add(s)) throw new IllegalArgumentException(where + ": '" + s + "' is listed twice");
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) return List.of();
        if (!node.isArray()) throw new IllegalArgumentException(where + ": a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) throw new IllegalArgumentException(where + ": a list of strings, not " + n);
            out.add(n.asText());
        }
        return out;
    }

    private static double share(JsonNode node, String where) {
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw new IllegalArgumentException(where + ": a score between 0 and 1, not " + node);
        }
        return node.asDouble();
    }

    private static Map<PageType, Double> byType(JsonNode node, String where) {
        if (!node.isObject()) throw new IllegalArgumentException(where + ": an object of page types and scores");
        Map<PageType, Double> out = new EnumMap<>(PageType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            PageType type;
            try {
                type = PageType.of(e.getKey());
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(where + ": '" + e.getKey() + "' is not a page type");
            }
            out.put(type, share(e.getValue(), where + "." + e.getKey()));
        }
        return out;
    }

    private static void only(JsonNode node, String where, String... keys) {
        if (!node.isObject()) throw new IllegalArgumentException((where.isEmpty() ? "profile" : where) + ": an object");
        List<String> allowed = List.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) throw new IllegalArgumentException(where + key + ": unknown key; known: " + String.join(", ", allowed));
        }
    }

    private static Map<PageType, Double> sorted(Map<PageType, Double> byType) {
        return java.util.Collections.unmodifiableMap(byType.isEmpty() ? new LinkedHashMap<>() : new EnumMap<>(byType));
    }

    private static void putByType(ObjectNode node, Map<PageType, Double> byType) {
        byType.forEach((type, cut) -> node.put(type.code(), cut));
    }

}
