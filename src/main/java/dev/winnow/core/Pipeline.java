package dev.winnow.core;

import dev.winnow.text.Normalizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a fixed chain of stages over one input. The only place text leaves a document: each stage's
 * {@link Verdict} is applied here, every cut becomes a {@link Removal} with stage, reason, text and
 * offsets, and is counted. Immutable and thread-safe; one instance serves every document.
 */
public final class Pipeline {
    private final Normalizer normalizer;
    private final Segmenter segmenter;
    private final List<Stage> stages;
    private final Scorer scorer;
    /** Reasons whose cuts are not made ({@code --keep}): the text stays, a field the cut would fill is still filled. */
    private final java.util.Set<Reason> keep;

    public Pipeline(Normalizer normalizer, Segmenter segmenter, List<Stage> stages) {
        this(normalizer, segmenter, stages, null);
    }

    /** A chain whose stages read the block scores {@code scorer} gives (null: no scores). */
    public Pipeline(Normalizer normalizer, Segmenter segmenter, List<Stage> stages, Scorer scorer) {
        this(normalizer, segmenter, stages, scorer, java.util.Set.of());
    }

    private Pipeline(Normalizer normalizer, Segmenter segmenter, List<Stage> stages, Scorer scorer, java.util.Set<Reason> keep) {
        this.normalizer = normalizer;
        this.segmenter = segmenter;
        this.stages = List.copyOf(stages);
        this.scorer = scorer;
        this.keep = java.util.Set.copyOf(keep);
    }

    /**
     * This chain, but making no cut of the {@code reasons} given: a user who wants captions or bylines in the text
     * keeps them without editing a stage. A block a kept reason named is not cut by a later stage either (a byline
     * outside the main text stays); a field the cut would fill is filled all the same.
     */
    public Pipeline keeping(java.util.Set<Reason> reasons) {
        return new Pipeline(normalizer, segmenter, stages, scorer, reasons);
    }

    /** Stage names in the order they run, for the run report. */
    public List<String> describe() {
        List<String> names = new ArrayList<>();
        names.add("normalize(" + normalizer.form() + ")");
        names.add("segment");
        if (scorer != null) names.add("score(" + scorer.identity() + ")");
        for (Stage s : stages) names.add(s.name());
        if (!keep.isEmpty()) {
            names.add("keep(" + String.join(",", keep.stream().map(Reason::code).sorted().toList()) + ")");
        }
        return names;
    }

    public List<Stage> stages() { return stages; }

    /** This chain with {@code more} stages after it (the corpus stages of one document); this one is unchanged. */
    public Pipeline then(List<Stage> more) {
        if (more.isEmpty()) return this;
        List<Stage> all = new ArrayList<>(stages);
        all.addAll(more);
        return new Pipeline(normalizer, segmenter, all, scorer, keep);
    }

    /** This chain with its stages reading {@code other}'s block scores (a retrained model); this one is unchanged. */
    public Pipeline scoredBy(Scorer other) {
        return new Pipeline(normalizer, segmenter, stages, other, keep);
    }

    /** The scorer the stages read, or null. */
    public Scorer scorer() { return scorer; }

    /** Clean one decoded plain-text input: normalize, segment, run the stages. */
    public Document clean(String input) {
        return clean(input, List.of());
    }

    /** Clean plain text whose container told some metadata already (a web archive's URL). */
    public Document clean(String input, List<Verdict.Fact> facts) {
        String source = normalizer.normalize(input);
        Segmenter.Result segmented = segmenter.segment(source);
        return run(source, segmented.layout(), segmented.blocks(), facts);
    }

