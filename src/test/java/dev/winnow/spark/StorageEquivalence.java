package dev.winnow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.archive.Archives;
import dev.winnow.archive.Containers;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.corpus.QuotesFile;
import dev.winnow.local.LocalRunner;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.stages.Profiles;
import dev.winnow.testing.SiteCorpus;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One check for every file system the Spark runner is tested on (HDFS, {@code file://}, S3): a corpus with
 * every kind of input and outcome, cleaned by the local runner from the local disk and by the Spark runner
 * from the same files on the other file system, must give the same bytes and counts.
 */
final class StorageEquivalence {
    private StorageEquivalence() {}

    static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    /**
     * Seeds, generated sites (templates, near-duplicates, a shared quotation) as text folders and JSON Lines,
     * a web archive and a copy cut short, two files of one name in two folders, names with a space and a
     * '#', an empty and a binary file, a hidden file; and a path that does not exist.
     */
    static Path corpus(Path root) throws IOException {
        Path corpus = root.resolve("corpus");
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            Files.createDirectories(corpus.resolve("seeds"));
            for (Path s : seeds.sorted().toList()) Files.copy(s, corpus.resolve("seeds").resolve(s.getFileName()));
        }
        SiteCorpus.builder().seed(5).sites(3).docsPerSite(10).build().writeTextFolders(corpus.resolve("sites"));
        SiteCorpus.builder().seed(6).sites(2).docsPerSite(8).build().writeJsonLines(corpus.resolve("jsonl"), 1 << 20);
        byte[] warc = Archives.write(Archives::standardRecords, true);
        Files.write(corpus.resolve("crawl.warc.gz"), warc);
        Files.write(corpus.resolve("cut.warc.gz"), java.util.Arrays.copyOf(warc, warc.length - 40));
        Files.createDirectories(corpus.resolve("north"));
        Files.createDirectories(corpus.resolve("south"));
        Files.writeString(corpus.resolve("north/quay.txt"),
                "The quay will stay closed to cars until Monday morning, the harbour office said.\n", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("south/quay.txt"),
                "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.\n",
                StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("harbour notes #2.txt"),
                "The lantern festival ends on Sunday with a parade of boats from the old pier to the lighthouse.\n",
                StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve(".draft.txt"), "A hidden draft that no run reads.\n", StandardCharsets.UTF_8);
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Files.write(corpus.resolve("noise.bin"), binary);
        return corpus;
    }

    private static LocalRunner.Summary runLocally(List<String> args, Path out) throws IOException {
        return new LocalRunner(Profiles.text(), "text").run(args, InputStream.nullInputStream(),
                new LocalRunner.Options(out, 2, Limits.DEFAULTS, "corpus", true, true, false, CorpusSettings.DEFAULTS,
                        Containers.Fields.DEFAULTS, OutputCodec.NONE), QUIET);
    }


    /**
     * Runs the local runner on {@code corpus} and Spark on {@code remote} (the same files) into {@code out},
     * and compares: byte for byte, but for the location's prefix in the names of inputs.
     */
    static void sameOutput(JavaSparkContext spark, Path corpus, String remote, String out, FileSystem fs) throws IOException {
        Path local = corpus.resolveSibling("local");
        LocalRunner.Summary expected = runLocally(List.of(corpus.toString(), corpus.resolve("missing.txt").toString()), local);
        SparkRunner.Summary actual = new SparkRunner(spark).run(List.of(remote, remote + "/missing.txt"),
                new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 0, true, CorpusSettings.DEFAULTS,
                        Containers.Fields.DEFAULTS, OutputCodec.NONE, false), QUIET);

        // Not vacuous: every kind of outcome and every corpus stage is there.
        JsonNode report = expected.report();
        assertTrue(report.path("removals").path("site_lines").path("site_repeated_line").asInt() > 0, "repeated lines cut");
        for (String reason : List.of("empty", "binary", "unreadable", "truncated")) {
            assertTrue(report.path("rejections").path(reason).asInt() > 0, reason + ": " + report.path("rejections"));
        }
        assertTrue(Files.size(local.resolve(QuotesFile.NAME)) > 0, "quotations were listed");
        assertTrue(Files.readString(local.resolve("articles.jsonl")).contains("\"id\":\"north__quay\""),
                "ids are paths below the folder, the same wherever it lies");

        String prefix = corpus.toString(), remotePrefix = remote;
        org.apache.hadoop.fs.Path outDir = new org.apache.hadoop.fs.Path(out);
        for (String file : List.of("articles.jsonl", "rejected.jsonl", QuotesFile.NAME)) {
            String want = Files.readString(local.resolve(file), StandardCharsets.UTF_8).replace(prefix, remotePrefix);
            assertEquals(want, read(fs, new org.apache.hadoop.fs.Path(outDir, file)), file);
        }
        TreeMap<String, String> wantTexts = new TreeMap<>(), gotTexts = new TreeMap<>();
        try (Stream<Path> texts = Files.list(local.resolve("text"))) {
            for (Path t : texts.toList()) wantTexts.put(t.getFileName().toString(), Files.readString(t, StandardCharsets.UTF_8));
        }
        for (FileStatus t : fs.listStatus(new org.apache.hadoop.fs.Path(outDir, "text"))) {
            gotTexts.put(t.getPath().getName(), read(fs, t.getPath()));
        }
        assertEquals(wantTexts, gotTexts, "text/");

        assertEquals(expected.inputs(), actual.inputs());
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.rejected(), actual.rejected());
        for (String field : List.of("pipeline", "pipeline_html", "pipeline_corpus", "inputs", "records", "rejected",
                "rejections", "removals", "bytes_in", "skipped_records")) {
            assertEquals(expected.report().get(field), actual.report().get(field), field);
        }
        // report.json on the file system is the one the run returned, and the work folder is gone.
        JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                read(fs, new org.apache.hadoop.fs.Path(outDir, "report.json")));
        assertEquals(actual.report().get("records"), written.get("records"));
        assertEquals(List.of("articles.jsonl", "quotes.jsonl", "rejected.jsonl", "report.html", "report.json", "text"), names(fs, outDir));
    }

    /**
     * Copies every file below {@code local} to {@code remote} through the file system's output streams. Not
     * {@code copyFromLocalFile}: on s3a that sends file bodies in the SDK's aws-chunked encoding with a trailing
     * checksum, which S3Proxy stores undecoded (a 500, "Content-Length mismatch").
     */
    static void upload(FileSystem fs, Path local, String remote) throws IOException {
        try (Stream<Path> files = Files.walk(local)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(remote + "/" + local.relativize(file));
                try (var out = fs.create(to, false)) {
                    Files.copy(file, out);
                }
            }
        }
    }

    static String read(FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> names(FileSystem fs, org.apache.hadoop.fs.Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (FileStatus s : fs.listStatus(dir)) names.add(s.getPath().getName());
        names.sort(null);
        return names;
    }
}
