package dev.winnow.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a run's output folder. Files are written under temporary names and renamed into place only
 * when complete, so a reader never sees a half-written {@code articles.jsonl}: it sees the previous
 * run's file or this run's whole file.
 */
final class OutputWriter implements Closeable {
    static final String ARTICLES = "articles.jsonl";
    static final String REJECTED = "rejected.jsonl";
    static final String REPORT = "report.json";
    static final String TEXT_DIR = "text";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final boolean textFiles;
    private final BufferedWriter articles;
    private final BufferedWriter rejected;
    private boolean committed;

    OutputWriter(Path dir, boolean textFiles) throws IOException {
        this.dir = dir;
        this.textFiles = textFiles;
        Files.createDirectories(dir);
        if (textFiles) Files.createDirectories(dir.resolve(TEXT_DIR));
        this.articles = Files.newBufferedWriter(tmp(ARTICLES), StandardCharsets.UTF_8);
        this.rejected = Files.newBufferedWriter(tmp(REJECTED), StandardCharsets.UTF_8);
    }

    void write(Outcome outcome) throws IOException {
        if (outcome.isRecord()) {
            articles.write(outcome.recordLine());
            articles.write('\n');
            if (textFiles) writeAtomically(dir.resolve(TEXT_DIR).resolve(safeName(outcome.id()) + ".txt"), outcome.text() + "\n");
        } else {
            Rejection r = outcome.rejection();
            ObjectNode o = MAPPER.createObjectNode();
            o.put("id", r.id());
            o.put("path", r.path());
            o.put("reason", r.reason().code());
            o.put("message", r.message());
            rejected.write(MAPPER.writeValueAsString(o));
            rejected.write('\n');
        }
    }

    /** Close the data files and move them into place, then write the report the same way. */
    void commit(ObjectNode report) throws IOException {
        articles.close();
        rejected.close();
        move(tmp(ARTICLES), dir.resolve(ARTICLES));
        move(tmp(REJECTED), dir.resolve(REJECTED));
        writeAtomically(dir.resolve(REPORT), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (committed) return;
        articles.close();
        rejected.close();
        Files.deleteIfExists(tmp(ARTICLES));
        Files.deleteIfExists(tmp(REJECTED));
    }

    private Path tmp(String name) {
        return dir.resolve("." + name + ".tmp");
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        move(tmp, target);
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Ids come from file names; make them safe as file names on every platform by percent-encoding
     * the characters some systems forbid (and '%' itself), so two ids never share a text file.
     */
    static String safeName(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || "\\/:*?\"<>|%".indexOf(c) >= 0 || (i == 0 && c == '.')) {
                sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "%" : sb.toString();
    }
}
