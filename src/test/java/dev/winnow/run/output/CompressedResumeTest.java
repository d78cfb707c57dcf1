package dev.winnow.run.output;

import dev.winnow.cli.ExitCodes;
import dev.winnow.run.output.CleanRuns.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compressed output ({@code --compress gz|zst}) is the same bytes however the run went: killed after a
 * checkpoint and resumed, checkpointed often or rarely (as the five-second clock would), with one thread
 * or two; and it stays a valid stream that decompresses to what a plain run writes. Runs are child JVMs
 * with members of 4 outcomes, so a small corpus spans many.
 */
class CompressedResumeTest {
    private static Map<String, String> props(int checkpointEvery) {
        return Map.of("winnow.member.outcomes", "4", "winnow.checkpoint.outcomes", String.valueOf(checkpointEvery));
    }

    private static List<String> args(Path corpus, Path out, String codec, String threads) {
        List<String> args = new ArrayList<>(CleanRuns.cleanArgs(corpus, out, "--compress", codec, "-q", "--no-corpus"));
        args.set(args.indexOf("--threads") + 1, threads);
        return args;
    }

    private static void runToEnd(List<String> args, Map<String, String> props, Path err) throws Exception {
        Child child = Child.start(args, props, err);
        assertEquals(ExitCodes.REJECTIONS, child.finish(), child.err());
    }

    private static byte[] decompressed(Path file, String codec) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = codec.equals("gz") ? new GZIPInputStream(raw) : new com.github.luben.zstd.ZstdInputStream(raw)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aKilledCompressedRunResumesToTheSameValidBytes(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 40, 5);
        Path plain = tmp.resolve("plain");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, plain, "-q", "--no-corpus")).exit());
        for (String codec : List.of("gz", "zst")) {
            Path reference = tmp.resolve("reference-" + codec);
            runToEnd(args(corpus, reference, codec, "2"), props(4), tmp.resolve("ref.err"));
            for (int k : new int[]{1, 3, 6}) {
                Path out = tmp.resolve(codec + "-killed-" + k);
                Map<String, String> pausing = new java.util.HashMap<>(props(4));
                pausing.put("winnow.test.pauseAt", "checkpoint.written:" + k);
                Child child = Child.start(args(corpus, out, codec, "2"), pausing, tmp.resolve("kill.err"));
                try {
                    assertTrue(child.await(child::paused), child.err());
                } finally {
                    assertTrue(child.kill());
                }
                runToEnd(args(corpus, out, codec, "1"), props(4), tmp.resolve("resume.err"));
                CleanRuns.assertSameOutput(reference, out, codec + " killed after checkpoint " + k);
            }
            String ext = codec.equals("gz") ? ".gz" : ".zst";
            for (String name : List.of("articles.jsonl", "rejected.jsonl")) {
                assertArrayEquals(Files.readAllBytes(plain.resolve(name)), decompressed(reference.resolve(name + ext), codec), name + ext);
            }
        }
    }

    /** Checkpoints every 4 outcomes or every 1000 (as a fast or a slow clock would call them): the same bytes. */
    @Test
    void whenCheckpointsHappenDoesNotChangeTheBytes(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 30, 6);
        for (String codec : List.of("gz", "zst")) {
            Path often = tmp.resolve(codec + "-often"), rarely = tmp.resolve(codec + "-rarely");
            runToEnd(args(corpus, often, codec, "1"), props(4), tmp.resolve("often.err"));
            runToEnd(args(corpus, rarely, codec, "2"), props(1000), tmp.resolve("rarely.err"));
            CleanRuns.assertSameOutput(often, rarely, codec);
        }
    }

    /** A compressed file with no lines (no rejections) is still one valid, empty stream. */
    @Test
    void anEmptyCompressedFileIsAValidStream(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 5, 7);
        for (String codec : List.of("gz", "zst")) {
            Path out = tmp.resolve(codec);
            List<String> args = new ArrayList<>(List.of("clean", corpus.toString(), "-o", out.toString(), "-q", "--compress", codec,
                    "--no-corpus"));
            assertEquals(ExitCodes.OK, CleanRuns.inProcess(args).exit());
            String ext = codec.equals("gz") ? ".gz" : ".zst";
            assertTrue(Files.size(out.resolve("rejected.jsonl" + ext)) > 0, "not a zero-byte file, which readers refuse");
            assertEquals(0, decompressed(out.resolve("rejected.jsonl" + ext), codec).length);
        }
    }
}
