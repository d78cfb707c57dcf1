package dev.winnow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.archive.Archives;
import dev.winnow.archive.Containers;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.corpus.QuotesFile;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.SiteCorpus;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark runner writes what the local runner writes: the same {@code articles.jsonl},
 * {@code rejected.jsonl}, {@code quotes.jsonl} and {@code text/} bytes, and a report with the same counts,
 * in one pass and with the corpus stages' two. One local Spark
 * context for the class: it takes seconds to start. Bound to 127.0.0.1 with no web UI, so no network is needed.
 */
class SparkLocalEquivalenceTest {
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf()
                .setMaster("local[2]")
                .setAppName("winnow-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.close();
    }

    /** seeds/, one HTML page, a duplicated file name, an empty file, a binary file, and a path that does not exist. */
    private static List<String> corpus(Path tmp) throws IOException {
        Path corpus = tmp.resolve("corpus");
        copyTree(Path.of("seeds"), corpus.resolve("seeds"));
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/aeb-dev/html"))) {
            Path page = pages.filter(p -> p.toString().endsWith(".html.gz")).sorted().findFirst().orElseThrow();
            Files.copy(page, corpus.resolve(page.getFileName()));
        }
        Files.createDirectories(corpus.resolve("north"));
        Files.createDirectories(corpus.resolve("south"));
        Files.writeString(corpus.resolve("north/quay.txt"),
                "The quay will stay closed to cars until Monday morning, the harbour office said.\n", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("south/quay.txt"),
                "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.\n",
                StandardCharsets.UTF_8);
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Files.write(corpus.resolve("noise.bin"), binary);
        return List.of(corpus.toString(), tmp.resolve("missing.txt").toString());
    }

    @Test
    void sparkWritesTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path local = tmp.resolve("local"), onSpark = tmp.resolve("spark");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        LocalRunner.Summary expected = new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(local, 2, Limits.DEFAULTS, "corpus", true, true, false), quiet);
        SparkRunner.Summary actual = new SparkRunner(spark).run(args,
                new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", true, 0, true), quiet);

        assertTrue(expected.rejected() >= 3, "the empty, binary and missing inputs are rejected");
        assertSameBytes(local.resolve("articles.jsonl"), onSpark.resolve("articles.jsonl"));
        assertSameBytes(local.resolve("rejected.jsonl"), onSpark.resolve("rejected.jsonl"));
        List<String> texts = names(local.resolve("text"));
        assertEquals(texts, names(onSpark.resolve("text")));
        for (String name : texts) assertSameBytes(local.resolve("text").resolve(name), onSpark.resolve("text").resolve(name));

        assertEquals(expected.inputs(), actual.inputs());
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.rejected(), actual.rejected());
        ObjectNode want = expected.report(), got = actual.report();
        assertEquals("local", want.path("engine").asText());
        assertEquals("spark", got.path("engine").asText());
        for (String field : List.of("winnow_version", "profile", "pipeline", "pipeline_html", "inputs", "records", "rejected",
                "rejections", "removals", "bytes_in", "skipped_records", "limits", "lost_threads", "pipeline_corpus")) {
            assertEquals(want.get(field), got.get(field), field);
        }
        // One report writer: the keys both engines give come in the same order.
        List<String> shared = names(want);
        shared.retainAll(names(got));
        List<String> inSpark = names(got);
        inSpark.retainAll(shared);
        assertEquals(shared, inSpark, "the keys both reports have, in order");
        assertFalse(Files.exists(onSpark.resolve(SparkOutput.WORK_DIR)), "the work folder is gone after the commit");
    }

    /**
     * Retrained models ({@code --html-model}, {@code --page-type-model}) reach the executors: a page typer that calls
     * every page a forum, and the shipped block scorer passed as a file, give the local runner's bytes on Spark.
     */
    @Test
    void retrainedModelsGiveTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path typer = tmp.resolve("forums.json"), blocks = tmp.resolve("blocks.json");
        Files.writeString(typer, dev.winnow.score.PageTyperTest.constant("all-forums", dev.winnow.score.PageFeatures.TEXT_NAMES,
                dev.winnow.score.PageType.FORUM));
        Files.write(blocks, dev.winnow.score.Forest.resourceBytes(dev.winnow.score.BlockScorer.HTML_MODEL));
        dev.winnow.run.Tuning tuning = dev.winnow.run.Tuning.NONE.withModels(dev.winnow.score.Models.read(blocks, List.of(typer)));
        Path local = tmp.resolve("local"), onSpark = tmp.resolve("spark");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(local, 2, Limits.DEFAULTS, "corpus", true, true, false).withTuning(tuning), quiet);
        new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", true, 0, true).withTuning(tuning), quiet);
        assertSameBytes(local.resolve("articles.jsonl"), onSpark.resolve("articles.jsonl"));
        String records = Files.readString(onSpark.resolve("articles.jsonl"));
        assertTrue(records.contains("\"page_type\":\"forum\"") && records.contains("all-forums@"), "the executors typed with the file");
    }

    private static List<String> names(ObjectNode report) {
        List<String> keys = new java.util.ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * {@link #corpus} plus a generated corpus of four sites, with templates, near-duplicates and a shared
     * quotation; three more sites as JSON Lines with URLs; a web archive the test writes, and a copy cut short.
     */
    private static List<String> multiSiteCorpus(Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path root = Path.of(args.get(0));
        SiteCorpus.builder().seed(5).sites(4).docsPerSite(12).build().writeTextFolders(root.resolve("sites"));
        SiteCorpus.builder().seed(6).sites(3).docsPerSite(8).build().writeJsonLines(root.resolve("jsonl"), 1 << 20);
        byte[] warc = Archives.write(Archives::standardRecords, true);
        Files.write(root.resolve("crawl.warc.gz"), warc);
        Files.write(root.resolve("cut.warc.gz"), java.util.Arrays.copyOf(warc, warc.length - 40));
        return args;
    }

    @Test
    void corpusStagesWriteTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        Runs runs = bothEngines(tmp, multiSiteCorpus(tmp), CorpusSettings.DEFAULTS, 0);
        // Not vacuous: the generated sites' template lines were cut and copies were clustered.
        JsonNode report = runs.local().report();
        assertTrue(report.path("removals").path("site_lines").path("site_repeated_line").asInt() > 0,
                "repeated lines were cut: " + report.path("removals"));
        assertTrue(largestCluster(runs.localDir()) >= 2, "at least one near-duplicate cluster of two or more");
        assertTrue(Files.size(runs.localDir().resolve(QuotesFile.NAME)) > 0, "quotations were listed");
    }

    @Test
    void corpusWideQuotesAndDroppedDuplicatesMatchToo(@TempDir Path tmp) throws IOException {
        Runs runs = bothEngines(tmp, multiSiteCorpus(tmp), new CorpusSettings(true, CorpusSettings.DEFAULT_REPEATED_LINE_DOCS, true, true), 3);
        JsonNode report = runs.local().report();
        assertTrue(report.path("rejections").path("near_duplicate").asInt() > 0, "copies were dropped: " + report.path("rejections"));
        assertTrue(report.path("removals").path("site_lines").path("site_repeated_line").asInt() > 0, "repeated lines were cut");
    }

    @Test
    void recordsWithoutRemovalsAreTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path local = tmp.resolve("local"), onSpark = tmp.resolve("spark");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(local, 2, Limits.DEFAULTS, "corpus", false, true, false)
                        .withRemoved(dev.winnow.record.RemovedLayout.NONE), quiet);
        new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", false, 0, true)
                .withRemoved(dev.winnow.record.RemovedLayout.NONE), quiet);
        assertTrue(Files.readString(local.resolve("articles.jsonl")).contains("\"removed\":null"), "--removed none applied");
        assertSameBytes(local.resolve("articles.jsonl"), onSpark.resolve("articles.jsonl"));
    }

    /**
     * {@code --removed attributes}: the side file is the local runner's, byte for byte, joined from several
     * partitions in input order; a Spark run of another layout over it removes it, as a local run does.
     */
    @Test
    void removedAttributesAreTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path local = tmp.resolve("local"), onSpark = tmp.resolve("spark");
        String side = "attributes/winnow_removed/articles.jsonl";
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(local, 2, Limits.DEFAULTS, "corpus", false, true, false)
                        .withRemoved(dev.winnow.record.RemovedLayout.ATTRIBUTES), quiet);
        new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", false, 3, true)
                .withRemoved(dev.winnow.record.RemovedLayout.ATTRIBUTES), quiet);
        assertTrue(Files.size(local.resolve(side)) > 0, "the local run wrote the side file");
        assertSameBytes(local.resolve("articles.jsonl"), onSpark.resolve("articles.jsonl"));
        assertSameBytes(local.resolve(side), onSpark.resolve(side));
        JsonNode report = new ObjectMapper().readTree(onSpark.resolve("report.json").toFile());
        assertEquals(Files.size(onSpark.resolve(side)), report.at("/output/attributes_bytes").asLong());
        assertTrue(report.at("/output/files").toString().contains(side), "the report vouches for the side file");

        new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", false, 3, true), quiet);
        assertFalse(Files.exists(onSpark.resolve("attributes")), "no stale side file beside inline records");
        new SparkRunner(spark).run(args, new SparkRunner.Options(local, Limits.DEFAULTS, "corpus", false, 3, true), quiet);
        assertFalse(Files.exists(local.resolve("attributes")), "nor beside the local run's, replaced by Spark");
    }

    /**
     * {@code --records-per-shard}: Spark cuts the same shards as the local runner, gzipped bytes included (each
     * shard is compressed whole from its lines, whatever members the journal had), with the removed attributes
     * under the same names; a Spark run of the one-file layout over them removes documents/.
     */
    @Test
    void shardsAreTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path local = tmp.resolve("local"), onSpark = tmp.resolve("spark");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(local, 2, Limits.DEFAULTS, "corpus", true, true, false, CorpusSettings.DEFAULTS,
                        Containers.Fields.DEFAULTS, OutputCodec.GZIP)
                        .withRemoved(dev.winnow.record.RemovedLayout.ATTRIBUTES).withRecordsPerShard(2), quiet);
        new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", true, 3, true,
                CorpusSettings.DEFAULTS, Containers.Fields.DEFAULTS, OutputCodec.GZIP)
                .withRemoved(dev.winnow.record.RemovedLayout.ATTRIBUTES).withRecordsPerShard(2), quiet);
        List<String> shards = names(local.resolve("documents"));
        assertTrue(shards.size() > 2, "several shards: " + shards);
        assertEquals(shards, names(onSpark.resolve("documents")));
        assertEquals(shards, names(onSpark.resolve("attributes/winnow_removed")));
        for (String name : shards) {
            assertSameBytes(local.resolve("documents").resolve(name), onSpark.resolve("documents").resolve(name));
            assertSameBytes(local.resolve("attributes/winnow_removed").resolve(name), onSpark.resolve("attributes/winnow_removed").resolve(name));
        }
        assertFalse(Files.exists(onSpark.resolve("articles.jsonl.gz")), "no records file beside the shards");
        JsonNode want = new ObjectMapper().readTree(local.resolve("report.json").toFile()).path("output");
        JsonNode got = new ObjectMapper().readTree(onSpark.resolve("report.json").toFile()).path("output");
        assertEquals(want.path("shards"), got.path("shards"));
        assertEquals(want.path("files"), got.path("files"));

        SparkRunner.Summary again = new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", true, 3,
                true, CorpusSettings.DEFAULTS, Containers.Fields.DEFAULTS, OutputCodec.GZIP)
                .withRemoved(dev.winnow.record.RemovedLayout.ATTRIBUTES).withRecordsPerShard(2), quiet);
        assertTrue(again.alreadyDone(), "a rerun knows the sharded output as finished");
        new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", true, 3, true,
                CorpusSettings.DEFAULTS, Containers.Fields.DEFAULTS, OutputCodec.GZIP), quiet);
        assertFalse(Files.exists(onSpark.resolve("documents")), "no stale shards beside one records file");
        assertFalse(Files.exists(onSpark.resolve("attributes")), "nor their attributes");
        assertTrue(Files.isRegularFile(onSpark.resolve("articles.jsonl.gz")));
    }

    @Test
    void noCorpusRunRemovesAnEarlierRunsQuotes(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        Path out = tmp.resolve("out");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new SparkRunner(spark).run(args, new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", false, 0, true)
                .withCorpus(CorpusSettings.DEFAULTS), quiet);
        assertTrue(Files.exists(out.resolve(QuotesFile.NAME)));
        new SparkRunner(spark).run(args, new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", false, 0, true), quiet);
        assertFalse(Files.exists(out.resolve(QuotesFile.NAME)), "quotes.jsonl belongs to the corpus passes only");
    }

    @Test
    void compressedOutputOnSparkHoldsTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path local = tmp.resolve("local"), onSpark = tmp.resolve("spark");
        new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(local, 2, Limits.DEFAULTS, "corpus", false, true, false, CorpusSettings.DEFAULTS,
                        Containers.Fields.DEFAULTS, OutputCodec.NONE), quiet);
        new SparkRunner(spark).run(args, new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", false, 0, true,
                CorpusSettings.DEFAULTS, Containers.Fields.DEFAULTS, OutputCodec.GZIP), quiet);
        for (String file : List.of("articles.jsonl", "rejected.jsonl", QuotesFile.NAME)) {
            try (InputStream gz = new java.util.zip.GZIPInputStream(Files.newInputStream(onSpark.resolve(file + ".gz")))) {
                assertArrayEquals(Files.readAllBytes(local.resolve(file)), gz.readAllBytes(), file + ".gz");
            }
            assertFalse(Files.exists(onSpark.resolve(file)), "no plain " + file + " beside the compressed one");
        }
    }

    @Test
    void aBandKeyLinksTheFirstDocumentSeenToEachOther() {
        // (band key, position) pairs of one bucket, in two chunks: key 1 alone, key 3 in three documents
        List<long[]> chunks = List.of(new long[]{1, 7, 3, 9}, new long[]{3, 2, 3, 5});
        assertArrayEquals(new long[]{9, 2, 9, 5}, dev.winnow.corpus.CorpusIndex.bandEdges(chunks.iterator()));
        assertArrayEquals(new long[0], dev.winnow.corpus.CorpusIndex.bandEdges(List.<long[]>of(new long[]{1, 7}).iterator()));
    }

    private record Runs(LocalRunner.Summary local, Path localDir, SparkRunner.Summary spark, Path sparkDir) {}

    /** The local runner and Spark on the same inputs and corpus settings; asserts the same bytes and counts. */
    private static Runs bothEngines(Path tmp, List<String> args, CorpusSettings corpus, int partitions) throws IOException {
        return bothEngines(tmp, args, corpus, partitions, Containers.Fields.DEFAULTS, null, dev.winnow.run.Tuning.NONE);
    }

    /**
     * The same, with other JSON Lines fields and ids, an {@code added} time for records whose input gives none, and
     * the chains tuned.
     */
    private static Runs bothEngines(Path tmp, List<String> args, CorpusSettings corpus, int partitions, Containers.Fields fields,
                                    String added, dev.winnow.run.Tuning tuning) throws IOException {
        Path local = tmp.resolve("local"), onSpark = tmp.resolve("spark");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LocalRunner.Summary expected = new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(local, 2, Limits.DEFAULTS, "corpus", true, true, false, corpus, fields,
                        OutputCodec.NONE).withAdded(added).withTuning(tuning), quiet);
        SparkRunner.Summary actual = new SparkRunner(spark).run(args,
                new SparkRunner.Options(onSpark, Limits.DEFAULTS, "corpus", true, partitions, true, corpus, fields).withAdded(added)
                        .withTuning(tuning),
                quiet);

        for (String file : List.of("articles.jsonl", "rejected.jsonl", QuotesFile.NAME)) {
            assertSameBytes(local.resolve(file), onSpark.resolve(file));
        }
        List<String> texts = names(local.resolve("text"));
        assertEquals(texts, names(onSpark.resolve("text")));
        for (String name : texts) assertSameBytes(local.resolve("text").resolve(name), onSpark.resolve("text").resolve(name));
        assertEquals(expected.inputs(), actual.inputs());
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.rejected(), actual.rejected());
        for (String field : List.of("pipeline", "pipeline_html", "pipeline_corpus", "inputs", "records", "rejected",
                "rejections", "removals", "bytes_in", "skipped_records")) {
            assertEquals(expected.report().get(field), actual.report().get(field), field);
        }
        assertEquals(expected.report().path("output").path("quotes_bytes"), actual.report().path("output").path("quotes_bytes"));
        return new Runs(expected, local, actual, onSpark);
    }

    private static int largestCluster(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int largest = 0;
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            largest = Math.max(largest, json.readTree(line).path("metadata").path("near_duplicates").path("size").asInt());
        }
        return largest;
    }

    @Test
    void aJsonLinesFileCutIntoSlicesGivesTheLocalRunnersBytes(@TempDir Path tmp) throws IOException {
        List<String> args = multiSiteCorpus(tmp);
        // One more JSON Lines file with a broken line and blank lines between its documents: a rejection
        // and lines without an entry, wherever the slices' boundaries fall.
        Path jsonl = Path.of(args.get(0)).resolve("jsonl");
        List<String> lines;
        try (Stream<Path> files = Files.list(jsonl)) {
            lines = Files.readAllLines(files.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow(),
                    StandardCharsets.UTF_8);
        }
        List<String> mixed = new java.util.ArrayList<>(lines.subList(0, lines.size() / 2));
        mixed.addAll(List.of("{\"text\": broken", "", ""));
        mixed.addAll(lines.subList(lines.size() / 2, lines.size()));
        Files.write(jsonl.resolve("mixed.jsonl"), mixed, StandardCharsets.UTF_8);
        long before = SparkRunner.minSliceBytes;
        SparkRunner.minSliceBytes = 1;
        try {
            Runs runs = bothEngines(tmp, args, CorpusSettings.DEFAULTS, 0);
            assertTrue(runs.spark().report().path("partitions").asInt() > 2, "the files were cut: " + runs.spark().report());
            assertTrue(runs.local().report().path("rejections").size() > 0, "the broken line was rejected");
        } finally {
            SparkRunner.minSliceBytes = before;
        }
    }

    /**
     * Ids from the scraper or from content: which document gets a contested id depends on input order, which
     * Spark's tasks do not see; its driver settles them first. Colliding scraper ids, one naming a file of the
     * run, one spelled like another entry's path id, byte-identical copies, all across slices of a cut file;
     * with content ids, an {@code added} time for the records whose input gives none; with scraper ids, bylines kept
     * and only articles.
     */
    @Test
    void scraperAndContentIdsAreTheLocalRunnersToo(@TempDir Path tmp) throws IOException {
        List<String> args = multiSiteCorpus(tmp);
        Path root = Path.of(args.get(0));
        ObjectMapper json = new ObjectMapper();
        StringBuilder feed = new StringBuilder();
        String[] ids = {"a/1", "crawl", "a/1", null, "feed#5", null, "urn:uuid:1", "a/1"};
        for (int i = 0; i < 40; i++) {
            java.util.Map<String, String> line = new java.util.LinkedHashMap<>();
            if (ids[i % ids.length] != null) line.put("id", ids[i % ids.length]);
            line.put("text", "The ferry for crossing " + (i % 13) + " left the harbour at dawn, the operator said. Passengers "
                    + "waited on the quay with bicycles and crates of apples from the market for crossing " + (i % 13) + ".");
            feed.append(json.writeValueAsString(line)).append('\n');
        }
        Files.writeString(root.resolve("feed.jsonl"), feed.toString(), StandardCharsets.UTF_8);
        long before = SparkRunner.minSliceBytes;
        SparkRunner.minSliceBytes = 1;
        try {
            for (dev.winnow.archive.IdSource source : List.of(dev.winnow.archive.IdSource.RECORD, dev.winnow.archive.IdSource.CONTENT)) {
                Path runs = tmp.resolve(source.code());
                String added = source == dev.winnow.archive.IdSource.CONTENT ? "2026-12-01T00:00:00Z" : null;
                // With scraper ids, the chains tuned too: bylines kept, only articles, a profile's chain.
                dev.winnow.run.Tuning tuning = source != dev.winnow.archive.IdSource.RECORD ? dev.winnow.run.Tuning.NONE
                        : dev.winnow.run.Tuning.of(List.of(dev.winnow.core.Reason.BYLINE), List.of(dev.winnow.score.PageType.ARTICLE))
                        .withProfile(dev.winnow.stages.ChainProfile.parse(
                                "{\"name\":\"spark_check\",\"text\":[\"navigation\",\"metadata\",\"main_text\",\"quotes\"]}"));
                Runs both = bothEngines(runs, args, CorpusSettings.DEFAULTS, 0, Containers.Fields.DEFAULTS.withIds(source), added,
                        tuning);
                String records = Files.readString(both.localDir().resolve("articles.jsonl"))
                        + Files.readString(both.localDir().resolve("rejected.jsonl"));
                if (source == dev.winnow.archive.IdSource.RECORD) {
                    assertTrue(records.contains("\"id\":\"a/1~2\"") && records.contains("\"id\":\"crawl~2\""), "contested ids");
                    assertTrue(both.local().report().path("rejections").has("page_type"), both.local().report().toString());
                    assertTrue(records.contains("\"profile\":\"text.spark_check@"), "--profile reaches Spark's records");
                } else {
                    assertTrue(records.contains("~2\""), "copies in the feed get a suffix");
                    assertTrue(records.contains("\"added\":\"2026-12-01T00:00:00Z\""), "--added reaches Spark's records");
                }
            }
        } finally {
            SparkRunner.minSliceBytes = before;
        }
    }

    @Test
    void moreOrFewerPartitionsChangeNoByte(@TempDir Path tmp) throws IOException {
        List<String> args = corpus(tmp);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path one = tmp.resolve("one"), many = tmp.resolve("many");
        new SparkRunner(spark).run(args, new SparkRunner.Options(one, Limits.DEFAULTS, "corpus", false, 1, true), quiet);
        new SparkRunner(spark).run(args, new SparkRunner.Options(many, Limits.DEFAULTS, "corpus", false, 7, true), quiet);
        assertSameBytes(one.resolve("articles.jsonl"), many.resolve("articles.jsonl"));
        assertSameBytes(one.resolve("rejected.jsonl"), many.resolve("rejected.jsonl"));
        assertFalse(Files.exists(one.resolve("text")));
    }

    @Test
    void standardInputIsRefused(@TempDir Path tmp) {
        assertThrows(IllegalArgumentException.class, () -> new SparkRunner(spark).run(List.of("-"),
                new SparkRunner.Options(tmp, Limits.DEFAULTS, "stdin", true, 0, true), System.err));
    }

    @Test
    void partitionsUseEveryCoreAndBoundTheDriversShare() {
        assertEquals(1, SparkRunner.partitions(0, 4));
        assertEquals(3, SparkRunner.partitions(3, 4), "no empty partitions");
        assertEquals(4, SparkRunner.partitions(100, 4));
        assertEquals(20, SparkRunner.partitions(20 * SparkRunner.MAX_DOCS_PER_PARTITION, 4));
        assertEquals(21, SparkRunner.partitions(20 * SparkRunner.MAX_DOCS_PER_PARTITION + 1, 4));
    }

    @Test
    void partitionsHoldABoundedShareOfTheBytesWhateverTheCorpusSize() {
        long mb = 1 << 20;
        // Sized by count alone, 32 slices of 32 MB on 16 partitions would be 64 MB each, 64 slices 128 MB each.
        for (int slices : new int[] {32, 64, 128}) {
            List<Long> sizes = java.util.Collections.nCopies(slices, 32 * mb);
            List<java.util.ArrayList<Long>> runs = SparkRunner.groups(sizes, Long::longValue, 16, 64 * mb);
            assertEquals(sizes, runs.stream().flatMap(List::stream).toList(), "every piece once, in order");
            for (List<Long> run : runs) assertTrue(run.stream().mapToLong(Long::longValue).sum() <= 64 * mb, runs.toString());
        }
        // A small corpus still spreads over the partitions asked for; a piece bigger than the bound is a run of its own.
        assertEquals(4, SparkRunner.groups(java.util.Collections.nCopies(8, mb), Long::longValue, 4, 64 * mb).size());
        assertEquals(List.of(List.of(mb), List.of(100 * mb), List.of(mb)),
                SparkRunner.groups(List.of(mb, 100 * mb, mb), Long::longValue, 1, 64 * mb));
        // Unmeasured pieces (remote files) are cut by count, as Spark cuts a list.
        assertEquals(3, SparkRunner.groups(java.util.Collections.nCopies(9, 0L), Long::longValue, 3, 64 * mb).size());
        assertEquals(List.of(List.of()), SparkRunner.groups(List.<Long>of(), Long::longValue, 4, 64 * mb), "one empty partition");
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual.toString());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
