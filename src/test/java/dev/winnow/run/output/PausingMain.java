package dev.winnow.run.output;

import dev.winnow.cli.CleanCommand;
import dev.winnow.cli.Main;
import dev.winnow.local.Cadence;
import dev.winnow.local.RunSteps;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code winnow clean} for a child JVM the kill tests can stop at a chosen step of the output protocol:
 * {@code -D}{@value #PROPERTY}{@code =NAME} or {@code NAME:K} (the K-th time the run reaches NAME) injects a
 * {@link RunSteps} that prints {@code winnow: paused at NAME} on standard error there and waits to be
 * killed; {@code -Dwinnow.checkpoint.outcomes=N} and {@code -Dwinnow.member.outcomes=N} inject a
 * {@link Cadence} that checkpoints (and ends compressed members) more often. Without them it is
 * {@code winnow clean}. Arguments are {@code clean}'s, "clean" first.
 */
public final class PausingMain {
    static final String PROPERTY = "winnow.test.pauseAt";

    private PausingMain() {}

    public static void main(String[] args) {
        String target = System.getProperty(PROPERTY);
        String[] cleanArgs = args.length > 0 && args[0].equals("clean") ? Arrays.copyOfRange(args, 1, args.length) : args;
        Cadence cadence = new Cadence(Integer.getInteger("winnow.checkpoint.outcomes", Cadence.DEFAULT.checkpointOutcomes()),
                Integer.getInteger("winnow.member.outcomes", Cadence.DEFAULT.memberOutcomes()));
        System.exit(Main.run(new CleanCommand(target == null ? RunSteps.NONE : new PauseAt(target), cadence), cleanArgs));
    }

    /** Holds the run at the K-th time it reaches one step. */
    static final class PauseAt implements RunSteps {
        private final String name;
        private final int wanted;
        private final Map<String, Integer> reached = new ConcurrentHashMap<>();

        PauseAt(String target) {
            int colon = target.indexOf(':');
            this.name = colon < 0 ? target : target.substring(0, colon);
            this.wanted = colon < 0 ? 1 : Integer.parseInt(target.substring(colon + 1));
        }

        @Override
        public void reached(String step) {
            if (!step.equals(name) || reached.merge(step, 1, Integer::sum) != wanted) return;
            System.err.println("winnow: paused at " + name + (wanted == 1 ? "" : ":" + wanted));
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
}
