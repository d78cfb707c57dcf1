package dev.winnow.bench;

import dev.winnow.core.Document;
import dev.winnow.core.Draft;
import dev.winnow.core.Pipeline;
import dev.winnow.core.Segmenter;
import dev.winnow.core.Stage;
import dev.winnow.core.Verdict;
import dev.winnow.record.ArticleRecord;
import dev.winnow.run.Decoder;
import dev.winnow.run.Input;
import dev.winnow.stages.Profiles;
import dev.winnow.text.Normalizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a document's time goes: each step of the per-document path (decode, normalize, segment, each
 * stage, record) timed on one thread over the development pages. A rough profile for tuning, not a
 * benchmark of record: {@link TextThroughput} measures the whole run. Steps are timed in place, except
 * that normalize and segment are also timed on their own (the pipeline runs them inside clean).
 *
 * <pre>  StageTimes [PASSES]   (default 10 measured passes after 3 warm-up passes)</pre>
 */
public final class StageTimes {
    private StageTimes() {}

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path pages = TextThroughput.pageFolder();
        List<Path> files;
        try (Stream<Path> s = Files.list(pages)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<byte[]> contents = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            contents.add(b);
            bytes += b.length;
        }

        Map<String, long[]> stageNanos = new LinkedHashMap<>();
        List<Stage> timed = new ArrayList<>();
        for (Stage s : Profiles.textStages()) {
            long[] acc = stageNanos.computeIfAbsent("stage " + s.name(), k -> new long[1]);
            timed.add(new Stage() {
                @Override public String name() { return s.name(); }

                @Override public void judge(Draft draft, Verdict verdict) {
                    long t = System.nanoTime();
                    s.judge(draft, verdict);
                    acc[0] += System.nanoTime() - t;
                }
            });
        }
        Normalizer normalizer = new Normalizer();
        Segmenter segmenter = new Segmenter();
        Pipeline pipeline = new Pipeline(normalizer, segmenter, timed);
        Decoder decoder = new Decoder();

        Map<String, long[]> steps = new LinkedHashMap<>();
        for (String k : List.of("decode", "normalize", "segment", "pipeline.clean",
                "sha256", "record line")) {
            steps.put(k, new long[1]);
        }
        int warmups = 3;
        for (int pass = 0; pass < warmups + passes; pass++) {
            if (pass == warmups) {
                steps.values().forEach(a -> a[0] = 0);
                stageNanos.values().forEach(a -> a[0] = 0);
            }
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                byte[] b = contents.get(i);
                String name = f.getFileName().toString();
                Input input = new Input(name, f.toString(), f, null);

                long t1 = System.nanoTime();
                Decoder.Decoded d = decoder.decode(input, b);
                long t2 = System.nanoTime();
                if (d.rejection() != null) continue;
                String source = normalizer.normalize(d.text());
                long t3 = System.nanoTime();
                segmenter.segment(source);
                long t4 = System.nanoTime();
                Document doc = pipeline.clean(d.text());
                long t5 = System.nanoTime();
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
                long t6 = System.nanoTime();
                ArticleRecord.line(new ArticleRecord.InputInfo(name, f.toString(), b.length,
                        d.mediaType(), d.charset(), sha, "bench"), doc, "text");
                long t7 = System.nanoTime();
                steps.get("decode")[0] += t2 - t1;
                steps.get("normalize")[0] += t3 - t2;
                steps.get("segment")[0] += t4 - t3;
                steps.get("pipeline.clean")[0] += t5 - t4;
                steps.get("sha256")[0] += t6 - t5;
                steps.get("record line")[0] += t7 - t6;
            }
        }

        double mb = bytes * (double) passes / TextThroughput.MB;
        long perDoc = steps.get("decode")[0] + steps.get("pipeline.clean")[0] + steps.get("sha256")[0]
                + steps.get("record line")[0];
        long inStages = stageNanos.values().stream().mapToLong(a -> a[0]).sum();
        System.out.printf(Locale.ROOT, "%d pages, %.2f MB x %d passes, one thread; per-document path %.2f MB/s%n",
                files.size(), bytes / TextThroughput.MB, passes, mb / (perDoc / 1e9));
        System.out.printf(Locale.ROOT, "%-30s %9s %8s %9s%n", "step", "ms/MB", "share", "MB/s");
        Map<String, Long> rows = new LinkedHashMap<>();
        steps.forEach((k, v) -> rows.put(k, v[0]));
        rows.put("  clean: normalize+segment+apply", steps.get("pipeline.clean")[0] - inStages);
        stageNanos.forEach((k, v) -> rows.put("  clean: " + k, v[0]));
        rows.forEach((k, nanos) -> System.out.printf(Locale.ROOT, "%-30s %9.1f %7.1f%% %9.1f%n", k, nanos / 1e6 / mb,
                100.0 * nanos / perDoc, mb / Math.max(nanos / 1e9, 1e-12)));
        System.out.println("share = of decode + pipeline.clean + sha256 + record; normalize and segment are also inside clean");
    }
}