    /**
     * Run the stages over blocks a front end already made (HTML, documents). {@code source} is the text
     * all block offsets refer to; {@code facts} are metadata the front end read from the markup, which
     * take precedence over what stages find in the text.
     */
    public Document run(String source, Layout layout, List<Block> segmentedBlocks, List<Verdict.Fact> facts) {
        Block[] blocks = segmentedBlocks.toArray(new Block[0]);
        Reason[] removed = new Reason[blocks.length];
        Metadata metadata = new Metadata();
        List<Removal> removals = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Verdict.Fact fact : facts) metadata.put(fact.field(), fact.value());
        Scores scores = scorer == null || blocks.length == 0 ? null : scorer.scores(List.copyOf(segmentedBlocks));
        boolean[] spared = new boolean[blocks.length];     // blocks a kept reason named
        return judge(stages, source, layout, blocks, removed, spared, metadata, removals, counts, scores);
    }

    /**
     * Runs {@code more} stages over a document this chain (or one with the same {@code --keep}) made, as if they
     * had come at the end of the chain: {@code then(more).run(...)} gives the same document, without running the
     * chain's own stages again. The corpus stages' second pass resumes each document the first pass spilled this
     * way. The stages see no block scores ({@link Draft#scored()} is false): a stage that reads them belongs in the
     * chain. {@code paused} is not changed.
     *
     * @throws IllegalArgumentException when {@code paused} was not made by a pipeline
     */
    public Document resume(Document paused, List<Stage> more) {
        Document.Paused state = paused.paused();
        if (state == null) throw new IllegalArgumentException("a document no pipeline made cannot be resumed");
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        paused.counts().forEach((stage, reasons) -> counts.put(stage, new TreeMap<>(reasons)));
        return judge(more, paused.source(), paused.layout(), state.blocks().clone(), state.removed().clone(),
                state.spared().clone(), paused.metadata().copy(), new ArrayList<>(paused.removals()), counts, null);
    }

    /** The stages' loop: each stage judges a draft of the state so far, and its verdict is applied to that state. */
    private Document judge(List<Stage> stages, String source, Layout layout, Block[] blocks, Reason[] removed,
                           boolean[] spared, Metadata metadata, List<Removal> removals,
                           Map<String, Map<String, Integer>> counts, Scores scores) {
        List<Block> every = java.util.Collections.unmodifiableList(java.util.Arrays.asList(blocks));   // a view: cuts show
        for (Stage stage : stages) {
            Verdict verdict = new Verdict();
            stage.judge(new Draft(source, every, kept(blocks, removed), metadata.copy(), removed, scores), verdict);
            boolean[] touched = new boolean[blocks.length];
            for (Verdict.Cut cut : verdict.cuts()) {
                int i = cut.block().index();
                // A block cut earlier in this stage is judged again by later stages, not twice by this one.
                if (removed[i] != null || touched[i] || blocks[i] != cut.block()) continue;
                if (spared[i]) continue;
                if (keep.contains(cut.reason())) {
                    // What the user keeps stays: no later stage cuts the block for a reason of its own either.
                    spared[i] = true;
                    if (cut.field() != null) metadata.put(cut.field(), cut.value());
                    continue;
                }
                touched[i] = true;
                Block block = blocks[i];
                Removal removal;
                if (cut.wholeBlock()) {
                    removed[i] = cut.reason();
                    removal = new Removal(stage.name(), cut.reason(), source.substring(block.lineStart(), block.end()),
                            block.lineStart(), block.end(), cut.score());
                } else {
                    int start = block.start() + cut.from();
                    int end = block.start() + cut.to();
                    removal = new Removal(stage.name(), cut.reason(), source.substring(start, end).strip(), start, end, cut.score());
                    Block rest = cut.from() == 0 ? block.narrowed(cut.to(), block.text().length())
                            : block.narrowed(0, cut.from());
                    if (rest.text().isEmpty()) removed[i] = cut.reason();
                    else blocks[i] = rest;
                }
                removals.add(removal);
                if (cut.field() != null) metadata.put(cut.field(), cut.value());
                counts.computeIfAbsent(stage.name(), k -> new TreeMap<>()).merge(cut.reason().code(), 1, Integer::sum);
            }
            for (Verdict.Fact fact : verdict.facts()) metadata.put(fact.field(), fact.value());
        }
        return new Document(source, layout, kept(blocks, removed), List.copyOf(removals), metadata, counts,
                new Document.Paused(blocks, removed, spared));
    }

    private static List<Block> kept(Block[] blocks, Reason[] removed) {
        List<Block> kept = new ArrayList<>(blocks.length);
        for (int i = 0; i < blocks.length; i++) if (removed[i] == null) kept.add(blocks[i]);
        return kept;
    }
}
