package dev.winnow.spark;

import dev.winnow.run.OutputCommit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output folder behind Hadoop's {@link FileSystem} (a local folder, {@code hdfs://}, {@code s3a://}...), for
 * {@link OutputCommit}. HDFS and a local disk replace a file by one atomic rename; a store whose rename refuses
 * an existing target (an object store) has the old file deleted first, and renames a folder by copying it, so
 * there the commit takes time and is not atomic, but the report, removed first and written last, is still
 * absent until the data files are all in place.
 */
final class HadoopStore implements OutputCommit.Store {
    private final FileSystem fs;
    private final Path dir;

    HadoopStore(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    private Path at(String path) {
        return path.isEmpty() ? dir : new Path(dir, path);
    }

    private FileStatus status(Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    @Override
    public long size(String path) throws IOException {
        FileStatus s = status(at(path));
        return s != null && s.isFile() ? s.getLen() : -1;
    }

    @Override
    public boolean isDirectory(String path) throws IOException {
        FileStatus s = status(at(path));
        return s != null && s.isDirectory();
    }

    @Override
    public boolean exists(String path) throws IOException {
        return status(at(path)) != null;
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Path source = at(from), target = at(to);
        if (fs instanceof DistributedFileSystem hdfs) {
            hdfs.rename(source, target, Options.Rename.OVERWRITE);
            return;
        }
        try {
            if (fs.rename(source, target)) return;
        } catch (FileAlreadyExistsException e) {
            // some stores say so instead of returning false
        }
        FileStatus there = status(target);
        if (there == null || !there.isFile() || !fs.delete(target, false) || !fs.rename(source, target)) {
            throw new IOException("cannot rename " + source + " to " + target);
        }
    }

    @Override
    public void deleteTree(String path) throws IOException {
        fs.delete(at(path), true);
    }

    @Override
    public void mkdirs(String path) throws IOException {
        if (!fs.mkdirs(at(path))) throw new IOException("cannot create the folder " + at(path));
    }

    @Override
    public boolean isEmptyDirectory(String path) throws IOException {
        return isDirectory(path) && fs.listStatus(at(path)).length == 0;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        try (OutputStream out = Storage.create(fs, at(path))) {
            out.write(content);
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        try (java.io.InputStream in = fs.open(at(path))) {
            return in.readAllBytes();
        }
    }

    /** Hadoop's stores make a rename durable as part of it (HDFS's edit log) or not at all. */
    @Override
    public void sync(String path) {
    }
}
