package dev.winnow.run;

import dev.winnow.cli.Main;
import dev.winnow.testing.SiteCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Winnow writes for a fixed set of inputs, pinned as SHA-256 digests of its data files: work meant to make
 * the pipeline faster or tidier must leave every byte of output as it was, and this test says at once when it did
 * not. The inputs: aeb-dev's 91 text dumps and 91 HTML pages, the WCXB sample's 70 HTML pages and their 70 text
 * dumps (both bundled under {@code src/test/resources}), and a generated corpus of 6 sites (its site templates,
 * syndicated copies and shared quotation exercise the corpus stages). {@link GoldenTest} pins the seeds whole.
 * A change meant to alter the output rewrites the digests on purpose, and its commit says why:
 * <pre>mvn test -Dtest=OutputDigestTest -Dwinnow.digests.update=true</pre>
 */
class OutputDigestTest {
    static final Path DIGESTS = Path.of("src/test/resources/output-digests.tsv");
    static final String UPDATE = "winnow.digests.update";
    private static final List<String> DATA_FILES = List.of("articles.jsonl", "rejected.jsonl", "quotes.jsonl");

    @Test
    void theOutputOfFixedInputsIsByteForByteThePinnedOne(@TempDir Path tmp) throws IOException {
        Path resources = Path.of("src/test/resources");
        assertTrue(Files.isDirectory(resources), "run from the project root: no " + resources.toAbsolutePath());
        // records name their input's path as given: a relative one, the same in every checkout
        Path generated = Path.of("target/output-digest-corpus");
        if (Files.exists(generated)) {
            try (var walk = Files.walk(generated)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        SiteCorpus.builder().seed(11).sites(6).docsPerSite(15).build().writeTextFolders(generated);
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("aeb-dev/text", resources.resolve("aeb-dev/text"));
        inputs.put("aeb-dev/html", resources.resolve("aeb-dev/html"));
        inputs.put("wcxb-sample/html", resources.resolve("wcxb-sample/html"));
        inputs.put("wcxb-sample/text", resources.resolve("wcxb-sample/text"));
        inputs.put("generated", generated);

        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path out = tmp.resolve("out-" + lines.size());
            Main.execute("clean", input.getValue().toString(), "-o", out.toString(), "-q", "--no-text-files");
            for (String name : DATA_FILES) {
                Path file = out.resolve(name);
                String digest = Files.exists(file) ? dev.winnow.text.Sha256.hex(Files.readAllBytes(file)) : "absent";
                lines.add(input.getKey() + "\t" + name + "\t" + digest);
            }
        }
        if (Boolean.getBoolean(UPDATE)) {
            Files.write(DIGESTS, lines, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(DIGESTS), "no pinned digests in " + DIGESTS + "; write them with -D" + UPDATE + "=true");
        assertEquals(String.join("\n", Files.readAllLines(DIGESTS, StandardCharsets.UTF_8)), String.join("\n", lines),
                "the output changed; if that is intended, rewrite " + DIGESTS + " with -D" + UPDATE + "=true and say why");
    }
}
