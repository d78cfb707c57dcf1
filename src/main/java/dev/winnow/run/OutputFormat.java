package dev.winnow.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names and line formats of an output folder, shared by every engine that writes one (the local
 * runner's {@code dev.winnow.local.OutputWriter}, the Spark runner), so the same outcomes become the same bytes.
 * Each line is written followed by {@code '\n'}; files are UTF-8.
 */
public final class OutputFormat {
    public static final String ARTICLES = "articles.jsonl";
    public static final String REJECTED = "rejected.jsonl";
    public static final String REPORT = "report.json";
    /** The run report for a person ({@link dev.winnow.view.ReportPage}), written just before {@link #REPORT}. */
    public static final String REPORT_HTML = "report.html";
    public static final String TEXT_DIR = "text";
    /** The folder {@code winnow explain --run OUTDIR} writes its pages to, which {@link #REPORT_HTML} links. */
    public static final String EXPLAIN_DIR = "explain";
    /**
     * Dolma's attributes folder, beside the records: {@code --removed attributes} writes its side file to
     * {@code attributes/winnow_removed/} under the records file's own name ({@code articles.jsonl}, or
     * {@code .jsonl.gz}...), which is how Dolma pairs an attribute file with its documents.
     */
    public static final String ATTRIBUTES_DIR = "attributes";
    /** The removed-attributes set's folder, relative to the output folder. */
    public static final String REMOVED_ATTRIBUTES_DIR = ATTRIBUTES_DIR + "/" + dev.winnow.record.RemovedAttributes.NAME;
    /** The local runner's work in progress; removed when a run finishes. */
    public static final String LOCAL_WORK_DIR = ".winnow-run";
    /** The Spark runner's: not the local runner's, so neither mistakes the other's half-done state for its own. */
    public static final String SPARK_WORK_DIR = ".winnow-spark-run";
    /** Every engine's work folder: while one is there, the output folder is mid-run (see {@link OutputOwnership}). */
    public static final java.util.Set<String> WORK_DIRS = java.util.Set.of(LOCAL_WORK_DIR, SPARK_WORK_DIR);
    /**
     * The Spark runner's lock ({@link HeartbeatLock}): a file of its own, not the local runner's
     * {@code .winnow.lock}, whose holder is known by an operating-system lock and never writes a heartbeat.
     */
    public static final String SPARK_LOCK = ".winnow-spark.lock";
    /** The Spark lock's next heartbeat, written beside it and renamed over it, where renames replace atomically. */
    public static final String SPARK_LOCK_NEXT = SPARK_LOCK + ".next";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputFormat() {}

    /** The {@code rejected.jsonl} line of a rejection, without its newline. */
    public static String rejectionLine(Rejection r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("path", r.path());
        o.put("reason", r.reason().code());
        o.put("message", r.message());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("four strings always serialize", e);
        }
    }

    /** {@link #REPORT_HTML}'s bytes: the report drawn for a browser, linking documents to their explain pages. */
    public static byte[] reportPage(com.fasterxml.jackson.databind.JsonNode report) {
        return dev.winnow.view.ReportPage.html(report, id -> safeName(id) + ".html").getBytes(StandardCharsets.UTF_8);
    }

    /** The name of a record's file in {@link #TEXT_DIR}: its id made safe as a file name, plus ".txt". */
    public static String textFileName(String id) {
        return safeName(id) + ".txt";
    }

    /** The contents of a record's text file. */
    public static byte[] textFileBytes(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }


    /** Removes a file or folder and everything below it; nothing when it is not there. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Ids come from file names; make them safe as file names on every platform by percent-encoding
     * the characters some systems forbid (and '%' itself, and a lone UTF-16 surrogate, which no file
     * system name can hold, and under a non-Unicode locale what its file name encoding lacks), so two ids
     * never share a text file. A name
     * that would pass {@link #MAX_NAME_BYTES} once encoded (a 255-byte file name full of ':' is 765)
     * keeps its start and ends in '~' and a hash of the whole id, so it still fits and stays distinct.
     */
    public static String safeName(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        CharsetEncoder names = FILE_NAMES_UNICODE ? null : FILE_NAMES.newEncoder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < id.length()
                    && Character.isLowSurrogate(id.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(id.charAt(i - 1)));
            if (c < 0x20 || "\\/:*?\"<>|%".indexOf(c) >= 0 || (i == 0 && c == '.') || loneSurrogate) {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else if (c >= 0x80 && names != null && !names.canEncode(Character.isHighSurrogate(c) && i + 1 < id.length()
                    ? id.substring(i, i + 2) : String.valueOf(c))) {
                // Not in the system's file name encoding (ASCII under the C locale): its UTF-8 bytes, percent-encoded.
                int cp = id.codePointAt(i);
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
                i += Character.charCount(cp) - 1;
            } else {
                sb.append(c);
            }
        }
        if (sb.length() == 0) return "%";
        if (utf8Length(sb) <= MAX_NAME_BYTES) return sb.toString();
        String hash = "~" + HexFormat.of().formatHex(sha256(id.getBytes(StandardCharsets.UTF_8)), 0, 8);
        int end = 0, bytes = 0;
        while (end < sb.length()) {
            int cp = sb.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_NAME_BYTES - hash.length()) break;
            bytes += size;
            end += Character.charCount(cp);
        }
        return sb.substring(0, end) + hash;
    }

    /**
     * The charset the JVM turns file names into bytes with: the locale's, so ASCII under the C or POSIX
     * locale of containers and bare cron jobs, where a name with 'é' cannot be created at all.
     */
    private static final Charset FILE_NAMES = fileNameCharset();
    private static final boolean FILE_NAMES_UNICODE = FILE_NAMES.name().startsWith("UTF-");

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Longest text file name before ".txt", in UTF-8 bytes: file systems allow 255, and the rest is
     * room for the extension.
     */
    static final int MAX_NAME_BYTES = 240;

    private static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    private static byte[] sha256(byte[] bytes) {
        return dev.winnow.text.Sha256.of(bytes);
    }
}
