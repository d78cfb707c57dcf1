package dev.winnow.spark;

import dev.winnow.archive.Containers;
import dev.winnow.corpus.CorpusSettings;
import dev.winnow.run.ForeignOutputException;
import dev.winnow.run.Limits;
import dev.winnow.run.OutputCodec;
import dev.winnow.testing.LocalSpark;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.winnow.spark.StorageEquivalence.QUIET;
import static dev.winnow.spark.StorageEquivalence.names;
import static dev.winnow.spark.StorageEquivalence.read;
import static dev.winnow.spark.StorageEquivalence.sameOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark runner on S3 through Hadoop's {@code s3a} connector, against S3Proxy (an S3-compatible server over
 * an in-memory store, started in this JVM on 127.0.0.1, without authentication): inputs read from a
 * bucket and the output written to it give the local runner's bytes, the output guard refuses a prefix holding
 * someone else's object, and a rerun of the finished run does nothing. The s3a settings are the ones the
 * README gives for S3-compatible stores (endpoint, path-style access), passed as {@code spark.hadoop.*}; the
 * requests go unsigned, since S3Proxy refuses the payload hashes of the SDK's streaming uploads
 * ({@code XAmzContentSHA256Mismatch}), a matter between those two and not of Winnow's.
 */
class SparkS3Test {
    /**
     * A new bucket name each time the class starts: Hadoop caches a file system per scheme and bucket for the
     * JVM, and one cached for an earlier server (surefire reruns a failed class in the same JVM) would talk to
     * its closed port.
     */
    private static String bucket;

    @TempDir
    static Path tmp;
    private static BlobStoreContext store;
    private static S3Proxy s3;
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() throws Exception {
        bucket = "crawl-" + Long.toString(System.nanoTime() & 0xffffffffL, 36);
        store = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
        store.getBlobStore().createContainerInLocation(null, bucket);
        s3 = S3Proxy.builder()
                .blobStore(store.getBlobStore())
                .awsAuthentication(AuthenticationType.NONE, null, null)
                // The SDK sends x-amz- headers S3Proxy does not know (NotImplemented otherwise); S3 ignores them too.
                .ignoreUnknownHeaders(true)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        s3.start();
        while (!AbstractLifeCycle.STARTED.equals(s3.getState())) Thread.sleep(10);
        spark = new JavaSparkContext(LocalSpark.conf()
                .set("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:" + s3.getPort())
                .set("spark.hadoop.fs.s3a.endpoint.region", "us-east-1")
                .set("spark.hadoop.fs.s3a.path.style.access", "true")
                .set("spark.hadoop.fs.s3a.connection.ssl.enabled", "false")
                .set("spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider")
                // A failure here is a bug to see at once, not a network to wait out.
                .set("spark.hadoop.fs.s3a.attempts.maximum", "1")
                .set("spark.hadoop.fs.s3a.retry.limit", "1"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (spark != null) spark.close();
        } finally {
            try {
                if (s3 != null) s3.stop();
            } finally {
                if (store != null) store.close();
            }
        }
    }

    private static FileSystem bucket() throws IOException {
        return FileSystem.get(URI.create("s3a://" + bucket + "/"), spark.hadoopConfiguration());
    }

    @Test
    void s3InAndOutGivesTheLocalRunnersBytes() throws IOException {
        Path corpus = StorageEquivalence.corpus(Files.createDirectories(tmp.resolve("s3-case")));
        FileSystem fs = bucket();
        // The same path in the bucket as on the local disk: ids from clashing names are made from it.
        String remote = "s3a://" + bucket + corpus;
        StorageEquivalence.upload(fs, corpus, remote);
        sameOutput(spark, corpus, remote, "s3a://" + bucket + "/cleaned", fs);
    }

    @Test
    void theOutputGuardAndTheRerunWorkOnS3() throws IOException {
        FileSystem fs = bucket();
        Path local = Files.createDirectories(tmp.resolve("guard").resolve("corpus"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(local.resolve("story-" + i + ".txt"), "Story " + i + ": the night ferry to the island was "
                    + "cancelled again because of the storm, and it may not sail before Friday.\n", StandardCharsets.UTF_8);
        }
        String remoteCorpus = "s3a://" + bucket + "/guard/corpus";
        StorageEquivalence.upload(fs, local, remoteCorpus);

        org.apache.hadoop.fs.Path foreign = new org.apache.hadoop.fs.Path("s3a://" + bucket + "/guard/mine");
        try (var out = fs.create(new org.apache.hadoop.fs.Path(foreign, "articles.jsonl"))) {
            out.write("my own file\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(ForeignOutputException.class, () -> run(List.of(remoteCorpus), foreign.toString()));
        assertEquals("my own file\n", read(fs, new org.apache.hadoop.fs.Path(foreign, "articles.jsonl")));

        String out = "s3a://" + bucket + "/guard/out";
        assertEquals(3, run(List.of(remoteCorpus), out).records());
        String articles = read(fs, new org.apache.hadoop.fs.Path(out, "articles.jsonl"));
        assertTrue(run(List.of(remoteCorpus), out).alreadyDone(), "a rerun over the finished output on S3 does nothing");
        assertEquals(articles, read(fs, new org.apache.hadoop.fs.Path(out, "articles.jsonl")));
        assertEquals(List.of("articles.jsonl", "rejected.jsonl", "report.html", "report.json", "text"), names(fs, new org.apache.hadoop.fs.Path(out)));
    }

    private static SparkRunner.Summary run(List<String> args, String out) throws IOException {
        return new SparkRunner(spark).run(args, new SparkRunner.Options(out, Limits.DEFAULTS, "corpus", true, 2, true,
                CorpusSettings.OFF, Containers.Fields.DEFAULTS, OutputCodec.NONE, false), QUIET);
    }
}
