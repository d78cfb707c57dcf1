package dev.winnow.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a test waits for a child run before it calls the run hung, and what it shows when it does.
 * The runs these tests start take seconds; the limit is far above that on purpose, because a CI machine
 * can stall for minutes (a busy host, a paused virtual machine) and a wall-clock limit cannot tell a
 * stalled machine from a hung run. What tells them apart is the thread dump in the failure message.
 */
public final class HangGuard {
    private HangGuard() {}

    /** Forty times what the slowest child run here takes on a busy 2-core machine. */
    public static final Duration LIMIT = Duration.ofMinutes(5);

    /** The threads of a running child JVM ({@code jcmd PID Thread.print}), for a failure message. */
    public static String threadDump(Process child) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(child.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] out = dump.getInputStream().readAllBytes();
            dump.waitFor(30, TimeUnit.SECONDS);
            return "\nits threads:\n" + new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "\n(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "\n(no thread dump: interrupted)";
        }
    }
}
