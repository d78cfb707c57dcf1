package dev.winnow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.archive.Archives;
import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --added}: the acquisition time a user gives to records whose input says none, so a run of plain files
 * still fills Dolma's {@code added} and a rerun writes the same bytes; a web archive's record keeps its own.
 */
class AddedTimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDateOrAZonedDateTimeIsWrittenAsUtcSeconds() {
        assertEquals("2026-12-01T00:00:00Z", ArticleRecord.addedTime("2026-12-01"));
        assertEquals("2026-12-01T10:00:00Z", ArticleRecord.addedTime(" 2026-12-01T10:00:00.750Z "));
        assertEquals("2026-12-01T08:00:00Z", ArticleRecord.addedTime("2026-12-01T10:00:00+02:00"));
        for (String bad : new String[] {"yesterday", "2026-13-01", "2026-12-01T10:00:00", "1733000000"}) {
            assertThrows(IllegalArgumentException.class, () -> ArticleRecord.addedTime(bad), bad);
        }
    }

    @Test
    void recordsWithoutTheirOwnTimeTakeTheRunsAndLoadAsTimestamps(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("ferry.txt"), "The ferry to the island left the harbour at dawn, the operator said.\n\n"
                + "Passengers waited on the quay with bicycles and crates of apples from the market.\n");
        Files.write(in.resolve("crawl.warc.gz"), Archives.write(Archives::standardRecords, true));

        Map<String, String> given = added(tmp.resolve("given"), in, "--added", "2026-12-01");
        Map<String, String> none = added(tmp.resolve("none"), in);
        assertEquals("2026-12-01T00:00:00Z", given.get("ferry"));
        assertNull(none.get("ferry"), "no time without the option: a file's modification time is no acquisition time");
        boolean archived = false;
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!e.getKey().startsWith("crawl#")) continue;
            archived = true;
            assertNotNull(e.getValue());
            assertEquals(none.get(e.getKey()), e.getValue(), "a WARC record keeps its WARC-Date: " + e.getKey());
            assertNotEquals("2026-12-01T00:00:00Z", e.getValue());
        }
        assertTrue(archived, "the archive gave records: " + given);

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute(Files.readString(Path.of("schema/duckdb/winnow.sql")));
            try (ResultSet rs = sql.executeQuery("SELECT typeof(added), CAST(added AS VARCHAR) FROM winnow_articles('"
                    + tmp.resolve("given/articles.jsonl") + "') WHERE id = 'ferry'")) {
                assertTrue(rs.next());
                assertEquals("TIMESTAMP", rs.getString(1));
                assertEquals("2026-12-01 00:00:00", rs.getString(2));
            }
        }
        assertEquals(2, Main.execute("clean", in.toString(), "-o", tmp.resolve("bad").toString(), "-q", "--added", "soon"),
                "a time that is none is a usage error");
    }

    /** Each record's id and its {@code added}. */
    private static Map<String, String> added(Path out, Path in, String... options) throws Exception {
        String[] args = new String[4 + options.length];
        args[0] = "clean";
        args[1] = in.toString();
        args[2] = "-o";
        args[3] = out.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        String[] quiet = java.util.Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "-q";
        int code = Main.execute(quiet);
        assertTrue(code == 0 || code == 3, "clean exited with " + code);
        Map<String, String> added = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            added.put(r.path("id").asText(), r.path("added").isNull() ? null : r.path("added").asText());
        }
        return added;
    }
}
