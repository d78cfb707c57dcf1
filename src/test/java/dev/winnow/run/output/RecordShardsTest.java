package dev.winnow.run.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.cli.ExitCodes;
import dev.winnow.run.OutputCodec;
import dev.winnow.run.RecordShards;
import dev.winnow.run.output.CleanRuns.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --records-per-shard N}: the records in {@code documents/part-NNNNN.jsonl} of N each, which joined are
 * the one-file layout's {@code articles.jsonl}, with the removed attributes cut into the same names line for
 * line; a killed sharded run finishes to the bytes of an uninterrupted one; each layout removes the other's
 * files; a {@code documents/} Winnow did not write is refused.
 */
class RecordShardsTest {
    private static final int DOCUMENTS = 30;
    private static final String SIDE = "attributes/winnow_removed/";

    private static List<String> sharded(Path corpus, Path out, int perShard, String... extra) {
        List<String> args = new ArrayList<>(CleanRuns.cleanArgs(corpus, out, extra));
        args.addAll(List.of("--removed", "attributes", "--records-per-shard", String.valueOf(perShard)));
        return args;
    }

    private static List<String> oneFile(Path corpus, Path out, String... extra) {
        List<String> args = new ArrayList<>(CleanRuns.cleanArgs(corpus, out, extra));
        args.addAll(List.of("--removed", "attributes"));
        return args;
    }

    @Test
    void shardsJoinedAreTheRecordsFile(@TempDir Path tmp) throws IOException {
        shardsJoinedAreTheRecordsFile(tmp, OutputCodec.NONE);
    }

    @Test
    void gzippedShardsJoinedAreTheGzippedRecordsFile(@TempDir Path tmp) throws IOException {
        shardsJoinedAreTheRecordsFile(tmp, OutputCodec.GZIP);
    }

