package dev.winnow.spark;

import dev.winnow.run.OutputCodec;
import dev.winnow.run.RecordShards;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records as Parquet ({@code --format parquet}), written by Spark SQL's Parquet writer from the run's finished
 * records journal: {@code documents/part-00000.parquet}, {@code part-00001.parquet}... of {@code --records-per-shard}
 * rows each in input order, or all in {@code part-00000.parquet}. The columns are typed by the shipped schema
 * ({@code schema/spark/articles.ddl}, carried in the jar), not inferred, so every run has the same columns whatever
 * its keys hold, and a line that does not fit it fails the run ({@code FAILFAST}) instead of becoming nulls.
 *
 * <p>The journal's lines are numbered ({@code zipWithIndex}, which keeps the file's order) and shuffled to the
 * task of their shard, sorted by number, so each task writes one shard's rows in input order. Spark names its files
 * by task and job ({@code part-00003-<job>-c000.zstd.parquet}); they are renamed to the shard names, which a rerun
 * and a reader can count on.
 */
final class ParquetRecords {
    /** The resource {@code schema/spark/articles.ddl} is packaged as (see the build's resources). */
    private static final String SCHEMA_RESOURCE = "articles.ddl";
    /** A file Spark's writer names for its task: the task's partition is the shard. */
    private static final Pattern SPARK_PART = Pattern.compile("part-(\\d{5})-.*\\.parquet");

    private ParquetRecords() {}

    /** Shard {@code index}'s file name: {@code part-00000.parquet}. */
    static String name(int index) {
        return String.format(Locale.ROOT, "part-%05d.parquet", index);
    }

    /** The records' schema, as shipped: the column types of every Parquet file a run writes. */
    static StructType schema() {
        try (InputStream in = ParquetRecords.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the jar lacks the records' schema " + SCHEMA_RESOURCE);
            return StructType.fromDDL(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Parquet's name for {@code codec}: {@code --compress} picks the page compression as it picks the JSON files'
     * (none, gzip, zstd). The file names stay {@code .parquet}: the compression is inside, and every reader finds it.
     */
    static String compression(OutputCodec codec) {
        return switch (codec) {
            case NONE -> "uncompressed";
            case GZIP -> "gzip";
            case ZSTD -> "zstd";
        };
    }

    /**
     * Writes the {@code records} lines of {@code journal} (plain JSON Lines, on {@code fs}) as Parquet shards of
     * {@code perShard} rows (0: one file) into the folder {@code into}, which must not exist yet; {@code staging},
     * a folder beside it, holds Spark's own output meanwhile and is removed. Returns the shards in order, each with
     * its rows and length.
     *
     * @throws IOException when the shards Spark wrote are not the ones the layout calls for
     */
    static List<RecordShards.Shard> write(SparkSession spark, FileSystem fs, Path journal, Path staging, Path into,
                                          long records, int perShard, OutputCodec codec) throws IOException {
        long perFile = perShard > 0 ? perShard : Math.max(1, records);
        int shards = (int) Math.max(1, (records + perFile - 1) / perFile);
        JavaRDD<String> lines = JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(journal.toString())
                .zipWithIndex()
                .mapToPair(Tuple2::swap)
                .repartitionAndSortWithinPartitions(new ByShard(shards, perFile))
                .values();
        Dataset<Row> rows = spark.read().schema(schema()).option("mode", "FAILFAST")
                .json(spark.createDataset(lines.rdd(), Encoders.STRING()));
        fs.delete(staging, true);
        // One file per task, whatever spark.sql.files.maxRecordsPerFile a user set: a task is a shard.
        rows.write().option("compression", compression(codec)).option("maxRecordsPerFile", 0).parquet(staging.toString());

        if (!fs.mkdirs(into)) throw new IOException("cannot create the folder " + into);
        List<RecordShards.Shard> written = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FileStatus s : fs.listStatus(staging)) names.add(s.getPath().getName());
        names.sort(null);
        for (String name : names) {
            Matcher m = SPARK_PART.matcher(name);
            if (!m.matches()) continue;     // _SUCCESS, checksum files
            int index = Integer.parseInt(m.group(1));
            if (index != written.size()) {
                throw new IOException("Spark's Parquet files do not match the shards: " + name + " where shard " + written.size() + " was due");
            }
            Path to = new Path(into, name(index));
            if (!fs.rename(new Path(staging, name), to)) throw new IOException("cannot rename " + name + " to " + to);
            long inShard = index < shards - 1 ? perFile : records - perFile * (shards - 1);
            written.add(new RecordShards.Shard(name(index), inShard, fs.getFileStatus(to).getLen(), -1));
        }
        if (written.size() != shards) {
            throw new IOException("Spark wrote " + written.size() + " Parquet files for the " + shards + " shards of " + records + " records");
        }
        fs.delete(staging, true);
        return List.copyOf(written);
    }

    /** Line number to shard: lines {@code 0..perFile-1} to task 0, and so on; Spark sorts each task's lines by number. */
    private static final class ByShard extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int shards;
        private final long perFile;

        ByShard(int shards, long perFile) {
            this.shards = shards;
            this.perFile = perFile;
        }

        @Override
        public int numPartitions() {
            return shards;
        }

        @Override
        public int getPartition(Object line) {
            return (int) Math.min(shards - 1, (Long) line / perFile);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByShard b && b.shards == shards && b.perFile == perFile;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(shards * 31L + perFile);
        }
    }
}
