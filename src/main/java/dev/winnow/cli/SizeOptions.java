package dev.winnow.cli;

import dev.winnow.run.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The size limits on one document, one definition for {@code winnow clean} and the Spark entry point (a picocli mixin). */
public final class SizeOptions {

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = CleanCommand.SizeConverter.class,
            description = "Reject inputs larger than this as too_large (default: ${DEFAULT-VALUE} bytes; accepts 64M, 1G...).")
    long maxBytes = Limits.DEFAULT_MAX_BYTES;

    @Option(names = "--max-chars", paramLabel = "N", converter = CleanCommand.CountConverter.class,
            description = "Reject a document whose clean text is longer than N characters as too_large, rather than "
                    + "cut it short (default: ${DEFAULT-VALUE}; accepts 500k, 10M...).")
    long maxChars = Limits.DEFAULT_MAX_CHARS;

    /** The limits as set, with {@code timeout}; a usage error names what is wrong. */
    public Limits limits(CommandLine command, Duration timeout) {
        if (maxBytes > Limits.MAX_BYTES_CEILING) {
            throw new CommandLine.ParameterException(command,
                    "--max-bytes can be at most " + Limits.MAX_BYTES_CEILING + " bytes (just under 2G): a document is held in memory whole");
        }
        return new Limits(maxBytes, maxChars, timeout);
    }
}
