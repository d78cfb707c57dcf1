/**
 * Winnow as a library, in your own JVM: {@link dev.winnow.api.Winnow} cleans one document (a {@code String},
 * {@code byte[]} or {@code InputStream}, with its URL and media type when known) into an immutable
 * {@link dev.winnow.api.Article}, or says why it gives none ({@link dev.winnow.api.Rejected}). Nothing is written
 * to disk. This package is the supported surface; every other package is internal and may change between
 * versions.
 */
package dev.winnow.api;
