package dev.winnow.run;

import java.time.Duration;

/**
 * What one document may cost. Exceeding a limit rejects that document only, with a reason naming the
 * limit; the run goes on. Immutable.
 *
 * @param maxBytes largest input read, in bytes ({@code --max-bytes}); larger inputs are {@code too_large}
 * @param maxChars longest clean text kept, in code points ({@code --max-chars}); a document whose clean
 *                 text is longer is {@code too_large} rather than cut short, so a record's text is always
 *                 the whole article and every line of {@code articles.jsonl} stays bounded
 * @param timeout  wall-clock budget for reading, decoding and cleaning one document ({@code --timeout});
 *                 a document over it is {@code timeout}
 */
public record Limits(long maxBytes, long maxChars, Duration timeout) {

    /** A document is held in one byte array, so no input can be larger than the largest array. */
    public static final long MAX_BYTES_CEILING = Integer.MAX_VALUE - 8;
    /** 64 MiB: far above any article, well below what a few threads can hold at once in a default heap. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Ten million code points: about 3,000 pages of prose, a hundred times the longest real article. */
    public static final long DEFAULT_MAX_CHARS = 10_000_000L;
    /**
     * Thirty seconds: a 64 MiB page cleans in a few seconds on one core, so a document still running
     * after this is stuck (a pathological pattern, a hung read), not slow.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT);

    public Limits {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        if (maxChars <= 0) throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public Limits withMaxBytes(long bytes) { return new Limits(bytes, maxChars, timeout); }
    public Limits withMaxChars(long chars) { return new Limits(maxBytes, chars, timeout); }
    public Limits withTimeout(Duration budget) { return new Limits(maxBytes, maxChars, budget); }
}
