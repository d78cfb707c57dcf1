/**
 * Winnow on Apache Spark: the same two passes as the local runner (the corpus stages' analysis, then
 * cleaning; or one pass without them), run in Spark executors and aggregated with the corpus package's
 * rules, with the output written in part files by the executors and joined in input order by the driver,
 * byte for byte as the local runner writes it. Inputs and output may live on any Hadoop file system
 * ({@code hdfs://}, {@code s3a://}, {@code file://}; see {@code Storage}). The only package that
 * sees Spark types; stages and the run package stay plain Java. Spark is a provided dependency: it comes
 * from {@code spark-submit} (or {@code make spark-local}), never from the shaded jar.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.spark;
