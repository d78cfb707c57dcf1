/**
 * Views of a run for people: what a record kept and what each cut removed, drawn from the record and the text its
 * offsets index. Pure functions of their inputs; no network, no scripts from elsewhere.
 */
package dev.winnow.view;
