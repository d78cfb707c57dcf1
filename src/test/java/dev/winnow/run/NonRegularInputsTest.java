package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.testing.HangGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs that are not regular files: a pipe given by name is read whole, exactly once, and cannot hang
 * the run past --timeout; a pipe, socket, link to nothing or link out of the folder found inside an
 * input folder is a rejection with its own reason, never a silent skip and never read; and for every
 * run {@code inputs = records + rejected}.
 */
class NonRegularInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String prose(int paragraphs, String topic) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            sb.append("Paragraph ").append(i).append(" on ").append(topic)
                    .append(": the ferry left the harbour at dawn and the passengers waited on the quay with their bicycles.\n\n");
        }
        return sb.toString();
    }

    /** A run's outcome: exit, stderr, records by id and rejections by id. */
    private record Run(int exit, String err, Map<String, JsonNode> records, Map<String, JsonNode> rejections, JsonNode report) {}

    private static Run run(String... args) throws IOException {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute(args);
        } finally {
            System.setErr(saved);
        }
        Path out = Path.of(args[List.of(args).indexOf("-o") + 1]);
        Run r = new Run(exit, err.toString(StandardCharsets.UTF_8), byId(out.resolve("articles.jsonl")),
                byId(out.resolve("rejected.jsonl")), JSON.readTree(out.resolve("report.json").toFile()));
        assertEquals(r.report().path("inputs").asInt(), r.records().size() + r.rejections().size(), "inputs = records + rejected");
        assertEquals(r.report().path("records").asInt(), r.records().size());
        return r;
    }

    private static Map<String, JsonNode> byId(Path file) throws IOException {
        Map<String, JsonNode> m = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            m.put(n.path("id").asText(), n);
        }
        return m;
    }

    private static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0 && Files.exists(path), "mkfifo is available");
        return path;
    }

    /** Writes {@code content} into a pipe once a reader opens it. */
    private static Thread feed(Path pipe, byte[] content) {
        Thread t = new Thread(() -> {
            // WRITE without CREATE: a pipe already removed must not come back as a plain file.
            try (OutputStream out = Files.newOutputStream(pipe, StandardOpenOption.WRITE)) {
                out.write(content);
            } catch (IOException e) {
                // the reader went away: the test's assertions say what was read
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Lets a reader blocked in opening the pipe go (it reads end-of-file), so no thread stays stuck. */
    private static void release(Path pipe) throws InterruptedException {
        feed(pipe, new byte[0]).join(5000);
    }

    @Test
    void aPipeGivenByNameIsReadWhole(@TempDir Path tmp) throws Exception {
        // Sizes around the 8 KiB a name without extension used to be sniffed with, and well beyond.
        for (int paragraphs : new int[]{3, 80, 700}) {
            String text = prose(paragraphs, "pipes " + paragraphs);
            Path file = tmp.resolve("copy-" + paragraphs + ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Path pipe = fifo(tmp.resolve("feed" + paragraphs));
            feed(pipe, text.getBytes(StandardCharsets.UTF_8));
            Run fromPipe = assertTimeoutPreemptively(HangGuard.LIMIT,
                    () -> run("clean", pipe.toString(), "-o", tmp.resolve("out-pipe-" + paragraphs).toString()));
            Run fromFile = run("clean", file.toString(), "-o", tmp.resolve("out-file-" + paragraphs).toString(), "-q");
            assertEquals(ExitCodes.OK, fromPipe.exit(), fromPipe.err());
            assertEquals(fromFile.records().values().iterator().next().path("text").asText(),
                    fromPipe.records().get("feed" + paragraphs).path("text").asText(), paragraphs + " paragraphs: every byte of the pipe");
            assertTrue(fromPipe.err().contains("corpus stages are off"), "said why the corpus stages are off: " + fromPipe.err());
        }
    }

    @Test
    void aPipeNamedAsJsonLinesGivesEveryLineOnce(@TempDir Path tmp) throws Exception {
        for (int lines : new int[]{2, 9, 250}) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines; i++) sb.append(JSON.writeValueAsString(Map.of("text", prose(2, "line " + i)))).append('\n');
            Path pipe = fifo(tmp.resolve("scrape" + lines + ".jsonl"));
            feed(pipe, sb.toString().getBytes(StandardCharsets.UTF_8));
            Run r = assertTimeoutPreemptively(HangGuard.LIMIT,
                    () -> run("clean", pipe.toString(), "-o", tmp.resolve("out" + lines).toString(), "-q"));
            assertEquals(lines, r.records().size(), r.rejections().toString());
            assertFalse(r.err().contains("corpus stages are off"), "-q keeps the note quiet: " + r.err());
        }
    }

    /** A web archive through a pipe with garbage inside: the pipe cannot be reopened to resynchronise, so it ends there. */
    @Test
    void aWarcPipeWithGarbageEndsAtTheGarbageWithoutHanging(@TempDir Path tmp) throws Exception {
        String page = "<html><body><p>" + prose(2, "the archive") + "</p></body></html>";
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
        int length = http.getBytes(StandardCharsets.UTF_8).length;
        String record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
                + "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + length + "\r\n\r\n" + http + "\r\n\r\n";
        Path pipe = fifo(tmp.resolve("crawl.warc"));
        feed(pipe, (record + "garbage, not a record\r\n\r\n" + record).getBytes(StandardCharsets.UTF_8));
        Run r = assertTimeoutPreemptively(HangGuard.LIMIT,
                () -> run("clean", pipe.toString(), "-o", tmp.resolve("out").toString(), "-q"));
        assertEquals(List.of("crawl#0"), new ArrayList<>(r.records().keySet()));
        assertEquals("corrupt", r.rejections().get("crawl#1").path("reason").asText(), r.rejections().toString());
    }

    @Test
    void aPipeWithNoWriterEndsAsATimeoutNotAHang(@TempDir Path tmp) throws Exception {
        Path pipe = fifo(tmp.resolve("silent"));
        try {
            Run r = assertTimeoutPreemptively(HangGuard.LIMIT,
                    () -> run("clean", pipe.toString(), "-o", tmp.resolve("out").toString(), "-q", "--timeout", "1s"));
            assertEquals("timeout", r.rejections().get("silent").path("reason").asText(), r.rejections().toString());
        } finally {
            release(pipe);
        }
    }

    /**
     * Cleans one document with the default budget, so the models and classes the first document of a JVM
     * loads do not count against the 1 s --timeout the pipe tests use (run alone, a cold first document
     * took over 1 s and came out a timeout).
     */
    private static void warmUp(Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("warm-up.txt"), prose(3, "warming up"), StandardCharsets.UTF_8);
        run("clean", file.toString(), "-o", tmp.resolve("out-warm-up").toString(), "-q");
    }

    /** Writes {@code content} into a pipe once a reader opens it, then holds it open without writing until {@code go}. */
    private static Thread feedThenStall(Path pipe, byte[] content, java.util.concurrent.CountDownLatch go) {
        Thread t = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(pipe, StandardOpenOption.WRITE)) {
                out.write(content);
                out.flush();
                go.await();
            } catch (IOException | InterruptedException e) {
                // the reader went away: the test's assertions say what was read
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static byte[] gzipFlushed(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // sync-flushed and never finished: what a compressing writer that stalls has put in the pipe so far
        java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes, true);
        gz.write(content);
        gz.flush();
        return bytes.toByteArray();
    }

    /**
     * Pipes named as containers whose writer writes part of them, then goes silent without closing: what
     * arrived is kept, the container ends with one timeout, and the inputs after it are cleaned.
     */
    @Test
    void aContainerPipeWhoseWriterStallsEndsAsATimeoutNotAHang(@TempDir Path tmp) throws Exception {
        warmUp(tmp);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) lines.append(JSON.writeValueAsString(Map.of("text", prose(2, "stalled line " + i)))).append('\n');
        String unfinished = "{\"text\": \"the writer stopped in the middle of";
        String page = "<html><body><p>" + prose(2, "the stalled archive") + "</p></body></html>";
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
        String record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://stall.example/\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
                + "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000007>\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + http.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + http + "\r\n\r\n";
        String halfRecord = record.substring(0, record.length() / 2);
        Path story = tmp.resolve("after.txt");
        Files.writeString(story, prose(3, "the story after the pipes"), StandardCharsets.UTF_8);
        Path lines1 = fifo(tmp.resolve("lines.jsonl"));
        Path lines2 = fifo(tmp.resolve("packed.jsonl.gz"));
        Path crawl = fifo(tmp.resolve("crawl.warc"));
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> writers = List.of(
                feedThenStall(lines1, (lines + unfinished).getBytes(StandardCharsets.UTF_8), go),
                feedThenStall(lines2, gzipFlushed((lines + unfinished).getBytes(StandardCharsets.UTF_8)), go),
                feedThenStall(crawl, (record + halfRecord).getBytes(StandardCharsets.UTF_8), go));
        try {
            Run r = assertTimeoutPreemptively(HangGuard.LIMIT, () -> run("clean", lines1.toString(), lines2.toString(),
                    crawl.toString(), story.toString(), "-o", tmp.resolve("out").toString(), "-q", "--timeout", "1s"));
            assertEquals(ExitCodes.REJECTIONS, r.exit(), r.err());
            // A decompressor that asked for more input when the writer stalled drops what it decoded in that
            // read: the compressed pipe keeps a prefix of its lines, then its one timeout.
            long packed = r.records().keySet().stream().filter(id -> id.startsWith("packed#")).count();
            for (String id : List.of("lines#3", "packed#" + packed, "crawl#1")) {
                JsonNode rej = r.rejections().get(id);
                assertEquals("timeout", rej == null ? null : rej.path("reason").asText(), id + ": " + r.rejections());
                assertTrue(rej.path("message").asText().contains("wrote nothing for 1s"), rej.toString());
            }
            assertEquals(3, r.rejections().size(), r.rejections().toString());
            List<String> records = new ArrayList<>(r.records().keySet());
            records.removeIf(id -> id.startsWith("packed#"));
            assertEquals(List.of("after", "crawl#0", "lines#0", "lines#1", "lines#2"), records, "what arrived before the stall is kept");
        } finally {
            go.countDown();
            for (Thread t : writers) t.join(5000);
        }
    }

    /** Pipes named as containers, which no program opens for writing: a timeout each, the input between them cleaned. */
    @Test
    void aContainerPipeWithNoWriterEndsAsATimeoutNotAHang(@TempDir Path tmp) throws Exception {
        warmUp(tmp);
        Path file = tmp.resolve("story.txt");
        Files.writeString(file, prose(3, "the story beside the pipes"), StandardCharsets.UTF_8);
        List<Path> pipes = List.of(fifo(tmp.resolve("silent.jsonl")), fifo(tmp.resolve("quiet.warc")));
        try {
            Run r = assertTimeoutPreemptively(HangGuard.LIMIT, () -> run("clean", pipes.get(0).toString(), file.toString(),
                    pipes.get(1).toString(), "-o", tmp.resolve("out").toString(), "-q", "--timeout", "1s"));
            for (String id : List.of("silent", "quiet")) {
                JsonNode rej = r.rejections().get(id);
                assertEquals("timeout", rej == null ? null : rej.path("reason").asText(), r.rejections().toString());
                assertTrue(rej.path("message").asText().contains("for writing within 1s"), rej.toString());
            }
            assertEquals(List.of("story"), new ArrayList<>(r.records().keySet()));
        } finally {
            for (Path p : pipes) release(p);
        }
    }

    @Test
    void pipesAndSocketsInsideAFolderAreRejectedNotSkippedAndNeverRead(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("story.txt"), prose(3, "the folder"), StandardCharsets.UTF_8);
        Path pipe = fifo(in.resolve("inbox.txt"));
        Path nested = fifo(Files.createDirectories(in.resolve("deep/er")).resolve("queue"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(in.resolve("control.sock")));
            Run r = assertTimeoutPreemptively(HangGuard.LIMIT,
                    () -> run("clean", in.toString(), "-o", tmp.resolve("out").toString(), "-q"));
            assertEquals(ExitCodes.REJECTIONS, r.exit());
            assertEquals(List.of("story"), new ArrayList<>(r.records().keySet()));
            for (String id : List.of("inbox", "deep__er__queue", "control")) {
                assertEquals("not_a_file", r.rejections().get(id).path("reason").asText(), r.rejections().toString());
            }
            assertEquals(3, r.report().path("rejections").path("not_a_file").asInt());
        } finally {
            release(pipe);
            release(nested);
        }
    }

    @Test
    void linksOutOfTheFolderAreRejectedUnlessFollowed(@TempDir Path tmp) throws Exception {
        Path secrets = Files.createDirectories(tmp.resolve("private"));
        String secret = "The vault combination is written on the back of the harbour master's calendar, she said.\n";
        Files.writeString(secrets.resolve("vault.txt"), secret, StandardCharsets.UTF_8);
        Files.writeString(secrets.resolve("more.txt"), secret.replace("vault", "safe"), StandardCharsets.UTF_8);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(Files.createDirectories(in.resolve("a")).resolve("story.txt"), prose(3, "links"), StandardCharsets.UTF_8);
        Files.createSymbolicLink(in.resolve("to-file.txt"), secrets.resolve("vault.txt"));
        Files.createSymbolicLink(in.resolve("a").resolve("to-folder"), secrets);
        Files.createSymbolicLink(in.resolve("relative.txt"), Path.of("../private/vault.txt"));
        Files.createSymbolicLink(in.resolve("inside.txt"), Path.of("a/story.txt"));
        Files.createSymbolicLink(in.resolve("nowhere.txt"), tmp.resolve("missing.txt"));
        if (Files.isReadable(Path.of("/etc/hostname"))) Files.createSymbolicLink(in.resolve("hostname"), Path.of("/etc/hostname"));

        Run safe = run("clean", in.toString(), "-o", tmp.resolve("safe").toString(), "-q");
        assertEquals(List.of("a__story", "inside"), new ArrayList<>(safe.records().keySet()), "links inside the folder are read");
        for (String id : List.of("to-file", "a__to-folder", "relative")) {
            JsonNode rej = safe.rejections().get(id);
            assertEquals("outside_input", rej.path("reason").asText(), safe.rejections().toString());
            assertTrue(rej.path("message").asText().contains("--follow-links"), rej.toString());
        }
        if (Files.exists(in.resolve("hostname"))) assertEquals("outside_input", safe.rejections().get("hostname").path("reason").asText());
        assertEquals("unreadable", safe.rejections().get("nowhere").path("reason").asText());
        assertFalse(Files.readString(tmp.resolve("safe").resolve("articles.jsonl")).contains("vault combination"), "nothing outside was read");

        Run followed = run("clean", in.toString(), "-o", tmp.resolve("followed").toString(), "-q", "--follow-links");
        assertTrue(followed.records().keySet().containsAll(List.of("to-file", "relative", "a__to-folder__vault", "a__to-folder__more")), followed.records().keySet().toString());
        assertEquals("unreadable", followed.rejections().get("nowhere").path("reason").asText());
    }
}
