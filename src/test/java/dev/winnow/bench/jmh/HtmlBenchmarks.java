package dev.winnow.bench.jmh;

import dev.winnow.core.Fallback;
import dev.winnow.core.Layout;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.quality.AebHtml;
import dev.winnow.stages.Profiles;
import dev.winnow.text.LanguageIdentifier;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTML path per page on the 91 development pages (decoded into memory once): bare jsoup parsing, the baseline
 * every jsoup-based extractor pays and the one the "x jsoup" figures divide by; Winnow's front end (parse
 * plus its walks: blocks, markup, metadata, page shape); the front end and the HTML chain with its fallback and
 * the block scorer; and language identification of the kept text. Times per page, averaged over the pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class HtmlBenchmarks {
    static final int PAGES = 91;

    private List<String> pages;
    private List<String> texts;
    private final HtmlFrontEnd frontEnd = new HtmlFrontEnd();
    private final Fallback chain = Profiles.htmlWithFallback();

    @Setup
    public void load() {
        pages = new ArrayList<>();
        for (byte[] b : AebHtml.pages().values()) pages.add(AebHtml.decode(b));
        if (pages.size() != PAGES) throw new IllegalStateException(pages.size() + " pages, not " + PAGES + ": run from the project root");
        texts = new ArrayList<>();
        for (String html : pages) texts.add(AebHtml.clean(html).text());
    }

    /** The baseline: jsoup's parse alone. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void jsoupParse(Blackhole bh) {
        for (String html : pages) bh.consume(Jsoup.parse(html));
    }

    /** Winnow's front end: the parse and the walks that make blocks and read the page's metadata. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void frontEnd(Blackhole bh) {
        for (String html : pages) bh.consume(frontEnd.extract(html));
    }

    /** The front end, then the HTML chain with the block scorer and the fallback: what a record's text costs. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void frontEndAndChain(Blackhole bh) {
        for (String html : pages) {
            HtmlFrontEnd.Extracted x = frontEnd.extract(html);
            bh.consume(chain.run(x.source(), Layout.HTML, x.blocks(), x.facts()));
        }
    }

    /** Language identification of each page's kept text, which every record carries. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void language(Blackhole bh) {
        for (String t : texts) bh.consume(LanguageIdentifier.identify(t, null));
    }
}
