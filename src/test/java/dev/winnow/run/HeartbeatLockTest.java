package dev.winnow.run;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heartbeat lock's rules, on a lock file held in memory and a clock the test moves: a live holder
 * refuses a second run and is named; a holder silent past the stale timeout is taken over, and says so;
 * a run whose lock was taken over finds out before it commits and does not remove the new holder's file.
 */
class HeartbeatLockTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(5);

    /** A clock that stands still until the test moves it. */
    static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** One lock file in memory, its modification time from the test's clock. */
    static final class MemoryStore implements HeartbeatLock.Store {
        final Clock clock;
        byte[] bytes;
        Instant modified;

        MemoryStore(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized boolean createNew(byte[] b) {
            if (bytes != null) return false;
            replace(b);
            return true;
        }

        @Override
        public synchronized HeartbeatLock.Content read() {
            return bytes == null ? null : new HeartbeatLock.Content(bytes.clone(), modified);
        }

        @Override
        public synchronized void replace(byte[] b) {
            bytes = b.clone();
            modified = clock.instant();
        }

        @Override
        public synchronized void delete() {
            bytes = null;
        }

        String text() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final MovingClock clock = new MovingClock();
    private final MemoryStore store = new MemoryStore(clock);
    private final HeartbeatLock.Settings settings = new HeartbeatLock.Settings(STALE, Duration.ZERO, clock);
    private final List<String> said = new ArrayList<>();

    private HeartbeatLock.Owner run(String fingerprint) {
        return HeartbeatLock.Owner.ofThisProcess("spark", fingerprint, clock);
    }

    private HeartbeatLock acquire(HeartbeatLock.Owner owner) throws IOException {
        return HeartbeatLock.acquire(store, "hdfs://nn/out", owner, settings, said::add);
    }

    @Test
    void theLockFileNamesItsHolderAndGoesWhenReleased() throws IOException {
        HeartbeatLock.Owner me = run("fp-first");
        try (HeartbeatLock lock = acquire(me)) {
            String file = store.text();
            assertTrue(file.contains("\"engine\":\"spark\"") && file.contains("\"pid\":" + ProcessHandle.current().pid())
                    && file.contains("\"fingerprint\":\"fp-first\"") && file.contains("\"heartbeat\":\"" + T0 + "\""), file);
            assertEquals(me.token(), lock.owner().token());
        }
        assertNull(store.text(), "released: no lock file");
        assertTrue(said.isEmpty(), said.toString());
    }

    @Test
    void aLiveHolderRefusesASecondRunAndIsNamed() throws IOException {
        try (HeartbeatLock first = acquire(run("fp-first"))) {
            String held = store.text();
            clock.now = T0.plus(Duration.ofMinutes(3));
            first.refresh();
            clock.now = T0.plus(Duration.ofMinutes(7));     // 4 minutes after the last heartbeat: alive
            OutputBusyException e = assertThrows(OutputBusyException.class, () -> acquire(run("fp-second")));
            assertTrue(e.getMessage().startsWith("hdfs://nn/out is in use by another winnow run (spark on host "), e.getMessage());
            assertTrue(e.getMessage().contains(", pid " + ProcessHandle.current().pid() + ", started " + T0 + ", fingerprint fp-first, last heartbeat "
                    + T0.plus(Duration.ofMinutes(3)) + "); wait for that run to finish, or write to another folder"), e.getMessage());
            assertTrue(e.getMessage().contains("older than 5m is taken to be a killed run's"), e.getMessage());
            assertThrows(OutputBusyException.class, () -> HeartbeatLock.checkFree(store, "hdfs://nn/out", settings));
            assertFalse(store.text().equals(held), "the refresh rewrote the heartbeat");
            assertTrue(store.text().contains("fp-first"), "the refused run left the holder's file alone");
            first.verify();
        }
    }

    @Test
    void aStaleLockIsTakenOverAndTheTakeoverIsSaid() throws IOException {
        HeartbeatLock dead = acquire(run("fp-killed"));    // a run killed outright: never released
        clock.now = T0.plus(STALE).plusSeconds(1);
        HeartbeatLock.checkFree(store, "hdfs://nn/out", settings);
        try (HeartbeatLock next = acquire(run("fp-next"))) {
            assertTrue(store.text().contains("fp-next"));
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).startsWith("winnow: taking over the stale lock on hdfs://nn/out of another winnow run (spark on host "),
                    said.get(0));
            assertTrue(said.get(0).contains("fingerprint fp-killed") && said.get(0).contains("no heartbeat for more than 5m"), said.get(0));
            next.verify();

            // The old holder was only paused: it finds out before its commit, and leaves the new holder's file.
            IOException lost = assertThrows(IOException.class, dead::verify);
            assertTrue(lost.getMessage().contains("lost the lock on hdfs://nn/out to another winnow run (spark on host ")
                    && lost.getMessage().contains("fingerprint fp-next"), lost.getMessage());
            dead.refresh();
            dead.close();
            assertTrue(store.text().contains("fp-next"), "the paused run did not touch the new holder's lock");
        }
        assertNull(store.text());
    }

    @Test
    void aLockFileCutShortAgesByItsModificationTime() throws IOException {
        store.replace(new byte[0]);     // a crash while the file was written: no heartbeat to read
        clock.now = T0.plus(Duration.ofMinutes(1));
        HeartbeatLock.Holder h = HeartbeatLock.holder(store, settings);
        assertNotNull(h);
        assertFalse(h.stale());
        OutputBusyException e = assertThrows(OutputBusyException.class, () -> acquire(run("fp")));
        assertTrue(e.getMessage().contains("in use by another winnow run (last heartbeat " + T0 + ")"), e.getMessage());

        clock.now = T0.plus(Duration.ofMinutes(6));
        try (HeartbeatLock lock = acquire(run("fp"))) {
            assertTrue(store.text().contains("\"fingerprint\":\"fp\""));
        }
    }

    @Test
    void theHeartbeatThreadKeepsALockFresh() throws Exception {
        // The thread's timing is not asserted: the test waits for its first beat, however long that takes.
        HeartbeatLock.Settings beating = new HeartbeatLock.Settings(STALE, Duration.ofMillis(10), clock);
        try (HeartbeatLock lock = HeartbeatLock.acquire(store, "out", run("fp"), beating, said::add)) {
            Instant later = T0.plus(Duration.ofMinutes(4));
            clock.now = later;
            while (!store.text().contains("\"heartbeat\":\"" + later + "\"")) Thread.sleep(5);
            clock.now = later.plus(Duration.ofMinutes(4));
            assertFalse(HeartbeatLock.holder(store, settings).stale(), "8 minutes after it started, its heartbeat is 4 old");
            lock.verify();
        }
        assertNull(store.text());
    }

    @Test
    void theDefaultsBeatFiveTimesPerStaleTimeout() {
        assertEquals(Duration.ofMinutes(5), HeartbeatLock.Settings.DEFAULTS.staleAfter());
        assertEquals(Duration.ofMinutes(1), HeartbeatLock.Settings.DEFAULTS.heartbeat());
        assertEquals("90s", HeartbeatLock.human(Duration.ofSeconds(90)));
    }
}
