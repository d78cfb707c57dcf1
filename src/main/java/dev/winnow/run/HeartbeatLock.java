package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a second run out of an output folder on a file system that has no operating-system lock (HDFS,
 * an object store): a lock file created only if absent, naming its holder, whose heartbeat the holder
 * refreshes while it runs. A run killed outright cannot remove its file, so a lock whose heartbeat is
 * older than {@link Settings#staleAfter} is stale and the next run takes it over (and says so).
 *
 * <p>Engine-neutral: the file is reached through {@link Store}, which an engine implements on its file
 * system; the exclusion is only as strong as the store's {@link Store#createNew}. Times come from an
 * injected {@link Clock}, so tests decide what is stale without waiting. Ages compare the holder's clock
 * (which wrote the heartbeat) with the reader's: clocks apart by more than the stale timeout break it.
 *
 * <p>Two runs finding the same stale lock may both try to take it over; each re-reads the file just
 * before removing it and creates its own only if absent, and a run checks before it commits
 * ({@link #verify}) that the file is still its own, so at most one of them commits.
 */
public final class HeartbeatLock implements Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Tries at creating the file when other runs keep removing and creating it. */
    private static final int ATTEMPTS = 5;

    /**
     * One lock file on some file system. {@link #createNew} must be atomic for the lock to exclude:
     * of two runs creating the file at once, exactly one may succeed.
     */
    public interface Store {
        /** Creates the file holding {@code bytes} if there is none; false (nothing written) if there is one. */
        boolean createNew(byte[] bytes) throws IOException;

        /** The file's content and modification time, or null when there is none. */
        Content read() throws IOException;

        /** Replaces the file's content, so that a reader sees the old content or the new, never neither. */
        void replace(byte[] bytes) throws IOException;

        /** Removes the file, if there. */
        void delete() throws IOException;
    }

    /**
     * A lock file on a local disk, read only: what the local runner checks, holding its own lock, so that it and a
     * Spark run writing to the same folder through {@code file://} keep each other out (each takes its own lock,
     * then looks for the other's: of two starting at once, at least one sees the other).
     */
    public static Store readOnly(java.nio.file.Path file) {
        return new Store() {
            @Override
            public boolean createNew(byte[] bytes) {
                throw new UnsupportedOperationException("a read-only lock file");
            }

            @Override
            public Content read() throws IOException {
                try {
                    Instant modified = java.nio.file.Files.getLastModifiedTime(file).toInstant();
                    return new Content(java.nio.file.Files.readAllBytes(file), modified);
                } catch (java.nio.file.NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public void replace(byte[] bytes) {
                throw new UnsupportedOperationException("a read-only lock file");
            }

            @Override
            public void delete() {
                throw new UnsupportedOperationException("a read-only lock file");
            }
        };
    }

    /** What a store read: the bytes, and the file's modification time (null when unknown). */
    public record Content(byte[] bytes, Instant modified) {}

    /**
     * How the lock ages: a heartbeat every {@code heartbeat} (zero: none, a test refreshes by hand), stale
     * once older than {@code staleAfter}, times read from {@code clock}.
     */
    public record Settings(Duration staleAfter, Duration heartbeat, Clock clock) {
        /** Five minutes: a driver paused that long (a full GC, a lost network) is taken for dead. */
        public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(5);

        public Settings {
            if (staleAfter.isNegative() || staleAfter.isZero()) throw new IllegalArgumentException("staleAfter must be positive");
            if (heartbeat.isNegative()) throw new IllegalArgumentException("heartbeat must not be negative");
        }

        public static final Settings DEFAULTS = staleAfter(DEFAULT_STALE_AFTER);

        /** A heartbeat five times per stale timeout, so a few missed refreshes never make a live run stale. */
        public static Settings staleAfter(Duration staleAfter) {
            return new Settings(staleAfter, staleAfter.dividedBy(5), Clock.systemUTC());
        }

        public Settings withClock(Clock c) {
            return new Settings(staleAfter, heartbeat, c);
        }

        public Settings withoutHeartbeat() {
            return new Settings(staleAfter, Duration.ZERO, clock);
        }
    }

    /**
     * Who holds a lock, as written into the file: the engine, host and process, when it started, the run's
     * fingerprint, a token no other run has, and its last heartbeat.
     */
    public record Owner(String engine, String host, long pid, Instant started, String fingerprint, String token,
                        Instant heartbeat) {
        /** This process, starting now, with a fresh token. */
        public static Owner ofThisProcess(String engine, String fingerprint, Clock clock) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            return new Owner(engine, hostName(), ProcessHandle.current().pid(), now, fingerprint, UUID.randomUUID().toString(), now);
        }

        Owner beating(Instant at) {
            return new Owner(engine, host, pid, started, fingerprint, token, at.truncatedTo(ChronoUnit.SECONDS));
        }

        byte[] bytes() {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("engine", engine);
            o.put("host", host);
            o.put("pid", pid);
            o.put("started", started.toString());
            o.put("fingerprint", fingerprint);
            o.put("token", token);
            o.put("heartbeat", heartbeat.toString());
            return (o.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        }

        /** The owner a lock file names, or null when it is not one of ours (empty, cut short, something else). */
        static Owner parse(byte[] bytes) {
            try {
                JsonNode o = MAPPER.readTree(bytes);
                if (o == null || !o.hasNonNull("token") || !o.hasNonNull("heartbeat")) return null;
                return new Owner(o.path("engine").asText("?"), o.path("host").asText("?"), o.path("pid").asLong(-1),
                        Instant.parse(o.path("started").asText(o.path("heartbeat").asText())), o.path("fingerprint").asText(""),
                        o.path("token").asText(), Instant.parse(o.path("heartbeat").asText()));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** For messages: "spark on host h, pid 12, started T, fingerprint 1a2b3c4d5e6f". */
        String describe() {
            String fp = fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
            return engine + " on host " + host + ", pid " + pid + ", started " + started + (fp.isEmpty() ? "" : ", fingerprint " + fp);
        }
    }

    /** A lock file as another run sees it: who holds it (null: unreadable), when it last beat, whether that is too long ago. */
    public record Holder(Owner owner, Instant heartbeat, boolean stale) {
        /** "another winnow run (spark on host h, pid 12, ..., last heartbeat T)", the local runner's wording. */
        public String describe() {
            String when = heartbeat == null ? "" : "last heartbeat " + heartbeat.truncatedTo(ChronoUnit.SECONDS);
            if (owner == null) return "another winnow run (" + (when.isEmpty() ? "lock file unreadable" : when) + ")";
            return "another winnow run (" + owner.describe() + (when.isEmpty() ? "" : ", " + when) + ")";
        }
    }

    private final Store store;
    private final String shown;
    private final Settings settings;
    private final Consumer<String> log;
    private volatile Owner owner;
    /** Why this run no longer holds the lock (another run took it over), or null. */
    private volatile String lost;
    private ScheduledExecutorService beating;
    private boolean closed;

    private HeartbeatLock(Store store, String shown, Settings settings, Owner owner, Consumer<String> log) {
        this.store = store;
        this.shown = shown;
        this.settings = settings;
        this.owner = owner;
        this.log = log;
    }

    /**
     * The run holding the lock in {@code store}, or null when there is no lock file. Reads only: what a
     * command line checks before it starts an engine.
     */
    public static Holder holder(Store store, Settings settings) throws IOException {
        Content c = store.read();
        return c == null ? null : holderOf(c, settings);
    }

    /**
     * Refuses, as {@link #acquire} would, when a live run holds the lock in {@code store}; reads only, so a
     * command line can refuse before it starts an engine (the engine's {@link #acquire} decides).
     *
     * @throws OutputBusyException when a live run holds the lock, naming it
     */
    public static void checkFree(Store store, String shown, Settings settings) throws IOException {
        Holder h = holder(store, settings);
        if (h != null && !h.stale()) throw busy(shown, h, settings);
    }

    private static Holder holderOf(Content c, Settings settings) {
        Owner o = Owner.parse(c.bytes());
        // A file that names no heartbeat (cut short by a crash while written) ages by its modification time.
        Instant beat = o != null ? o.heartbeat() : c.modified();
        boolean stale = beat != null && Duration.between(beat, settings.clock().instant()).compareTo(settings.staleAfter()) > 0;
        return new Holder(o, beat, stale);
    }

    /**
     * Locks the output folder {@code shown} for {@code me}: creates the lock file if there is none, takes
     * over a stale one (logging whose it was), and starts the heartbeat; else refuses.
     *
     * @throws OutputBusyException when a live run holds the lock, naming it
     */
    public static HeartbeatLock acquire(Store store, String shown, Owner me, Settings settings, Consumer<String> log)
            throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Owner fresh = me.beating(settings.clock().instant());
            if (store.createNew(fresh.bytes())) {
                HeartbeatLock lock = new HeartbeatLock(store, shown, settings, fresh, log);
                lock.startHeartbeat();
                return lock;
            }
            Content there = store.read();
            if (there == null) continue;        // its holder just finished
            Holder h = holderOf(there, settings);
            if (!h.stale()) throw busy(shown, h, settings);
            // Removed only if unchanged since we judged it: a run that took it over meanwhile keeps it.
            Content again = store.read();
            if (again == null || !Arrays.equals(again.bytes(), there.bytes())) continue;
            log.accept("winnow: taking over the stale lock on " + shown + " of " + h.describe() + ": no heartbeat for more than "
                    + human(settings.staleAfter()) + ", so that run is taken to be dead");
            store.delete();
        }
        throw new IOException("could not lock " + shown + ": its lock file kept being replaced by other runs");
    }

    private static OutputBusyException busy(String shown, Holder h, Settings settings) {
        return new OutputBusyException(shown, h.describe(), "a lock whose heartbeat is older than "
                + human(settings.staleAfter()) + " is taken to be a killed run's and taken over");
    }

    /** "5m", "90s": a duration as a user sets it. */
    static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }

    private void startHeartbeat() {
        if (settings.heartbeat().isZero()) return;
        beating = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "winnow-lock-heartbeat");
            t.setDaemon(true);      // never keeps a finished driver alive
            return t;
        });
        long every = Math.max(1, settings.heartbeat().toMillis());
        beating.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (IOException | RuntimeException e) {
                // A missed beat or two is harmless (five per stale timeout); the next one tries again.
                log.accept("winnow: warning: could not refresh the lock on " + shown + ": " + e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * One heartbeat: rewrites the file with the current time, after checking it is still this run's. A run
     * whose lock was taken over stops beating and remembers by whom, for {@link #verify}.
     */
    public synchronized void refresh() throws IOException {
        if (closed || lost != null) return;
        if (!stillOurs()) return;
        Owner next = owner.beating(settings.clock().instant());
        store.replace(next.bytes());
        owner = next;
    }

    /**
     * Throws unless this run still holds the lock: called before the commit, so a run whose lock was taken
     * over (its driver stalled past the stale timeout) never replaces the output under the run that took it.
     */
    public synchronized void verify() throws IOException {
        if (lost == null) stillOurs();
        if (lost != null) throw new IOException("lost the lock on " + shown + " to " + lost + "; this run's output was not committed");
    }

    private boolean stillOurs() throws IOException {
        Content c = store.read();
        Owner there = c == null ? null : Owner.parse(c.bytes());
        if (there != null && there.token().equals(owner.token())) return true;
        lost = c == null ? "a run that removed it" : holderOf(c, settings).describe();
        return false;
    }

    /** Stops the heartbeat and removes the lock file, if it is still this run's. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        if (beating != null) beating.shutdownNow();
        if (lost == null && stillOurs()) store.delete();
    }

    /** The owner this lock was last written with (for tests and messages). */
    public Owner owner() {
        return owner;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
