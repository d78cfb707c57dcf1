package dev.winnow.run.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stage that allocates without bound exhausts the heap on its document only: that document is
 * rejected as out_of_memory, the garbage goes with it, and the documents after it come out. The run
 * happens in a child JVM with a small heap, so the heap fills in milliseconds and the test JVM's own
 * heap is never at stake; small, but room for the language detector's profiles (about 100 MB, held
 * for the whole run, see text.LanguageIdentifier).
 */
class OutOfMemoryTest {
    static final String HEAP = "-Xmx160m";
    static final long CHILD_SECONDS = 60;

    @Test
    void aDocumentThatExhaustsTheHeapIsRejectedAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Runs.article(in, "b01_fine", null);
        Runs.article(in, "b02_hog", FaultStage.HOG);
        Runs.article(in, "b03_fine", null);
        Runs.article(in, "b04_hog", FaultStage.HOG);
        Runs.article(in, "b05_fine", null);
        Path out = dir.resolve("out");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(java.toString(), HEAP, "-XX:+UseSerialGC", "-Duser.language=tr",
                "-cp", classpath, Child.class.getName(), in.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS);
        if (!done) child.destroyForcibly();
        String childLog = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, "the child run finished:\n" + childLog);
        assertEquals(0, child.exitValue(), "the child run completed:\n" + childLog);

        Runs.Result r = Runs.read(null, out, childLog);
        // One worker: no neighbour is in flight when the heap runs out, so none can share the shortage.
        assertEquals(List.of("b01_fine", "b03_fine", "b05_fine"), r.recordIds(), childLog);
        assertEquals(List.of("b02_hog", "b04_hog"), r.rejectedIds());
        for (JsonNode rejection : r.rejections()) {
            assertEquals("out_of_memory", rejection.get("reason").asText(), rejection.toString());
            assertTrue(rejection.get("message").asText().contains("Java heap space"), rejection.toString());
        }
        assertEquals(5, r.report().get("inputs").asInt());
        assertEquals(2, r.report().at("/rejections/out_of_memory").asInt());
        assertEquals(0, r.report().get("lost_threads").asInt());
    }

    /** The child: one run of the runner with the fault stage, on one worker thread. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            FaultStage faults = new FaultStage();
            LocalRunner.Options options = new LocalRunner.Options(Path.of(args[1]), 1, Limits.DEFAULTS, "in", true, true, false);
            LocalRunner.Summary s = new LocalRunner(faults.pipeline(), "test").run(List.of(args[0]), System.in, options, System.err);
            System.out.println("records " + s.records() + ", rejected " + s.rejected());
        }
    }
}
