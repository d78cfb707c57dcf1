package dev.winnow.core;

/**
 * One piece of text taken out of the body: which stage took it, why, the text itself and its offsets
 * ({@code [start, end)} in UTF-16 units of the normalized input, see {@link Document#source()}).
 */
public record Removal(String stage, Reason reason, String text, int start, int end) {
}
