package dev.winnow.stages;

import dev.winnow.core.Fallback;
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

    /**
     * The fallback chain for HTML whose main chain lost the page's content: markup cuts that spare the
     * content candidate's comments, sidebars, navigation and links, then the candidate bounds the text
     * instead of the main-text region, which is tuned to articles.
     */
    public static List<Stage> lenientMarkupStages() {
        return List.of(
                MarkupStage.lenient(),
                new CandidateStage(),
                new NavigationStage(),
                new SlugStage(),
                new CaptionStage(),
                new MetadataStage(),
                new QuoteStage());
    }

    public static Pipeline htmlLenient() {
        return new Pipeline(new Normalizer(), new Segmenter(), lenientMarkupStages());
    }

    /** The HTML chain with its safety net: the lenient chain runs when the main one keeps little of the content. */
    public static Fallback htmlWithFallback() {
        return new Fallback(html(), htmlLenient());
    }
}
