/**
 * Corpus-wide stages: judgments no single document can make. A first pass over the corpus gathers
 * {@link dev.winnow.corpus.Features} from each cleaned document (its lines, MinHash bands and
 * quotations); they are aggregated into immutable {@link dev.winnow.corpus.CorpusFacts}; a second
 * pass runs the per-document pipeline again with the corpus stages appended, which cut and annotate
 * from those facts like any other stage. Every rule here is plain Java over longs and strings, so
 * the local runner and the Spark adapter aggregate the same way and write the same bytes.
 *
 * <p><b>Internal to Winnow:</b> not part of its API and may change in any version; programs use {@code dev.winnow.api}.
 */
package dev.winnow.corpus;
