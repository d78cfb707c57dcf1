package dev.winnow.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build's identity: a jar is known by what it holds, not by when it was written. */
class RunFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void aRebuiltJarWithTheSameEntriesIsTheSameBuild() throws IOException {
        Map<String, String> classes = Map.of("dev/winnow/A.class", "first", "dev/winnow/model.json", "{\"trees\":1}");
        Path first = jar("first.jar", classes, 1_000_000L);
        Path again = jar("again.jar", classes, 2_000_000L);
        Files.setLastModifiedTime(again, FileTime.fromMillis(5_000_000L));
        assertEquals(RunFingerprint.identify(first), RunFingerprint.identify(again));
    }

    @Test
    void aChangedEntryIsAnotherBuild() throws IOException {
        Path first = jar("first.jar", Map.of("dev/winnow/model.json", "{\"trees\":1}"), 1_000_000L);
        // same size, other bytes: a retrained model of the same length
        Path changed = jar("changed.jar", Map.of("dev/winnow/model.json", "{\"trees\":2}"), 1_000_000L);
        Path renamed = jar("renamed.jar", Map.of("dev/winnow/other.json", "{\"trees\":1}"), 1_000_000L);
        assertNotEquals(RunFingerprint.identify(first), RunFingerprint.identify(changed));
        assertNotEquals(RunFingerprint.identify(first), RunFingerprint.identify(renamed));
    }

    @Test
    void anInputsContentIsItsBytesNotItsPlaceOrTime() throws IOException {
        Path one = Files.writeString(dir.resolve("one.txt"), "The pier reopened on Monday.");
        Path copy = Files.createDirectories(dir.resolve("elsewhere")).resolve("copy.txt");
        Files.copy(one, copy);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(5_000_000L));
        assertEquals(RunFingerprint.contentOf(one), RunFingerprint.contentOf(copy));
        Files.writeString(copy, "The pier reopened on Sunday.");     // same size, one word changed
        assertNotEquals(RunFingerprint.contentOf(one), RunFingerprint.contentOf(copy));
        assertTrue(RunFingerprint.contentOf(dir.resolve("missing.txt")).startsWith("unreadable"));
    }

    @Test
    void aClassFolderIsKnownByItsFilesTimes() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path file = Files.writeString(classes.resolve("A.class"), "first");
        String before = RunFingerprint.identify(classes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 10_000));
        assertNotEquals(before, RunFingerprint.identify(classes));
    }

    private Path jar(String name, Map<String, String> entries, long entryTime) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : new java.util.TreeSet<>(entries.keySet())) {
                ZipEntry e = new ZipEntry(entry);
                e.setTime(entryTime);
                zip.putNextEntry(e);
                zip.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
