package dev.winnow.run;

import dev.winnow.cli.ExitCodes;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same input, same bytes out, whatever the number of threads. */
class DeterminismTest {

    @Test
    void oneThreadAndSeveralThreadsWriteTheSameBytes(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("corpus"));
        try (Stream<Path> seeds = Files.list(GoldenTest.SEEDS)) {
            for (Path seed : seeds.toList()) Files.copy(seed, in.resolve(seed.getFileName()));
        }
        List<String> docs = Generated.documents(40, 7);
        for (int i = 0; i < docs.size(); i++) {
            Files.writeString(in.resolve(String.format("gen_%03d.txt", i)), docs.get(i), StandardCharsets.UTF_8);
        }
        Files.write(in.resolve("gen_empty.txt"), new byte[0]);      // a rejection, to order those too

        Path one = tmp.resolve("one"), two = tmp.resolve("two"), four = tmp.resolve("four");
        assertEquals(ExitCodes.REJECTIONS, Main.execute("clean", in.toString(), "-o", one.toString(), "-q", "--threads", "1"));
        assertEquals(ExitCodes.REJECTIONS, Main.execute("clean", in.toString(), "-o", two.toString(), "-q", "--threads", "2"));
        assertEquals(ExitCodes.REJECTIONS, Main.execute("clean", in.toString(), "-o", four.toString(), "-q", "--threads", "4"));

        for (Path other : List.of(two, four)) {
            for (String name : List.of("articles.jsonl", "rejected.jsonl")) {
                assertEquals(Files.readString(one.resolve(name)), Files.readString(other.resolve(name)), name + " in " + other);
            }
            List<String> texts = texts(one);
            assertEquals(texts, texts(other));
            for (String t : texts) {
                assertEquals(Files.readString(one.resolve("text").resolve(t)), Files.readString(other.resolve("text").resolve(t)), t);
            }
        }
        // The generated documents share their prose, so in one folder the corpus stages cut much of it as
        // site-repeated lines: a document left with nothing is an all_removed rejection, not an empty record.
        long allRemoved = Files.readAllLines(one.resolve("rejected.jsonl")).stream()
                .filter(line -> line.contains("\"reason\":\"all_removed\"")).count();
        assertEquals(docs.size() + 5, Files.readAllLines(one.resolve("articles.jsonl")).size() + allRemoved,
                "every readable input is a record, or had every line cut");
        assertTrue(Files.readAllLines(one.resolve("articles.jsonl")).size() > 5, "some generated documents are records");
    }

    private static List<String> texts(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("text"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
