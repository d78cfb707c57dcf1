package dev.winnow.record;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code metadata.language} and {@code language_score} as the clean command writes them, for HTML and plain text. */
class RecordLanguageTest {
    static final String GERMAN = "Der Stadtrat hat am Dienstag beschlossen, das Busnetz in die nördlichen Vororte auszuweiten, "
            + "nachdem sich die Anwohner jahrelang beschwert hatten, dass man das Krankenhaus nur mit dem Auto erreicht. "
            + "Die neuen Linien sollen im Frühjahr in Betrieb gehen und alle zwanzig Minuten fahren.";

    @TempDir
    Path dir;

    @Test
    void recordsCarryTheDetectedLanguageAndScore() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        // a template that declares English around a German article: the text wins
        write(in.resolve("wrong-lang.html"), "<html lang=\"en-US\"><head><title>Busnetz</title></head><body><article><p>"
                + GERMAN + "</p></article></body></html>");
        // plain text declares nothing: detected
        write(in.resolve("plain.txt"), GERMAN + "\n");
        // too short to say: the page's own tag, no score
        write(in.resolve("short.html"), "<html lang=\"fr\"><body><article><p>Bonjour tout le monde.</p></article></body></html>");

        Map<String, JsonNode> records = new HashMap<>();
        for (JsonNode r : RecordSchemaTest.clean(dir.resolve("out"), in.toString()).records()) {
            records.put(r.get("id").asText(), r.get("metadata"));
        }

        JsonNode wrong = records.get("wrong-lang");
        assertEquals("de", wrong.get("language").asText());
        assertTrue(wrong.get("language_score").asDouble() >= 0.9, wrong.toString());

        JsonNode plain = records.get("plain");
        assertEquals("de", plain.get("language").asText());
        assertTrue(plain.get("language_score").isNumber());

        JsonNode shortPage = records.get("short");
        assertEquals("fr", shortPage.get("language").asText());
        assertTrue(shortPage.get("language_score").isNull(), "present and null: " + shortPage);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
