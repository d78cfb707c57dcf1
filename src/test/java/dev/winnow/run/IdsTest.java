package dev.winnow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ids are unique within a run whatever the file names: no two outcomes share an id, and every record
 * has its own text file holding its own text. Collisions come from names that lose their extension
 * ({@code page.txt}, {@code page.html}), paths that flatten alike ({@code d/a/b.txt}, {@code d/a__b.txt}),
 * and file names that look like container entries ({@code x#0.txt} beside {@code x.jsonl}).
 */
class IdsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A different article per file, so a text file holding another record's text shows. */
    private static String article(String name) {
        return "The ferry to the island for " + name + " left the harbour at dawn, the operator said.\n\n"
                + "Passengers for " + name + " waited on the quay with bicycles and crates of apples from the market.\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Runs the folder and checks the invariant; returns the ids of records and rejections. */
    private static List<String> assertUniqueIds(Path in, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("clean", in.toString(), "-o", out.toString(), "-q", "--no-corpus"));
        args.addAll(List.of(extra));
        Main.execute(args.toArray(String[]::new));
        List<String> ids = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        int records = 0;
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            ids.add(r.path("id").asText());
            records++;
            Path file = out.resolve("text").resolve(OutputFormat.textFileName(r.path("id").asText()));
            assertEquals(r.path("text").asText() + "\n", Files.readString(file), "the text file of " + r.path("id"));
            texts.add(file.getFileName().toString());
        }
        for (String line : Files.readAllLines(out.resolve("rejected.jsonl"))) ids.add(JSON.readTree(line).path("id").asText());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate ids: " + ids);
        try (Stream<Path> files = Files.list(out.resolve("text"))) {
            assertEquals(records, files.count(), "one text file per record");
        }
        assertEquals(records, texts.size());
        return ids;
    }

    @Test
    void namesThatDifferOnlyByExtensionGetTheirOwnIds(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        for (String name : List.of("page.txt", "page.html", "page.md", "page", "page.txt.gz", "sub/page.txt", "sub/page.csv")) {
            Path file = in.resolve(name);
            if (name.endsWith(".gz")) {
                Files.createDirectories(file.getParent());
                try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                    gz.write(article(name).getBytes(StandardCharsets.UTF_8));
                }
            } else {
                write(file, name.endsWith(".html") ? "<html><body><p>" + article(name) + "</p></body></html>" : article(name));
            }
        }
        List<String> ids = assertUniqueIds(in, tmp.resolve("out"));
        assertEquals(7, ids.size(), ids.toString());
    }

    @Test
    void pathsThatFlattenAlikeGetTheirOwnIds(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        for (String name : List.of("d/a/b.txt", "d/a__b.txt", "e/b.txt", "f/a__b.txt", "d/a__b~2.txt", "g/x/y/z.txt", "g/x__y__z.txt",
                "g/x/y__z.txt")) {
            write(in.resolve(name), article(name));
        }
        List<String> ids = assertUniqueIds(in, tmp.resolve("out"));
        assertEquals(8, ids.size(), ids.toString());
    }

    @Test
    void aFileNamedLikeAContainerEntryDoesNotTakeItsId(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) lines.append(JSON.writeValueAsString(java.util.Map.of("text", article("line " + i)))).append('\n');
        write(in.resolve("x.jsonl"), lines.toString());
        write(in.resolve("x#0.txt"), article("x#0"));
        write(in.resolve("x#2.html"), "<p>" + article("x#2") + "</p>");
        write(in.resolve("x%230.txt"), article("x%230"));
        write(in.resolve("y#1.jsonl"), lines.toString());
        write(in.resolve("y#1#0.txt"), article("y#1#0"));
        List<String> ids = assertUniqueIds(in, tmp.resolve("out"));
        assertEquals(10, ids.size(), ids.toString());
        assertTrue(ids.containsAll(List.of("x#0", "x#1", "x#2")), "the container's entries keep their ids: " + ids);
    }

    @Test
    void suffixesAreGivenInInputOrderAndSkipIdsTheRunHas() {
        List<Input> inputs = new ArrayList<>();
        for (String id : List.of("a", "a", "a~2", "b", "a", "b")) inputs.add(Input.file(id, id, Path.of(id)));
        List<String> ids = Inputs.uniqueIds(inputs).stream().map(Input::id).toList();
        assertEquals(List.of("a", "a~3", "a~2", "b", "a~4", "b~2"), ids);
    }

    /**
     * An engine that lists inputs itself (Spark on HDFS) gives the local runner's ids from the names alone:
     * {@link Inputs#idsFor} on the names {@link Inputs#expand} lists are the ids it gives, collisions and all.
     */
    @Test
    void idsFromNamesAloneAreTheListingsIds(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        for (String name : List.of("page.txt", "page.html", "d/a/b.txt", "d/a__b.txt", "north/quay.txt", "south/quay.txt",
                "x#0.txt", "archive.warc.gz", "stdin.txt", "dots.v2.txt")) {
            write(in.resolve(name), article(name));
        }
        Inputs.Listing listing = Inputs.expand(List.of(in.toString(), in.resolve("page.txt") + "/", "-"),
                java.io.InputStream.nullInputStream());
        List<String> names = listing.inputs().stream().map(Input::name).toList();
        List<String> ids = listing.inputs().stream().map(Input::id).toList();
        assertEquals(ids, Inputs.idsFor(names));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "unique: " + ids);
        assertTrue(ids.contains("stdin") && ids.contains("dots.v2"), ids.toString());
    }

    /** The ids {@link Inputs#idsFor} gives, spelled out: the local runner's rules, with no file system to ask. */
    @Test
    void idsForNamesFollowTheLocalRules() {
        assertEquals(List.of("in__page", "in__page~2", "b", "a__b", "in__north__quay", "in__south__quay", "stdin",
                        "in__stdin", "x%230", "corpus__s", "corpus__s.txt__"),
                Inputs.idsFor(List.of("in/page.txt", "./in/page.html", "in/d/a/b.txt", "in/d/a__b.txt", "in/north/quay.txt",
                        "/in/south/quay.txt", "-", "in/stdin.txt", "/abs/x#0.txt", "/corpus/s.txt", "/corpus/s.txt/")));
    }
}
