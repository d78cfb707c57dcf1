package dev.winnow.record;

import java.util.Locale;

/**
 * Where a record's removals go ({@code --removed}). Inline is the default: each record carries every cut
 * with its text, offsets and evidence, which is what makes a run auditable, and on HTML pages the bulk of
 * {@code articles.jsonl}. Without them records are a fraction of the size, for a run whose cuts were
 * audited already; {@code metadata.counts.removals} and the report's counts per stage and reason stay.
 * Attributes keeps them beside the records instead, in the layout Dolma pairs with its documents
 * ({@link RemovedAttributes}): lean records, and the audit one join away.
 */
public enum RemovedLayout {
    /** {@code metadata.removed} lists every cut. */
    INLINE,
    /** {@code metadata.removed} is null: the cuts are not recorded (the key stays, so the schema does not change). */
    NONE,
    /**
     * {@code metadata.removed} is null, as with {@link #NONE}; every cut goes to a row-aligned side file,
     * one line per record ({@link RemovedAttributes}).
     */
    ATTRIBUTES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
