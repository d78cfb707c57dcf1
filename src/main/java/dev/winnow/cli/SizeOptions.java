package dev.winnow.cli;

import dev.winnow.run.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The limits on one document (size, clean text, time), one definition for {@code winnow clean} and the Spark
 * entry point (a picocli mixin), so both accept the same options with the same defaults.
 */
public final class SizeOptions {

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = CleanCommand.SizeConverter.class,
            description = "Reject inputs larger than this as too_large (default: ${DEFAULT-VALUE} bytes; accepts 64M, 1G...).")
    long maxBytes = Limits.DEFAULT_MAX_BYTES;

    @Option(names = "--max-chars", paramLabel = "N", converter = CleanCommand.CountConverter.class,
            description = "Reject a document whose clean text is longer than N characters as too_large, rather than "
                    + "cut it short (default: ${DEFAULT-VALUE}; accepts 500k, 10M...).")
    long maxChars = Limits.DEFAULT_MAX_CHARS;

    @Option(names = "--timeout", paramLabel = "TIME", converter = CleanCommand.DurationConverter.class,
            description = "Time budget per document, for reading and cleaning it; a document still running after it "
                    + "is rejected as timeout and the run goes on (default: 30s; accepts 500ms, 30s, 2m).")
    Duration timeout = Limits.DEFAULT_TIMEOUT;

    /** The limits as set; a usage error names what is wrong. */
    public Limits limits(CommandLine command) {
        if (maxBytes > Limits.MAX_BYTES_CEILING) {
            throw new CommandLine.ParameterException(command,
                    "--max-bytes can be at most " + Limits.MAX_BYTES_CEILING + " bytes (just under 2G): a document is held in memory whole");
        }
        return new Limits(maxBytes, maxChars, timeout);
    }
}
