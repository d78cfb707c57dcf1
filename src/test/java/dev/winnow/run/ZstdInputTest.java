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
}
