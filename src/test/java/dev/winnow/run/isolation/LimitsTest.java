package dev.winnow.run.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.Limits;
import dev.winnow.stages.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-document limits: what exceeding each one does, the flags that set them, the report that names them. */
class LimitsTest {

    @Test
    void cleanTextLongerThanMaxCharsIsTooLargeAndShorterTextIsKept(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Runs.article(in, "long", null);
        Files.writeString(in.resolve("short.txt"), "The quay reopened on Monday, the harbour office said.\n", StandardCharsets.UTF_8);
        Runs.Result r = Runs.run(Profiles.text(), in, dir.resolve("out"), 2, Limits.DEFAULTS.withMaxChars(120));

        assertEquals(List.of("short"), r.recordIds());
        JsonNode rejection = r.rejection("long");
        assertEquals("too_large", rejection.get("reason").asText());
        String message = rejection.get("message").asText();
        assertTrue(message.contains("more than the limit of 120") && message.contains("--max-chars"), message);
        assertEquals(120, r.report().at("/limits/max_chars").asLong());
    }

    @Test
    void maxCharsCountsCodePointsAsTheRecordDoes(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        // 40 emoji: 80 UTF-16 units but 40 characters, as text_chars counts them.
        Files.writeString(in.resolve("emoji.txt"), "Cheers: " + "\uD83C\uDF89".repeat(40) + " from the quay.\n", StandardCharsets.UTF_8);
        Runs.Result r = Runs.run(Profiles.text(), in, dir.resolve("out"), 1, Limits.DEFAULTS.withMaxChars(70));
        assertEquals(List.of("emoji"), r.recordIds(), r.rejections().toString());
        assertTrue(r.records().get(0).at("/metadata/counts/text_chars").asInt() <= 70);
    }

    @Test
    void aUtf8FileCutInsideItsLastCharacterIsStillUtf8(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        byte[] whole = "Caf\u00E9 cr\u00E8me costs three euros at the kiosk on the quay, the owner said \u00E9".getBytes(StandardCharsets.UTF_8);
        Files.write(in.resolve("cut.txt"), Arrays.copyOf(whole, whole.length - 1));      // half of the last "é"
        Runs.Result r = Runs.run(Profiles.text(), in, dir.resolve("out"), 1, Limits.DEFAULTS);
        assertEquals(List.of("cut"), r.recordIds(), r.rejections().toString());
        JsonNode record = r.records().get(0);
        assertEquals("UTF-8", record.at("/metadata/input/charset").asText());
        assertTrue(record.get("text").asText().startsWith("Caf\u00E9 cr\u00E8me costs"), record.get("text").asText());
    }

    @Test
    void standardInputIsNotTimedWhileTheProgramFeedingItIsStillWriting(@TempDir Path dir) throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        byte[] text = Runs.PROSE.getBytes(StandardCharsets.UTF_8);
        Thread writer = new Thread(() -> {
            try (feed) {
                feed.write(text, 0, 20);
                Thread.sleep(400);                                      // longer than the whole budget
                feed.write(text, 20, text.length - 20);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Path out = dir.resolve("out");
        LocalRunner.Options options = new LocalRunner.Options(out, 1, Limits.DEFAULTS.withTimeout(Duration.ofMillis(200)),
                "stdin", false, true, false);
        new LocalRunner(Profiles.text(), "text").run(List.of("-"), stdin, options, System.err);
        writer.join();
        Runs.Result r = Runs.read(null, out, "");
        assertEquals(List.of("stdin"), r.recordIds(), r.rejections().toString());
    }

    @Test
    void theFlagsSetTheLimitsInTheReport(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Runs.article(in, "fine", null);
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, Main.execute("clean", in.toString(), "-o", out.toString(), "-q",
                "--timeout", "2m", "--max-chars", "500k", "--max-bytes", "1M"));
        JsonNode report = Runs.JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(120_000, report.at("/limits/timeout_ms").asLong());
        assertEquals(500_000, report.at("/limits/max_chars").asLong());
        assertEquals(1 << 20, report.at("/limits/max_bytes").asLong());
        assertEquals(0, report.get("lost_threads").asInt());
    }

    @Test
    void timeoutsAcceptMillisecondsSecondsAndMinutes(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Runs.article(in, "fine", null);
        for (String[] c : new String[][]{{"500ms", "500"}, {"30s", "30000"}, {"45", "45000"}, {"2m", "120000"}}) {
            Path out = dir.resolve("out-" + c[0]);
            assertEquals(ExitCodes.OK, Main.execute("clean", in.toString(), "-o", out.toString(), "-q", "--timeout", c[0]));
            assertEquals(Long.parseLong(c[1]), Runs.JSON.readTree(out.resolve("report.json").toFile()).at("/limits/timeout_ms").asLong(), c[0]);
        }
    }

    @Test
    void badLimitsAreUsageErrorsAndDoNothing(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Runs.article(in, "fine", null);
        PrintStream saved = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            for (String[] bad : new String[][]{{"--timeout", "soon"}, {"--timeout", "0s"}, {"--timeout", "-5s"},
                    {"--timeout", "3d"}, {"--max-chars", "0"}, {"--max-chars", "lots"}, {"--max-bytes", "3G"}}) {
                Path out = dir.resolve("out");
                assertEquals(ExitCodes.USAGE, Main.execute("clean", in.toString(), "-o", out.toString(), "-q", bad[0], bad[1]),
                        String.join(" ", bad));
                assertFalse(Files.exists(out), "a usage error writes nothing: " + String.join(" ", bad));
            }
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void theHelpNamesTheLimitFlags() {
        PrintStream saved = System.out;
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(help, true, StandardCharsets.UTF_8));
            assertEquals(ExitCodes.OK, Main.execute("clean", "--help"));
        } finally {
            System.setOut(saved);
        }
        String text = help.toString(StandardCharsets.UTF_8);
        for (String flag : List.of("--max-bytes", "--max-chars", "--timeout", "too_large", "timeout")) {
            assertTrue(text.contains(flag), flag + " in:\n" + text);
        }
    }
}
