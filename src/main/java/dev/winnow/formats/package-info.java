/**
 * Document formats other than web text (PDF, Word, OpenDocument, EPUB, RTF, e-mail...) read with Apache
 * Tika into the block model, so the HTML chain cleans them. {@link dev.winnow.formats.DocumentFrontEnd}
 * is the entry point; {@link dev.winnow.formats.FormatException} says why a document gave no text.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.formats;
