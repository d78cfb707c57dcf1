package dev.winnow.corpus;

import dev.winnow.core.Stage;

import java.util.ArrayList;
import java.util.List;

/** The corpus stages for one document of the second pass, after the per-document stages. */
public final class CorpusStages {
    private CorpusStages() {}

    /** The names the corpus stages' cuts carry as their stage, in the order they run. */
    public static final List<String> STAGE_NAMES = List.of(SiteLinesStage.NAME, CorpusQuotesStage.NAME);

    /** Stage names in the order they run, for the report and the run fingerprint. */
    public static List<String> describe(CorpusSettings settings) {
        List<String> names = new ArrayList<>();
        if (!settings.enabled()) return names;
        if (settings.repeatedLineDocs() > 0) names.add(SiteLinesStage.NAME + "(docs>=" + settings.repeatedLineDocs() + ")");
        names.add("near_duplicates(minhash " + MinHash.BANDS + "x" + MinHash.ROWS + ")" + (settings.dropNearDuplicates() ? "+drop" : ""));
        if (settings.dedupeQuotes()) names.add(CorpusQuotesStage.NAME);
        return names;
    }

    /**
     * @param position the document's {@link Positions position}
     * @param origin   where it was read from, its site when it has no URL
     */
    public static List<Stage> forDocument(CorpusFacts facts, CorpusSettings settings, long position, String origin) {
        List<Stage> stages = new ArrayList<>(2);
        if (!settings.enabled()) return stages;
        if (settings.repeatedLineDocs() > 0) stages.add(new SiteLinesStage(facts, origin));
        if (settings.dedupeQuotes()) stages.add(new CorpusQuotesStage(facts, position));
        return stages;
    }
}
