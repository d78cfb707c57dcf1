package dev.winnow.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded, invented multi-site news corpus with its ground truth, for testing and benchmarking the
 * corpus-wide stages (site repeated lines, near-duplicate clusters, shared quotations).
 *
 * <p>Each of S sites has its own template ({@link SiteTemplate}): menu, brand, banner, share lines, a
 * "most read" block of teasers that vary per page, a footer. The template wraps real article text:
 * paragraphs of 2-5 sentences sampled across the 91 development articles ({@link SentencePool}), so two
 * articles rarely share a whole paragraph. Planted on purpose, and recorded in the truth:
 * <ul>
 *   <li>common-phrase lines: an article paragraph holding a phrase frequent across the corpus ("did not
 *       immediately respond to a request for comment") while the line as a whole is unique;</li>
 *   <li>syndicated near-duplicates: a share of documents republish an earlier article, on another site or
 *       the same one, with small edits (another first sentence, a dropped paragraph, another byline);</li>
 *   <li>one shared quotation ({@link #SHARED_QUOTE}) in a few articles, in typographic or ASCII quotes.</li>
 * </ul>
 *
 * <p>Document {@code i} belongs to site {@code i % S} and is a pure function of the seed and {@code i}, so
 * the same seed gives the same bytes, and the streaming writers can produce any size without holding the
 * corpus: past documents are regenerated when a near-duplicate needs its source.
 *
 * <p>Writers put the ground truth in {@code <out>/.truth/}: hidden, so {@code winnow clean <out>} never
 * reads it as an input. {@code documents.jsonl} has one line per document ({@code id}, {@code site},
 * {@code url}, {@code file}, {@code kinds}: one {@link LineKind} code per non-blank line of its text, in
 * order; {@code near_duplicate_of} and {@code edits} for a syndicated copy); {@code corpus.json} has the
 * parameters, the code legend, each site's template lines, the near-duplicate groups, the shared quote and
 * where it was placed, and the common phrases.
 */
public final class SiteCorpus {

    /** What a line of a generated document is. The code is its letter in the truth's {@code kinds} string. */
    public enum LineKind {
        /** Identical on every page of the site: a site-repeated-line stage should cut it. */
        TEMPLATE('t', "template"),
        /** A "most read" headline from the site's pool: boilerplate that recurs on some of its pages. */
        TEASER('m', "teaser"),
        /** The article's headline. */
        TITLE('h', "title"),
        /** Author and date. Staff names recur, so after digit folding a byline may repeat on a site. */
        BYLINE('b', "byline"),
        /** An article paragraph: unique in the corpus except within its near-duplicate group. */
        ARTICLE('a', "article"),
        /** An article paragraph holding a corpus-wide common phrase; the whole line is still unique. */
        COMMON_PHRASE('c', "common_phrase"),
        /** An article paragraph holding {@link #SHARED_QUOTE}; the whole line is still unique. */
        SHARED_QUOTE('q', "shared_quote");

        public final char code;
        public final String label;

        LineKind(char code, String label) {
            this.code = code;
            this.label = label;
        }

        /** Article body: must survive boilerplate removal. */
        public boolean isArticle() {
            return this == ARTICLE || this == COMMON_PHRASE || this == SHARED_QUOTE;
        }
    }

    /** One line of a generated document. */
    public record Line(LineKind kind, String text) {}

    /**
     * One generated document. {@code text()} is the page as written to a text file or a JSON Lines
     * {@code "text"} field; its non-blank lines are {@code lines()}, in order.
     *
     * @param index            position in the corpus (0-based); the site is {@code index % sites}
     * @param id               {@code <site>-<NNNNN>}, NNNNN the document's number on its site
     * @param site             the site key: host without "www."
     * @param url              {@code https://<host>/<yyyy>/<mm>/<slug>}
     * @param file             path of its text file below the output folder: {@code <site>/<NNNNN>.txt}
     * @param lines            the page's non-blank lines with what each one is
     * @param blankLines       whether article paragraphs are blank-line separated (else one per line)
     * @param nearDuplicateOf  the id of the article this one republishes, or null for an original
     * @param edits            what the republished copy changed (empty for an original)
     */
    public record Doc(long index, String id, String site, String url, String file, List<Line> lines,
                      boolean blankLines, String nearDuplicateOf, List<String> edits) {

        /** The page: one line per paragraph, article paragraphs blank-line separated when {@code blankLines}. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (i > 0) {
                    boolean prose = line.kind.isArticle() || lines.get(i - 1).kind.isArticle();
                    sb.append(blankLines && prose ? "\n\n" : "\n");
                }
                sb.append(line.text);
            }
            return sb.append('\n').toString();
        }

        /** One {@link LineKind#code} per line. */
        public String kinds() {
            StringBuilder sb = new StringBuilder(lines.size());
            for (Line l : lines) sb.append(l.kind.code);
            return sb.toString();
        }
    }

    /** A site of the corpus: its key (host without "www."), host, masthead and the lines every page repeats. */
    public record Site(String key, String host, String brand, List<String> templateLines) {}

    /** Where the shared quote was placed: document id and line number (0-based, among non-blank lines). */
    public record QuotePlacement(String docId, int line, boolean typographic) {}

    /** What a writer produced: documents and bytes of corpus (the truth not counted), and files written. */
    public record Written(Path dir, long documents, long bytes, int files) {}

    /**
     * The planted quotation, invented for this generator: 18 words, long enough for any quote stage's
     * minimum, said by one invented speaker.
     */
    public static final String SHARED_QUOTE =
            "We will not let a handful of bad actors decide what the rest of the market is allowed to do";
    static final String QUOTE_SPEAKER = "said Maria Lindqvist, who chairs the regional trade committee";

    /** Common phrases of news writing, each in sentence frames with a varying subject. */
    static final String[] COMMON_PHRASES = {"did not immediately respond to a request for comment",
            "according to people familiar with the matter", "declined to comment on the record",
            "spoke on condition of anonymity because they were not authorized to discuss the matter",
            "it was not immediately clear", "said in a statement"};
    private static final String[] SUBJECTS = {"A spokesperson for the company", "Representatives for the ministry",
            "The mayor's office", "Lawyers for the defendants", "A spokeswoman for the police", "The regulator",
            "Officials at the agency", "A spokesman for the union", "The club", "The university"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    /** Documents a copy may reach back to for its source: recent articles get syndicated. */
    static final int SYNDICATION_WINDOW = 200;
    /** Version of the generator's output: part of the benchmark's completion marker, bump it on any change. */
    public static final int GENERATOR_VERSION = 1;

    static final long SALT_SITE = 1, SALT_ARTICLE = 2, SALT_PAGE = 3, SALT_SYNDICATION = 4;

    private final long seed;
    private final int siteCount;
    private final int docsPerSite;
    private final double syndicatedShare;
    private final int quoteDocs;
    private final double commonPhraseShare;
    private final SentencePool pool;
    private final List<SiteTemplate> sites;
    private List<Doc> documents;

    private SiteCorpus(Builder b) {
        this.seed = b.seed;
        this.siteCount = b.sites;
        this.docsPerSite = b.docsPerSite;
        this.syndicatedShare = b.syndicatedShare;
        this.quoteDocs = b.quoteDocs;
        this.commonPhraseShare = b.commonPhraseShare;
        this.pool = SentencePool.load(b.articles);
        this.sites = SiteTemplate.sites(seed, siteCount);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Corpus parameters; every one has a default. */
    public static final class Builder {
        private long seed = 42;
        private int sites = 20;
        private int docsPerSite = 30;
        private double syndicatedShare = 0.03;
        private int quoteDocs = 5;
        private double commonPhraseShare = 0.4;
        private Path articles = SentencePool.DEFAULT_FOLDER;

        public Builder seed(long seed) { this.seed = seed; return this; }

        public Builder sites(int sites) {
            if (sites < 1) throw new IllegalArgumentException("sites must be at least 1");
            this.sites = sites;
            return this;
        }

        /** Documents per site for {@link #documents()} and the non-streaming writers. */
        public Builder docsPerSite(int docsPerSite) {
            if (docsPerSite < 1) throw new IllegalArgumentException("docsPerSite must be at least 1");
            this.docsPerSite = docsPerSite;
            return this;
        }

        /** Share of documents that republish an earlier article with small edits (default 0.03). */
        public Builder syndicatedShare(double share) {
            if (share < 0 || share > 0.5) throw new IllegalArgumentException("syndicated share must be in [0, 0.5]");
            this.syndicatedShare = share;
            return this;
        }

        /** Number of original articles quoting {@link #SHARED_QUOTE} (default 5), on different sites where possible. */
        public Builder quoteDocs(int n) { this.quoteDocs = Math.max(0, n); return this; }

        /** Share of articles with a common-phrase paragraph (default 0.4). */
        public Builder commonPhraseShare(double share) { this.commonPhraseShare = share; return this; }

        /** Folder of truth files whose {@code articleBody} feeds the sentence pool. */
        public Builder articles(Path folder) { this.articles = folder; return this; }

        public SiteCorpus build() {
            return new SiteCorpus(this);
        }
    }

    public List<Site> sites() {
        List<Site> out = new ArrayList<>(sites.size());
        for (SiteTemplate s : sites) out.add(new Site(s.key, s.host, s.brand, s.templateLines()));
        return out;
    }

    /** The {@code sites x docsPerSite} documents, in corpus order, built once and kept: for small corpora. */
    public synchronized List<Doc> documents() {
        if (documents == null) {
            List<Doc> docs = new ArrayList<>();
            for (long i = 0; i < (long) siteCount * docsPerSite; i++) docs.add(document(i));
            documents = List.copyOf(docs);
        }
        return documents;
    }

    /** Near-duplicate groups of {@link #documents()}: each original with its copies, ids in corpus order. */
    public List<List<String>> nearDuplicateGroups() {
        Truth truth = new Truth(this);
        for (Doc d : documents()) truth.add(d);
        return truth.groups();
    }

    /** Where {@link #SHARED_QUOTE} occurs in {@link #documents()}, copies of quoting articles included. */
    public List<QuotePlacement> quotePlacements() {
        Truth truth = new Truth(this);
        for (Doc d : documents()) truth.add(d);
        return List.copyOf(truth.quotes);
    }

    /** Writes {@link #documents()} as {@code <out>/<site>/<NNNNN>.txt}, and the truth. */
    public Written writeTextFolders(Path out) throws IOException {
        return writeText(out, (long) siteCount * docsPerSite, Long.MAX_VALUE);
    }

    /**
     * Streams documents as text folders until {@code targetBytes} of text are written, however many per site
     * that takes ({@code docsPerSite} is ignored); holds no more than one document and the truth's groups.
     */
    public Written writeTextFolders(Path out, long targetBytes) throws IOException {
        return writeText(out, Long.MAX_VALUE, targetBytes);
    }

    /** Writes {@link #documents()} as JSON Lines shards {@code <out>/part-<NNNN>.jsonl} of about {@code shardBytes}. */
    public Written writeJsonLines(Path out, long shardBytes) throws IOException {
        return writeJson(out, (long) siteCount * docsPerSite, Long.MAX_VALUE, shardBytes);
    }

    /** Streams JSON Lines shards until {@code targetBytes} are written, as {@link #writeTextFolders(Path, long)} does. */
    public Written writeJsonLines(Path out, long targetBytes, long shardBytes) throws IOException {
        return writeJson(out, Long.MAX_VALUE, targetBytes, shardBytes);
    }

    private Written writeText(Path out, long maxDocs, long targetBytes) throws IOException {
        Files.createDirectories(out);
        long bytes = 0;
        long docs = 0;
        try (Truth truth = new Truth(out, this)) {
            for (long i = 0; i < maxDocs && bytes < targetBytes; i++) {
                Doc d = document(i);
                byte[] b = d.text().getBytes(StandardCharsets.UTF_8);
                Path file = out.resolve(d.file());
                if (i < siteCount) Files.createDirectories(file.getParent());
                Files.write(file, b);
                truth.add(d);
                bytes += b.length;
                docs++;
            }
        }
        return new Written(out, docs, bytes, (int) docs);
    }

    private Written writeJson(Path out, long maxDocs, long targetBytes, long shardBytes) throws IOException {
        if (shardBytes < 1) throw new IllegalArgumentException("shard size must be positive");
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        long bytes = 0;
        long docs = 0;
        int shards = 0;
        long inShard = 0;
        OutputStream shard = null;
        try (Truth truth = new Truth(out, this)) {
            for (long i = 0; i < maxDocs && bytes < targetBytes; i++) {
                Doc d = document(i);
                Map<String, String> record = new LinkedHashMap<>();
                record.put("id", d.id());
                record.put("url", d.url());
                record.put("text", d.text());
                byte[] line = json.writeValueAsBytes(record);
                if (shard == null || (inShard > 0 && inShard + line.length + 1 > shardBytes)) {
                    if (shard != null) shard.close();
                    shard = new BufferedOutputStream(Files.newOutputStream(
                            out.resolve(String.format(Locale.ROOT, "part-%04d.jsonl", shards++))), 1 << 16);
                    inShard = 0;
                }
                shard.write(line);
                shard.write('\n');
                inShard += line.length + 1;
                bytes += line.length + 1;
                truth.add(d);
                docs++;
            }
        } finally {
            if (shard != null) shard.close();
        }
        return new Written(out, docs, bytes, shards);
    }

    // ---- generation: document i is a pure function of (seed, i) ----

    /** An article before it is placed on a page. */
    private record Article(String title, String author, int year, int month, int day, int hour, int minute,
                           List<Line> paragraphs) {}

    /** Document {@code i} of the corpus (any {@code i >= 0}: the corpus has no end). */
    public Doc document(long i) {
        SiteTemplate site = sites.get((int) (i % siteCount));
        long n = i / siteCount;
        long source = sourceOf(i);
        SplittableRandom page = new SplittableRandom(mix(seed, i, SALT_PAGE));
        Article article = article(source >= 0 ? source : i);
        List<String> edits = new ArrayList<>();
        if (source >= 0) article = syndicate(article, site, page, edits);

        List<Line> lines = new ArrayList<>();
        template(lines, site.top);
        if (site.bannerOnTop) template(lines, site.banner);
        lines.add(new Line(LineKind.TITLE, article.title));
        lines.add(new Line(LineKind.BYLINE, site.byline(article.author, article.year, article.month, article.day,
                article.hour, article.minute)));
        if (site.shareAfterByline) template(lines, site.share);
        lines.addAll(article.paragraphs);
        if (!site.shareAfterByline) template(lines, site.share);
        lines.add(new Line(LineKind.TEMPLATE, site.mostReadHeading));
        List<String> teasers = new ArrayList<>(site.teasers);
        for (int t = 0; t < site.teasersPerPage; t++) {
            lines.add(new Line(LineKind.TEASER, teasers.remove(page.nextInt(teasers.size()))));
        }
        if (!site.bannerOnTop) template(lines, site.banner);
        template(lines, site.footer);

        String number = String.format(Locale.ROOT, "%05d", n);
        String url = String.format(Locale.ROOT, "https://%s/%d/%02d/%s-%s", site.host, article.year, article.month,
                slug(article.title), Long.toString(n, 36));
        String sourceId = source >= 0 ? idOf(source) : null;
        return new Doc(i, site.key + "-" + number, site.key, url, site.key + "/" + number + ".txt", List.copyOf(lines),
                page.nextBoolean(), sourceId, List.copyOf(edits));
    }

    private String idOf(long i) {
        return sites.get((int) (i % siteCount)).key + "-" + String.format(Locale.ROOT, "%05d", i / siteCount);
    }

    /** The original that document {@code i} republishes, or -1. Quoting documents are always originals. */
    long sourceOf(long i) {
        long j = i;
        // A copy of a copy republishes the same original: follow the chain back (each step goes back in i).
        while (true) {
            if (j == 0 || isQuoteDoc(j)) return j == i ? -1 : j;
            SplittableRandom r = new SplittableRandom(mix(seed, j, SALT_SYNDICATION));
            if (r.nextDouble() >= syndicatedShare) return j == i ? -1 : j;
            j = j - 1 - r.nextInt((int) Math.min(j, SYNDICATION_WINDOW));
        }
    }

    /**
     * The quoting documents are {@code k * (S + 1) + 1} for k below {@code quoteDocs}: one site apart each
     * time, so they land on different sites while k < S, early enough that any corpus holds them all.
     */
    boolean isQuoteDoc(long i) {
        long stride = siteCount + 1L;
        return i >= 1 && (i - 1) % stride == 0 && (i - 1) / stride < quoteDocs;
    }

    private Article article(long j) {
        SplittableRandom r = new SplittableRandom(mix(seed, j, SALT_ARTICLE));
        SiteTemplate home = sites.get((int) (j % siteCount));
        String author = SiteTemplate.pick(r, home.staff);
        int year = 2019 + r.nextInt(6), month = 1 + r.nextInt(12), day = 1 + r.nextInt(28);
        int hour = 6 + r.nextInt(16), minute = r.nextInt(60);
        String title = title(r);
        // Article lengths skew short, as news does: 4 to 19 paragraphs, most under 10.
        int count = 4 + Math.min(r.nextInt(16), r.nextInt(16));
        List<Line> paragraphs = new ArrayList<>(count + 1);
        for (int p = 0; p < count; p++) paragraphs.add(new Line(LineKind.ARTICLE, paragraph(r, 2 + r.nextInt(4), null)));
        if (r.nextDouble() < commonPhraseShare) {
            int at = r.nextInt(count);
            // Two sentences or more around the phrase: with one, the ~2,500 x 6 possible lines would repeat.
            paragraphs.set(at, new Line(LineKind.COMMON_PHRASE, paragraph(r, 2 + r.nextInt(3), commonPhrase(r))));
        }
        if (isQuoteDoc(j)) {
            long k = (j - 1) / (siteCount + 1L);
            boolean typographic = k % 2 == 0;
            String quote = typographic ? "“" + SHARED_QUOTE + ",” " + QUOTE_SPEAKER + "."
                    : "\"" + SHARED_QUOTE + ",\" " + QUOTE_SPEAKER + ".";
            paragraphs.add(1 + r.nextInt(Math.min(3, count)), new Line(LineKind.SHARED_QUOTE,
                    quote + " " + paragraph(r, 2, null)));
        }
        return new Article(title, author, year, month, day, hour, minute, List.copyOf(paragraphs));
    }

    /** Sentences sampled across the pool; {@code planted}, if any, goes in at a random place among them. */
    private String paragraph(SplittableRandom r, int sentences, String planted) {
        List<String> parts = new ArrayList<>(sentences + 1);
        for (int s = 0; s < sentences; s++) parts.add(pool.get(r.nextInt(pool.size())));
        if (planted != null) parts.add(r.nextInt(parts.size() + 1), planted);
        return String.join(" ", parts);
    }

    private static String commonPhrase(SplittableRandom r) {
        String subject = SiteTemplate.pick(r, SUBJECTS);
        return switch (r.nextInt(COMMON_PHRASES.length)) {
            case 0 -> subject + " did not immediately respond to a request for comment.";
            case 1 -> "The talks were paused last week, according to people familiar with the matter.";
            case 2 -> subject + " declined to comment on the record.";
            case 3 -> "Two officials spoke on condition of anonymity because they were not authorized to discuss the matter.";
            case 4 -> "It was not immediately clear how many people would be affected.";
            default -> subject + " said in a statement on " + SiteTemplate.pick(r, WEEKDAYS) + " that the review would continue.";
        };
    }

    /** A headline: the first 5 to 10 words of a pool sentence, without its closing punctuation. */
    private String title(SplittableRandom r) {
        String[] words = pool.get(r.nextInt(pool.size())).split("\\s+");
        int n = Math.min(words.length, 5 + r.nextInt(6));
        String t = String.join(" ", Arrays.copyOf(words, n)).replaceAll("[\\p{Punct}“”‘’—–]+$", "");
        return t.isEmpty() ? words[0] : t;
    }

    /** The republished copy: one to three small edits, chosen by the copy's own page randomness. */
    private Article syndicate(Article a, SiteTemplate site, SplittableRandom r, List<String> edits) {
        List<Line> paragraphs = new ArrayList<>(a.paragraphs);
        String author = a.author;
        int mask = 1 + r.nextInt(7);
        // Only a plain paragraph gets a new first sentence, so a planted phrase is never edited away.
        if ((mask & 1) != 0 && paragraphs.get(0).kind() == LineKind.ARTICLE) {
            Line first = paragraphs.get(0);
            List<String> sentences = SentencePool.split(first.text());
            sentences.set(0, pool.get(r.nextInt(pool.size())));
            paragraphs.set(0, new Line(first.kind(), String.join(" ", sentences)));
            edits.add("changed_first_sentence");
        }
        if ((mask & 2) != 0 && paragraphs.size() > 3) {
            paragraphs.remove(1 + r.nextInt(paragraphs.size() - 1));
            edits.add("dropped_paragraph");
        }
        if ((mask & 4) != 0) {
            author = SiteTemplate.pick(r, site.staff);
            edits.add("different_byline");
        }
        return new Article(a.title, author, a.year, a.month, a.day, a.hour, a.minute, List.copyOf(paragraphs));
    }

    private static void template(List<Line> lines, List<String> texts) {
        for (String t : texts) lines.add(new Line(LineKind.TEMPLATE, t));
    }

    static String slug(String title) {
        String s = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "article" : s;
    }

    /** A well-mixed 64-bit seed for one (seed, index, purpose): SplitMix64's finaliser over the three. */
    static long mix(long seed, long index, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- ground truth ----

    /**
     * Collects the truth while documents stream past: per-document lines go straight to disk, and only the
     * near-duplicate groups and quote placements (a few per cent of documents) are held.
     */
    private static final class Truth implements AutoCloseable {
        private final Path dir;
        private final SiteCorpus corpus;
        private final OutputStream documents;
        private final ObjectMapper json = new ObjectMapper();
        /** Original's index -> its id and then its copies' ids, in corpus order. */
        private final Map<Long, List<String>> groups = new TreeMap<>();
        final List<QuotePlacement> quotes = new ArrayList<>();
        private long count;

        /** In memory only, for the small-corpus accessors. */
        Truth(SiteCorpus corpus) {
            this.dir = null;
            this.corpus = corpus;
            this.documents = null;
        }

        Truth(Path out, SiteCorpus corpus) throws IOException {
            this.dir = out.resolve(".truth");
            this.corpus = corpus;
            Files.createDirectories(dir);
            this.documents = new BufferedOutputStream(Files.newOutputStream(dir.resolve("documents.jsonl")), 1 << 16);
        }

        void add(Doc d) {
            count++;
            if (d.nearDuplicateOf() != null) {
                groups.computeIfAbsent(corpus.sourceOf(d.index()), k -> new ArrayList<>(List.of(d.nearDuplicateOf())))
                        .add(d.id());
            }
            for (int l = 0; l < d.lines().size(); l++) {
                Line line = d.lines().get(l);
                if (line.kind() == LineKind.SHARED_QUOTE) {
                    quotes.add(new QuotePlacement(d.id(), l, line.text().startsWith("“")));
                }
            }
            if (documents != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", d.id());
                row.put("site", d.site());
                row.put("url", d.url());
                row.put("file", d.file());
                row.put("kinds", d.kinds());
                if (d.nearDuplicateOf() != null) {
                    row.put("near_duplicate_of", d.nearDuplicateOf());
                    row.put("edits", d.edits());
                }
                try {
                    documents.write(json.writeValueAsBytes(row));
                    documents.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        List<List<String>> groups() {
            List<List<String>> out = new ArrayList<>();
            for (List<String> g : groups.values()) out.add(List.copyOf(g));
            return out;
        }

        @Override
        public void close() throws IOException {
            if (documents == null) return;
            documents.close();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("generator_version", GENERATOR_VERSION);
            summary.put("seed", corpus.seed);
            summary.put("sites", corpus.siteCount);
            summary.put("documents", count);
            summary.put("syndicated_share", corpus.syndicatedShare);
            summary.put("common_phrase_share", corpus.commonPhraseShare);
            Map<String, String> legend = new LinkedHashMap<>();
            for (LineKind k : LineKind.values()) legend.put(String.valueOf(k.code), k.label);
            summary.put("kinds", legend);
            List<Map<String, Object>> siteRows = new ArrayList<>();
            for (Site s : corpus.sites()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", s.key());
                row.put("host", s.host());
                row.put("brand", s.brand());
                row.put("template_lines", s.templateLines());
                siteRows.add(row);
            }
            summary.put("site_templates", siteRows);
            summary.put("near_duplicate_groups", groups());
            Map<String, Object> quote = new LinkedHashMap<>();
            quote.put("text", SHARED_QUOTE);
            List<Map<String, Object>> placed = new ArrayList<>();
            for (QuotePlacement q : quotes) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", q.docId());
                row.put("line", q.line());
                row.put("typographic", q.typographic());
                placed.add(row);
            }
            quote.put("placements", placed);
            summary.put("shared_quote", quote);
            summary.put("common_phrases", List.of(COMMON_PHRASES));
            json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("corpus.json").toFile(), summary);
        }
    }
}
