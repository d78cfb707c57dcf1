package dev.winnow.run;

import dev.winnow.archive.Containers;
import dev.winnow.core.Draft;
import dev.winnow.core.Fallback;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.local.LocalRunner;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.SiteCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run with the corpus stages cleans each document once: the first pass spills what it cleaned and the second
 * resumes it, so a stage of the chain judges each document as often as in a run without the corpus stages. A
 * spill damaged between the passes stops the run with an error, never a record made from a guess.
 */
class CleanOnceTest {
    @TempDir
    Path tmp;

    /** Judges nothing, counts the documents it is shown. */
    private static final class Counted implements Stage {
        final AtomicInteger documents = new AtomicInteger();

        @Override
        public String name() { return "counted"; }

        @Override
        public void judge(Draft draft, Verdict verdict) {
            documents.incrementAndGet();
        }
    }

    private static LocalRunner.Options options(Path out, CorpusSettings corpus) {
        return new LocalRunner.Options(out, 2, Limits.DEFAULTS, "test", false, true, false, corpus, Containers.Fields.DEFAULTS,
                OutputCodec.NONE);
    }

    private static LocalRunner runner(Counted counted) {
        Pipeline text = Profiles.text().then(List.of(counted));
        Fallback html = Profiles.htmlWithFallback().then(List.of(counted));
        return new LocalRunner(text, "text", html);
    }

    private static LocalRunner.Summary run(LocalRunner runner, Path in, Path out, CorpusSettings corpus) throws IOException {
        return runner.run(List.of(in.toString()), InputStream.nullInputStream(), options(out, corpus), new PrintStream(
                java.io.OutputStream.nullOutputStream()));
    }

    @Test
    void plainTextIsCleanedOnceWithTheCorpusStages() throws IOException {
        SiteCorpus corpus = SiteCorpus.builder().seed(11).sites(4).docsPerSite(12).build();
        Path in = tmp.resolve("in");
        long docs = corpus.writeTextFolders(in).documents();
        Counted counted = new Counted();
        LocalRunner.Summary summary = run(runner(counted), in, tmp.resolve("out"), CorpusSettings.DEFAULTS);
        assertEquals(docs, summary.inputs());
        assertEquals(docs, summary.records() + summary.rejected());
        assertEquals(docs, counted.documents.get(), "each document judged once, in the first pass");
        // The second pass still applied the corpus stages to what it resumed.
        assertTrue(Files.readString(tmp.resolve("out/articles.jsonl")).contains("\"site_repeated_line\""));
        assertTrue(Files.notExists(tmp.resolve("out").resolve(OutputFormat.LOCAL_WORK_DIR)), "the spill went with the work folder");
    }

    @Test
    void htmlPagesAreCleanedAsOftenAsWithoutTheCorpusStages() throws IOException {
        Path in = Path.of("src/test/resources/wcxb-sample/html");
        Counted alone = new Counted(), withCorpus = new Counted();
        LocalRunner.Summary one = run(runner(alone), in, tmp.resolve("alone"), CorpusSettings.OFF);
        LocalRunner.Summary two = run(runner(withCorpus), in, tmp.resolve("corpus"), CorpusSettings.DEFAULTS);
        assertEquals(one.inputs(), two.inputs());
        assertTrue(alone.documents.get() >= one.records(), alone.documents + " judged for " + one.records() + " records");
        // Main chain, and the lenient one where the fallback needed it: the same in the first pass as in a one-pass run.
        assertEquals(alone.documents.get(), withCorpus.documents.get());
    }

    @Test
    void aSpillDamagedBetweenThePassesStopsTheRun() throws IOException {
        SiteCorpus corpus = SiteCorpus.builder().seed(5).sites(2).docsPerSite(6).build();
        Path in = tmp.resolve("in");
        corpus.writeTextFolders(in);
        Path out = tmp.resolve("out");
        Path spill = out.resolve(OutputFormat.LOCAL_WORK_DIR).resolve("documents.spill");
        LocalRunner runner = runner(new Counted()).observing(step -> {
            if (!step.equals("corpus.saved")) return;
            try {
                byte[] all = Files.readAllBytes(spill);
                Files.write(spill, java.util.Arrays.copyOf(all, all.length - 10));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Exception e = assertThrows(Exception.class, () -> run(runner, in, out, CorpusSettings.DEFAULTS));
        Throwable cause = e;
        while (!(cause instanceof IOException) && cause.getCause() != null) cause = cause.getCause();
        assertTrue(cause.getMessage().contains("spill") && cause.getMessage().contains("unusable"), cause.getMessage());
        assertTrue(Files.notExists(out.resolve("articles.jsonl")), "no output committed");
    }
}
