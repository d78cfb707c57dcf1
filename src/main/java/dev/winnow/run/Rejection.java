package dev.winnow.run;

/** An input that produced no record, with a reason code and a message for a person. */
public record Rejection(String id, String path, RejectReason reason, String message) {
}
