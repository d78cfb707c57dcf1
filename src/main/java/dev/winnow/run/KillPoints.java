package dev.winnow.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Named steps of the output protocol where a test can hold a run still and kill it, so the
 * kill-and-rerun test reaches every step of a commit (which takes milliseconds) on every build instead
 * of by luck. Off unless the JVM was started with {@code -Dwinnow.test.pauseAt=NAME} or {@code NAME:K}
 * (the K-th time the run reaches NAME); the run then prints {@code winnow: paused at NAME} on standard
 * error and waits to be killed. Costs a null check per step otherwise.
 */
final class KillPoints {
    static final String PROPERTY = "winnow.test.pauseAt";
    private static final String TARGET = System.getProperty(PROPERTY);
    private static final Map<String, Integer> REACHED = new ConcurrentHashMap<>();

    private KillPoints() {}

    static void reach(String name) {
        if (TARGET == null || !TARGET.startsWith(name)) return;
        int colon = TARGET.indexOf(':');
        String target = colon < 0 ? TARGET : TARGET.substring(0, colon);
        if (!target.equals(name)) return;
        int wanted = colon < 0 ? 1 : Integer.parseInt(TARGET.substring(colon + 1));
        if (REACHED.merge(name, 1, Integer::sum) != wanted) return;
        System.err.println("winnow: paused at " + TARGET);
        System.err.flush();
        while (true) {
            try {
                TimeUnit.HOURS.sleep(1);
            } catch (InterruptedException e) {
                // Keep waiting: the point is to be killed here.
            }
        }
    }
}
