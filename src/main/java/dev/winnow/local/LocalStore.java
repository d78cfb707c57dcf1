package dev.winnow.local;

import dev.winnow.run.OutputCommit;
import dev.winnow.run.OutputFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * An output folder on a local disk, for {@link OutputCommit}: renames are atomic and replace, and what counts is
 * synced (files before they are renamed in, folders after their renames), so a commit survives a power cut too.
 */
final class LocalStore implements OutputCommit.Store {
    private final Path dir;

    LocalStore(Path dir) {
        this.dir = dir;
    }

    private Path at(String path) {
        return path.isEmpty() ? dir : dir.resolve(path);
    }

    @Override
    public long size(String path) throws IOException {
        Path file = at(path);
        return Files.isRegularFile(file) ? Files.size(file) : -1;
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(at(path));
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(at(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        move(at(from), at(to));
    }

    @Override
    public void deleteTree(String path) throws IOException {
        OutputFormat.deleteTree(at(path));
    }

    @Override
    public void mkdirs(String path) throws IOException {
        Files.createDirectories(at(path));
    }

    @Override
    public boolean isEmptyDirectory(String path) throws IOException {
        Path folder = at(path);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        writeSynced(at(path), content);
    }

    @Override
    public void sync(String path) {
        syncDirectory(at(path));
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(at(path));
    }

    /** Writes {@code file} whole (created or truncated) and syncs it. */
    static void writeSynced(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) ch.write(buffer);
            ch.force(false);
        }
    }

    static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes renames and removals in {@code dir} durable; a no-op where folders cannot be opened (Windows). */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not supported on this platform; the renames still happen, only their durability is the OS's.
        }
    }
}
