package dev.winnow.archive;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.winnow.archive.Containers.Kind.*;
import static org.junit.jupiter.api.Assertions.*;

class ContainersTest {
    private static final byte[] WARC_HEAD = "WARC/1.1\r\nWARC-Type: warcinfo\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTML_HEAD = "<html><head><title>x</title>".getBytes(StandardCharsets.US_ASCII);

    @Test
    void byName() {
        for (String name : new String[] {"a.warc", "a.wet", "a.warc.gz", "a.wet.gz", "a.warc.zst", "CC-MAIN-1.WARC.GZ"}) {
            assertEquals(WARC, Containers.kindOf(name, HTML_HEAD), name);
        }
        for (String name : new String[] {"a.jsonl", "a.ndjson", "a.jsonl.gz", "a.jsonl.zst", "a.ndjson.gz", "A.JSONL"}) {
            assertEquals(JSONL, Containers.kindOf(name, HTML_HEAD), name);
        }
        for (String name : new String[] {"a.json", "a.html", "a.txt.gz", "a.zst", "warc", "a.warc.txt"}) {
            assertEquals(NONE, Containers.kindOf(name, HTML_HEAD), name);
        }
    }

    @Test
    void aWarcIsRecognisedByItsFirstBytesWhateverItsName() throws IOException {
        assertEquals(WARC, Containers.kindOf("download.bin", WARC_HEAD));
        assertEquals(WARC, Containers.kindOf("download.gz", CompressionHeads.gzip(WARC_HEAD)));
        assertEquals(WARC, Containers.kindOf("download", CompressionHeads.zstd(WARC_HEAD)));
        assertEquals(WARC, Containers.kindOf(null, WARC_HEAD));
        byte[] cutHead = java.util.Arrays.copyOf(CompressionHeads.gzip(WARC_HEAD), 12);
        assertEquals(NONE, Containers.kindOf("download.gz", cutHead), "too little to decompress: not recognised");
        assertEquals(NONE, Containers.kindOf("page.html", HTML_HEAD));
        assertEquals(NONE, Containers.kindOf("page.html", new byte[0]));
        assertEquals(NONE, Containers.kindOf("page.html", null));
        assertEquals(NONE, Containers.kindOf("notes.txt", "WARC/0.9 is not a version we read".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void optionsRefuseANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> Containers.Options.defaults(0));
        assertEquals(new Containers.Options(10, new Containers.Fields("text", "html", "url", "id")), Containers.Options.defaults(10));
    }

    @Test
    void aSingleDocumentIsNotOpenedAsAContainer() {
        assertThrows(IllegalArgumentException.class, () -> Containers.open(Path.of("x.html"), NONE, Containers.Options.defaults(10)));
    }

    /** Compressed heads for detection tests. */
    private static final class CompressionHeads {
        static byte[] gzip(byte[] b) {
            return Archives.gzip(b);
        }

        static byte[] zstd(byte[] b) throws IOException {
            return JsonLinesEntriesTest.zstd(b);
        }
    }
}
