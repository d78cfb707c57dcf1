package dev.winnow.stages;

import dev.winnow.core.Pipeline;
import dev.winnow.core.Stage;
import dev.winnow.text.Normalizer;
import dev.winnow.text.Segmenter;

import java.util.List;

/**
 * The stage chains, built in one place. Order matters: specific stages run first so a cut carries the
 * most precise reason; the main-text region comes after them, and quotes are judged on what is left.
 */
public final class Profiles {
    private Profiles() {}

    /** The chain for plain scraped text. */
    public static List<Stage> textStages() {
        return List.of(
                new NavigationStage(),
                new SlugStage(),
                new CaptionStage(),
                new MetadataStage(),
                new HeadlineStage(),
                new MainTextStage(),
                new QuoteStage());
    }

    public static Pipeline text() {
        return new Pipeline(new Normalizer(), new Segmenter(), textStages());
    }

    /** The chain for HTML: what the markup says first, then the same text stages, so a fix helps both. */
    public static List<Stage> htmlStages() {
        List<Stage> stages = new java.util.ArrayList<>();
        stages.add(new MarkupStage());
        stages.addAll(textStages());
        return List.copyOf(stages);
    }

    public static Pipeline html() {
        return new Pipeline(new Normalizer(), new Segmenter(), htmlStages());
    }
}
