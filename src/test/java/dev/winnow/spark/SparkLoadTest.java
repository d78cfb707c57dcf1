package dev.winnow.spark;

import dev.winnow.cli.Main;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records load with Spark SQL's {@code spark.read.json} as a user loads them. Read together, a plain-text
 * run, an HTML run and a gzip-compressed run without corpus stages infer one schema, the one shipped in
 * {@code schema/spark/articles.ddl}; read alone, each loads with that schema. (Alone, inference cannot
 * agree: a key null in every record of a run, {@code removed[].score} in a plain-text run, is a string to
 * Spark there and a double elsewhere. That is what the shipped schema is for.)
 */
class SparkLoadTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("winnow-load-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    @Test
    void runsOfEveryKindReadAsOneDatasetWithOneSchema(@TempDir Path tmp) throws IOException {
        Path text = run(tmp.resolve("text-out"), "seeds");
        Path htmlIn = Files.createDirectories(tmp.resolve("html"));
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : pages.sorted().limit(6).toList()) Files.copy(p, htmlIn.resolve(p.getFileName()));
        }
        Path html = run(tmp.resolve("html-out"), htmlIn.toString());
        Path gz = run(tmp.resolve("gz-out"), htmlIn.toString(), "--compress", "gz", "--no-corpus");

        String textFile = text.resolve("articles.jsonl").toString();
        String htmlFile = html.resolve("articles.jsonl").toString();
        String gzFile = gz.resolve("articles.jsonl.gz").toString();

        // Read together, the runs infer one schema, and it is the shipped one, leaf for leaf.
        Dataset<Row> all = spark.read().json(textFile, htmlFile, gzFile);
        StructType shipped = StructType.fromDDL(Files.readString(Path.of("schema/spark/articles.ddl")).strip());
        assertEquals(leaves(shipped, ""), leaves(all.schema(), ""), "schema/spark/articles.ddl is what Spark infers");

        // Read alone, each run loads with the shipped schema, and a value of the wrong type would fail the read.
        long lines = 0;
        for (String file : List.of(textFile, htmlFile, gzFile)) {
            Dataset<Row> one = spark.read().schema(shipped).option("mode", "FAILFAST").json(file);
            assertEquals(shipped, one.schema());
            long n = one.count();
            assertTrue(n > 0, file);
            lines += n;
        }
        assertEquals(lines, all.count());
        all.createOrReplaceTempView("articles");
        long removals = spark.sql("SELECT sum(metadata.counts.removals) FROM articles").first().getLong(0);
        assertEquals(removals, spark.sql("SELECT count(*) FROM articles LATERAL VIEW explode(metadata.removed) r AS cut").first().getLong(0),
                "removals are typed structs Spark can unnest");
        assertTrue(spark.sql("SELECT count(*) FROM articles a LATERAL VIEW explode(a.metadata.removed) r AS cut WHERE cut.score > 0")
                .first().getLong(0) > 0, "the learned scorer's evidence survives as a number");
    }

    /**
     * The acceptance test: with {@code --records-per-shard}, {@code spark.read.json(OUTDIR/documents)} reads
     * every shard (gzipped, so one file per task) as one dataset with one schema, the one-file layout's records.
     */
    @Test
    void shardedRecordsReadAsOneDataset(@TempDir Path tmp) throws IOException {
        Path htmlIn = Files.createDirectories(tmp.resolve("html"));
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : pages.sorted().limit(6).toList()) Files.copy(p, htmlIn.resolve(p.getFileName()));
        }
        Path whole = run(tmp.resolve("whole"), htmlIn.toString(), "--compress", "gz");
        Path sharded = run(tmp.resolve("sharded"), htmlIn.toString(), "--compress", "gz", "--records-per-shard", "2",
                "--removed", "attributes");
        Path whole2 = run(tmp.resolve("whole-none"), htmlIn.toString(), "--compress", "gz", "--removed", "none");

        Dataset<Row> documents = spark.read().json(sharded.resolve("documents").toString());
        Dataset<Row> records = spark.read().json(whole2.resolve("articles.jsonl.gz").toString());
        long shards;
        try (Stream<Path> files = Files.list(sharded.resolve("documents"))) {
            shards = files.count();
        }
        assertTrue(shards > 1, "more than one shard: " + shards);
        assertEquals(shards, documents.inputFiles().length, "every shard is read");
        assertEquals(records.schema(), documents.schema(), "one schema, the one-file records'");
        assertEquals(records.count(), documents.count());
        assertEquals(spark.read().json(whole.resolve("articles.jsonl.gz").toString()).count(), documents.count());
        assertEquals(records.orderBy("id").collectAsList(), documents.orderBy("id").collectAsList(), "the same records");
        StructType shipped = StructType.fromDDL(Files.readString(Path.of("schema/spark/articles.ddl")).strip());
        assertEquals(documents.count(), spark.read().schema(shipped).option("mode", "FAILFAST")
                .json(sharded.resolve("documents").toString()).count(), "the shards load with the shipped schema");
        assertEquals(documents.count(), spark.read().json(sharded.resolve("attributes/winnow_removed").toString()).count(),
                "an attributes line per record");
    }

    /** Every leaf of a schema as "path: type", in sorted order (Spark sorts inferred fields by name). */
    private static java.util.SortedSet<String> leaves(org.apache.spark.sql.types.DataType type, String path) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        if (type instanceof StructType struct) {
            for (var f : struct.fields()) out.addAll(leaves(f.dataType(), path.isEmpty() ? f.name() : path + "." + f.name()));
        } else if (type instanceof org.apache.spark.sql.types.ArrayType array) {
            out.addAll(leaves(array.elementType(), path + "[]"));
        } else {
            out.add(path + ": " + type.simpleString());
        }
        return out;
    }

    private static Path run(Path out, String... args) {
        String[] all = Stream.concat(Stream.of("clean", args[0], "-o", out.toString(), "-q", "--no-text-files"),
                Stream.of(args).skip(1)).toArray(String[]::new);
        int code = Main.execute(all);
        assertTrue(code == 0 || code == 3, "clean exited with " + code);
        return out;
    }
}
