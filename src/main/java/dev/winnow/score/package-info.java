/**
 * The learned models: the HTML block scorer and the page-type classifiers, their features and their versioned
 * resources.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.score;
