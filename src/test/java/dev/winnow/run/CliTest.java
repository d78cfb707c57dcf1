package dev.winnow.run;

import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
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
        CommandRun r = run("clean", "--help");
        assertEquals(ExitCodes.OK, r.exit());
        List<String> names = optionNames("clean");
        assertTrue(names.containsAll(List.of("-o", "--output", "-t", "--threads", "--max-bytes", "--source",
                "--no-text-files", "-q", "--quiet", "-h", "--help")), names.toString());
        for (String name : names) assertTrue(r.out().contains(name), "clean --help mentions " + name + ":\n" + r.out());
        assertTrue(r.out().contains("Exit codes"), "the help explains the exit codes");
    }

    @Test
    void topLevelHelpNamesTheCommands() {
        CommandRun r = run("--help");
        assertEquals(ExitCodes.OK, r.exit());
        for (String s : List.of("clean", "stages", "--help", "--version")) assertTrue(r.out().contains(s), s + " in:\n" + r.out());
    }

    @Test
    void versionPrintsTheVersion() {
        CommandRun r = run("--version");
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals("winnow " + dev.winnow.Version.VERSION, r.out().strip());
    }

    @Test
    void stagesListsTheChainAndEveryReasonCode() {
        CommandRun r = run("stages");
        assertEquals(ExitCodes.OK, r.exit());
        for (dev.winnow.core.Reason reason : dev.winnow.core.Reason.values()) assertTrue(r.out().contains(reason.code()), reason.code());
        assertTrue(r.out().contains("main_text"));
    }

    @Test
    void anUnknownOptionIsAUsageErrorAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        CommandRun r = run("clean", "seeds", "-o", out.toString(), "--no-such-option");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertFalse(Files.exists(out), "a usage error does nothing");
    }

    @Test
    void aMissingOutputIsAUsageError() {
        CommandRun r = run("clean", "seeds");
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
    void tooManyThreadsIsAUsageErrorWithAMessage(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        for (String n : List.of("1025", "100000", "2147483647")) {
            CommandRun r = run("clean", "seeds", "-o", out.toString(), "-t", n);
            assertEquals(ExitCodes.USAGE, r.exit(), n + ": " + r.err());
            assertTrue(r.err().contains("--threads must be at most 1024"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        assertFalse(Files.exists(out), "a usage error does nothing");
    }

    /** The size in a too_large message reads as a sentence: "2543 bytes, more than the limit of 1024 bytes". */
    @Test
    void aTooLargeMessageSaysMoreThanTheLimit(@TempDir Path tmp) throws java.io.IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("big.txt"), "The ferry left the harbour at dawn.\n".repeat(80), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("bigger.txt"), "The quay was closed to cars all day.\n".repeat(400), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, run("clean", in.toString(), "-o", out.toString(), "-q", "--max-bytes", "1K").exit());
        String rejected = Files.readString(out.resolve("rejected.jsonl"));
        assertTrue(rejected.contains("2880 bytes, more than the limit of 1024 bytes"), rejected);
        assertTrue(rejected.contains("14800 bytes, more than the limit of 1024 bytes"), rejected);
    }

    /** -q silences every note, the corpus stages' included; a rerun that did nothing does not claim it wrote. */
    @Test
    void quietMeansQuietAndASkippedRerunSaysUnchanged(@TempDir Path tmp) throws java.io.IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "The ferry to the island left the harbour at dawn, the operator said.\n",
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("The quay reopened on Monday after repairs, the council said.\n"
                    .getBytes(StandardCharsets.UTF_8)));
            CommandRun r = run("clean", in.toString(), "-", "-o", out.toString(), "-q");
            assertEquals(ExitCodes.OK, r.exit(), r.err());
            assertEquals("", r.err(), "-q prints nothing on a clean run");
        } finally {
            System.setIn(saved);
        }
        Path out2 = tmp.resolve("out2");
        CommandRun first = run("clean", in.toString(), "-o", out2.toString());
        assertTrue(first.err().contains("; wrote " + out2), first.err());
        CommandRun again = run("clean", in.toString(), "-o", out2.toString());
        assertTrue(again.err().contains("nothing to do") && again.err().contains("; unchanged " + out2), again.err());
        assertFalse(again.err().contains("wrote"), again.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("polish", "seeds").exit());
    }

    @Test
    void noCommandPrintsTheUsageAndIsAUsageError() {
        CommandRun r = run();
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("winnow clean INPUT... -o OUTDIR"), r.err());
    }

    /** A scheduler must not read a mistyped path or a folder not filled yet as a successful run of nothing. */
    @Test
    void nothingToReadIsAUsageErrorAndWritesNothing(@TempDir Path tmp) throws java.io.IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve(".hidden"), "skipped like every hidden file");
        for (List<String> inputs : List.of(List.of(tmp.resolve("missing").toString()), List.of(empty.toString()),
                List.of(empty.toString(), tmp.resolve("missing").toString()))) {
            Path out = tmp.resolve("out");
            List<String> args = new ArrayList<>(List.of("clean", "-q", "-o", out.toString()));
            args.addAll(inputs);
            CommandRun r = run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.exit(), inputs + ": " + r.err());
            assertTrue(r.err().contains("nothing to read"), r.err());
            assertFalse(Files.exists(out), "nothing written for " + inputs);
        }
    }

    /** Beside a path that exists, a missing one is that input's rejection: the others are still cleaned. */
    @Test
    void aMissingPathBesideARealOneIsARejection(@TempDir Path tmp) throws java.io.IOException {
        Path page = Files.writeString(tmp.resolve("page.txt"), "The ferry timetable adds two late crossings on "
                + "festival nights, the operator said on Friday after a month of complaints.\n");
        CommandRun r = run("clean", "-q", "-o", tmp.resolve("out").toString(), page.toString(), tmp.resolve("missing.txt").toString());
        assertEquals(ExitCodes.REJECTIONS, r.exit(), r.err());
        assertTrue(Files.readString(tmp.resolve("out/rejected.jsonl")).contains("no such file or folder"));
    }
}
