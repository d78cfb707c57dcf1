/**
 * Views of a run for people: what a record kept and what each cut removed, drawn from the record and the text its
 * offsets index. Pure functions of their inputs; no network, no scripts from elsewhere.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.view;
