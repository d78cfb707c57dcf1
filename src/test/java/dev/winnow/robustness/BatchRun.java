package dev.winnow.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.testing.HangGuard;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One finished {@code winnow clean} run and what it wrote, parsed: records and rejections keyed by the
 * input's file name (the last segment of {@code path}), and {@code report.json}. Runs in this JVM
 * through {@link Main#execute}, or in a child JVM when the test needs its own heap or must survive a
 * hang.
 */
record BatchRun(int exit, Path out, Map<String, JsonNode> records, Map<String, JsonNode> rejections, JsonNode report,
                String log) {

    /** Every run's {@code --source}, so records do not depend on the temporary folder's name. */
    static final String SOURCE = "robustness";

    /** Runs {@code clean INPUTS -o OUT -q --source robustness [extra...]} in this JVM. */
    static BatchRun inProcess(Path out, List<String> inputs, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("clean"));
        args.addAll(inputs);
        args.addAll(List.of("-o", out.toString(), "-q", "--source", SOURCE));
        args.addAll(List.of(extra));
        int exit = Main.execute(args.toArray(String[]::new));
        return read(exit, out, "");
    }

    /**
     * Runs the same command in a child JVM with {@code -Xmx<heap>}, on this test run's class path, and
     * kills it if it is still running after {@link HangGuard#LIMIT}: a hang fails the test, with the child's
     * threads, instead of the build.
     */
    static BatchRun forked(Path out, String heap, List<String> inputs, String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-Dfile.encoding=UTF-8",
                "-cp", testClassPath(), Main.class.getName(), "clean"));
        command.addAll(inputs);
        command.addAll(List.of("-o", out.toString(), "-q", "--source", SOURCE));
        command.addAll(List.of(extra));
        Path log = Files.createTempFile("winnow-fork", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(HangGuard.LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                String threads = HangGuard.threadDump(p);
                p.destroyForcibly().waitFor();
                fail("winnow clean " + inputs + " " + List.of(extra) + " was still running after " + HangGuard.LIMIT
                        + " and was killed; output:\n" + Files.readString(log) + threads);
            }
            return read(p.exitValue(), out, Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static BatchRun read(int exit, Path out, String log) throws IOException {
        if (exit != ExitCodes.OK && exit != ExitCodes.REJECTIONS) {
            fail("the run failed with exit " + exit + " (expected 0 or 3: a bad input costs that input, not the run)"
                    + (log.isEmpty() ? "" : "; output:\n" + log) + "\noutput folder holds: " + list(out));
        }
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String line : lines(out.resolve("articles.jsonl"))) {
            JsonNode r = RecordContract.assertRecordLine(line);
            assertTrue(records.put(fileName(r.at("/metadata/input/path").asText()), r) == null, "one record per input: " + line);
        }
        Map<String, JsonNode> rejections = new LinkedHashMap<>();
        for (String line : lines(out.resolve("rejected.jsonl"))) {
            JsonNode r = RecordContract.assertRejectionLine(line);
            assertTrue(rejections.put(fileName(r.path("path").asText()), r) == null, "one rejection per input: " + line);
        }
        JsonNode report = RecordContract.JSON.readTree(out.resolve("report.json").toFile());
        return new BatchRun(exit, out, records, rejections, report, log);
    }

    /**
     * The run's books balance: {@code inputs = records + rejected} in {@code report.json}, the files hold
     * exactly those lines, the per-reason counts match the lines, each record has its text file, no
     * temporary file is left, and the exit code says whether anything was rejected.
     */
    BatchRun assertAccounted() throws IOException {
        int inputs = report.path("inputs").asInt(-1);
        assertEquals(inputs, report.path("records").asInt() + report.path("rejected").asInt(),
                "report.json: inputs == records + rejected\n" + report);
        assertEquals(records.size(), report.path("records").asInt(), "records in report.json and articles.jsonl");
        assertEquals(rejections.size(), report.path("rejected").asInt(), "rejections in report.json and rejected.jsonl");
        Map<String, Integer> perReason = new TreeMap<>();
        rejections.values().forEach(r -> perReason.merge(r.path("reason").asText(), 1, Integer::sum));
        Map<String, Integer> reported = new TreeMap<>();
        report.path("rejections").fields().forEachRemaining(e -> reported.put(e.getKey(), e.getValue().asInt()));
        assertEquals(perReason, reported, "report.json rejections per reason");
        assertEquals(rejections.isEmpty() ? ExitCodes.OK : ExitCodes.REJECTIONS, exit, "exit code");
        if (Files.isDirectory(out.resolve("text"))) {
            try (Stream<Path> texts = Files.list(out.resolve("text"))) {
                List<String> contents = new ArrayList<>();
                for (Path t : texts.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    contents.add(Files.readString(t, StandardCharsets.UTF_8));
                }
                List<String> expected = new ArrayList<>(records.values().stream().map(r -> r.path("text").asText() + "\n").toList());
                contents.sort(null);
                expected.sort(null);
                assertEquals(expected, contents, "one text file per record, holding its text");
            }
        }
        try (Stream<Path> all = Files.walk(out)) {
            List<Path> tmp = all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), tmp, "temporary files left in the output folder");
        }
        return this;
    }

    /** The record for the input file {@code name}, failing with what became of it otherwise. */
    JsonNode record(String name) {
        JsonNode r = records.get(name);
        assertNotNull(r, name + " gives a record; " + whatBecameOf(name));
        assertFalse(rejections.containsKey(name), name + " is also rejected");
        return r;
    }

    /** The rejection for the input file {@code name}, failing with what became of it otherwise. */
    JsonNode rejection(String name) {
        JsonNode r = rejections.get(name);
        assertNotNull(r, name + " is rejected; " + whatBecameOf(name));
        assertFalse(records.containsKey(name), name + " is also a record");
        return r;
    }

    /** Asserts {@code name} was rejected with {@code reason} and a message for a person. */
    JsonNode assertRejected(String name, String reason) {
        JsonNode r = rejection(name);
        assertEquals(reason, r.path("reason").asText(), "reason for " + name + ": " + r);
        assertFalse(r.path("message").asText().isBlank(), "the rejection explains itself");
        return r;
    }

    private String whatBecameOf(String name) {
        return "records: " + records.keySet() + ", rejections: " + rejections.values();
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf(File.separatorChar);
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static List<String> lines(Path jsonl) throws IOException {
        byte[] bytes = Files.readAllBytes(jsonl);
        String content = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(content.isEmpty() || content.endsWith("\n"), jsonl + " does not end with a newline");
        // Split on '\n' only: a record line never holds a raw line break, whatever the input's file name.
        List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    private static String list(Path dir) {
        if (!Files.isDirectory(dir)) return "(no folder)";
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).filter(s -> !s.isEmpty()).toList().toString();
        } catch (IOException e) {
            return "(cannot list: " + e + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire sets java.class.path to the full test class path, main and test classes included. */
    static String testClassPath() {
        String cp = System.getProperty("java.class.path");
        boolean hasMain = Stream.of(cp.split(File.pathSeparator)).anyMatch(e -> Files.isDirectory(Path.of(e).resolve("dev/winnow/cli")));
        assertTrue(hasMain, "the test class path holds the main classes: " + cp);
        return cp;
    }
}
