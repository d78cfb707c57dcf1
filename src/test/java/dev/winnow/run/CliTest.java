package dev.winnow.run;

import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: help that names every option, and usage errors that exit 2 without doing anything. */
class CliTest {

    /** What a command printed and how it exited. */
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** Every name of every option of a subcommand, read from the command model so new options are covered. */
    private static List<String> optionNames(String subcommand) {
        CommandLine clean = new CommandLine(new Main()).getSubcommands().get(subcommand);
        List<String> names = new ArrayList<>();
        clean.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    @Test
    void cleanHelpExitsZeroAndNamesEveryOption() {
        Run r = run("clean", "--help");
        assertEquals(ExitCodes.OK, r.exit());
        List<String> names = optionNames("clean");
        assertTrue(names.containsAll(List.of("-o", "--output", "-t", "--threads", "--max-bytes", "--source",
                "--no-text-files", "-q", "--quiet", "-h", "--help")), names.toString());
        for (String name : names) assertTrue(r.out().contains(name), "clean --help mentions " + name + ":\n" + r.out());
        assertTrue(r.out().contains("Exit codes"), "the help explains the exit codes");
    }

    @Test
    void topLevelHelpNamesTheCommands() {
        Run r = run("--help");
        assertEquals(ExitCodes.OK, r.exit());
        for (String s : List.of("clean", "stages", "--help", "--version")) assertTrue(r.out().contains(s), s + " in:\n" + r.out());
    }

    @Test
    void versionPrintsTheVersion() {
        Run r = run("--version");
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals("winnow " + dev.winnow.Version.VERSION, r.out().strip());
    }

    @Test
    void stagesListsTheChainAndEveryReasonCode() {
        Run r = run("stages");
        assertEquals(ExitCodes.OK, r.exit());
        for (dev.winnow.core.Reason reason : dev.winnow.core.Reason.values()) assertTrue(r.out().contains(reason.code()), reason.code());
        assertTrue(r.out().contains("main_text"));
    }

    @Test
    void anUnknownOptionIsAUsageErrorAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        Run r = run("clean", "seeds", "-o", out.toString(), "--no-such-option");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertFalse(Files.exists(out), "a usage error does nothing");
    }

    @Test
    void aMissingOutputIsAUsageError() {
        Run r = run("clean", "seeds");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--output"), r.err());
    }

    @Test
    void badValuesAreUsageErrors(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.USAGE, run("clean", "seeds", "-o", out.toString(), "--threads", "zero").exit());
        assertEquals(ExitCodes.USAGE, run("clean", "seeds", "-o", out.toString(), "--max-bytes", "lots").exit());
        assertEquals(ExitCodes.USAGE, run("clean", "seeds", "-o", out.toString(), "--threads", "0").exit());
        assertFalse(Files.exists(out), "a usage error does nothing");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("polish", "seeds").exit());
    }
}
