package dev.winnow.spark;

import dev.winnow.core.RejectReason;
import dev.winnow.run.HeartbeatLock;
import dev.winnow.run.Inputs;
import dev.winnow.run.OutputOwnership;
import dev.winnow.run.Rejection;
import dev.winnow.run.RunFingerprint;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.security.AccessControlException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a Spark run reads its inputs and writes its output: through Hadoop's {@link FileSystem}, so
 * {@code hdfs://}, {@code s3a://}, {@code file://} and any connector on the class path work. An argument
 * with a scheme ({@code hdfs://nn/crawl}) is a Hadoop location; a plain path is a local one, read through
 * {@code java.nio} as before (it must be at the same path on every executor). The local file system is
 * used raw, so no {@code .crc} files appear beside the output.
 *
 * <p>The front ends read local files (a 10 GB archive is streamed from disk), so an executor copies a
 * remote input into a temporary folder ({@link #fetch}) before it reads it, and deletes the copy once
 * the input's documents are read: an executor needs free local disk for the largest input it reads.
 */
final class Storage {
    private Storage() {}

    /** A scheme of two or more letters (one letter is a Windows drive), then ":/". */
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:/.*", Pattern.DOTALL);

    /** Whether {@code arg} names a Hadoop location ({@code hdfs://...}, {@code s3a://...}, {@code file:/...}). */
    static boolean isUri(String arg) {
        return URI.matcher(arg).matches();
    }

    /** A location's file system and fully qualified path. */
    record Location(FileSystem fs, Path path) {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /**
     * {@code where} (a URI, or a local path made absolute) on its file system; the local one raw, with no
     * checksum files.
     */
    static Location locate(String where, Configuration conf) throws IOException {
        Path p = isUri(where) ? new Path(where) : new Path(java.nio.file.Path.of(where).toAbsolutePath().normalize().toUri());
        FileSystem fs = p.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) fs = local.getRawFileSystem();
        return new Location(fs, fs.makeQualified(p));
    }

    /** A Hadoop configuration that travels to executors (Configuration itself is not serialisable). */
    static final class Conf implements Serializable {
        private static final long serialVersionUID = 1L;
        private final byte[] written;
        private transient Configuration conf;

        Conf(Configuration conf) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                conf.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.written = bytes.toByteArray();
            this.conf = conf;
        }

        Configuration get() {
            if (conf == null) {
                Configuration c = new Configuration(false);
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(written))) {
                    c.readFields(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                conf = c;
            }
            return conf;
        }
    }

    /**
     * One input found by {@link #list}: its name as the user sees it, the URI it is read from, and its size and
     * modification time (milliseconds) as listed, which tell a rerun whether it changed.
     */
    record Listed(String name, String uri, long size, long modified) {
        /** What identifies this input's content for a run's fingerprint, as {@link RunFingerprint#stat} for a local file. */
        String stat() {
            return uri + "\t" + size + "\t" + modified;
        }
    }

    /** The inputs and unreadable paths below one Hadoop location, as {@link Inputs#expand} lists a folder. */
    record Listing(List<Listed> inputs, List<Rejection> unreadable, boolean absent) {
        Listing(List<Listed> inputs, List<Rejection> unreadable) {
            this(inputs, unreadable, false);
        }
    }

    /**
     * Lists {@code arg}, a URI, as the local runner lists a path: a file is one input; a folder is read
     * recursively, hidden entries (names starting with a dot) skipped, files sorted by their path below it;
     * the entries a run writes into {@code output} (null: none) when it lies in the folder are not inputs;
     * a missing location, or one this user may not read, is {@code unreadable}. Names are {@code arg} plus
     * the path below it, so records and rejections name an input as the user named its folder.
     *
     * @throws IOException when the file system cannot be reached or has no connector here: the run fails
     *                     (exit 1, the previous output kept) rather than count a corpus as unreadable
     */
    static Listing list(String arg, Path output, Configuration conf) throws IOException {
        List<Listed> inputs = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        String base = arg.replaceAll("/+$", "");
        Location root;
        FileStatus top;
        try {
            root = locate(arg, conf);
            top = root.fs().getFileStatus(root.path());
        } catch (FileNotFoundException e) {
            unreadable.add(unreadable(arg, "no such file or folder"));
            return new Listing(inputs, unreadable, true);
        } catch (AccessControlException | IllegalArgumentException e) {
            unreadable.add(unreadable(arg, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return new Listing(inputs, unreadable);
        }
        if (!top.isDirectory()) {
            inputs.add(new Listed(arg, top.getPath().toString(), top.getLen(), top.getModificationTime()));
            return new Listing(inputs, unreadable);
        }
        List<Found> files = new ArrayList<>();
        List<Rejection> failed = new ArrayList<>();
        walk(root.fs(), top.getPath(), "", base, output, files, failed);
        failed.sort(Comparator.comparing(Rejection::path));
        unreadable.addAll(failed);
        files.sort(Comparator.comparing(Found::below));
        for (Found f : files) {
            FileStatus file = f.status();
            inputs.add(new Listed(base + "/" + f.below(), file.getPath().toString(), file.getLen(), file.getModificationTime()));
        }
        return new Listing(inputs, unreadable);
    }

    /** A file found by the walk: its path below the listed folder, and its status. */
    private record Found(String below, FileStatus status) {}

    private static void walk(FileSystem fs, Path dir, String below, String base, Path output, List<Found> files,
                             List<Rejection> failed) throws IOException {
        FileStatus[] children;
        try {
            children = fs.listStatus(dir);
        } catch (FileNotFoundException | AccessControlException e) {    // gone since it was seen, or forbidden
            failed.add(unreadable(below.isEmpty() ? base : base + "/" + below, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return;
        }
        boolean isOutput = dir.equals(output);
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (name.startsWith(".")) continue;
            if (isOutput && OutputOwnership.isOutputName(name)) continue;
            String rel = below.isEmpty() ? name : below + "/" + name;
            if (child.isDirectory()) {
                walk(fs, child.getPath(), rel, base, output, files, failed);
            } else if (child.isFile()) {
                files.add(new Found(rel, child));
            } else {
                failed.add(new Rejection(Inputs.relativeId(rel), base + "/" + rel, RejectReason.NOT_A_FILE,
                        "not a file or a folder (a symbolic link on this file system): not read"));
            }
        }
    }

    private static Rejection unreadable(String name, String message) {
        return new Rejection(idOf(name), name, RejectReason.UNREADABLE, message);
    }

    /** The id the local runner gives a file of this name. */
    private static String idOf(String name) {
        return Inputs.relativeId(Inputs.below(name, name));
    }

    /** A remote input copied to a local temporary file, for the front ends; {@link #close} deletes it. */
    static final class Fetched implements Closeable {
        private final java.nio.file.Path dir;
        private final java.nio.file.Path file;

        private Fetched(java.nio.file.Path dir, java.nio.file.Path file) {
            this.dir = dir;
            this.file = file;
        }

        /** The local copy, named as the remote file is (its extension says what it holds). */
        java.nio.file.Path file() {
            return file;
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Copies {@code uri} into a new temporary folder of this machine. A folder of its own per copy, so two
     * tasks in one executor (or a retried task beside a late one) never share a file.
     *
     * @throws FileNotFoundException when the file is gone since it was listed (or may not be read)
     */
    static Fetched fetch(String uri, Conf conf) throws IOException {
        Location at = locate(uri, conf.get());
        java.nio.file.Path dir = Files.createTempDirectory("winnow-input");
        java.nio.file.Path file;
        try {
            file = dir.resolve(at.path().getName());
        } catch (InvalidPathException e) {
            // A name this machine's file name encoding cannot hold: its escaped form keeps the extension.
            file = dir.resolve(URLEncoder.encode(at.path().getName(), StandardCharsets.UTF_8));
        }
        try (InputStream in = at.fs().open(at.path())) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            throw e;
        }
        return new Fetched(dir, file);
    }

    /**
     * A new file at {@code path}, replacing one there (a retried task's), whose {@code close} makes it
     * durable first where the file system can ({@code hsync}: HDFS, a local disk), so a file renamed into
     * place after it is closed is never named but empty after a crash.
     */
    static OutputStream create(FileSystem fs, Path path) throws IOException {
        if (fs instanceof RawLocalFileSystem) {
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(local(path), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return syncedOnClose(java.nio.channels.Channels.newOutputStream(channel), () -> channel.force(true));
        }
        FSDataOutputStream file = fs.create(path, true);
        return syncedOnClose(file, () -> {
            file.flush();
            if (file.hasCapability(StreamCapabilities.HSYNC)) file.hsync();
        });
    }

    /**
     * A new scratch file at {@code path}, replacing one there, not synced: a file that a crash may leave short or
     * empty, for a reader that checks what it reads and can do without it (pass 1's spills, {@link PartitionSpills}).
     */
    static OutputStream scratch(FileSystem fs, Path path) throws IOException {
        if (fs instanceof RawLocalFileSystem) return Files.newOutputStream(local(path));
        return fs.create(path, true);
    }

    /** What makes a file durable before it is closed. */
    private interface Sync {
        void run() throws IOException;
    }

    /** {@code stream}, passing arrays through in one write, whose close runs {@code sync} first. */
    private static OutputStream syncedOnClose(OutputStream stream, Sync sync) {
        return new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stream.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try (stream) {
                    sync.run();
                }
            }
        };
    }

    /**
     * Writes a small file at {@code path}, replacing one there, not synced (a text file: the commit renames its
     * whole folder, and a crash before it discards it).
     */
    static void write(FileSystem fs, Path path, byte[] bytes) throws IOException {
        if (fs instanceof RawLocalFileSystem) {
            Files.write(local(path), bytes);
            return;
        }
        try (OutputStream out = fs.create(path, true)) {
            out.write(bytes);
        }
    }

    /**
     * A file of Hadoop's local file system as a {@code java.nio} path, to write it without Hadoop: its local file
     * system sets every new file's permissions, and without Hadoop's native library (absent from Spark's
     * distribution and from most installs) that forks a {@code chmod} process per file, about 20 ms, more than
     * cleaning the document takes. The parent folder is created as Hadoop's create would.
     */
    private static java.nio.file.Path local(Path path) throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of(path.toUri());
        Files.createDirectories(file.getParent());
        return file;
    }

    /**
     * The lock file {@code name} in the folder {@code dir} as {@link HeartbeatLock} reaches it. Creating it
     * if absent is atomic on HDFS (the name node refuses a second create) and on a local disk (through
     * {@code java.nio}'s exclusive create: Hadoop's local file system checks, then creates); on s3a it is a
     * check, then a write, so two runs starting at the same moment may both get it. A heartbeat is written
     * beside the file and renamed over it on HDFS and a local disk, so a reader never finds no file; on an
     * object store it is one whole-object write, which readers see whole too.
     */
    static HeartbeatLock.Store lockFile(Location dir, String name, String next) {
        FileSystem fs = dir.fs();
        Path file = new Path(dir.path(), name);
        Path nextFile = new Path(dir.path(), next);
        return new HeartbeatLock.Store() {
            @Override
            public boolean createNew(byte[] bytes) throws IOException {
                if (fs instanceof RawLocalFileSystem) {
                    try {
                        Files.write(local(file), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                        return true;
                    } catch (java.nio.file.FileAlreadyExistsException e) {
                        return false;
                    }
                }
                try (OutputStream out = fs.create(file, false)) {
                    out.write(bytes);
                    return true;
                } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                    return false;
                } catch (IOException e) {
                    // HDFS, while another client is still writing the file it created
                    if (e.getClass().getSimpleName().equals("AlreadyBeingCreatedException")) return false;
                    throw e;
                }
            }

            @Override
            public HeartbeatLock.Content read() throws IOException {
                try {
                    FileStatus status = fs.getFileStatus(file);
                    try (InputStream in = fs.open(file)) {
                        return new HeartbeatLock.Content(in.readAllBytes(), java.time.Instant.ofEpochMilli(status.getModificationTime()));
                    }
                } catch (FileNotFoundException e) {
                    return null;
                }
            }

            @Override
            public void replace(byte[] bytes) throws IOException {
                if (fs instanceof RawLocalFileSystem) {
                    Files.write(local(nextFile), bytes);
                    Files.move(local(nextFile), local(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else if (fs instanceof DistributedFileSystem hdfs) {
                    try (OutputStream out = fs.create(nextFile, true)) {
                        out.write(bytes);
                    }
                    hdfs.rename(nextFile, file, Options.Rename.OVERWRITE);
                } else {
                    try (OutputStream out = fs.create(file, true)) {
                        out.write(bytes);
                    }
                }
            }

            @Override
            public void delete() throws IOException {
                fs.delete(file, false);
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }

    /** The guard's view of a folder on a Hadoop file system ({@link OutputOwnership#check}), named {@code shown}. */
    static OutputOwnership.Folder folder(Location dir, String shown) {
        FileSystem fs = dir.fs();
        return new OutputOwnership.Folder() {
            @Override
            public boolean exists() throws IOException {
                try {
                    return fs.getFileStatus(dir.path()).isDirectory();
                } catch (FileNotFoundException e) {
                    return false;
                }
            }

            @Override
            public List<String> names() throws IOException {
                List<String> names = new ArrayList<>();
                for (FileStatus s : fs.listStatus(dir.path())) names.add(s.getPath().getName());
                return names;
            }

            @Override
            public boolean isFolder(String name) throws IOException {
                try {
                    return fs.getFileStatus(new Path(dir.path(), name)).isDirectory();
                } catch (FileNotFoundException e) {
                    return false;
                }
            }

            @Override
            public InputStream openRegularFile(String name) throws IOException {
                Path file = new Path(dir.path(), name);
                try {
                    return fs.getFileStatus(file).isFile() ? fs.open(file) : null;
                } catch (FileNotFoundException e) {
                    return null;
                }
            }

            @Override
            public String toString() {
                return shown;
            }
        };
    }
}
