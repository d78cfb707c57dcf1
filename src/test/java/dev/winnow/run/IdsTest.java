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
     * each name's path below its argument, made unique over the listing, is what {@link Inputs#expand} gives.
     */
    @Test
    void idsFromNamesAloneAreTheListingsIds(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        for (String name : List.of("page.txt", "page.html", "d/a/b.txt", "d/a__b.txt", "north/quay.txt", "south/quay.txt",
                "x#0.txt", "archive.warc.gz", "stdin.txt", "dots.v2.txt")) {
            write(in.resolve(name), article(name));
        }
        List<String> args = List.of(in + "/", in.resolve("page.txt").toString());
        List<String> relative = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String arg : args) {
            for (Input input : Inputs.expand(List.of(arg), java.io.InputStream.nullInputStream()).inputs()) {
                relative.add(Inputs.relativeId(Inputs.below(arg, input.name())));
            }
        }
        ids.addAll(Inputs.expand(args, java.io.InputStream.nullInputStream()).inputs().stream().map(Input::id).toList());
        assertEquals(ids, Inputs.unique(relative));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "unique: " + ids);
        assertTrue(ids.containsAll(List.of("d__a__b", "d__a__b~2", "north__quay", "south__quay", "stdin", "dots.v2", "x%230",
                "archive", "page", "page~2", "page~3")), ids.toString());
    }

    /** The ids {@link Inputs#relativeId} gives, spelled out, with no file system to ask. */
    @Test
    void relativeIdsFollowTheRules() {
        assertEquals(List.of("page", "d__a__b", "site__2024__page", "x%230", "dots.v2", "abs__c", "w__crawl"),
                List.of("page.txt", "d/a/b.txt", "site/2024/page.html.gz", "./x#0.txt", "dots.v2.txt", "/abs/c.txt",
                        "w/crawl.warc.gz").stream().map(Inputs::relativeId).toList());
        assertEquals("site/a.html", Inputs.below("crawl/", "crawl/site/a.html"));
        assertEquals("b.txt", Inputs.below("a/b.txt", "a/b.txt"));
        assertEquals("x/y.txt", Inputs.below("hdfs://nn/c", "hdfs://nn/c/x/y.txt"));
    }

    /**
     * The same folder gives the same ids wherever it lies and however it is spelled on the command line (two
     * checkouts, an absolute and a relative path), and a file added to the run changes no other file's id.
     */
    @Test
    void idsAreStableAcrossCheckoutsSpellingsAndAddedFiles(@TempDir Path tmp) throws IOException {
        List<String> names = List.of("2024/05/ferry.txt", "2024/06/ferry.txt", "harbour.html", "notes/harbour.txt");
        Path one = tmp.resolve("one/data");
        Path two = tmp.resolve("elsewhere/deeper/checkout/data");
        for (String name : names) {
            write(one.resolve(name), article(name));
            write(two.resolve(name), article(name));
        }
        List<String> first = ids(one.toString(), tmp.resolve("out1"));
        assertEquals(List.of("2024__05__ferry", "2024__06__ferry", "harbour", "notes__harbour"), first);
        String relative = Path.of("").toAbsolutePath().relativize(two.toAbsolutePath()) + "/";
        assertEquals(first, ids(relative, tmp.resolve("out2")), "the other checkout, by a relative path");

        write(two.resolve("2024/07/ferry.txt"), article("july"));
        write(two.resolve("harbour.md"), article("md"));
        List<String> more = ids(two.toString(), tmp.resolve("out3"));
        assertTrue(more.containsAll(first), "earlier ids unchanged: " + more);
        assertTrue(more.containsAll(List.of("2024__07__ferry", "harbour~2")), more.toString());
    }

    /** One JSON line with this id (null: none) and a text of its own. */
    private static String line(String id, String name) throws IOException {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (id != null) fields.put("id", id);
        fields.put("text", article(name));
        return JSON.writeValueAsString(fields) + "\n";
    }

    /**
     * {@code --ids record}: each entry takes its scraper's id, as given (a text file name is made safe on its
     * own), and a repeated one, one that names a file of the run, or one spelled like another entry's path id
     * gets "~2" in input order; an entry without one keeps its path id. The same with corpus stages: both
     * passes name alike, and quotes.jsonl names the records by their chosen ids.
     */
    @Test
    void scraperIdsNameTheirRecordsAndStayUnique(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        write(in.resolve("feed.jsonl"), line("a/1", "one") + line("notes", "two") + line("a/1", "three") + line(null, "four")
                + line("feed#5", "five") + line(null, "six") + line("urn:uuid:1", "seven") + line(" ", "eight"));
        write(in.resolve("notes.txt"), article("notes file"));
        List<String> ids = assertUniqueIds(in, tmp.resolve("out"), "--ids", "record");
        assertEquals(List.of("a/1", "notes~2", "a/1~2", "feed#3", "feed#5", "feed#5~2", "urn:uuid:1", "feed#7", "notes"), ids);
        JsonNode first = JSON.readTree(Files.readAllLines(tmp.resolve("out/articles.jsonl")).get(0));
        assertEquals("a/1", first.path("metadata").path("input").path("record_id").asText(), "the raw id stays there too");

        Main.execute("clean", in.toString(), "-o", tmp.resolve("corpus").toString(), "-q", "--ids", "record");
        List<String> withCorpus = new ArrayList<>();
        for (String l : Files.readAllLines(tmp.resolve("corpus/articles.jsonl"))) withCorpus.add(JSON.readTree(l).path("id").asText());
        assertEquals(ids, withCorpus, "the corpus passes name the same documents alike");
    }

    /**
     * {@code --ids content}: the same bytes give the same id under any name and in any checkout; a later copy
     * in the same run gets "~2". Standard input, read once by the cleaner, keeps its path id.
     */
    @Test
    void contentIdsFollowTheBytesNotTheNames(@TempDir Path tmp) throws IOException {
        Path one = tmp.resolve("one"), two = tmp.resolve("two/deeper");
        write(one.resolve("a.txt"), article("ferry"));
        write(one.resolve("b.txt"), article("harbour"));
        write(one.resolve("copy-of-a.txt"), article("ferry"));
        write(two.resolve("renamed.txt"), article("harbour"));
        List<String> ids = assertUniqueIds(one, tmp.resolve("out1"), "--ids", "content");
        assertEquals(3, ids.size());
        assertTrue(ids.get(0).matches("[0-9a-f]{32}"), ids.toString());
        assertEquals(ids.get(0) + "~2", ids.get(2), "the copy comes second");
        List<String> other = assertUniqueIds(two, tmp.resolve("out2"), "--ids", "content");
        assertEquals(List.of(ids.get(1)), other, "the same bytes under another name and folder");
    }

    /** The choice itself: candidates in order, ids the listing has are never taken, suffixes skip taken ids. */
    @Test
    void theChooserGivesEachCandidateOnceInOrder() {
        Naming.Chooser chooser = new Naming.Chooser(List.of("page", "x~2"));
        assertEquals("x", chooser.choose("x"));
        assertEquals("x~3", chooser.choose("x"), "x~2 is a file's id");
        assertEquals("page~2", chooser.choose("page"));
        assertEquals("x~4", chooser.choose("x"));
        chooser.choose(7L, "y");
        chooser.choose(9L, "y");
        assertEquals(java.util.Map.of(9L, "y~2"), chooser.renames(), "only the ids that changed travel back");
        Naming.LongSet set = new Naming.LongSet();
        for (long v = 0; v < 5000; v++) assertTrue(set.add(v * 0x9E3779B97F4A7C15L));
        for (long v = 0; v < 5000; v++) assertTrue(!set.add(v * 0x9E3779B97F4A7C15L), "present after growing: " + v);
    }

    private static List<String> ids(String input, Path out) throws IOException {
        Main.execute("clean", input, "-o", out.toString(), "-q", "--no-corpus");
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) ids.add(JSON.readTree(line).path("id").asText());
        return ids;
    }
}
