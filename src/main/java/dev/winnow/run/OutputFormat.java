package dev.winnow.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The names and line formats of an output folder, shared by every engine that writes one (the local
 * runner's {@link OutputWriter}, the Spark runner), so the same outcomes become the same bytes.
 * Each line is written followed by {@code '\n'}; files are UTF-8.
 */
public final class OutputFormat {
    public static final String ARTICLES = "articles.jsonl";
    public static final String REJECTED = "rejected.jsonl";
    public static final String REPORT = "report.json";
    public static final String TEXT_DIR = "text";
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

    /** The name of a record's file in {@link #TEXT_DIR}: its id made safe as a file name, plus ".txt". */
    public static String textFileName(String id) {
        return OutputWriter.safeName(id) + ".txt";
    }

    /** The contents of a record's text file. */
    public static byte[] textFileBytes(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Removes a file or folder and everything below it; nothing when it is not there. */
    public static void deleteTree(Path root) throws IOException {
        OutputWriter.deleteTree(root);
    }
}
