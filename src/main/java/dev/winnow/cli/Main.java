package dev.winnow.cli;

import dev.winnow.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar winnow.jar <command>}. */
@Command(name = "winnow", mixinStandardHelpOptions = true, version = "winnow " + Version.VERSION,
        description = {
                "Strips boilerplate from scraped text, HTML and documents and writes one",
                "audited article record per input: every cut says which stage made it and why.",
                "",
                "Start with:  winnow clean INPUT... -o OUTDIR",
                "Then read OUTDIR/report.json, OUTDIR/articles.jsonl and OUTDIR/text/."},
        subcommands = {CleanCommand.class, ExplainCommand.class, StagesCommand.class, ProfileCommand.class, SourceCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 all inputs cleaned, 3 done but some inputs rejected, 1 run failed",
                "or OUTDIR in use by another run, 2 usage error."})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command: the usage, and a usage error's exit code, so a scheduler does not take it for a run. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return run(new Main(), args);
    }

    /**
     * Runs a command with Winnow's exit codes: a usage error prints the message and the usage and exits
     * {@link ExitCodes#USAGE}; an exception that escapes is {@link ExitCodes#FAILED}.
     */
    public static int run(Object command, String... args) {
        CommandLine cmd = new CommandLine(command);
        cmd.setExitCodeExceptionMapper(e -> ExitCodes.FAILED);
        cmd.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("winnow: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        return cmd.execute(args);
    }
}
