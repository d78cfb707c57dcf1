package dev.winnow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.archive.Containers;
import dev.winnow.cli.CleanCommand;
import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.record.RemovedLayout;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.testing.LocalSpark;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --format parquet} on Spark: the Parquet files hold the local runner's records, row for row in input order,
 * with the column types of the shipped schema ({@code schema/spark/articles.ddl}), and load in Spark and DuckDB with
 * those types. The local runner writes no Parquet, so the rows are compared decoded, not as bytes: against
 * {@code spark.read.json} of {@code winnow clean}'s {@code articles.jsonl} over the same inputs.
 */
class SparkParquetTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JavaSparkContext context;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        context = LocalSpark.start();
        spark = SparkSession.builder().sparkContext(context.sc()).getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (context != null) context.close();
    }

    /** seeds/ (plain text) and six HTML pages in one folder: records of both kinds, every key typed somewhere. */
    private static Path corpus(Path tmp) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path p : seeds.sorted().toList()) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : pages.sorted().limit(6).toList()) Files.copy(p, corpus.resolve(p.getFileName()));
        }
        return corpus;
    }

    /** The Spark run {@code winnow clean CORPUS -o out --no-text-files} is, with {@code --format parquet}. */
    private static SparkRunner.Options parquet(Path corpus, Path out, OutputCodec codec, int perShard) {
        return new SparkRunner.Options(out.toString(), Limits.DEFAULTS, CleanCommand.defaultSource(corpus.toString()), false, 0,
                true, CorpusSettings.DEFAULTS, Containers.Fields.DEFAULTS, codec, false, RemovedLayout.INLINE, perShard,
                RecordFormat.PARQUET);
    }

    private static Path clean(Path corpus, Path out) {
        int code = Main.execute("clean", corpus.toString(), "-o", out.toString(), "-q", "--no-text-files");
        assertTrue(code == ExitCodes.OK || code == ExitCodes.REJECTIONS, "clean exited with " + code);
        return out;
    }

    @Test
    void parquetHoldsTheLocalRunnersRecordsInOrderWithTheShippedTypes(@TempDir Path tmp) throws Exception {
        Path corpus = corpus(tmp);
        Path local = clean(corpus, tmp.resolve("local"));
        Path one = tmp.resolve("one"), sharded = tmp.resolve("sharded");
        SparkRunner.Summary whole = new SparkRunner(context).run(List.of(corpus.toString()),
                parquet(corpus, one, OutputCodec.NONE, 0), QUIET);
        new SparkRunner(context).run(List.of(corpus.toString()), parquet(corpus, sharded, OutputCodec.ZSTD, 4), QUIET);

        List<String> lines = Files.readAllLines(local.resolve("articles.jsonl"));
        assertTrue(lines.size() > 8, "enough records for three shards of 4: " + lines.size());
        assertEquals(lines.size(), whole.records());
        assertEquals(List.of("part-00000.parquet"), names(one.resolve("documents")));
        int shards = (lines.size() + 3) / 4;
        List<String> expectedNames = new ArrayList<>();
        for (int i = 0; i < shards; i++) expectedNames.add(String.format("part-%05d.parquet", i));
        assertEquals(expectedNames, names(sharded.resolve("documents")));
        for (Path out : List.of(one, sharded)) {
            assertFalse(Files.exists(out.resolve("articles.jsonl")) || Files.exists(out.resolve("articles.jsonl.zst")),
                    "the records are in documents/ only");
            assertFalse(Files.exists(out.resolve(SparkOutput.WORK_DIR)), "the work folder is gone after the commit");
        }
        // The rejections stay JSON Lines, the local runner's bytes.
        assertArrayEquals(Files.readAllBytes(local.resolve("rejected.jsonl")), Files.readAllBytes(one.resolve("rejected.jsonl")));

        StructType shipped = StructType.fromDDL(Files.readString(Path.of("schema/spark/articles.ddl")).strip());
        Dataset<Row> json = spark.read().json(local.resolve("articles.jsonl").toString());
        assertEquals(leaves(shipped, ""), leaves(json.schema(), ""), "spark.read.json of this corpus infers the shipped types");
        List<Row> expected = spark.read().schema(shipped).option("mode", "FAILFAST").json(local.resolve("articles.jsonl").toString())
                .collectAsList();

        for (Path out : List.of(one, sharded)) {
            Dataset<Row> parquet = spark.read().parquet(out.resolve("documents").toString());
            assertEquals(shipped, parquet.schema(), "the columns, in order, with the shipped types");
            assertEquals(leaves(json.schema(), ""), leaves(parquet.schema(), ""), "the types spark.read.json gives the records");
            // Row for row in input order: the files in name order, each read alone (Spark orders a many-file read by size).
            List<Row> rows = new ArrayList<>();
            for (String name : names(out.resolve("documents"))) {
                rows.addAll(spark.read().parquet(out.resolve("documents").resolve(name).toString()).collectAsList());
            }
            assertEquals(expected, rows);
        }

        JsonNode report = JSON.readTree(sharded.resolve("report.json").toFile()).path("output");
        assertEquals("parquet", report.path("records_format").asText());
        assertEquals(4, report.path("records_per_shard").asInt());
        List<String> listed = new ArrayList<>();
        report.path("files").forEach(f -> listed.add(f.asText()));
        for (String name : expectedNames) assertTrue(listed.contains("documents/" + name), "the report lists " + name);
        long reportedRows = 0;
        for (JsonNode s : report.path("shards")) {
            reportedRows += s.path("records").asLong();
            assertEquals(Files.size(sharded.resolve("documents").resolve(s.path("name").asText())), s.path("bytes").asLong());
            assertEquals(s.path("records").asLong(), spark.read().parquet(sharded.resolve("documents").resolve(s.path("name").asText())
                    .toString()).count(), "the rows of " + s.path("name").asText());
        }
        assertEquals(lines.size(), reportedRows);
    }

    /** DuckDB reads the Parquet files with the shipped schema's types, and the rows are the records, in input order. */
    @Test
    void duckDbReadsTheParquetWithTheShippedTypes(@TempDir Path tmp) throws Exception {
        Path corpus = corpus(tmp);
        Path local = clean(corpus, tmp.resolve("local"));
        Path out = tmp.resolve("spark");
        new SparkRunner(context).run(List.of(corpus.toString()), parquet(corpus, out, OutputCodec.GZIP, 5), QUIET);
        StructType shipped = StructType.fromDDL(Files.readString(Path.of("schema/spark/articles.ddl")).strip());

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            String table = "read_parquet('" + out.resolve("documents") + "/*.parquet')";
            Map<String, String> columns = new LinkedHashMap<>();
            try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + table)) {
                while (rs.next()) columns.put(rs.getString("column_name"), rs.getString("column_type").replace("\"", ""));
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (StructField f : shipped.fields()) expected.put(f.name(), duckDb(f.dataType()));
            assertEquals(expected, columns);

            List<String> ids = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT id FROM " + table)) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            List<String> localIds = new ArrayList<>();
            for (String line : Files.readAllLines(local.resolve("articles.jsonl"))) localIds.add(JSON.readTree(line).path("id").asText());
            assertEquals(localIds, ids, "every record once, in input order");
            try (ResultSet rs = sql.executeQuery("SELECT sum(metadata.counts.removals), (SELECT count(*) FROM (SELECT "
                    + "unnest(metadata.removed) FROM " + table + ")) FROM " + table)) {
                assertTrue(rs.next());
                assertEquals(rs.getLong(1), rs.getLong(2), "the removals unnest as typed structs");
            }
        }
    }

    /** As the JSON Lines output: a rerun of a finished run does nothing, and another format replaces the records whole. */
    @Test
    void aRerunOfAFinishedParquetRunDoesNothing(@TempDir Path tmp) throws Exception {
        Path corpus = corpus(tmp);
        Path out = tmp.resolve("spark");
        SparkRunner.Options options = parquet(corpus, out, OutputCodec.ZSTD, 0);
        new SparkRunner(context).run(List.of(corpus.toString()), options, QUIET);
        Map<String, FileTime> written = modified(out);

        SparkRunner.Summary again = new SparkRunner(context).run(List.of(corpus.toString()), options, QUIET);
        assertTrue(again.alreadyDone(), "the finished output is this run's");
        assertEquals(written, modified(out), "nothing was written");

        Path part = out.resolve("documents/part-00000.parquet");
        byte[] first = Files.readAllBytes(part);
        Files.write(part, new byte[] {'P', 'A', 'R', '1'});
        SparkRunner.Summary repaired = new SparkRunner(context).run(List.of(corpus.toString()), options, QUIET);
        assertFalse(repaired.alreadyDone(), "a Parquet file not as reported makes the run go again");
        assertArrayEquals(first, Files.readAllBytes(part), "the same inputs give the same Parquet bytes");

        // JSON Lines over it: articles.jsonl.zst in, documents/ out.
        new SparkRunner(context).run(List.of(corpus.toString()), options.withFormat(RecordFormat.JSONL), QUIET);
        assertTrue(Files.exists(out.resolve("articles.jsonl.zst")));
        assertFalse(Files.exists(out.resolve("documents")), "the Parquet records of the earlier run are gone");
    }

    @Test
    void aRunWithNoRecordsWritesOneEmptyParquetFile(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Path out = tmp.resolve("spark");
        SparkRunner.Summary s = new SparkRunner(context).run(List.of(corpus.toString()), parquet(corpus, out, OutputCodec.NONE, 3), QUIET);
        assertEquals(0, s.records());
        assertEquals(1, s.rejected());
        assertEquals(List.of("part-00000.parquet"), names(out.resolve("documents")));
        Dataset<Row> rows = spark.read().parquet(out.resolve("documents").toString());
        assertEquals(0, rows.count());
        assertEquals(StructType.fromDDL(Files.readString(Path.of("schema/spark/articles.ddl")).strip()), rows.schema());
    }

    @Test
    void parquetWithTheAttributesLayoutIsAUsageError(@TempDir Path tmp) throws IOException {
        Path corpus = corpus(tmp);
        int code = SparkMain.execute(corpus.toString(), "-o", tmp.resolve("out").toString(), "--format", "parquet",
                "--removed", "attributes", "-q");
        assertEquals(ExitCodes.USAGE, code);
        assertFalse(Files.exists(tmp.resolve("out")), "refused before anything is written");
        assertThrows(IllegalArgumentException.class, () -> parquet(corpus, tmp.resolve("out"), OutputCodec.NONE, 0)
                .withRemoved(RemovedLayout.ATTRIBUTES));
        assertEquals(ExitCodes.USAGE, SparkMain.execute(corpus.toString(), "-o", tmp.resolve("out").toString(), "--format", "orc"));
    }

    /** DuckDB's name for a Spark type, as DESCRIBE prints it (without the quotes around reserved words). */
    private static String duckDb(DataType type) {
        if (type instanceof StructType struct) {
            return Stream.of(struct.fields()).map(f -> f.name() + " " + duckDb(f.dataType()))
                    .collect(Collectors.joining(", ", "STRUCT(", ")"));
        }
        if (type instanceof ArrayType array) return duckDb(array.elementType()) + "[]";
        if (type.equals(DataTypes.StringType)) return "VARCHAR";
        if (type.equals(DataTypes.LongType)) return "BIGINT";
        if (type.equals(DataTypes.DoubleType)) return "DOUBLE";
        if (type.equals(DataTypes.BooleanType)) return "BOOLEAN";
        throw new IllegalArgumentException("no DuckDB name for " + type);
    }

    /** Every leaf of a schema as "path: type", sorted (Spark sorts inferred fields by name). */
    private static SortedSet<String> leaves(DataType type, String path) {
        SortedSet<String> out = new TreeSet<>();
        if (type instanceof StructType struct) {
            for (StructField f : struct.fields()) out.addAll(leaves(f.dataType(), path.isEmpty() ? f.name() : path + "." + f.name()));
        } else if (type instanceof ArrayType array) {
            out.addAll(leaves(array.elementType(), path + "[]"));
        } else {
            out.add(path + ": " + type.simpleString());
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file below {@code dir} with its modification time. */
    private static Map<String, FileTime> modified(Path dir) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) times.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p));
        }
        return times;
    }
}
