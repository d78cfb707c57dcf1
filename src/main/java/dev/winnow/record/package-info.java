/**
 * The article record and its layouts: the JSON line {@code articles.jsonl} holds, its schema version, ids and
 * the removal attributes side files.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.record;
