package dev.winnow.run;

import dev.winnow.Version;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What decides a run's output, hashed: the ordered inputs (each file's path, size and modification
 * time), the inputs that could not be read, every option that can change a byte of output, the stage
 * chain, the version, and the build itself (the jar's entries and their checksums, or a class folder's
 * files, sizes and times: a changed pipeline never passes for the old one, and a rebuild of the same
 * sources is the same build). Two runs with the same fingerprint write the same bytes, which is what lets
 * a rerun resume a checkpoint or skip finished output.
 *
 * <p>Options are read from the options record's components, so an option added later counts unless it
 * is named in {@link #NOT_OUTPUT}: counting one that does not matter costs a needless restart, missing
 * one that does would let a rerun mix two configurations.
 *
 * <p>This fingerprint knows inputs by where they lie and when they were written, which costs nothing to
 * check, so checkpoints and the finished-output check use it. A file rewritten with the same size within
 * the file system's time resolution is not noticed; {@code --restart} covers that. The same corpus checked
 * out afresh or copied looks changed to it, so a finished run also records {@link #ofContent}, which
 * knows inputs by their bytes: a rerun whose inputs were only copied or touched finds the output it would
 * write already there.
 */
public final class RunFingerprint {
    /** Options that cannot change the output bytes. */
    static final Set<String> NOT_OUTPUT = Set.of("outDir", "threads", "quiet", "terminal");

    private RunFingerprint() {}

    /**
     * The fingerprint as 64 hex digits, or null when the run cannot be repeated (standard input is read
     * once, and so is a pipe given by name), so it never resumes or skips.
     */
    public static String of(Inputs.Listing listing, Record options, String profile, List<String> stages) {
        if (listing.readOnce()) return null;
        List<String> inputs = new ArrayList<>();
        for (Input in : listing.inputs()) inputs.add(in.id() + "\t" + in.name() + "\t" + stat(in.path()));
        return of(inputs, listing.unreadable(), options, NOT_OUTPUT, profile, stages);
    }

    /**
     * The fingerprint by content: as {@link #of}, but each input known by its id, name, the path as given
     * (which its record carries), its size and the SHA-256 of its bytes, never by where relative paths
     * resolve or when the files were written. Equal for the same corpus given by the same relative paths
     * in another checkout or copy. It reads every input once (at disk speed, a small share of what
     * cleaning costs); null when the run cannot be repeated.
     */
    public static String ofContent(Inputs.Listing listing, Record options, String profile, List<String> stages) {
        if (listing.readOnce()) return null;
        List<String> inputs = new ArrayList<>();
        for (Input in : listing.inputs()) inputs.add(in.id() + "\t" + in.name() + "\t" + in.path() + "\t" + contentOf(in.path()));
        return of(inputs, listing.unreadable(), options, NOT_OUTPUT, profile, stages);
    }

    /**
     * The fingerprint of a run another engine lists: {@code inputs} one line per input in input order
     * (its id, name and what identifies its content, such as {@link #stat}), {@code notOutput} the names of the
     * options record's components that cannot change the output.
     */
    public static String of(List<String> inputs, List<Rejection> unreadable, Record options, Set<String> notOutput,
                            String profile, List<String> stages) {
        List<String> lines = new ArrayList<>();
        lines.add("winnow " + Version.VERSION);
        lines.add("build " + build());
        lines.add("profile " + profile);
        for (String stage : stages) lines.add("stage " + stage);
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            if (notOutput.contains(c.getName())) continue;
            try {
                lines.add("option " + c.getName() + "=" + c.getAccessor().invoke(options));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read option " + c.getName(), e);
            }
        }
        for (Rejection r : unreadable) {
            lines.add("unreadable " + r.id() + "\t" + r.path() + "\t" + r.reason().code() + "\t" + r.message());
        }
        for (String in : inputs) lines.add("input " + in);
        MessageDigest sha = sha256();
        for (String line : lines) {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A local file's absolute path, size and modification time, or that it cannot be read. */
    public static String stat(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return path.toAbsolutePath().normalize() + "\t" + a.size() + "\t" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            // The run will reject it as unreadable; whether it still is next time shows in the listing.
            return path.toAbsolutePath().normalize() + "\tunreadable " + e.getClass().getSimpleName();
        }
    }

    /** A local file's size and the SHA-256 of its bytes, or that it cannot be read. */
    static String contentOf(Path path) {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; size += n) sha.update(buffer, 0, n);
        } catch (IOException e) {
            // The run will reject it as unreadable; whether it still is next time shows here.
            return "unreadable " + e.getClass().getSimpleName();
        }
        return size + "\t" + HexFormat.of().formatHex(sha.digest());
    }

    /** The code this run executes, worked out once: the jar does not change under a running JVM. */
    private static final class Build {
        static final String IDENTITY = buildLocation() == null ? "unknown" : identify(Path.of(buildLocation()));
    }

    private static String build() {
        return Build.IDENTITY;
    }

    /**
     * The code this run executes. A jar is known by its entries' names, sizes and CRC-32s, read from its
     * central directory (milliseconds, however large the jar): a rebuild of the same sources writes the same
     * entries, so a finished run is not redone because the jar was rebuilt, and any changed class or
     * resource (a retrained model) changes the identity. A class folder (tests, an IDE) is known by its
     * files' sizes and times.
     */
    static String identify(Path where) {
        try {
            if (!Files.isDirectory(where)) return jarEntries(where);
            StringBuilder sb = new StringBuilder(where.toString());
            try (Stream<Path> files = Files.walk(where)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    sb.append('\n').append(where.relativize(f)).append('\t').append(Files.size(f))
                            .append('\t').append(Files.getLastModifiedTime(f).to(TimeUnit.NANOSECONDS));
                }
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String jarEntries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> entries = new ArrayList<>();
            zip.stream().forEach(e -> entries.add(e.getName() + "\t" + e.getSize() + "\t" + Long.toHexString(e.getCrc())));
            entries.sort(null);
            return "jar\n" + String.join("\n", entries);
        } catch (java.util.zip.ZipException e) {
            return stat(jar);   // not a zip (a class path entry of another kind): as any file
        }
    }

    private static String buildLocation() {
        try {
            CodeSource source = RunFingerprint.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return null;
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
