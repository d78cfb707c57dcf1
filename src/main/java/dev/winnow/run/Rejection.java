package dev.winnow.run;

import dev.winnow.core.RejectReason;
/** An input that produced no record, with a reason code and a message for a person. */
public record Rejection(String id, String path, RejectReason reason, String message) {
}
