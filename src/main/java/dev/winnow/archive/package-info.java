/**
 * Containers of many documents (WARC, JSON Lines, tar and zip archives, compressed files) read entry by entry
 * within the run's limits, each entry named by the id source the user chose.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.archive;
