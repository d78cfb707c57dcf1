package dev.winnow.spark;

import java.util.Locale;

/**
 * The file format of a Spark run's records ({@code --format}): JSON Lines, as {@code winnow clean} writes them, or
 * Parquet, written by Spark ({@link ParquetRecords}). Rejections, quotations and the report are JSON either way.
 */
public enum RecordFormat {
    JSONL, PARQUET;

    /** The word {@code --format} takes: {@code jsonl} or {@code parquet}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
