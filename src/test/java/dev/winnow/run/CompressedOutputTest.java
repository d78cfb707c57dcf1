package dev.winnow.run;

import com.github.luben.zstd.ZstdInputStream;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code --compress gz|zst}: the same lines, compressed; a later plain run leaves no stale compressed file. */
class CompressedOutputTest {
    @Test
    void compressedOutputHoldsThePlainBytes(@TempDir Path tmp) throws IOException {
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", tmp.resolve("plain").toString(), "-q"));
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", tmp.resolve("gz").toString(), "-q", "--compress", "gz"));
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", tmp.resolve("zst").toString(), "-q", "--compress", "zst"));
        for (String name : new String[]{"articles.jsonl", "rejected.jsonl", "quotes.jsonl"}) {
            byte[] plain = Files.readAllBytes(tmp.resolve("plain").resolve(name));
            try (InputStream gz = new GZIPInputStream(Files.newInputStream(tmp.resolve("gz").resolve(name + ".gz")));
                 InputStream zst = new ZstdInputStream(Files.newInputStream(tmp.resolve("zst").resolve(name + ".zst")))) {
                assertArrayEquals(plain, gz.readAllBytes(), name + ".gz");
                assertArrayEquals(plain, zst.readAllBytes(), name + ".zst");
            }
        }
    }

    @Test
    void switchingCodecsReplacesTheEarlierFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", out.toString(), "-q", "--compress", "gz"));
        assertEquals(ExitCodes.OK, Main.execute("clean", "seeds", "-o", out.toString(), "-q"));
        assertFalse(Files.exists(out.resolve("articles.jsonl.gz")), "the gz output of the earlier run is gone");
        assertEquals(Files.readAllBytes(Path.of("cleaned/articles.jsonl")).length, Files.size(out.resolve("articles.jsonl")));
    }
}
