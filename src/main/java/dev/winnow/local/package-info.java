/**
 * The local runner, the default engine: one machine's worker threads over the shared document task of
 * {@code dev.winnow.run}, writing checkpointed journals that a killed run resumes from within an input,
 * committed into the output folder at once, with a progress bar on the terminal.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.local;
