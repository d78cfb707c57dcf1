package dev.winnow.score;

import dev.winnow.core.Block;
import dev.winnow.core.Field;
import dev.winnow.core.Verdict;

import java.util.List;

/**
 * Says what kind of page a page is ({@link PageType}): {@link PageFeatures} through a multi-class
 * {@link Forest}, one model for HTML (text, URL and markup) and one for plain text (text and URL), both
 * trained on WCXB's development pages ({@code make train-page-type}). The shipped models load once per
 * JVM. Immutable and thread-safe.
 */
public final class PageTyper {
    /** The shipped models, in {@code src/main/resources/dev/winnow/model/}. */
    public static final String HTML_MODEL = "html-page-type.json";
    public static final String TEXT_MODEL = "text-page-type.json";

    private final Forest html;
    private final Forest text;
    private final PageType[] htmlClasses;
    private final PageType[] textClasses;

    public PageTyper(Forest html, Forest text) {
        this.html = html;
        this.text = text;
        this.htmlClasses = classes(html, PageFeatures.HTML_NAMES);
        this.textClasses = classes(text, PageFeatures.TEXT_NAMES);
    }

    private static final class Shipped {
        static final PageTyper MODELS = new PageTyper(Forest.resource(HTML_MODEL), Forest.resource(TEXT_MODEL));
    }

    /** The shipped models, loaded on first use. */
    public static PageTyper shipped() { return Shipped.MODELS; }

    /**
     * These models with {@code model} in place of the one it was trained to replace: the HTML model if it reads
     * the HTML page features, the plain-text one if it reads the text features ({@code --page-type-model}, and
     * the out-of-fold figures, where each page is typed by a model that never saw its site).
     */
    public PageTyper with(Forest model) {
        if (model.features().equals(PageFeatures.HTML_NAMES)) return new PageTyper(model, text);
        if (model.features().equals(PageFeatures.TEXT_NAMES)) return new PageTyper(html, model);
        throw new IllegalArgumentException("page-type model " + model.name() + " reads neither the HTML nor the text page"
                + " features this build computes: retrain it with make train-page-type");
    }

    private static PageType[] classes(Forest forest, List<String> features) {
        if (!forest.features().equals(features)) {
            throw new IllegalArgumentException("page-type model " + forest.name() + " was trained on other features than this"
                    + " build computes: retrain it with make train-page-type");
        }
        if (forest.classes().isEmpty()) throw new IllegalArgumentException(forest.name() + " is not a multi-class model");
        PageType[] out = new PageType[forest.classes().size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = PageType.of(forest.classes().get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(forest.name() + " names an unknown page type: " + forest.classes().get(i), e);
            }
        }
        return out;
    }

    /**
     * What the typer says of a page: its most probable {@code type}, which the record states, and the {@code kind} the
     * chains treat it as. They differ on one kind of page: one called an article with less than even odds. An
     * article's chain cuts hard outside the main text, which takes a service page's sections or a listing's items
     * when the typer is wrong; so a page is treated as an article only when the typer finds it more likely an
     * article than not, and otherwise as the type it ranks next. (Out of fold on WCXB's HTML pages, 140 of the 865
     * pages called articles were called so under even odds, and 74 of those were not articles; treating them as the
     * runner-up raised listings 0.694 to 0.715 and services 0.835 to 0.841, and left articles at 0.947.)
     */
    public record Typing(PageType type, PageType kind) {
        static final Typing NOTHING = new Typing(PageType.OTHER, PageType.OTHER);

        /** The facts a chain is given: {@link Field#PAGE_TYPE} and {@link Field#PAGE_KIND}. */
        public List<Verdict.Fact> facts() {
            return List.of(new Verdict.Fact(Field.PAGE_TYPE, type.code()), new Verdict.Fact(Field.PAGE_KIND, kind.code()));
        }
    }

    /** The type of an HTML page from its text and blocks (the front end's), its URL (null if unknown) and its markup. */
    public Typing html(String source, List<Block> blocks, String url, PageShape shape) {
        if (source.isBlank()) return Typing.NOTHING;
        return typing(html.distribution(PageFeatures.html(source, blocks, url, shape)), htmlClasses);
    }

    /** The type of a plain-text page from its text and its URL (null if unknown). */
    public Typing text(String source, String url) {
        if (source.isBlank()) return Typing.NOTHING;
        return typing(text.distribution(PageFeatures.text(source, url)), textClasses);
    }

    private static Typing typing(double[] p, PageType[] classes) {
        int best = best(p, -1);
        if (classes[best] != PageType.ARTICLE || p[best] >= 0.5) return new Typing(classes[best], classes[best]);
        return new Typing(PageType.ARTICLE, classes[best(p, best)]);
    }

    /** The most probable class but {@code skip}; a tie goes to the first in the model's class order, so the answer never varies. */
    private static int best(double[] p, int skip) {
        int best = skip == 0 ? 1 : 0;
        for (int i = best + 1; i < p.length; i++) if (i != skip && p[i] > p[best]) best = i;
        return best;
    }

    /** The HTML page model's identity (name@hash), which a record typed by {@link #html} names. */
    public String htmlIdentity() { return html.identity(); }

    /** The plain-text page model's identity (name@hash), which a record typed by {@link #text} names. */
    public String textIdentity() { return text.identity(); }

    /** The two models' identities (name@hash), for the run report and fingerprint. */
    public String identity() { return "page_type(" + html.identity() + "," + text.identity() + ")"; }
}
