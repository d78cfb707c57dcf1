package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.Zstd;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A .zst file is read like its content, as a .gz one is; a cut one is truncated. */
class ZstdInputTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aZstdFileIsItsContent(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] seed = Files.readAllBytes(Path.of("seeds").resolve(firstSeed()));
        Files.write(in.resolve("plain.txt"), seed);
        byte[] packed = Zstd.compress(seed, 3);
        Files.write(in.resolve("packed.txt.zst"), packed);
        Files.write(in.resolve("cut.txt.zst"), Arrays.copyOf(packed, packed.length / 2));
        assertEquals(ExitCodes.REJECTIONS, Main.execute("clean", in.toString(), "-o", tmp.resolve("out").toString(), "-q",
                "--no-corpus"));
        List<String> records = Files.readAllLines(tmp.resolve("out/articles.jsonl"));
        assertEquals(2, records.size());
        JsonNode packedRecord = JSON.readTree(records.get(0)), plainRecord = JSON.readTree(records.get(1));
        assertEquals("packed", packedRecord.get("id").asText());
        assertEquals(plainRecord.get("text"), packedRecord.get("text"));
        JsonNode cut = JSON.readTree(Files.readAllLines(tmp.resolve("out/rejected.jsonl")).get(0));
        assertEquals("cut", cut.get("id").asText());
        assertEquals("truncated", cut.get("reason").asText());
    }

    private static String firstSeed() throws IOException {
        try (var files = Files.list(Path.of("seeds"))) {
            return files.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    /** A streamed zstd frame with window log {@code log}, as {@code zstd --long} writes one (content size unknown). */
    private static byte[] withWindow(byte[] content, int log) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.github.luben.zstd.ZstdOutputStream z = new com.github.luben.zstd.ZstdOutputStream(out)) {
            z.setWindowLog(log);
            z.write(content);
        }
        return out.toByteArray();
    }

    /**
     * A valid frame with a window over the decoder's 128 MiB is too_large with a way out (zstd -d
     * --long=31), not corrupt, as a single document and as a JSON Lines container; at 128 MiB it is read.
     */
    @Test
    void aLongWindowFrameIsTooLargeNotCorrupt(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] page = ("The ferry to the island left the harbour at dawn, the operator said.\n\n"
                + "Passengers waited on the quay with bicycles and crates of apples.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] line = ("{\"text\": \"The quay reopened on Monday after a week of repairs, the council said.\"}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(in.resolve("w27.txt.zst"), withWindow(page, 27));
        Files.write(in.resolve("w28.txt.zst"), withWindow(page, 28));
        Files.write(in.resolve("w30.txt.zst"), withWindow(page, 30));
        Files.write(in.resolve("lines27.jsonl.zst"), withWindow(line, 27));
        Files.write(in.resolve("lines31.jsonl.zst"), withWindow(line, 31));
        assertEquals(ExitCodes.REJECTIONS, Main.execute("clean", in.toString(), "-o", tmp.resolve("out").toString(), "-q",
                "--no-corpus"));
        java.util.Map<String, JsonNode> rejected = new java.util.TreeMap<>();
        for (String l : Files.readAllLines(tmp.resolve("out/rejected.jsonl"))) rejected.put(JSON.readTree(l).get("id").asText(), JSON.readTree(l));
        assertEquals(java.util.Set.of("w28", "w30", "lines31#0"), rejected.keySet());
        for (JsonNode r : rejected.values()) {
            assertEquals("too_large", r.get("reason").asText(), r.toString());
            assertTrue(r.get("message").asText().contains("--long=31"), r.toString());
        }
        assertEquals(2, Files.readAllLines(tmp.resolve("out/articles.jsonl")).size(), "window 2^27 is read");
    }
}