    private static void shardsJoinedAreTheRecordsFile(Path tmp, OutputCodec codec) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 31);
        Path whole = tmp.resolve("whole"), parts = tmp.resolve("parts");
        String[] compress = codec == OutputCodec.NONE ? new String[0] : new String[]{"--compress", "gz"};
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(oneFile(corpus, whole, with(compress, "-q"))).exit());
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(sharded(corpus, parts, 7, with(compress, "-q"))).exit());

        String records = codec.name("articles.jsonl");
        byte[] expected = read(whole.resolve(records), codec);
        Map<String, byte[]> documents = shards(parts.resolve("documents"), codec), side = shards(parts.resolve(SIDE), codec);
        assertEquals(documents.keySet(), side.keySet(), "the attributes shards are named as the records shards");
        assertArrayEquals(expected, join(documents), "the shards joined are " + records);
        assertArrayEquals(read(whole.resolve(SIDE + records), codec), join(side), "the attributes shards joined are the side file");
        long lines = lines(expected);
        assertEquals((lines + 6) / 7, documents.size(), lines + " records in shards of 7");
        int i = 0;
        for (String name : documents.keySet()) {
            assertEquals(String.format(java.util.Locale.ROOT, "part-%05d.jsonl", i) + (codec == OutputCodec.GZIP ? ".gz" : ""), name);
            assertEquals(i < documents.size() - 1 ? 7 : lines - 7L * i, lines(documents.get(name)), name + " lines");
            assertEquals(ids(documents.get(name)), ids(side.get(name)), name + ": the attributes line up with the records by id");
            i++;
        }
        for (String name : List.of("articles.jsonl", "articles.jsonl.gz", SIDE + "articles.jsonl", SIDE + "articles.jsonl.gz")) {
            assertFalse(Files.exists(parts.resolve(name)), "no " + name + " in the sharded layout");
        }
        assertEquals(CleanRuns.snapshot(whole.resolve("text")), CleanRuns.snapshot(parts.resolve("text")));
        assertArrayEquals(Files.readAllBytes(whole.resolve(codec.name("rejected.jsonl"))), Files.readAllBytes(parts.resolve(codec.name("rejected.jsonl"))));

        JsonNode output = CleanRuns.JSON.readTree(parts.resolve("report.json").toFile()).path("output");
        assertEquals(7, output.path("records_per_shard").asInt());
        List<String> files = new ArrayList<>();
        output.path("files").forEach(f -> files.add(f.asText()));
        for (String name : documents.keySet()) {
            assertTrue(files.contains("documents/" + name) && files.contains(SIDE + name), name + " listed in " + files);
        }
        for (JsonNode s : output.path("shards")) {
            String name = s.path("name").asText();
            assertEquals(Files.size(parts.resolve("documents").resolve(name)), s.path("bytes").asLong(), name);
            assertEquals(Files.size(parts.resolve(SIDE).resolve(name)), s.path("attributes_bytes").asLong(), name);
            assertEquals(lines(documents.get(name)), s.path("records").asLong(), name);
        }
        assertEquals(documents.size(), output.path("shards").size());
        assertFalse(output.has("articles_bytes"), "no records file to measure");
    }

    @Test
    void moreRecordsPerShardThanRecordsGiveOneShard(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 10, 32);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(sharded(corpus, out, 1000, "-q")).exit());
        assertEquals(List.of("part-00000.jsonl"), names(out.resolve("documents")));
        assertEquals(List.of("part-00000.jsonl"), names(out.resolve(SIDE)));
    }

    /** No records: one empty part-00000 (an empty gzip member), so a reader pointed at documents/ finds a file. */
    @Test
    void noRecordsGiveOneEmptyShard(@TempDir Path tmp) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(sharded(corpus, out, 5, "-q", "--compress", "gz")).exit());
        assertEquals(List.of("part-00000.jsonl.gz"), names(out.resolve("documents")));
        assertEquals(0, read(out.resolve("documents/part-00000.jsonl.gz"), OutputCodec.GZIP).length);
        assertEquals(0, read(out.resolve(SIDE + "part-00000.jsonl.gz"), OutputCodec.GZIP).length);
    }

    @Test
    void anInterruptedShardedRunResumesToTheSameBytes(@TempDir Path tmp) throws Exception {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 33);
        Path fresh = tmp.resolve("fresh");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(sharded(corpus, fresh, 4, "-q", "--compress", "gz")).exit());
        // Mid-run (compressed, a checkpoint ends a member: both every 5 outcomes), after the shards are cut, and
        // after the new documents/ is placed but before the report.
        Map<String, String> kills = new LinkedHashMap<>();
        kills.put("mid-run", "checkpoint.written:2");
        kills.put("cut", "commit.shards-written");
        kills.put("placed", "commit.documents-moved");
        for (Map.Entry<String, String> kill : kills.entrySet()) {
            Path out = tmp.resolve(kill.getKey());
            // An earlier one-file run, so the commit has a layout to replace.
            assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(oneFile(corpus, out, "-q", "--compress", "gz")).exit());
            Child child = Child.start(sharded(corpus, out, 4, "-q", "--compress", "gz"),
                    Map.of("winnow.checkpoint.outcomes", "5", "winnow.member.outcomes", "5", "winnow.test.pauseAt", kill.getValue()),
                    tmp.resolve(kill.getKey() + ".err"));
            try {
                assertTrue(child.await(child::paused), child.err());
            } finally {
                assertTrue(child.kill());
            }
            CleanRuns.Result rerun = CleanRuns.inProcess(sharded(corpus, out, 4, "--compress", "gz"));
            assertEquals(ExitCodes.REJECTIONS, rerun.exit(), rerun.err());
            assertTrue(rerun.err().contains(kill.getKey().equals("mid-run") ? "resuming the interrupted run" : "finishing the interrupted run"),
                    kill.getKey() + ": " + rerun.err());
            // The killed run ended its journals' gzip members every 5 outcomes, the others every 1,000: rejected.jsonl.gz
            // holds the same lines in other members, while the shards, cut from the lines, are the same bytes.
            Map<String, String> want = new java.util.TreeMap<>(CleanRuns.snapshot(fresh)), got = new java.util.TreeMap<>(CleanRuns.snapshot(out));
            assertArrayEquals(read(fresh.resolve("rejected.jsonl.gz"), OutputCodec.GZIP), read(out.resolve("rejected.jsonl.gz"), OutputCodec.GZIP));
            want.remove("rejected.jsonl.gz");
            got.remove("rejected.jsonl.gz");
            assertEquals(want, got, "killed " + kill.getKey());
        }
    }

    @Test
    void layoutsReplaceEachOthersRecords(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), DOCUMENTS, 34);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(oneFile(corpus, out, "-q")).exit());
        Map<String, String> whole = CleanRuns.snapshot(out);

        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(sharded(corpus, out, 6, "-q")).exit());
        assertFalse(Files.exists(out.resolve("articles.jsonl")), "no stale records file beside the shards");
        Map<String, String> parts = CleanRuns.snapshot(out);
        CleanRuns.Result again = CleanRuns.inProcess(sharded(corpus, out, 6));
        assertTrue(again.err().contains("nothing to do"), again.err());
        assertEquals(parts, CleanRuns.snapshot(out));

        CleanRuns.Result other = CleanRuns.inProcess(sharded(corpus, out, 5, "-q"));
        assertEquals(ExitCodes.REJECTIONS, other.exit(), other.err());
        assertEquals(List.of("part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl", "part-00003.jsonl", "part-00004.jsonl",
                "part-00005.jsonl").subList(0, names(out.resolve("documents")).size()), names(out.resolve("documents")),
                "another shard size replaces every shard");

        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(oneFile(corpus, out, "-q")).exit());
        assertFalse(Files.exists(out.resolve("documents")), "no stale documents/ beside one records file");
        assertEquals(whole, CleanRuns.snapshot(out), "the one-file layout again, as the first time");

        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, out, "-q", "--records-per-shard", "6")).exit());
        assertFalse(Files.exists(out.resolve("attributes")), "shards without --removed attributes leave no side files");
        assertTrue(Files.isRegularFile(out.resolve("documents/part-00000.jsonl")));
    }

    @Test
    void aDocumentsFolderWinnowDidNotWriteIsRefused(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 3, 35);
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.REJECTIONS, CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, out, "-q")).exit());
        Files.writeString(Files.createDirectories(out.resolve("documents")).resolve("mine.jsonl"), "{}\n", StandardCharsets.UTF_8);
        Map<String, String> before = CleanRuns.snapshot(out);
        CleanRuns.Result r = CleanRuns.inProcess(sharded(corpus, out, 2));
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("Winnow did not write") && r.err().contains("documents"), r.err());
        assertEquals(before, CleanRuns.snapshot(out), "nothing changed");
    }

    @Test
    void aShardCountBelowOneIsAUsageError(@TempDir Path tmp) throws IOException {
        Path corpus = CleanRuns.corpus(tmp.resolve("corpus"), 3, 36);
        CleanRuns.Result r = CleanRuns.inProcess(CleanRuns.cleanArgs(corpus, tmp.resolve("out"), "--records-per-shard", "0"));
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--records-per-shard must be at least 1"), r.err());
    }

    /**
     * A shard's bytes depend on its lines only: the journal's gzip members (one per 1,000 outcomes in a run,
     * one per line here) and how it is read do not show in them.
     */
    @Test
    void shardBytesDoNotDependOnTheJournalsMembers() throws IOException {
        shardBytesDoNotDependOnTheJournalsMembers(OutputCodec.GZIP);
    }

    @Test
    void zstdShardBytesDoNotDependOnTheJournalsFrames() throws IOException {
        shardBytesDoNotDependOnTheJournalsMembers(OutputCodec.ZSTD);
    }

    private static void shardBytesDoNotDependOnTheJournalsMembers(OutputCodec codec) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2500; i++) text.append("{\"id\":\"doc-").append(i).append("\",\"text\":\"").append("word ".repeat(i % 40)).append("\"}\n");
        byte[] lines = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream oneMember = new ByteArrayOutputStream(), manyMembers = new ByteArrayOutputStream();
        try (OutputStream gz = codec.wrap(oneMember)) {
            gz.write(lines);
        }
        for (String line : text.toString().split("(?<=\n)")) {
            try (OutputStream gz = codec.wrap(new java.io.FilterOutputStream(manyMembers) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            })) {
                gz.write(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        Map<String, ByteArrayOutputStream> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        List<RecordShards.Shard> sa = RecordShards.split(new ByteArrayInputStream(oneMember.toByteArray()), codec, 1000,
                name -> a.computeIfAbsent(name, n -> new ByteArrayOutputStream()));
        List<RecordShards.Shard> sb = RecordShards.split(new ByteArrayInputStream(manyMembers.toByteArray()), codec, 1000,
                name -> b.computeIfAbsent(name, n -> new ByteArrayOutputStream()));
        assertEquals(sa, sb);
        assertEquals(List.of(1000L, 1000L, 500L), sa.stream().map(RecordShards.Shard::lines).toList());
        assertEquals(List.of(codec.name("part-00000.jsonl"), codec.name("part-00001.jsonl"), codec.name("part-00002.jsonl")), List.copyOf(a.keySet()));
        assertEquals(a.keySet(), b.keySet());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).toByteArray(), b.get(name).toByteArray(), name);
            joined.write(codec.unwrap(new ByteArrayInputStream(a.get(name).toByteArray())).readAllBytes());
        }
        assertArrayEquals(lines, joined.toByteArray(), "the shards joined are the lines");
    }

    private static String[] with(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    private static byte[] read(Path file, OutputCodec codec) throws IOException {
        try (InputStream in = codec.unwrap(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** The shard files of a folder by name, in name order, decompressed. */
    private static Map<String, byte[]> shards(Path dir, OutputCodec codec) throws IOException {
        Map<String, byte[]> shards = new LinkedHashMap<>();
        for (String name : names(dir)) shards.put(name, read(dir.resolve(name), codec));
        return shards;
    }

    private static byte[] join(Map<String, byte[]> shards) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] b : shards.values()) all.write(b);
        return all.toByteArray();
    }

    private static long lines(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) if (b == '\n') n++;
        return n;
    }

    private static List<String> ids(byte[] bytes) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) ids.add(CleanRuns.JSON.readTree(line).get("id").asText());
        }
        return ids;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
