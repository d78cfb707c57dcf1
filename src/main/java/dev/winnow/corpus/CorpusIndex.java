package dev.winnow.corpus;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local runner's aggregation of the first pass, in memory that does not grow with the corpus's
 * text. Line keys and band keys are spilled to {@value #PARTITIONS} partition files by key, then
 * each partition is counted or grouped on its own (a hash aggregation as Spark's shuffle does it), so
 * only one partition's keys are in memory at a time. Quotations go to a {@link QuoteTable}, which spills too.
 * Decisions go through {@link CorpusSettings#isRepeated} and {@link Clusters}, as on Spark.
 */
public final class CorpusIndex implements Closeable {
    static final int PARTITIONS = 64;
    private static final int BUFFER = 1 << 15;

    private final Path dir;
    private final CorpusSettings settings;
    private final DataOutputStream[] lines = new DataOutputStream[PARTITIONS];
    private final DataOutputStream[] bands = new DataOutputStream[PARTITIONS];
    private final DataOutputStream ids;
    private final QuoteTable quotes;
    private long documents;

    public CorpusIndex(Path dir, CorpusSettings settings) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.settings = settings;
        for (int p = 0; p < PARTITIONS; p++) {
            lines[p] = open("lines-" + p);
            bands[p] = open("bands-" + p);
        }
        ids = open("ids");
        quotes = new QuoteTable(dir.resolve("quotes"));
    }

    private DataOutputStream open(String name) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), BUFFER));
    }

    private static int partition(long key) {
        return bucket(key, PARTITIONS);
    }

    /**
     * A key's bucket among {@code buckets}: the partition of the spill files here, the shuffle bucket on Spark.
     * Keys are hashes, so their high bits spread evenly.
     */
    public static int bucket(long key, int buckets) {
        return (int) ((key >>> 40) % buckets);
    }

    /**
     * The union edges of (band key, position) pairs, flat: each document joined to the first document seen with
     * the same band key. Every pair of a key must be in {@code chunks}; {@link Clusters} roots a group at its
     * smallest position whatever the order, so any grouping of keys gives the same clusters.
     */
    public static long[] bandEdges(Iterator<long[]> chunks) {
        Map<Long, Long> firstInBucket = new HashMap<>();
        long[] edges = new long[64];
        int size = 0;
        while (chunks.hasNext()) {
            long[] pairs = chunks.next();
            for (int i = 0; i < pairs.length; i += 2) {
                Long first = firstInBucket.putIfAbsent(pairs[i], pairs[i + 1]);
                if (first == null) continue;
                if (size + 2 > edges.length) edges = Arrays.copyOf(edges, edges.length * 2);
                edges[size++] = first;
                edges[size++] = pairs[i + 1];
            }
        }
        return Arrays.copyOf(edges, size);
    }

    /**
     * The line keys of (line key, position) pairs found in enough documents of their site, each near-duplicate
     * cluster counting once. Every pair of a key must be in {@code chunks}.
     */
    public static long[] repeatedLines(Iterator<long[]> chunks, Map<Long, Cluster> clusters, CorpusSettings settings) {
        Map<Long, Integer> documents = new HashMap<>();
        Set<Long> counted = new HashSet<>();
        while (chunks.hasNext()) {
            long[] pairs = chunks.next();
            for (int i = 0; i < pairs.length; i += 2) {
                long key = pairs[i], root = CorpusFacts.root(clusters, pairs[i + 1]);
                if (counted.add(Hash64.pair(key, root))) documents.merge(key, 1, Integer::sum);
            }
        }
        return documents.entrySet().stream().filter(e -> settings.isRepeated(e.getValue())).mapToLong(Map.Entry::getKey).toArray();
    }

    public void add(Features f) throws IOException {
        documents++;
        for (long key : f.lines()) {
            DataOutputStream out = lines[partition(key)];
            out.writeLong(key);
            out.writeLong(f.position());
        }
        for (long key : f.bands()) {
            DataOutputStream out = bands[partition(key)];
            out.writeLong(key);
            out.writeLong(f.position());
        }
        ids.writeLong(f.position());
        ids.writeUTF(f.id());
        if (!f.quotes().isEmpty()) quotes.add(f.position(), f.id(), f.quotes());
    }

    public long documents() { return documents; }

    /**
     * Aggregates everything added, handing each distinct quotation to {@code quotations} (for
     * {@code quotes.jsonl}) in order of first appearance; the spill files are deleted afterwards.
     */
    public CorpusFacts finish(java.util.function.Consumer<QuoteTable.Entry> quotations) throws IOException {
        closeAll();
        Clusters clusters = new Clusters();
        for (int p = 0; p < PARTITIONS; p++) {
            long[] edges = bandEdges(List.of(readLongs(dir.resolve("bands-" + p))).iterator());
            for (int i = 0; i < edges.length; i += 2) clusters.union(edges[i], edges[i + 1]);
        }
        Map<Long, String> rootIds = idsOf(clusters.roots());
        Map<Long, Cluster> clustered = clusters.build(rootIds::get);
        long[] repeats = quotes.finish(quotations, settings.dedupeQuotes());
        CorpusFacts facts = new CorpusFacts(repeatedLines(clustered), clustered, repeats);
        deleteSpill();
        return facts;
    }

    /** Line keys found in enough documents of their site, each near-duplicate cluster counting once. */
    private long[] repeatedLines(Map<Long, Cluster> clusters) throws IOException {
        List<long[]> found = new ArrayList<>();
        int total = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            long[] repeated = repeatedLines(List.of(readLongs(dir.resolve("lines-" + p))).iterator(), clusters, settings);
            found.add(repeated);
            total += repeated.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] part : found) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        return all;
    }

    private Map<Long, String> idsOf(Set<Long> positions) throws IOException {
        Map<Long, String> found = new HashMap<>();
        if (positions.isEmpty()) return found;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve("ids")), BUFFER))) {
            while (true) {
                long position;
                try {
                    position = in.readLong();
                } catch (EOFException end) {
                    break;
                }
                String id = in.readUTF();
                if (positions.contains(position)) found.put(position, id);
            }
        }
        return found;
    }

    private static long[] readLongs(Path file) throws IOException {
        long size = Files.size(file);
        long[] values = new long[(int) (size / Long.BYTES)];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            for (int i = 0; i < values.length; i++) values[i] = in.readLong();
        }
        return values;
    }

    private void closeAll() throws IOException {
        for (int p = 0; p < PARTITIONS; p++) {
            lines[p].close();
            bands[p].close();
        }
        ids.close();
    }

    private void deleteSpill() throws IOException {
        quotes.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
    }

    @Override
    public void close() {
        try {
            closeAll();
            deleteSpill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
