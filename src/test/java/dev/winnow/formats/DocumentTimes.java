package dev.winnow.formats;

import dev.winnow.core.Document;
import dev.winnow.core.Pipeline;
import dev.winnow.stages.Profiles;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Milliseconds per document for each format on the generated fixtures, single thread, after warm-up:
 * Tika's extraction alone, then extraction plus the HTML chain, as the thread's CPU time (steady on a
 * shared machine, where wall time measures the neighbours) and as wall time. A rough profile, not a
 * test (timings never decide whether the suite passes).
 *
 * <pre>  java -cp target/classes:target/test-classes:$(deps) dev.winnow.formats.DocumentTimes [ROUNDS]</pre>
 */
public final class DocumentTimes {
    private DocumentTimes() {}

    public static void main(String[] args) throws FormatException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long start = System.nanoTime();
        DocumentFrontEnd frontEnd = new DocumentFrontEnd();
        Pipeline pipeline = Profiles.html();
        System.out.printf(Locale.ROOT, "setup (Tika config, parsers, HTML reader): %.0f ms%n", (System.nanoTime() - start) / 1e6);

        Map<String, Supplier<byte[]>> fixtures = new LinkedHashMap<>();
        fixtures.put("article.pdf", DocumentFixtures::pdf);
        fixtures.put("article.docx", DocumentFixtures::docx);
        fixtures.put("article.rtf", DocumentFixtures::rtf);
        fixtures.put("article.odt", DocumentFixtures::odt);
        fixtures.put("article.epub", DocumentFixtures::epub);
        fixtures.put("bomb.docx (24 MB inflated)", () -> DocumentFixtures.docxBomb(24L << 20));
        fixtures.put("encrypted.pdf", () -> DocumentFixtures.pdf("secret"));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-28s %8s %10s %16s %16s%n", "document", "bytes", "first ms", "extract cpu/wall",
                "+clean cpu/wall");
        for (Map.Entry<String, Supplier<byte[]>> f : fixtures.entrySet()) {
            byte[] bytes = f.getValue().get();
            String name = f.getKey().split(" ")[0];
            long t0 = System.nanoTime();
            once(frontEnd, pipeline, bytes, name, false);
            double first = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < rounds / 4; i++) once(frontEnd, pipeline, bytes, name, true);
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            for (int i = 0; i < rounds; i++) once(frontEnd, pipeline, bytes, name, false);
            long c2 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            for (int i = 0; i < rounds; i++) once(frontEnd, pipeline, bytes, name, true);
            long c3 = threads.getCurrentThreadCpuTime();
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%-28s %8d %10.1f %7.2f / %6.2f %7.2f / %6.2f%n", f.getKey(), bytes.length, first,
                    (c2 - c1) / 1e6 / rounds, (t2 - t1) / 1e6 / rounds, (c3 - c2) / 1e6 / rounds, (t3 - t2) / 1e6 / rounds);
        }
    }

    private static int once(DocumentFrontEnd frontEnd, Pipeline pipeline, byte[] bytes, String name, boolean clean) {
        try {
            DocumentFrontEnd.Extracted x = frontEnd.extract(bytes, name);
            if (!clean) return x.blocks().size();
            Document doc = x.clean(pipeline);
            return doc.text().length();
        } catch (FormatException e) {
            return -1;
        }
    }
}
