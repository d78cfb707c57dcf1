/**
 * What every engine shares, so the local runner and Spark clean and write alike: inputs and their listing
 * ({@link dev.winnow.run.Inputs}, {@link dev.winnow.run.Units}), decoding, one document cleaned under its
 * time budget ({@link dev.winnow.run.DocumentProcessor}, {@link dev.winnow.run.DocumentTasks}), outcomes and
 * rejections, the run fingerprint, the output folder's names, line formats, codecs, shards and ownership
 * ({@link dev.winnow.run.OutputFormat}, {@link dev.winnow.run.OutputOwnership},
 * {@link dev.winnow.run.RecordShards}) and its locks. Nothing here schedules work: the engines
 * ({@code dev.winnow.local}, {@code dev.winnow.spark}) do, and neither is known here.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.run;
