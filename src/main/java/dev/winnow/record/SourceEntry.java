package dev.winnow.record;

/**
 * What a container told about one of its documents: where it was fetched from and when, the
 * container's own record id, the payload's declared type and charset, and whether the crawler
 * cut the payload short (WARC-Truncated: "length", "time", ...). Any of them may be null.
 */
public record SourceEntry(String url, String fetched, String recordId, String mediaType, String charset, String truncated) {}
