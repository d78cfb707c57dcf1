/**
 * The per-document stages and the chains built from them ({@link dev.winnow.stages.Profiles}, {@link
 * dev.winnow.stages.ChainProfile}).
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.stages;
