/**
 * Plain-text tools the stages share: normalization, text shape and word keys, vocabularies, language detection.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.text;
