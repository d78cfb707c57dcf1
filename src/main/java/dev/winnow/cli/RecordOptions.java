package dev.winnow.cli;

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

    public RemovedLayout removed() {
        return removed;
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
