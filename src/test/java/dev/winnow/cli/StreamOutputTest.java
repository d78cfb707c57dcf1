package dev.winnow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -o -}: the records a folder run writes, byte for byte, on standard output; rejections and the report on
 * standard error or in the files named; options that only an output folder has are refused.
 */
class StreamOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run printed, and its exit code. */
    private record Printed(int code, byte[] out, String err) {}

    private static Printed execute(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Printed(code, stdout.toByteArray(), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The seeds, a JSON Lines file with a broken line (a rejection) and an empty file. */
    private static Path corpus(Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (Path seed : Files.list(Path.of("seeds")).sorted().toList()) Files.copy(seed, in.resolve(seed.getFileName()));
        Files.writeString(in.resolve("feed.jsonl"), "{\"text\": \"The ferry left the harbour at dawn, the operator said, "
                + "and the passengers waited on the quay with their bicycles.\"}\n{\"text\": broken\n");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        return in;
    }

    @Test
    void theStreamHoldsAFolderRunsRecordsAndRejections(@TempDir Path tmp) throws Exception {
        Path in = corpus(tmp);
        assertEquals(3, execute("clean", in.toString(), "-o", tmp.resolve("folder").toString(), "-q").code());

        Printed streamed = execute("clean", in.toString(), "-o", "-", "--rejected", tmp.resolve("rejected.jsonl").toString(),
                "--report", tmp.resolve("report.json").toString(), "-q");
        assertEquals(3, streamed.code(), streamed.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("folder/articles.jsonl")), streamed.out());
        assertEquals(Files.readString(tmp.resolve("folder/rejected.jsonl")), Files.readString(tmp.resolve("rejected.jsonl")));
        JsonNode folder = JSON.readTree(tmp.resolve("folder/report.json").toFile());
        JsonNode stream = JSON.readTree(tmp.resolve("report.json").toFile());
        for (String field : new String[] {"inputs", "records", "rejected", "rejections", "removals", "pipeline", "pipeline_corpus"}) {
            assertEquals(folder.get(field), stream.get(field), field);
        }

        // Without the files, both go to standard error: the rejections' lines, then the report.
        Printed plain = execute("clean", in.toString(), "-o", "-");
        assertArrayEquals(Files.readAllBytes(tmp.resolve("folder/articles.jsonl")), plain.out());
        String rejection = Files.readAllLines(tmp.resolve("folder/rejected.jsonl")).get(0);
        assertTrue(plain.err().startsWith(rejection + "\n"), plain.err());
        assertTrue(plain.err().contains("\"records\" : " + folder.path("records").asInt()), plain.err());
        assertTrue(Files.list(tmp).noneMatch(p -> p.getFileName().toString().equals("-")), "no folder named -");
    }

    @Test
    void standardInputStreamsToo(@TempDir Path tmp) throws Exception {
        java.io.InputStream stdin = System.in;
        System.setIn(Files.newInputStream(Path.of("seeds/000_ae272c2e0b32898c.txt")));
        try {
            Printed p = execute("clean", "-", "-o", "-", "-q");
            assertEquals(0, p.code(), p.err());
            assertEquals("stdin", JSON.readTree(new String(p.out(), StandardCharsets.UTF_8)).path("id").asText());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void optionsOfAnOutputFolderAreRefused(@TempDir Path tmp) throws Exception {
        for (String[] extra : new String[][] {{"--compress", "gz"}, {"--records-per-shard", "10"}, {"--removed", "attributes"},
                {"--restart"}}) {
            String[] args = new String[4 + extra.length];
            System.arraycopy(new String[] {"clean", "seeds", "-o", "-"}, 0, args, 0, 4);
            System.arraycopy(extra, 0, args, 4, extra.length);
            Printed p = execute(args);
            assertEquals(2, p.code(), String.join(" ", extra));
            assertEquals(0, p.out().length, "nothing on standard output");
        }
        assertEquals(2, execute("clean", "seeds", "-o", tmp.resolve("out").toString(), "--report", tmp.resolve("r.json").toString())
                .code(), "--report names a file of a stream only");
    }
}
