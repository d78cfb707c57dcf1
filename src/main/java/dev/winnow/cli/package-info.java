/**
 * The command line: {@code winnow clean}, {@code explain}, {@code profile}, {@code stages} and {@code source},
 * their options (picocli) and exit codes.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.cli;
