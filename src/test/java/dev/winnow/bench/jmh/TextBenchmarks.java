package dev.winnow.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Document;
import dev.winnow.core.Pipeline;
import dev.winnow.corpus.Features;
import dev.winnow.record.ArticleRecord;
import dev.winnow.stages.Profiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The plain-text path per document, piece by piece, on the same pages as {@code make bench} (the 91 development
 * text dumps and the five seeds, read into memory once): the floor every run pays (decode, SHA-256, line split,
 * a record-sized JSON line), the whole chain, the record line, and the corpus stages' per-document features
 * (MinHash, line keys, quotations: pass 1 of a run with corpus stages cleans each document, then computes these).
 * {@link StageBenchmarks} takes the chain apart. Times are per document, averaged over the pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TextBenchmarks {
    static final int PAGES = 96;
    private static final ObjectMapper JSON = new ObjectMapper();

    private List<byte[]> bytes;
    private List<String> texts;
    private List<Document> cleaned;
    private Pipeline chain;

    @Setup
    public void load() throws IOException {
        bytes = pages();
        texts = new ArrayList<>();
        for (byte[] b : bytes) texts.add(new String(b, StandardCharsets.UTF_8));
        chain = Profiles.text();
        cleaned = new ArrayList<>();
        for (String t : texts) cleaned.add(chain.clean(t));
    }

    /** The development text pages and the seeds, in a fixed order. */
    static List<byte[]> pages() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String folder : List.of("src/test/resources/aeb-dev/text", "seeds")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path p : files.sorted().toList()) out.add(Files.readAllBytes(p));
            }
        }
        if (out.size() != PAGES) throw new IllegalStateException(out.size() + " pages, not " + PAGES + ": run from the project root");
        return out;
    }

    /** The floor: what a run does per document besides cleaning it. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void floor(Blackhole bh) throws NoSuchAlgorithmException, IOException {
        for (byte[] b : bytes) {
            String text = new String(b, StandardCharsets.UTF_8);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            bh.consume(text.split("\n", -1).length);
            bh.consume(JSON.writeValueAsString(Map.of("id", sha.substring(0, 16), "text", text)));
        }
    }

    /** The shipped text chain. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void chain(Blackhole bh) {
        for (String t : texts) bh.consume(chain.clean(t));
    }

    /** The record line of a cleaned document. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void recordLine(Blackhole bh) {
        for (int i = 0; i < cleaned.size(); i++) {
            bh.consume(ArticleRecord.line(new ArticleRecord.InputInfo("p" + i, "p" + i + ".txt", bytes.get(i).length, "text/plain",
                    "UTF-8", "0".repeat(64), "bench"), cleaned.get(i), "text"));
        }
    }

    /** Pass 1's per-document features for the corpus stages. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void corpusFeatures(Blackhole bh) {
        for (int i = 0; i < cleaned.size(); i++) bh.consume(Features.of(i, "p" + i, cleaned.get(i), "bench"));
    }
}
