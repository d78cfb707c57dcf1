package dev.winnow.run.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.Main;
import dev.winnow.testing.HangGuard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whole runs for the output tests: a generated corpus, runs in this JVM or in a child JVM that can be
 * killed, and snapshots of everything an output folder holds.
 */
final class CleanRuns {
    private CleanRuns() {}

    static final ObjectMapper JSON = new ObjectMapper();
    /** The report fields that are counts (not timings): equal for an interrupted and an uninterrupted run. */
    static final List<String> REPORT_COUNTS = List.of("inputs", "records", "rejected", "rejections", "removals", "bytes_in", "output");

    private static final String[] PROSE = {
            "The harbour lights festival returned on Saturday after a five year pause, organisers said.",
            "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.",
            "Many of the lanterns were made by hand in a small workshop near the fish market.",
            "The council said the boats would sail again next year if the weather allowed it.",
            "Shop owners along the quay reported their busiest weekend since the market hall reopened.",
            "Volunteers spent the following morning clearing paper and wire from the beach below the pier.",
            "A new ferry timetable will add two late crossings on festival nights, the operator said.",
    };
    private static final String[] CHROME = {
            "Skip to content", "• Events", "• Harbour", "LIVE", "Share on Facebook", "12 Comments", "By Lena Marsh",
            "Sign up for our newsletter", "harbour-lights-festival-returns", "© Harbour Press", "Related stories",
    };

    /**
     * Writes {@code count} scrape-like documents of varied length into {@code dir}, and among them a few
     * inputs that end as rejections (empty, white space only, binary), so both data files have lines.
     */
    static Path corpus(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        for (int d = 0; d < count; d++) {
            Path file = dir.resolve(String.format(java.util.Locale.ROOT, "doc_%04d.txt", d));
            if (d % 50 == 7) {
                Files.write(file, d % 100 == 7 ? new byte[0] : "   \n\n  ".getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (d % 50 == 31) {
                byte[] binary = new byte[200 + random.nextInt(200)];
                random.nextBytes(binary);
                for (int i = 0; i < binary.length; i += 3) binary[i] = 0;
                Files.write(file, binary);
                continue;
            }
            StringBuilder sb = new StringBuilder("Lantern Boats Return To The Harbour, Part " + d + "\n\n");
            int parts = 6 + random.nextInt(40);
            for (int i = 0; i < parts; i++) {
                boolean prose = random.nextInt(4) > 0;
                String[] pool = prose ? PROSE : CHROME;
                sb.append(pool[random.nextInt(pool.length)]).append(prose ? " Item " + random.nextInt(1000) + ".\n\n" : "\n");
            }
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** {@code clean} arguments: the corpus folder, a missing path (an unreadable outcome) and the output folder. */
    static List<String> cleanArgs(Path corpus, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("clean", corpus.toString(), corpus.resolveSibling("missing.txt").toString(),
                "-o", out.toString(), "--threads", "2"));
        args.addAll(List.of(extra));
        return args;
    }

    /** Exit code and standard error of a run in this JVM. */
    record Result(int exit, String err) {}

    static synchronized Result inProcess(List<String> args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args.toArray(String[]::new));
            return new Result(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** A run in a child JVM, so it can be killed with SIGKILL ({@link Process#destroyForcibly()} on Unix). */
    static final class Child {
        final Process process;
        final Path stderr;

        private Child(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        /**
         * Starts {@code args} in a new JVM with this JVM's class path. {@code properties} become -D flags;
         * a C1-only JIT starts faster, which is what short runs need.
         */
        static Child start(List<String> args, Map<String, String> properties, Path stderr) throws IOException {
            return startIn(null, args, properties, stderr);
        }

        /** As {@link #start}, with {@code workingDir} as the child's current folder (null: this JVM's). */
        static Child startIn(Path workingDir, List<String> args, Map<String, String> properties, Path stderr) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m",
                    "-Dfile.encoding=UTF-8", "-Duser.language=tr", "-Duser.country=TR"));
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            // PausingMain: winnow clean, holding still at the step -Dwinnow.test.pauseAt names, if any.
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), PausingMain.class.getName()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).directory(workingDir == null ? null : workingDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile()).start();
            return new Child(p, stderr);
        }

        String err() {
            try {
                return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(cannot read " + stderr + ": " + e + ")";
            }
        }

        /**
         * Waits until {@code condition} holds while the child runs; false when the child ended first. Fails
         * with the child's threads after {@link HangGuard#LIMIT}.
         */
        boolean await(BooleanSupplier condition) {
            long deadline = System.nanoTime() + HangGuard.LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (condition.getAsBoolean()) return true;
                if (!process.isAlive()) return condition.getAsBoolean();
                LockSupport.parkNanos(200_000);
            }
            fail("timed out waiting for the child run; its stderr:\n" + err() + HangGuard.threadDump(process));
            return false;
        }

        boolean paused() {
            return err().contains("winnow: paused at");
        }

        /** SIGKILL; true when the child was still running (the kill landed). */
        boolean kill() throws InterruptedException {
            boolean alive = process.isAlive();
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return alive;
        }

        /** The child's exit code once it ends; fails with its threads after {@link HangGuard#LIMIT}. */
        int finish() throws InterruptedException {
            Duration timeout = HangGuard.LIMIT;
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                String threads = HangGuard.threadDump(process);
                process.destroyForcibly();
                fail("the child run did not finish in " + timeout + "; its stderr:\n" + err() + threads);
            }
            return process.exitValue();
        }
    }

    /**
     * Every file under {@code out}, hidden ones included, by relative path, with a hash of its bytes;
     * {@code report.json} only by name, since it holds timings.
     */
    static Map<String, String> snapshot(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.sorted().toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) continue;
                if (Files.isDirectory(p)) files.put(rel + "/", "folder");
                else files.put(rel, rel.equals("report.json") || rel.equals("report.html") ? "report" : sha256(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    /** {@code out} holds exactly what {@code reference} holds, byte for byte, and its report has the same counts. */
    static void assertSameOutput(Path reference, Path out, String what) throws IOException {
        Map<String, String> want = snapshot(reference), got = snapshot(out);
        if (!want.equals(got)) {
            List<String> diff = new ArrayList<>();
            for (String k : want.keySet()) if (!want.get(k).equals(got.get(k))) diff.add(got.containsKey(k) ? "differs: " + k : "missing: " + k);
            for (String k : got.keySet()) if (!want.containsKey(k)) diff.add("extra: " + k);
            fail(what + ": output differs from an uninterrupted run: " + (diff.size() > 20 ? diff.subList(0, 20) + "..." : diff));
        }
        JsonNode a = JSON.readTree(reference.resolve("report.json").toFile()), b = JSON.readTree(out.resolve("report.json").toFile());
        for (String field : REPORT_COUNTS) assertEquals(a.get(field), b.get(field), what + ": report.json " + field);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;      // renamed away between the check and the read
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
