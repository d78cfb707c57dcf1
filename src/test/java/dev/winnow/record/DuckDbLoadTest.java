package dev.winnow.record;

import dev.winnow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records load in DuckDB (its JDBC driver, in process) with the macros the README shows
 * ({@code schema/duckdb/winnow.sql}), and a plain-text run and an HTML run give the same column types, so
 * runs can be queried together. Keys that are null in every record of one run (extraction in a
 * plain-text run) are what the fixed types are for.
 */
class DuckDbLoadTest {

    @Test
    void aTextRunAndAnHtmlRunLoadWithTheSameColumnTypes(@TempDir Path tmp) throws Exception {
        Path text = run(tmp.resolve("text-out"), "seeds");
        Path htmlIn = Files.createDirectories(tmp.resolve("html"));
        try (Stream<Path> pages = Files.list(Path.of("src/test/resources/wcxb-sample/html"))) {
            for (Path p : pages.sorted().limit(6).toList()) Files.copy(p, htmlIn.resolve(p.getFileName()));
        }
        Path html = run(tmp.resolve("html-out"), htmlIn.toString());

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute(Files.readString(Path.of("schema/duckdb/winnow.sql")));

            Map<String, String> textColumns = columns(sql, "winnow_articles('" + text.resolve("articles.jsonl") + "')");
            Map<String, String> htmlColumns = columns(sql, "winnow_articles('" + html.resolve("articles.jsonl") + "')");
            assertEquals(textColumns, htmlColumns, "one schema for both runs");
            assertEquals(List.of("id", "text", "source", "added", "created", "metadata"), new ArrayList<>(textColumns.keySet()));

            for (Path out : List.of(text, html)) {
                String articles = "winnow_articles('" + out.resolve("articles.jsonl") + "')";
                assertEquals(Files.readAllLines(out.resolve("articles.jsonl")).size(), count(sql, "SELECT count(*) FROM " + articles));
                // Nested fields are typed: the removals unnest to as many rows as the records count.
                assertEquals(count(sql, "SELECT sum(metadata.counts.removals) FROM " + articles),
                        count(sql, "SELECT count(*) FROM (SELECT unnest(metadata.removed) AS r FROM " + articles + ")"));
                assertEquals(Files.readAllLines(out.resolve("rejected.jsonl")).size(),
                        count(sql, "SELECT count(*) FROM winnow_rejected('" + out.resolve("rejected.jsonl") + "')"));
            }
            assertEquals(0, count(sql, "SELECT count(*) FROM winnow_articles('" + text.resolve("articles.jsonl")
                    + "') WHERE metadata.extraction.method IS NOT NULL"), "plain text has no extraction");
            assertTrue(count(sql, "SELECT count(*) FROM winnow_articles('" + html.resolve("articles.jsonl")
                    + "') WHERE metadata.extraction.method IS NOT NULL") > 0, "HTML pages say which extraction they kept");
            // Both runs as one table, as a user combining runs would.
            assertEquals(count(sql, "SELECT count(*) FROM winnow_articles('" + text.resolve("articles.jsonl") + "')")
                            + count(sql, "SELECT count(*) FROM winnow_articles('" + html.resolve("articles.jsonl") + "')"),
                    count(sql, "SELECT count(*) FROM winnow_articles(['" + text.resolve("articles.jsonl") + "', '"
                            + html.resolve("articles.jsonl") + "'])"));
        }
    }

    /**
     * The README's conversion of a local run to Parquet (winnow clean writes none): its COPY line, run as written
     * on a real run's records, gives a file with every record and the macro's column types.
     */
    @Test
    void theReadmesParquetConversionKeepsEveryRecordAndItsTypes(@TempDir Path tmp) throws Exception {
        String copy = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("COPY (SELECT * FROM winnow_articles('out/articles.jsonl'))")).findFirst().orElseThrow();
        Path out = run(tmp.resolve("out"), "seeds");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute(Files.readString(Path.of("schema/duckdb/winnow.sql")));
            sql.execute(copy.replace("'out/", "'" + out + "/"));
            String parquet = "read_parquet('" + out.resolve("articles.parquet") + "')";
            assertEquals(Files.readAllLines(out.resolve("articles.jsonl")).size(), count(sql, "SELECT count(*) FROM " + parquet));
            assertEquals(columns(sql, "winnow_articles('" + out.resolve("articles.jsonl") + "')"), columns(sql, parquet));
            assertEquals(0, count(sql, "SELECT count(*) FROM (SELECT * FROM " + parquet + " EXCEPT SELECT * FROM winnow_articles('"
                    + out.resolve("articles.jsonl") + "'))"), "the same rows");
        }
    }

    private static Path run(Path out, String input) throws IOException {
        int code = Main.execute("clean", input, "-o", out.toString(), "-q", "--no-text-files");
        assertTrue(code == 0 || code == 3, "clean exited with " + code);
        return out;
    }

    private static Map<String, String> columns(Statement sql, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + table)) {
            while (rs.next()) columns.put(rs.getString("column_name"), rs.getString("column_type"));
        }
        return columns;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
