package dev.winnow.corpus;

import dev.winnow.text.TextShape;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The corpus's quotations and the articles that carry them. Quotations are compared by their words
 * ({@link TextShape#key}), so case, punctuation and quote marks do not matter, and an article carries
 * a quotation when one of its own quotations holds it whole: "(Kim) underscored the need to build a
 * serial production system…" carries "build a serial production system…". Documents may be added
 * in any order; everything is ordered by position when read out, so every engine gets the same table.
 *
 * <p>Memory: the distinct quotations are held (their words and first text); their occurrences, which
 * grow with every article, are spilled to partition files and read back one partition at a time.
 */
public final class QuoteTable implements Closeable {
    /** Containment is looked up by a quotation's first words; shorter quotations must match whole. */
    static final int WINDOW_WORDS = 6;
    static final int PARTITIONS = 64;
    private static final int BUFFER = 1 << 15;

    /** One distinct quotation as {@code quotes.jsonl} lists it, with the articles that carry it in input order. */
    public record Entry(String text, List<String> ids) {}

    /** A distinct quotation: its number, its words, and the text and place of its first occurrence. */
    private static final class Quotation {
        final int number;
        final String key;
        String text;
        long position;
        int order;

        Quotation(int number, String key, String text, long position, int order) {
            this.number = number;
            this.key = key;
            this.text = text;
            this.position = position;
            this.order = order;
        }

        boolean after(long p, int o) {
            return position > p || (position == p && order > o);
        }
    }

    private final Path dir;
    private final Map<String, Quotation> byKey = new HashMap<>();
    private final List<Quotation> byNumber = new ArrayList<>();
    private final DataOutputStream[] occurrences = new DataOutputStream[PARTITIONS];
    private boolean closed;

    /** A table spilling into {@code dir}, which it creates and empties when done. */
    public QuoteTable(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        for (int p = 0; p < PARTITIONS; p++) occurrences[p] = out("occurrences-" + p);
    }

    private DataOutputStream out(String name) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), BUFFER));
    }

    private DataInputStream in(String name) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(name)), BUFFER));
    }

    /** A document's distinct quotations, in their order in it. */
    public void add(long position, String id, List<String> quotes) throws IOException {
        for (int i = 0; i < quotes.size(); i++) {
            String key = TextShape.key(quotes.get(i));
            if (key.isEmpty()) continue;
            Quotation q = byKey.get(key);
            if (q == null) {
                q = new Quotation(byNumber.size(), key, quotes.get(i), position, i);
                byKey.put(key, q);
                byNumber.add(q);
            } else if (q.after(position, i)) {
                q.text = quotes.get(i);
                q.position = position;
                q.order = i;
            }
            DataOutputStream out = occurrences[q.number % PARTITIONS];
            out.writeInt(q.number);
            out.writeLong(position);
            out.writeUTF(id);
        }
    }

    /**
     * Hands every distinct quotation to {@code sink} in the order of its first appearance, with the ids
     * of the articles carrying it in input order, and returns the occurrences to remove when quotations
     * are deduplicated across the corpus: every occurrence carrying a quotation an earlier article
     * carries too, as sorted {@link Hash64#pair}(position, key hash) values for {@link CorpusFacts#quoteRepeated}
     * (none unless {@code wantRepeats}: they are needed only when quotations are deduplicated).
     */
    public long[] finish(Consumer<Entry> sink, boolean wantRepeats) throws IOException {
        for (DataOutputStream out : occurrences) out.close();
        int[][] carried = carriedBy();
        // Each occurrence of a quotation is an occurrence of every quotation it holds: spill it once per
        // quotation carried, partitioned by that quotation, so each partition holds whole carrier lists.
        DataOutputStream[] carriers = new DataOutputStream[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) carriers[p] = out("carriers-" + p);
        for (int p = 0; p < PARTITIONS; p++) {
            try (DataInputStream in = in("occurrences-" + p)) {
                while (true) {
                    int own;
                    try {
                        own = in.readInt();
                    } catch (EOFException end) {
                        break;
                    }
                    long position = in.readLong();
                    String id = in.readUTF();
                    for (int k : carried[own]) {
                        DataOutputStream out = carriers[k % PARTITIONS];
                        out.writeInt(k);
                        out.writeInt(own);
                        out.writeLong(position);
                        out.writeUTF(id);
                    }
                }
            }
            Files.delete(dir.resolve("occurrences-" + p));
        }
        for (DataOutputStream out : carriers) out.close();

        Repeats repeats = wantRepeats ? new Repeats() : null;
        List<Path> runs = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) runs.add(run(p, repeats));
        merge(runs, sink);
        return repeats == null ? new long[0] : repeats.sorted();
    }

    /** A growing array of longs: a corpus with many shared quotations has millions of repeats, boxed they would cost six times more. */
    private static final class Repeats {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        long[] sorted() {
            long[] all = Arrays.copyOf(values, size);
            Arrays.sort(all);
            return Arrays.stream(all).distinct().toArray();
        }
    }

    /** A carrying occurrence: where, by which of the article's own quotations, in which article. */
    private record Carrier(long position, int own, String id) {}

    /**
     * One partition's quotations with their carriers, written sorted by first appearance to a run file;
     * later carriers go to {@code repeats}.
     */
    private Path run(int p, Repeats repeats) throws IOException {
        Map<Integer, List<Carrier>> byQuotation = new HashMap<>();
        try (DataInputStream in = in("carriers-" + p)) {
            while (true) {
                int k;
                try {
                    k = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                int own = in.readInt();
                long position = in.readLong();
                byQuotation.computeIfAbsent(k, x -> new ArrayList<>()).add(new Carrier(position, own, in.readUTF()));
            }
        }
        Files.delete(dir.resolve("carriers-" + p));
        List<Integer> numbers = new ArrayList<>(byQuotation.keySet());
        numbers.sort(Comparator.comparingLong((Integer n) -> byNumber.get(n).position).thenComparingInt(n -> byNumber.get(n).order));
        Path run = dir.resolve("run-" + p);
        try (DataOutputStream out = out("run-" + p)) {
            for (int k : numbers) {
                List<Carrier> carriers = byQuotation.get(k);
                carriers.sort(Comparator.comparingLong(Carrier::position).thenComparingInt(Carrier::own));
                long first = carriers.get(0).position();
                List<String> ids = new ArrayList<>();
                long last = -1;
                for (Carrier c : carriers) {
                    if (c.position() != last) ids.add(c.id());
                    last = c.position();
                    if (repeats != null && c.position() != first) repeats.add(Hash64.pair(c.position(), Hash64.of(byNumber.get(c.own()).key)));
                }
                Quotation q = byNumber.get(k);
                out.writeLong(q.position);
                out.writeInt(q.order);
                writeString(out, q.text);
                out.writeInt(ids.size());
                for (String id : ids) out.writeUTF(id);
            }
        }
        return run;
    }

    /**
     * Merges the sorted runs into one stream in order of first appearance. Only each run's next header
     * is held; a quotation's ids (a popular one is carried by thousands of articles) are read when it is
     * handed on, so one entry's ids are in memory at a time.
     */
    private void merge(List<Path> runs, Consumer<Entry> sink) throws IOException {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::position).thenComparingInt(Head::order));
        List<DataInputStream> open = new ArrayList<>();
        try {
            for (Path run : runs) {
                DataInputStream in = in(run.getFileName().toString());
                open.add(in);
                Head h = read(in);
                if (h != null) heads.add(h);
            }
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                List<String> ids = new ArrayList<>(h.ids());
                for (int i = 0; i < h.ids(); i++) ids.add(h.in().readUTF());
                sink.accept(new Entry(h.text(), ids));
                Head next = read(h.in());
                if (next != null) heads.add(next);
            }
        } finally {
            for (DataInputStream in : open) in.close();
            for (Path run : runs) Files.deleteIfExists(run);
        }
    }

    /** A run's next quotation: where it first appears, its text, and how many ids follow in the run. */
    private record Head(long position, int order, String text, int ids, DataInputStream in) {}

    private static Head read(DataInputStream in) throws IOException {
        long position;
        try {
            position = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        int order = in.readInt();
        String text = readString(in);
        return new Head(position, order, text, in.readInt(), in);
    }

    /**
     * For each quotation, the quotations it carries: itself, and every shorter one whose words stand
     * whole, in order, inside it. Candidates are found by the shorter one's first {@value #WINDOW_WORDS}
     * words, indexed only where some quotation starts with them.
     */
    private int[][] carriedBy() {
        Map<Long, List<Integer>> starting = new HashMap<>();
        for (Quotation q : byNumber) {
            String[] words = q.key.split(" ");
            if (words.length >= WINDOW_WORDS) {
                starting.computeIfAbsent(window(words, 0), w -> new ArrayList<>()).add(q.number);
            }
        }
        int[][] carried = new int[byNumber.size()][];
        for (Quotation h : byNumber) {
            String[] words = h.key.split(" ");
            Set<Integer> found = new HashSet<>();
            String padded = " " + h.key + " ";
            for (int i = 0; i + WINDOW_WORDS <= words.length; i++) {
                List<Integer> candidates = starting.get(window(words, i));
                if (candidates == null) continue;
                for (int k : candidates) {
                    String key = byNumber.get(k).key;
                    if (k != h.number && key.length() < h.key.length() && padded.contains(" " + key + " ")) found.add(k);
                }
            }
            int[] list = new int[found.size() + 1];
            list[0] = h.number;
            int n = 1;
            for (int k : found) list[n++] = k;
            Arrays.sort(list, 1, list.length);
            carried[h.number] = list;
        }
        return carried;
    }

    private static long window(String[] words, int from) {
        return Hash64.of(String.join(" ", Arrays.copyOfRange(words, from, from + WINDOW_WORDS)));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Removes the spill files; safe to call more than once. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        for (DataOutputStream out : occurrences) out.close();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
        }
    }
}
