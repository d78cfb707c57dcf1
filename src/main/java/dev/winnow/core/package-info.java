/**
 * The cleaning model: a {@link dev.winnow.core.Pipeline} segments a document into blocks and runs its {@link
 * dev.winnow.core.Stage}s, each of which only proposes cuts on a {@link dev.winnow.core.Verdict}; every cut
 * becomes a {@link dev.winnow.core.Removal} with its stage, reason and evidence.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.core;
