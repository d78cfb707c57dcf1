package dev.winnow.run.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.cli.ExitCodes;
import dev.winnow.run.output.CleanRuns.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The side file of {@code --removed attributes} keeps the records' promises: a run killed mid-way or in its
 * commit resumes to the bytes of an uninterrupted run with the side file line-aligned to the records; a rerun
 * over a finished attributes run does nothing; a run of another layout replaces it, leaving no stale
 * {@code attributes/}; an {@code attributes/} Winnow did not write is refused and left alone.
 */
class RemovedAttributesRerunTest {
    private static final int DOCUMENTS = 30;
    private static final String SIDE = "attributes/winnow_removed/";

    private static List<String> args(Path corpus, Path out, String... extra) {
        List<String> args = new ArrayList<>(CleanRuns.cleanArgs(corpus, out, extra));
        args.addAll(List.of("--removed", "attributes"));
        return args;
    }

    private static void killWhenPaused(List<String> args, Map<String, String> props, Path tmp) throws Exception {
        Child child = Child.start(args, props, tmp.resolve("child.err"));
        try {
            assertTrue(child.await(child::paused), child.err());
        } finally {
            assertTrue(child.kill());
        }
    }

    @Test
    void anInterruptedRunResumesWithItsSideFileAligned(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 21);
        Path out = tmp.resolve("out");
        killWhenPaused(args(corpus, out, "-q"),
                Map.of("winnow.checkpoint.outcomes", "5", "winnow.test.pauseAt", "checkpoint.written:2"), tmp);
        assertTrue(Files.isRegularFile(out.resolve(".winnow-run/" + SIDE + "articles.jsonl")), "the side file is staged with the run");
        assertFalse(Files.exists(out.resolve("attributes")), "nothing was put in place before the commit");

        CleanRuns.Result rerun = CleanRuns.inProcess(args(corpus, out));
        assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
        assertTrue(rerun.err().contains("resuming the interrupted run in " + out + ": 10 inputs were done"), rerun.err());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(args(corpus, fresh, "-q")).exit());
        CleanRuns.assertSameOutput(fresh, out, "resumed");
        assertAligned(out, "articles.jsonl");
    }

    /**
     * Compressed members end more often than checkpoints, so the killed run's journals hold lines past its
     * last checkpoint: the resume must cut the side file back with the records, or it would hold a line twice.
     */
    @Test
    void linesWrittenAfterTheCheckpointAreCutBackWithTheRecords(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 22);
        Path out = tmp.resolve("out");
        killWhenPaused(args(corpus, out, "-q", "--compress", "gz"), Map.of("winnow.checkpoint.outcomes", "10",
                "winnow.member.outcomes", "2", "winnow.test.pauseAt", "written:19"), tmp);
        JsonNode checkpoint = CleanRuns.JSON.readTree(out.resolve(".winnow-run/checkpoint.json").toFile());
        assertEquals(10, checkpoint.get("done").asInt());
        long journal = Files.size(out.resolve(".winnow-run/" + SIDE + "articles.jsonl.gz"));
        assertTrue(journal > checkpoint.get("attributes_bytes").asLong(),
                "the side file's journal ran past the checkpoint (" + journal + " > " + checkpoint.get("attributes_bytes") + ")");

        CleanRuns.Result rerun = CleanRuns.inProcess(args(corpus, out, "--compress", "gz"));
        assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
        assertTrue(rerun.err().contains("resuming the interrupted run"), rerun.err());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(args(corpus, fresh, "-q", "--compress", "gz")).exit());
        // The killed run ended members every 2 outcomes, the others every 1,000: the same lines, other gzip members.
        for (String name : List.of("articles.jsonl.gz", "rejected.jsonl.gz", SIDE + "articles.jsonl.gz")) {
            assertEquals(gunzip(fresh.resolve(name)), gunzip(out.resolve(name)), name);
        }
        assertAligned(out, "articles.jsonl.gz");
    }

    /** Killed just after the old side file was moved aside: the rerun finishes the commit. */
    @Test
    void aRunKilledWhileSwappingTheSideFileFinishesOnTheNextStart(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 23);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(args(corpus, out, "-q", "--source", "first")).exit());
        killWhenPaused(args(corpus, out, "-q", "--source", "second"), Map.of("winnow.test.pauseAt", "commit.old-attributes-moved"), tmp);
        assertFalse(Files.exists(out.resolve(SIDE)), "the old side file was moved aside");

        CleanRuns.Result rerun = CleanRuns.inProcess(args(corpus, out, "--source", "second"));
        assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
        assertTrue(rerun.err().contains("finishing the interrupted run"), rerun.err());
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(args(corpus, fresh, "-q", "--source", "second")).exit());
        CleanRuns.assertSameOutput(fresh, out, "commit finished");
        assertAligned(out, "articles.jsonl");
    }

    @Test
    void layoutsReplaceEachOthersOutput(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 24);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(args(corpus, out, "-q")).exit());
        Map<String, String> finished = CleanRuns.snapshot(out);

        CleanRuns.Result again = CleanRuns.inProcess(args(corpus, out));
        assertEquals(ExitCodes.REJECTIONS, again.exit(), again.err());
        assertTrue(again.err().contains("nothing to do"), again.err());
        assertEquals(finished, CleanRuns.snapshot(out));

        CleanRuns.Result inline = CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, out, "-q"));
        assertEquals(ExitCodes.REJECTIONS, inline.exit(), inline.err());
        assertFalse(Files.exists(out.resolve("attributes")), "no stale side file beside records it does not describe");
        Path freshInline = tmp.resolve("fresh-inline");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, freshInline, "-q")).exit());
        CleanRuns.assertSameOutput(freshInline, out, "inline after attributes");

        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(args(corpus, out, "-q")).exit());
        assertEquals(finished, CleanRuns.snapshot(out), "attributes again, as the first time");
    }

    @Test
    void anAttributesFolderWinnowDidNotWriteIsRefused(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 3, 25);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, out, "-q")).exit());
        Path mine = Files.createDirectories(out.resolve("attributes/my_tagger")).resolve("articles.jsonl");
        Files.writeString(mine, "{}\n", StandardCharsets.UTF_8);
        Map<String, String> before = CleanRuns.snapshot(out);
        CleanRuns.Result r = CleanRuns.inProcess(args(corpus, out));
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("Winnow did not write") && r.err().contains("attributes"), r.err());
        assertEquals(before, CleanRuns.snapshot(out), "nothing changed");
    }

    /** The side file has one line per record, in the records' order, with their ids. */
    static void assertAligned(Path out, String name) throws IOException {
        List<String> records = ids(out.resolve(name)), side = ids(out.resolve(SIDE + name));
        assertFalse(records.isEmpty());
        assertEquals(records, side);
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> ids(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ids.add(CleanRuns.JSON.readTree(line).get("id").asText());
            }
        }
        return ids;
    }
}
