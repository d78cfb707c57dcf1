package dev.winnow.run;

import dev.winnow.archive.Containers;
import dev.winnow.core.Draft;
import dev.winnow.core.Fallback;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.local.Cadence;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run with the corpus stages cleans each document once: the first pass spills what it cleaned and the second
 * resumes it, so a stage of the chain judges each document as often as in a run without the corpus stages, and
 * a run stopped in its second pass resumes from the same spill. A spill damaged between the passes is a warning:
 * from the damage on, documents are cleaned again, with the same output, never a record made from a guess.
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
    void aSpillDamagedBetweenThePassesCostsTimeNotTheRun() throws IOException {
        SiteCorpus corpus = SiteCorpus.builder().seed(5).sites(2).docsPerSite(6).build();
        Path in = tmp.resolve("in");
        long docs = corpus.writeTextFolders(in).documents();
        run(runner(new Counted()), in, tmp.resolve("reference"), CorpusSettings.DEFAULTS);

        Path out = tmp.resolve("out");
        Path spill = out.resolve(OutputFormat.LOCAL_WORK_DIR).resolve("documents.spill");
        Counted counted = new Counted();
        LocalRunner runner = runner(counted).observing(step -> {
            if (!step.equals("corpus.saved")) return;
            try {
                byte[] all = Files.readAllBytes(spill);
                Files.write(spill, java.util.Arrays.copyOf(all, all.length - 10));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        runner.run(List.of(in.toString()), InputStream.nullInputStream(), options(out, CorpusSettings.DEFAULTS),
                new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        String said = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(said.contains("spill") && said.contains("unusable") && said.contains("cleaned again"), said);
        assertEquals(docs + 1, counted.documents.get(), "the last document, whose entry was cut short, cleaned again");
        for (String file : List.of("articles.jsonl", "rejected.jsonl", "quotes.jsonl")) {
            assertEquals(Files.readString(tmp.resolve("reference").resolve(file)), Files.readString(out.resolve(file)), file);
        }
    }

    /** Thrown by a step observer: the run stops there as a killed one would, its work folder left to resume. */
    private static final class Stop extends RuntimeException {
        Stop() { super("stopped by the test"); }
    }

    @Test
    void aRunResumedInPassTwoResumesFromTheSpillToo() throws IOException {
        SiteCorpus corpus = SiteCorpus.builder().seed(7).sites(3).docsPerSite(10).build();
        Path in = tmp.resolve("in");
        long docs = corpus.writeTextFolders(in).documents();
        run(runner(new Counted()), in, tmp.resolve("reference"), CorpusSettings.DEFAULTS);

        Path out = tmp.resolve("out");
        AtomicInteger written = new AtomicInteger();
        // a checkpoint every 4 outcomes: the resumed run passes over the first ones and their entries
        LocalRunner stopping = runner(new Counted()).checkpointing(new Cadence(4, 4)).observing(step -> {
            if (step.equals("written") && written.incrementAndGet() == docs / 2) throw new Stop();
        });
        assertThrows(Exception.class, () -> run(stopping, in, out, CorpusSettings.DEFAULTS));
        assertTrue(Files.exists(out.resolve(OutputFormat.LOCAL_WORK_DIR).resolve("documents.spill")), "the spill outlives the stop");

        Counted resumed = new Counted();
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        runner(resumed).run(List.of(in.toString()), InputStream.nullInputStream(), options(out, CorpusSettings.DEFAULTS),
                new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        String said = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(said.contains("warning"), said);
        assertEquals(0, resumed.documents.get(), "every document resumed from the first pass's spill, none cleaned again");
        assertTrue(Files.readString(out.resolve("report.json")).matches("(?s).*\"resumed_inputs\" ?: ?[1-9].*"),
                "the run resumed after a checkpoint, passing over the entries of what it had written");
        for (String file : List.of("articles.jsonl", "rejected.jsonl", "quotes.jsonl")) {
            assertEquals(Files.readString(tmp.resolve("reference").resolve(file)), Files.readString(out.resolve(file)), file);
        }
    }
}
