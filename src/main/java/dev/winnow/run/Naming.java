package dev.winnow.run;

import dev.winnow.archive.IdSource;
import dev.winnow.corpus.Hash64;

import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Gives each document the id its run's {@link IdSource} asks for, unique in the run. A document asks for a
 * <em>candidate</em> (the scraper's id, or a hash of its bytes); the first to ask gets it, and a later one
 * the smallest {@code ~2}, {@code ~3}, ... no document has taken, in input order, as file ids do. A candidate
 * is never one of the path ids it could clash with unnoticed: it is checked against every id of the listing.
 *
 * <p>Which document comes first is a question about the whole run, so it is answered where the run is seen
 * in order: an engine that reads every unit on one thread ({@link Units}) {@linkplain #chooser chooses} as it
 * goes; an engine whose tasks read units anywhere first walks the candidates in order on its driver, keeps
 * the few that had to change ({@link Chooser#renames}), and hands its tasks a {@linkplain #settled settled}
 * naming. Both apply the same candidates and the same choice, so both give the same ids.
 */
public final class Naming implements Serializable {
    /** Ids with the path as source: nothing to do. */
    public static final Naming PATHS = new Naming(IdSource.PATH, 0, Map.of(), null);

    private final IdSource source;
    private final long maxBytes;
    private final Map<Long, String> renames;
    private final transient Chooser chooser;

    private Naming(IdSource source, long maxBytes, Map<Long, String> renames, Chooser chooser) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.renames = renames;
        this.chooser = chooser;
    }

    /** Naming that chooses as the units come, in input order; {@code taken} are the listing's ids. */
    public static Naming chooser(IdSource source, long maxBytes, Iterable<String> taken) {
        if (source == IdSource.PATH) return PATHS;
        return new Naming(source, maxBytes, Map.of(), new Chooser(taken));
    }

    /** Naming whose choices were made already: the units at {@code renames}' positions get those ids. */
    public static Naming settled(IdSource source, long maxBytes, Map<Long, String> renames) {
        if (source == IdSource.PATH) return PATHS;
        return new Naming(source, maxBytes, Map.copyOf(renames), null);
    }

    public IdSource source() {
        return source;
    }

    /** The unit under the id it gets. */
    public Units.Unit apply(Units.Unit u) {
        if (source == IdSource.PATH) return u;
        String candidate = candidate(u);
        if (candidate == null) return u;
        String id = chooser != null ? chooser.choose(candidate) : renames.getOrDefault(u.input().position(), candidate);
        return renamed(u, id);
    }

    /**
     * The id {@code u} asks for, or null when it keeps its path id without asking (a plain file named by its
     * path, whose id the listing made unique). A container's entry without a scraper id, or whose bytes could
     * not be read, asks for its path id ({@code file#N}): a scraper id may have taken it.
     */
    public String candidate(Units.Unit u) {
        Input in = u.input();
        String wanted = switch (source) {
            case PATH -> null;
            case RECORD -> in.entry() == null || in.entry().recordId() == null || in.entry().recordId().isBlank()
                    ? null : in.entry().recordId();
            case CONTENT -> contentId(in, maxBytes);
        };
        if (wanted != null) return wanted;
        return isEntry(in) ? in.id() : null;
    }

    /** Whether {@code in} is a container's entry: only an entry's path id holds '#' (a file's has "%23"). */
    private static boolean isEntry(Input in) {
        return in.id().indexOf('#') >= 0;
    }

    /**
     * The first 128 bits of the SHA-256 of the document's bytes, in hex; null for standard input or a pipe (read
     * once, by the cleaner), for an entry its container could not give, and for a file that cannot be read or
     * is over the size limit (its rejection keeps its path id).
     */
    static String contentId(Input in, long maxBytes) {
        byte[] bytes = in.bytes();
        if (bytes == null) {
            if (isEntry(in) || in.path() == null || in.stream() != null || !java.nio.file.Files.isRegularFile(in.path())) return null;
            try {
                bytes = in.read(maxBytes);
            } catch (IOException | Input.TooLargeException e) {
                return null;
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** {@code u} under {@code id}, its ready rejection too. */
    private static Units.Unit renamed(Units.Unit u, String id) {
        Input in = u.input();
        if (id.equals(in.id())) return u;
        Input named = new Input(id, in.name(), in.path(), in.stream(), in.bytes(), in.entry(), in.position(), in.location());
        if (u.failed() == null) return new Units.Unit(named, null);
        Rejection r = u.failed().rejection();
        return new Units.Unit(named, Outcome.rejected(new Rejection(id, r.path(), r.reason(), r.message()), u.failed().bytes()));
    }

    /**
     * The choice in input order. It remembers each id given as a 64-bit hash, 16 bytes a document: two
     * different ids with one hash (about one chance in 10^7 in a run of ten million) cost the later one a
     * needless "~2", never a shared id, and the same run always makes the same choice.
     */
    public static final class Chooser {
        private final LongSet taken = new LongSet();
        private final Map<Long, String> renames = new java.util.HashMap<>();

        public Chooser(Iterable<String> taken) {
            for (String id : taken) this.taken.add(Hash64.of(id));
        }

        /** The id the next document asking for {@code candidate} gets. */
        public String choose(String candidate) {
            if (taken.add(Hash64.of(candidate))) return candidate;
            for (int n = 2; ; n++) {
                String id = candidate + "~" + n;
                if (taken.add(Hash64.of(id))) return id;
            }
        }

        /** Chooses for the unit at {@code position}, remembering it when it did not get its candidate. */
        public void choose(long position, String candidate) {
            String id = choose(candidate);
            if (!id.equals(candidate)) renames.put(position, id);
        }

        /** The units, by position, that did not get their candidate, and what they got. */
        public Map<Long, String> renames() {
            return renames;
        }
    }

    /** A set of longs in one open-addressed array (0 stands for empty, so 0 itself is kept as 1). */
    static final class LongSet {
        private long[] slots = new long[1024];
        private int size;

        /** Adds {@code v}; false when it was there already. */
        boolean add(long v) {
            if (v == 0) v = 1;
            if (2 * (size + 1) > slots.length) grow();
            int mask = slots.length - 1;
            for (int i = (int) (v ^ (v >>> 32)) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == v) return false;
                if (slots[i] == 0) {
                    slots[i] = v;
                    size++;
                    return true;
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long v : old) if (v != 0) add(v);
        }
    }
}
