package dev.winnow.run;

import dev.winnow.core.Document;
import dev.winnow.stages.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first pass's spill reads back what was written, entry by entry, and a spill that is truncated, damaged,
 * of another format or out of step with the inputs stops the reader with an error naming the spill: the second
 * pass never resumes a document from a guess.
 */
class DocumentsSpillTest {
    @TempDir
    Path tmp;

    private static Input input(int i) {
        return new Input("doc-" + i, "doc-" + i + ".txt", null, null, null, null, i);
    }

    private static byte[] paused(int i) {
        Document doc = Profiles.text().clean("Headline " + i + "\n\nA paragraph of text that stays, number " + i + ".\n");
        return new DocumentsSpill.Paused(DocumentsSpill.Kind.TEXT, "text/plain", "UTF-8", 100 + i, "ab".repeat(32), 0, doc, null)
                .toBytes();
    }

    /** Three entries: a paused document, a rejected one (no state), a paused one. */
    private Path written() throws IOException {
        Path file = tmp.resolve("documents.spill");
        try (DocumentsSpill.Writer w = new DocumentsSpill.Writer(file)) {
            w.add(input(0), paused(0));
            w.add(input(1), null);
            w.add(input(2), paused(2));
        }
        return file;
    }

    private static void readAll(Path file) throws IOException {
        try (DocumentsSpill.Reader r = new DocumentsSpill.Reader(file)) {
            for (int i = 0; i < 3; i++) r.next(input(i));
        }
    }

    @Test
    void entriesReadBackInOrder() throws IOException {
        Path file = written();
        try (DocumentsSpill.Reader r = new DocumentsSpill.Reader(file)) {
            byte[] first = r.next(input(0));
            assertArrayEquals(paused(0), first);
            assertNull(r.next(input(1)));
            DocumentsSpill.Paused third = DocumentsSpill.Paused.of(r.next(input(2)));
            assertEquals(102, third.bytes());
            assertEquals("text/plain", third.mediaType());
            assertEquals(Profiles.text().clean("Headline 2\n\nA paragraph of text that stays, number 2.\n").text(), third.main().text());
        }
    }

    @Test
    void aTruncatedSpillFailsLoudly() throws IOException {
        Path file = written();
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {all.length - 1, all.length / 2, 7, 3}) {
            Files.write(file, Arrays.copyOf(all, cut));
            IOException e = assertThrows(IOException.class, () -> readAll(file), "cut at " + cut);
            assertTrue(e.getMessage().contains("spill") && e.getMessage().contains("unusable"), e.getMessage());
        }
    }

    @Test
    void aDamagedByteFailsLoudly() throws IOException {
        Path file = written();
        byte[] all = Files.readAllBytes(file);
        // Every byte of the entries, flipped one at a time: a length, a checksum or a body, none passes.
        for (int at = DocumentsSpill.MAGIC.length + 1; at < all.length; at += 7) {
            byte[] damaged = all.clone();
            damaged[at] ^= 0x20;
            Files.write(file, damaged);
            int where = at;
            assertThrows(IOException.class, () -> readAll(file), "byte " + where);
        }
    }

    @Test
    void aSpillOutOfStepWithTheInputsFailsLoudly() throws IOException {
        Path file = written();
        try (DocumentsSpill.Reader r = new DocumentsSpill.Reader(file)) {
            r.next(input(0));
            IOException e = assertThrows(IOException.class, () -> r.next(input(2)));
            assertTrue(e.getMessage().contains("doc-1") && e.getMessage().contains("doc-2"), e.getMessage());
        }
    }

    @Test
    void anotherFormatOrVersionIsRefused() throws IOException {
        Path file = written();
        byte[] all = Files.readAllBytes(file);
        all[DocumentsSpill.MAGIC.length] = (byte) (DocumentsSpill.VERSION + 1);
        Files.write(file, all);
        IOException e = assertThrows(IOException.class, () -> new DocumentsSpill.Reader(file));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
        Files.writeString(file, "{\"id\": 1}\n");
        assertThrows(IOException.class, () -> new DocumentsSpill.Reader(file));
    }
}
