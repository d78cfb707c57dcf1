package dev.winnow.formats;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte-level checks: declared ends, and zip inflation counted without keeping the bytes. */
class PreflightTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rtfBracesInsideEscapesAndBinaryDataAreNotStructure() {
        assertEquals(0, Preflight.unclosedRtfGroups(ascii("{\\rtf1 a \\{ literal \\} and \\\\ backslash}")));
        assertEquals(0, Preflight.unclosedRtfGroups(ascii("{\\rtf1 {\\pict\\bin3 {{{}}")));
        assertEquals(2, Preflight.unclosedRtfGroups(ascii("{\\rtf1 {\\info{\\title T}")));
        assertNotNull(Preflight.truncation(ascii("{\\rtf1 {\\b bold}"), "application/rtf"));
        assertNull(Preflight.truncation(ascii("{\\rtf1 {\\b bold}}\r\n"), "application/rtf"));
    }

    @Test
    void aPdfEndsWithItsMarkerOrTrailingBytesAfterIt() {
        assertNull(Preflight.truncation(ascii("%PDF-1.7\n...\n%%EOF\n"), "application/pdf"));
        assertNull(Preflight.truncation(ascii("%PDF-1.7\n...\n%%EOF\n" + " ".repeat(1000)), "application/pdf"));
        assertNotNull(Preflight.truncation(ascii("%PDF-1.7\n...\n%%EOF\n" + " ".repeat(1100)), "application/pdf"));
        assertNull(Preflight.truncation(ascii("not a pdf at all"), "application/pdf"), "noise is corrupt, not cut short");
    }

    @Test
    void inflationIsCountedUpToTheLimitOnly() {
        byte[] bomb = DocumentFixtures.docxBomb(24L << 20);
        long limit = Preflight.inflationLimit(bomb.length);
        assertEquals(Preflight.ZIP_INFLATED_FLOOR, limit, "a small file gets the floor");
        long counted = Preflight.inflatedBytes(bomb, limit);
        assertTrue(counted > limit && counted < limit + (1 << 17), "stops just past the limit: " + counted);
        byte[] docx = DocumentFixtures.docx();
        assertTrue(Preflight.inflatedBytes(docx, Preflight.inflationLimit(docx.length)) < Preflight.inflationLimit(docx.length));
    }
}
