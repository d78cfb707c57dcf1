package dev.winnow.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.core.Document;
import dev.winnow.core.Layout;
import dev.winnow.core.Pipeline;
import dev.winnow.html.HtmlFrontEnd;
import dev.winnow.stages.Profiles;
import org.jsoup.helper.DataUtil;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The HTML form of the benchmark's development pages ({@code aeb-dev/html/<id>.html.gz}, as fetched) and the
 * library path that cleans them: {@link HtmlFrontEnd} into blocks, then {@link Profiles#html()}. Until the CLI
 * takes HTML this is the one place the HTML gate, {@link AebReport} and the HTML benchmark clean a page, so
 * they all measure the same thing. Thread-safe: the front end and the pipeline are immutable.
 */
public final class AebHtml {
    private AebHtml() {}

    private static final HtmlFrontEnd FRONT_END = new HtmlFrontEnd();
    private static final Pipeline PIPELINE = Profiles.html();

    /** Where the gzipped pages are, in the order tried: the bundled copy, then the shared evaluation set. */
    private static final List<Path> SOURCE_FOLDERS = List.of(Path.of("src/test/resources/aeb-dev/html"),
            Path.of("../shared/eval/aeb-dev/html"));

    /** The folder of {@code <id>.html.gz} pages: on the test classpath, else the source tree, else the shared set. */
    public static Path htmlDir() {
        try {
            Path bundled = AebDev.root().resolve("html");
            if (Files.isDirectory(bundled)) return bundled;
        } catch (IllegalStateException e) {
            // not run from the project: fall through to the relative folders
        }
        for (Path p : SOURCE_FOLDERS) if (Files.isDirectory(p)) return p;
        throw new IllegalStateException("aeb-dev HTML pages not found on the classpath or in " + SOURCE_FOLDERS);
    }

    /** The truth beside the pages: id to the article body a person marked. */
    public static Map<String, String> truth() {
        return AebDev.truth();
    }

    /** The address each page was fetched from ({@code url} in its truth file), by id; empty where there is none. */
    public static Map<String, String> urls() {
        Map<String, String> urls = new TreeMap<>();
        Path dir = AebDev.root().resolve("truth");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                String name = f.getFileName().toString();
                urls.put(name.substring(0, name.length() - ".json".length()), json.readTree(f.toFile()).path("url").asText(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read truth from " + dir, e);
        }
        return urls;
    }

    /** Every page decompressed, by id ({@code <id>.html.gz} minus the extensions), in id order. */
    public static Map<String, byte[]> pages() {
        Map<String, byte[]> pages = new TreeMap<>();
        Path dir = htmlDir();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".html.gz")).toList()) {
                String name = f.getFileName().toString();
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    pages.put(name.substring(0, name.length() - ".html.gz".length()), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pages from " + dir, e);
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(pages));
    }

    /**
     * The page's bytes as text, in the charset a browser would pick as jsoup detects it: a byte-order mark,
     * else {@code <meta charset>} or {@code http-equiv} (and an XML declaration), else UTF-8. A byte-order
     * mark is not part of the text.
     */
    public static String decode(byte[] bytes) {
        Charset charset = charset(bytes);
        String text = new String(bytes, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /**
     * The charset jsoup detects for these bytes (it parses them to find out; the parse itself is dropped), with
     * one correction from the HTML standard's prescan: a {@code <meta>} that declares UTF-16 or UTF-32 means UTF-8,
     * because a page whose markup could be read as ASCII is not UTF-16. jsoup believes it and turns a plain page
     * into CJK noise; only a byte-order mark selects UTF-16 or UTF-32.
     */
    public static Charset charset(byte[] bytes) {
        Charset detected;
        try {
            detected = DataUtil.load(new ByteArrayInputStream(bytes), null, "").charset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an in-memory page", e); // a byte array never fails to read
        }
        String name = detected.name().toUpperCase(Locale.ROOT);
        boolean wide = name.startsWith("UTF-16") || name.startsWith("UTF-32");
        return wide && !startsWithWideBom(bytes) ? StandardCharsets.UTF_8 : detected;
    }

    private static boolean startsWithWideBom(byte[] b) {
        if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0))) return true;
        return b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
    }

    /** One page through the HTML path: front end, then the HTML stage chain. */
    public static Document clean(String html) {
        HtmlFrontEnd.Extracted x = FRONT_END.extract(html);
        return PIPELINE.run(x.source(), Layout.HTML, x.blocks(), x.facts());
    }

    /** Every page cleaned, id to the record's text, in id order. */
    public static Map<String, String> cleanAll(Map<String, byte[]> pages) {
        Map<String, String> texts = new TreeMap<>();
        pages.forEach((id, bytes) -> texts.put(id, clean(decode(bytes)).text()));
        return texts;
    }
}
