package dev.winnow.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a second run out of an output folder while one is active. The lock is an operating-system lock
 * on {@code OUTDIR/.winnow.lock} ({@link FileChannel#tryLock}), which belongs to the process: it goes
 * when the process ends, however it ends, so a killed run never leaves a stale lock behind. The file
 * names its holder (process id and start time) for the message a refused run prints, and is removed when
 * the lock is released, so a finished run leaves no lock file.
 *
 * <p>Removing the file opens a race: a run that opened the file just before the holder removed it could
 * lock the removed file while a third run locks a new one. A run therefore checks that the path names
 * the same file (device and inode) before it opened it and after it locked it, and tries again if not.
 * It never opens the file a second time while it holds the lock: closing any descriptor of a file drops
 * the process's POSIX locks on it.
 */
public final class OutputLock implements Closeable {
    public static final String FILE = ".winnow.lock";
    private static final int ATTEMPTS = 10;
    /**
     * Folders locked by this JVM. POSIX file locks belong to a process, and closing any channel on the
     * file drops them all, so a second run in the same JVM must be refused before it opens a channel.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path key, Path file, FileChannel channel, FileLock lock) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} (which must exist) for this run, or refuses with {@link OutputBusyException}. */
    public static OutputLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Path key = dir.toRealPath();
        if (!HELD.add(key)) throw new OutputBusyException(dir, "another run in this process");
        boolean locked = false;
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    // Usual: a killed run's file, or the holder's.
                }
                Object before = fileKey(file);
                FileChannel channel;
                try {
                    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (NoSuchFileException e) {
                    continue;   // its holder just removed it
                }
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new OutputBusyException(dir, holder(file));
                }
                Object after = fileKey(file);
                if (before == null || before.equals(after)) {
                    String token = "pid " + ProcessHandle.current().pid() + ", started "
                            + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                    locked = true;
                    return new OutputLock(key, file, channel, lock);
                }
                lock.release();     // the holder removed the file between our look and our lock
                channel.close();
            }
            throw new IOException("could not lock " + file + ": the file kept being replaced");
        } finally {
            if (!locked) HELD.remove(key);
        }
    }

    /** Removes the lock file, then releases the lock (in that order, see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Windows refuses to remove an open file; the file stays, and the next run takes it over.
        } finally {
            try {
                lock.release();
                channel.close();
            } finally {
                HELD.remove(key);
            }
        }
    }

    /** Who holds the lock, from what it wrote into the file, for the refusal message. */
    private static String holder(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            token = "";     // gone (its holder just finished) or unreadable
        }
        return token.isEmpty() ? "another winnow run" : "another winnow run (" + token + ")";
    }

    /** Device and inode of the file the path names; null where the platform has no such key, "missing" when there is no file. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return "missing";
        }
    }
}
