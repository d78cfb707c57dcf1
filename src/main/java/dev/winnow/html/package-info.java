/**
 * The HTML front end: jsoup parses a page into blocks in page order, recording the markup each sits in
 * (containers, class and id words, links, visibility) for the stages and the block scorer.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.html;
