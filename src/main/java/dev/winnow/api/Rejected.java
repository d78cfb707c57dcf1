package dev.winnow.api;

/**
 * A document that gives no article, and why: {@link #reason()} is the code a run writes to {@code rejected.jsonl}
 * ({@code empty}, {@code binary}, {@code too_large}, {@code all_removed}, ...), the message says it for a person.
 */
public final class Rejected extends RuntimeException {
    private final String reason;

    Rejected(String reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** The rejection's reason code. */
    public String reason() {
        return reason;
    }
}
