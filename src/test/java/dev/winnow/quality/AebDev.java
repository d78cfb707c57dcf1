package dev.winnow.quality;

import dev.winnow.cli.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The benchmark's development pages bundled in {@code src/test/resources/aeb-dev}, and the one way the gate
 * and the report clean them: the {@code winnow clean} command, so they measure exactly what
 * {@code java -jar target/winnow.jar clean ... | score_aeb.py} measures.
 */
final class AebDev {
    private AebDev() {}

    /** The folder holding {@code text/} and {@code truth/}: on the test classpath, else the source tree. */
    static Path root() {
        URL url = AebDev.class.getResource("/aeb-dev/truth");
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path src = Path.of("src/test/resources/aeb-dev");
        if (Files.isDirectory(src.resolve("truth"))) return src;
        throw new IllegalStateException("aeb-dev pages not found on the classpath or in " + src.toAbsolutePath());
    }

    static Path textDir() {
        return root().resolve("text");
    }

    static Map<String, String> truth() {
        return AebMetric.loadTruth(root().resolve("truth"));
    }

    /**
     * Cleans every development page with the text profile into {@code outDir} and returns the records' texts
     * by id. Pages the run rejects are simply absent, and the metric counts them as empty predictions.
     */
    static Map<String, String> clean(Path outDir) {
        int exit = Main.execute("clean", textDir().toString(), "-o", outDir.toString(), "-q", "--no-text-files");
        // 0: every page gave a record; 3: some were rejected (scored as empty). Anything else is a broken run.
        if (exit != 0 && exit != 3) throw new IllegalStateException("winnow clean exited with " + exit);
        Path articles = outDir.resolve("articles.jsonl");
        if (!Files.isRegularFile(articles)) {
            throw new UncheckedIOException(new IOException("winnow clean wrote no " + articles));
        }
        return AebMetric.loadPredictions(articles);
    }
}
