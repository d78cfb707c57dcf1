package dev.winnow.bench.jmh;

import dev.winnow.core.Pipeline;
import dev.winnow.stages.ChainProfile;
import dev.winnow.stages.Profiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Each text stage alone, after normalizing and segmenting, on the pages of {@link TextBenchmarks}; {@code none}
 * is normalizing and segmenting alone, so a stage's own cost is its row minus that one. A chain of one stage is
 * built from a profile ({@link ChainProfile}), the way a user leaves stages out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class StageBenchmarks {
    @Param({"none", "navigation", "slugs", "captions", "metadata", "headlines", "main_text", "quotes"})
    public String stage;

    private List<String> texts;
    private Pipeline one;

    @Setup
    public void load() throws IOException {
        texts = new ArrayList<>();
        for (byte[] b : TextBenchmarks.pages()) texts.add(new String(b, StandardCharsets.UTF_8));
        String stages = stage.equals("none") ? "[]" : "[\"" + stage + "\"]";
        one = Profiles.text(ChainProfile.parse("{\"name\":\"bench\",\"text\":" + stages + "}"));
    }

    @Benchmark
    @OperationsPerInvocation(TextBenchmarks.PAGES)
    public void oneStage(Blackhole bh) {
        for (String t : texts) bh.consume(one.clean(t));
    }
}
