package dev.winnow.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.OutputCommit;
import dev.winnow.run.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one commit of both runners ({@link OutputCommit}), on a local disk: stopped after any of its steps and
 * called again, it leaves the folder a commit never stopped leaves; while it is stopped, no {@code report.json}
 * stands beside data files it does not describe.
 */
class OutputCommitTest {
    private static final String WORK = OutputFormat.LOCAL_WORK_DIR;
    private static final String MARKER = "checkpoint.json";

    /** A step's name reached by the commit, thrown to stop it there as a kill would. */
    private static final class Stop extends RuntimeException {
        Stop(String step) {
            super(step, null, false, false);
        }
    }

    @Test
    void aCommitStoppedAfterAnyStepAndRepeatedEndsAsOneNeverStopped(@TempDir Path tmp) throws IOException {
        Path reference = tmp.resolve("reference");
        stageOver(reference);
        List<String> steps = new ArrayList<>();
        OutputCommit.commit(new LocalStore(reference), staged(), report(), MARKER, steps::add);
        Map<String, String> expected = tree(reference);
        assertTrue(steps.size() >= 8, "the commit names its steps: " + steps);
        assertFalse(expected.containsKey("articles.jsonl.gz"), "the earlier run's data file of another codec is removed");
        assertFalse(expected.containsKey("documents/part-00000.jsonl"), "the earlier run's shards are removed");
        assertFalse(expected.keySet().stream().anyMatch(name -> name.startsWith(WORK)), "the work folder is removed");
        assertEquals("new text\n", expected.get("text/a.txt"));

        for (String step : steps) {
            Path out = tmp.resolve("stopped-" + step);
            stageOver(out);
            assertThrows(Stop.class, () -> OutputCommit.commit(new LocalStore(out), staged(), report(), MARKER, s -> {
                if (s.equals(step)) throw new Stop(s);
            }), step);
            if (Files.exists(out.resolve(OutputFormat.REPORT))) {
                assertTrue(step.equals("commit.report-written") || step.equals("commit.checkpoint-deleted"),
                        "a report stands beside the data files only once they are this run's: stopped at " + step);
            }
            OutputCommit.commit(new LocalStore(out), staged(), report(), MARKER, s -> { });
            assertEquals(expected, tree(out), "stopped after " + step + ", then committed again");
        }
    }

    @Test
    void aFileThatIsNotTheOneStagedIsRefused(@TempDir Path tmp) throws IOException {
        stageOver(tmp);
        Files.delete(tmp.resolve(WORK).resolve("rejected.jsonl"));
        Files.writeString(tmp.resolve("rejected.jsonl"), "someone else's\n");
        IOException e = assertThrows(IOException.class,
                () -> OutputCommit.commit(new LocalStore(tmp), staged(), report(), MARKER, s -> { }));
        assertTrue(e.getMessage().contains("--restart"), e.getMessage());
    }

    /** An earlier run's output (another codec, shards, text) with this run's work folder staged beside it. */
    private static void stageOver(Path dir) throws IOException {
        write(dir.resolve("articles.jsonl.gz"), "old records");
        write(dir.resolve("rejected.jsonl"), "old rejections\n");
        write(dir.resolve("documents/part-00000.jsonl"), "old shard\n");
        write(dir.resolve("text/old.txt"), "old text\n");
        write(dir.resolve(OutputFormat.REPORT), "{\"fingerprint\":\"earlier\"}\n");
        Path work = dir.resolve(WORK);
        write(work.resolve("articles.jsonl"), "record one\nrecord two\n");
        write(work.resolve("rejected.jsonl"), "rejection\n");
        write(work.resolve("quotes.jsonl"), "quote\n");
        write(work.resolve("text/a.txt"), "new text\n");
        write(work.resolve(OutputFormat.REMOVED_ATTRIBUTES_DIR + "/articles.jsonl"), "attributes one\nattributes two\n");
        write(work.resolve(MARKER), "{}");
    }

    private static OutputCommit.Staged staged() {
        return new OutputCommit.Staged(WORK, OutputCodec.NONE, "articles.jsonl", WORK + "/shards", true, true, 0, null,
                22, 10, 6, 30, store -> List.of());
    }

    private static ObjectNode report() {
        return new ObjectMapper().createObjectNode().put("fingerprint", "this run");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Every file under {@code dir} by its relative name, with its content. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
