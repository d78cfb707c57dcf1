package dev.winnow.spark;

import dev.winnow.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark runner does not write the removed-attributes side file yet: {@code --removed attributes} is a
 * usage error (exit 2) that says what to use instead, before Spark starts or anything is written.
 */
class SparkRemovedAttributesTest {

    @Test
    void theAttributesLayoutIsRefusedWithAUsageError(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "The harbour reopened on Monday after the storm.\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = SparkMain.execute(in.toString(), "-o", out.toString(), "-q", "--removed", "attributes");
        } finally {
            System.setErr(saved);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, exit, said);
        assertTrue(said.contains("--removed attributes is not supported by the Spark runner") && said.contains("winnow clean"), said);
        assertFalse(Files.exists(out), "nothing was written");
    }
}
