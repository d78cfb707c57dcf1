package dev.winnow.run;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The decoder names HTML by its opening without asking Tika only where Tika would name it the same: plain
 * HTML openings, XHTML ones (which Tika may call application/xhtml+xml), near misses and other markup.
 */
class DecoderMediaTypeTest {
    private static final String BODY = "<head><title>Ferry times</title></head><body><p>The ferry leaves at dawn.</p></body></html>";

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE html>\n<html lang=\"en\">",
            "<!doctype html><html>",
            "\n\n   <html>",
            "\uFEFF<html class=\"no-js\">",
            "<HTML>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"de\">",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><html>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<!-- a comment first --><html>",
            "<htmlx>",
            "<!DOCTYPE htmlx><html>",
            "<div>a fragment</div><html>",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"})
    void namesAPageAsTikaWould(String opening) throws IOException {
        byte[] page = (opening + BODY).getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"page.html", "page.htm", "page", null}) {
            Input input = Input.file("page", name == null ? "page" : name, Path.of(name == null ? "page" : name));
            Decoder.Decoded d = new Decoder().decode(input, page, name);
            String expected = tika(page, name);
            if (d.rejection() != null) {
                assertEquals(false, expected.startsWith("text/"), name + ": rejected " + d.rejection() + " but Tika says " + expected);
            } else {
                assertEquals(expected, d.mediaType(), name + ": " + opening);
            }
        }
    }

    private static String tika(byte[] bytes, String name) throws IOException {
        Metadata about = new Metadata();
        if (name != null) about.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return new DefaultDetector().detect(in, about).toString();
        }
    }
}
