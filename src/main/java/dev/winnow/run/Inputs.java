package dev.winnow.run;

import dev.winnow.archive.Compression;
import dev.winnow.core.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the command line's INPUT arguments into input units, in a stable order: arguments in the
 * order given, files below a folder sorted by their path. Hidden files (names starting with a dot)
 * are skipped, and so are the files a run writes when its output folder lies inside an input folder
 * (they are output, not input). Anything else that is not read becomes a rejection with a reason,
 * never an abort and never a silent skip: a pipe, socket or device inside a folder ({@code not_a_file}),
 * a symbolic link that leads out of the folder it was found in ({@code outside_input}, unless links
 * are followed), a link to nothing or a name the system cannot represent ({@code unreadable}).
 *
 * <p>An input's id is its path below the folder given on the command line (a file given by name: its
 * name), without its extension, with "/" as "__": the same on any machine, from any working folder, and
 * unchanged when other files are added to the run. Ids are unique within a run by construction, so no
 * two documents share a record id or a text file: see {@link #uniqueIds}.
 */
public final class Inputs {
    private Inputs() {}

    /**
     * Inputs found, and paths that could not be read as inputs (with why). {@code readOnce} says some
     * input can be read only once (standard input, or a pipe given by name), so the run cannot be
     * repeated, resumed, or read twice by the corpus stages.
     */
    public record Listing(List<Input> inputs, List<Rejection> unreadable, boolean readOnce, List<String> absent) {
        /**
         * Nothing to read at all: no input found, and every path given either does not exist or is a folder
         * without files. A usage error (a mistyped path, a folder not yet filled), not a run of nothing.
         */
        public boolean nothingToRead() {
            return inputs.isEmpty() && unreadable.size() == absent.size();
        }
    }

    /**
     * How folders are walked: {@code outDir} is the run's output folder (null: none to exclude), and
     * {@code followLinks} reads links that lead out of the folder they are found in.
     */
    public record Walk(Path outDir, boolean followLinks) {
        /** No output folder to leave out, and links out of an input folder not followed. */
        public static final Walk SAFE = new Walk(null, false);
    }

    public static Listing expand(List<String> args, InputStream stdin) {
        return expand(args, stdin, Walk.SAFE);
    }

    public static Listing expand(List<String> args, InputStream stdin, Walk how) {
        List<Input> inputs = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        boolean readOnce = false;
        Path outReal = realOrNull(how.outDir());
        for (String arg : args) {
            if (arg.equals("-")) {
                inputs.add(Input.stdin(stdin));
                readOnce = true;
                continue;
            }
            Path root;
            try {
                root = Path.of(arg);
            } catch (InvalidPathException e) {
                unreadable.add(unnameable(arg, arg));
                continue;
            }
            if (Files.isDirectory(root)) {
                walk(root, arg, how.followLinks(), outReal, inputs, unreadable);
            } else if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                // Given by name, a pipe or device is read as asked (once: process substitution, a FIFO).
                if (Files.exists(root) && !Files.isRegularFile(root)) readOnce = true;
                inputs.add(Input.file(idOf(root), arg, root));
            } else {
                unreadable.add(new Rejection(idOf(root), arg, RejectReason.UNREADABLE, "no such file or folder"));
                absent.add(arg);
            }
        }
        return new Listing(uniqueIds(inputs), unreadable, readOnce, absent);
    }

    private static void walk(Path root, String arg, boolean followLinks, Path outReal, List<Input> inputs,
                             List<Rejection> unreadable) {
        List<Path> files = new ArrayList<>();
        List<Rejection> failed = new ArrayList<>();
        // Folders (as walked) that are the run's output folder: the files the run writes there are not inputs.
        Set<Path> outputFolders = new HashSet<>();
        try {
            Path rootReal = root.toRealPath();
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(root)) {
                        if (rootReal.equals(outReal)) outputFolders.add(dir);
                        return FileVisitResult.CONTINUE;
                    }
                    if (isHidden(dir) || isOutput(dir)) return FileVisitResult.SKIP_SUBTREE;
                    if (!followLinks && Files.isSymbolicLink(dir) && !dir.toRealPath().startsWith(rootReal)) {
                        failed.add(outside(dir, root));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (outReal != null && dir.toRealPath().equals(outReal)) outputFolders.add(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (isHidden(file) || isOutput(file)) return FileVisitResult.CONTINUE;
                    if (attrs.isSymbolicLink()) {
                        // Links are followed, so the walk shows a link itself only when it leads nowhere.
                        failed.add(new Rejection(relativeId(root, file), file.toString(), RejectReason.UNREADABLE,
                                "a symbolic link that cannot be followed (its target is missing, or links form a loop)"));
                    } else if (!followLinks && Files.isSymbolicLink(file) && !file.toRealPath().startsWith(rootReal)) {
                        failed.add(outside(file, root));
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    } else {
                        failed.add(new Rejection(relativeId(root, file), file.toString(), RejectReason.NOT_A_FILE,
                                "a named pipe, socket or device found in a folder: not read, since reading it may block "
                                        + "or never end; give it by name to read it"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failed.add(new Rejection(relativeId(root, file), file.toString(), RejectReason.UNREADABLE,
                            e.getClass().getSimpleName() + ": " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }

                /** A file or folder the run itself writes into its output folder. */
                private boolean isOutput(Path p) {
                    return outputFolders.contains(p.getParent()) && OutputOwnership.isOutputName(p.getFileName().toString());
                }
            });
        } catch (IOException e) {
            failed.add(new Rejection(idOf(root), arg, RejectReason.UNREADABLE, e.getMessage()));
        }
        // Sorted like the files: the order a folder lists its entries in differs between file systems.
        failed.sort(Comparator.comparing(Rejection::path));
        unreadable.addAll(failed);
        // Then by the name's bytes: under the C locale two names can read alike ("F\uFFFD\uFFFDhre").
        files.sort(Comparator.comparing((Path p) -> root.relativize(p).toString()).thenComparing(p -> p));
        for (Path f : files) inputs.add(Input.file(relativeId(root, f), f.toString(), f));
    }

    private static Rejection outside(Path link, Path root) throws IOException {
        return new Rejection(relativeId(root, link), link.toString(), RejectReason.OUTSIDE_INPUT, "a symbolic link to "
                + link.toRealPath() + ", outside " + root + ": not followed (--follow-links reads it)");
    }

    /**
     * A name the JVM cannot turn into a path: the system's file name encoding (the locale's, ASCII under
     * the C or POSIX locale) has no bytes for some of its characters.
     */
    private static Rejection unnameable(String name, String shown) {
        return new Rejection(idOfName(name.substring(name.lastIndexOf('/') + 1)), shown, RejectReason.UNREADABLE,
                "the file name cannot be represented in this system's file name encoding ("
                        + System.getProperty("sun.jnu.encoding") + "); run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
    }

    private static Path realOrNull(Path p) {
        if (p == null) return null;
        try {
            return p.toRealPath();
        } catch (IOException | InvalidPathException e) {
            return null;        // not there yet: it cannot hold output to leave out
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * File name without its last extension (and without ".gz" before it). A '#' becomes "%23": ids with
     * '#' are kept for container entries ({@code <file id>#N}), so a file never takes an entry's id.
     */
    static String idOf(Path path) {
        Path name = path.getFileName();
        return idOfName(name == null ? path.toString() : name.toString());
    }

    private static String idOfName(String n) {
        n = Compression.innerName(n);
        int dot = n.lastIndexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n).replace("#", "%23");
    }

    /**
     * The id of a file found below {@code root}: its path below it ({@link #relativeId(String)}), its names
     * joined by "/" whatever the system's separator (a '\\' in a POSIX file name is part of the name).
     */
    private static String relativeId(Path root, Path file) {
        Path below = root.relativize(file);
        if (below.toString().isEmpty()) return relativeId(String.valueOf(file.getFileName()));
        StringBuilder path = new StringBuilder();
        for (Path name : below) path.append(path.length() == 0 ? "" : "/").append(name);
        return relativeId(path.toString());
    }

    /**
     * The id of an input from its path below the folder it was found in ({@code site/2024/page.html.gz}), or a
     * file's name when it was given by name: the last extension dropped (and ".gz" or ".zst" before it), "/"
     * as "__", '#' as "%23" (ids with '#' are kept for container entries, {@code <file id>#N}). For engines
     * that list inputs elsewhere (a Hadoop file system): the same folder gives the same ids anywhere.
     */
    public static String relativeId(String below) {
        String rel = below.replaceAll("^(\\./|/)+", "").replaceAll("/+$", "");
        int slash = rel.lastIndexOf('/');
        return (rel.substring(0, slash + 1).replace("/", "__") + idOfName(rel.substring(slash + 1))).replace("#", "%23");
    }

    /**
     * The path of {@code name}, an input an engine listed from the argument {@code arg}, below that
     * argument: {@code arg} a folder ("crawl/" and "crawl/site/a.html" give "site/a.html"), or the file's
     * name when the argument is the file itself.
     */
    public static String below(String arg, String name) {
        String base = arg.replaceAll("/+$", "");
        if (!name.equals(base) && name.startsWith(base + "/")) return name.substring(base.length() + 1);
        String p = name.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * Makes every id unique: paths can still meet ({@code page.txt} and {@code page.html} in one folder,
     * {@code d/a/b.txt} and {@code d/a__b.txt}), so in input order the first input keeps an id and each
     * later one takes the id with the smallest "~N" suffix (N from 2) that no input of the run has. The
     * same listing always gives the same ids.
     */
    static List<Input> uniqueIds(List<Input> inputs) {
        List<String> ids = unique(inputs.stream().map(Input::id).toList());
        List<Input> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            out.add(in.id().equals(ids.get(i)) ? in : new Input(ids.get(i), in.name(), in.path(), in.stream()));
        }
        return out;
    }

    /** The rule of {@link #uniqueIds(List)} on ids alone, for engines that list inputs elsewhere. */
    public static List<String> unique(List<String> ids) {
        Set<String> taken = new HashSet<>(ids);
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (used.add(id)) {
                out.add(id);
                continue;
            }
            int n = 2;
            while (taken.contains(id + "~" + n) || used.contains(id + "~" + n)) n++;
            used.add(id + "~" + n);
            out.add(id + "~" + n);
        }
        return out;
    }
}
