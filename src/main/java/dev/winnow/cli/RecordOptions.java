package dev.winnow.cli;

import dev.winnow.record.ArticleRecord;
import dev.winnow.record.RemovedLayout;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How records are laid out, one definition for {@code winnow clean} and the Spark entry point (a picocli
 * mixin), so both engines take the same words for the same output.
 */
public final class RecordOptions {

    @Option(names = "--removed", paramLabel = "LAYOUT", converter = RemovedLayoutConverter.class,
            description = "inline (default): each record lists every cut in metadata.removed, with its stage, reason, "
                    + "text and offsets. none: metadata.removed is null, for records a fraction of the size once a "
                    + "run's cuts are audited; counts per stage and reason stay in report.json. attributes: "
                    + "metadata.removed is null and every cut goes to OUTDIR/attributes/winnow_removed/articles.jsonl "
                    + "(named as the records file, .gz/.zst included), one line per record in the same order, in "
                    + "Dolma's attributes layout: spans [start, end, score] in code points of the normalized input "
                    + "under winnow_removed__STAGE__REASON, and the full cuts under removed.")
    RemovedLayout removed = RemovedLayout.INLINE;

    @Option(names = "--records-per-shard", paramLabel = "N",
            description = "Write the records as OUTDIR/documents/part-00000.jsonl, part-00001.jsonl... (.gz/.zst with "
                    + "--compress) of N records each in input order, the last one shorter, instead of one "
                    + "articles.jsonl: Dolma's layout, and files Spark reads in parallel. With --removed attributes "
                    + "the side file is cut the same way into attributes/winnow_removed/ under the same names, line "
                    + "for line. A run with no records writes one empty part-00000. Default: one records file.")
    Integer recordsPerShard;

    @Option(names = "--added", paramLabel = "TIME",
            description = "The 'added' time (when the documents were acquired, Dolma's field) of every record whose "
                    + "input does not say: a date (2026-12-01, midnight UTC) or a date-time with a zone "
                    + "(2026-12-01T10:00:00Z). A web archive's record keeps its WARC-Date. A fixed value, not the "
                    + "clock, so a rerun writes the same bytes. Default: null.")
    String added;

    public RemovedLayout removed() {
        return removed;
    }

    /** Records per shard ({@code --records-per-shard}), 0 when records go to one file; refuses a count below 1. */
    public int recordsPerShard(CommandLine command) {
        if (recordsPerShard == null) return 0;
        if (recordsPerShard < 1) throw new CommandLine.ParameterException(command, "--records-per-shard must be at least 1");
        return recordsPerShard;
    }

    /** The {@code added} time of records whose input gives none, as records write it, or null; refuses a value that is no time. */
    public String added(CommandLine command) {
        if (added == null) return null;
        try {
            return ArticleRecord.addedTime(added);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, "--added: " + e.getMessage());
        }
    }

    /** {@code inline}, {@code none} or {@code attributes}, in any case. */
    static final class RemovedLayoutConverter implements CommandLine.ITypeConverter<RemovedLayout> {
        @Override
        public RemovedLayout convert(String value) {
            for (RemovedLayout l : RemovedLayout.values()) if (l.code().equalsIgnoreCase(value.strip())) return l;
            throw new CommandLine.TypeConversionException("'" + value + "' is not a layout: inline, none or attributes");
        }
    }
}
