package dev.winnow.archive;

import dev.winnow.core.RejectReason;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** zstd beside gzip: the same four outcomes for a whole buffer, and the streaming opener. */
class CompressionZstdTest {
    @TempDir
    Path dir;

    private static final byte[] TEXT = ("Winnow strips boilerplate from scraped pages. ".repeat(200)).getBytes(StandardCharsets.UTF_8);

    @Test
    void recognisesZstdByMagicOnly() {
        assertTrue(Compression.isZstd(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0}));
        assertTrue(Compression.isZstd(new byte[] {0x50, 0x2A, 0x4D, 0x18}), "a skippable frame opens a zstd stream too");
        assertFalse(Compression.isZstd(new byte[] {0x28, (byte) 0xB5, 0x2F}));
        assertFalse(Compression.isZstd(new byte[] {0x1F, (byte) 0x8B, 8, 0}));
        assertFalse(Compression.isZstd("WARC/1.1".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void innerNameStripsZstLikeGz() {
        assertEquals("page.html", Compression.innerName("page.html.zst"));
        assertEquals("page.html", Compression.innerName("page.html.gz"));
        assertEquals("page.zstd", Compression.innerName("page.zstd"));
        assertNull(Compression.innerName(null));
    }

    @Test
    void inflatesAWholeBuffer() throws IOException {
        Compression.Inflated inflated = Compression.unzstd(zstd(TEXT), 1 << 20);
        assertTrue(inflated.ok(), inflated.message());
        assertArrayEquals(TEXT, inflated.bytes());
    }

    @Test
    void aStreamCutShortIsTruncated() throws IOException {
        byte[] whole = zstd(TEXT);
        Compression.Inflated inflated = Compression.unzstd(Arrays.copyOf(whole, whole.length - 5), 1 << 20);
        assertEquals(RejectReason.TRUNCATED, inflated.reason(), inflated.message());
        assertTrue(inflated.message().startsWith("zstd stream ends early after "), inflated.message());
    }

    @Test
    void damagedBytesAreCorrupt() throws IOException {
        byte[] damaged = zstd(TEXT);
        for (int i = 8; i < damaged.length - 4; i++) damaged[i] ^= 0x33;
        Compression.Inflated inflated = Compression.unzstd(damaged, 1 << 20);
        assertEquals(RejectReason.CORRUPT, inflated.reason(), inflated.message());
        assertTrue(inflated.message().startsWith("not a valid zstd stream: "), inflated.message());
    }

    @Test
    void aHugeRatioPastTheLimitIsABombAndAModestOneTooLarge() throws IOException {
        byte[] zeros = zstd(new byte[20 << 20]);                 // 20 MiB of zeros: a few hundred bytes
        Compression.Inflated bomb = Compression.unzstd(zeros, 1 << 20);
        assertEquals(RejectReason.BOMB, bomb.reason());
        assertEquals("zstd input inflates past the limit of 1048576 bytes (--max-bytes) at a compression ratio above 100:1", bomb.message());

        Compression.Inflated tooLarge = Compression.unzstd(zstd(varied()), 1000);   // prose: well under 100:1
        assertEquals(RejectReason.TOO_LARGE, tooLarge.reason());
        assertEquals("zstd input inflates past the limit of 1000 bytes (--max-bytes)", tooLarge.message());
    }

    @Test
    void openDecompressesByMagicWhateverTheName() throws IOException {
        assertArrayEquals(TEXT, readAll(Files.write(dir.resolve("no-extension"), zstd(TEXT))));
        assertArrayEquals(TEXT, readAll(Files.write(dir.resolve("looks-plain.txt"), gzip(TEXT))));
        assertArrayEquals(TEXT, readAll(Files.write(dir.resolve("plain.zst"), TEXT)), "a misnamed plain file is read as is");
        byte[] two = concat(zstd(Arrays.copyOf(TEXT, 100)), zstd(Arrays.copyOfRange(TEXT, 100, TEXT.length)));
        assertArrayEquals(TEXT, readAll(Files.write(dir.resolve("frames.zst"), two)), "frames one after another");
        byte[] members = concat(gzip(Arrays.copyOf(TEXT, 100)), gzip(Arrays.copyOfRange(TEXT, 100, TEXT.length)));
        assertArrayEquals(TEXT, readAll(Files.write(dir.resolve("members.gz"), members)), "members one after another");
    }

    @Test
    void openReadsAZstdStreamWhoseDictionaryLeadsInASkippableFrame() throws IOException {
        // the WARC zstd layout: a 0x184D2A5D skippable frame holding the dictionary, then frames that need it
        ZstdDictTrainer trainer = new ZstdDictTrainer(1 << 20, 4096);
        for (int i = 0; i < 2000; i++) {
            trainer.addSample(("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + i + "-" + (i * 7919) + ">\r\n"
                    + "Content-Length: " + (i * 31 % 1000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] dictionary = trainer.trainSamples();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0x5D, 0x2A, 0x4D, 0x18});
        int n = dictionary.length;
        out.write(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        out.write(dictionary);
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
            z.setDict(dictionary);
            z.write(TEXT);
        }
        assertArrayEquals(TEXT, readAll(Files.write(dir.resolve("dict.warc.zst"), out.toByteArray())));
    }

    @Test
    void damageNamesWhatAFailedReadMeans() {
        assertEquals(RejectReason.TRUNCATED, Compression.damage(new java.io.EOFException()));
        assertEquals(RejectReason.TRUNCATED, Compression.damage(new com.github.luben.zstd.ZstdIOException(20, "Truncated source")));
        assertEquals(RejectReason.CORRUPT, Compression.damage(new com.github.luben.zstd.ZstdIOException(20, "Data corruption detected")));
        assertEquals(RejectReason.CORRUPT, Compression.damage(new java.util.zip.ZipException("invalid block type")));
        assertEquals(RejectReason.UNREADABLE, Compression.damage(new java.nio.file.AccessDeniedException("/x")));
    }

    /** Text that compresses like prose (a few to one), unlike {@link #TEXT}'s repeated sentence. */
    private static byte[] varied() {
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder();
        while (text.length() < 20_000) {
            for (int i = 3 + random.nextInt(6); i > 0; i--) text.append((char) ('a' + random.nextInt(26)));
            text.append(' ');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] readAll(Path file) throws IOException {
        try (InputStream in = Compression.open(file)) {
            return in.readAllBytes();
        }
    }

    static byte[] zstd(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
