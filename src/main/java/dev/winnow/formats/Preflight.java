package dev.winnow.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipInputStream;

/**
 * Cheap checks on a document's bytes before a parser sees them, for the two failures parsers handle
 * worst:
 * <ul>
 *   <li><b>Cut short.</b> PDFBox recovers what it can from a PDF missing its end, and Tika's RTF parser
 *   reads an RTF cut in the middle, so both give part of the article as if it were all of it. Each format
 *   declares its end: a PDF ends with {@code %%EOF} (readers accept it anywhere in the last 1024 bytes,
 *   PDF 1.7 Annex H), a zip (DOCX, ODT, EPUB...) with its end-of-central-directory record, an RTF with
 *   the brace that closes its outer group.</li>
 *   <li><b>Zip bombs.</b> POI reads an OOXML part from a stream into memory up to 100 MB before it
 *   gives up, and Tika's output guard only counts text, so a DOCX or EPUB whose parts inflate a thousand
 *   times costs a second and a hundred megabytes before failing. Inflating the entries once, counting
 *   and discarding, stops it in milliseconds with a 64 KB buffer.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class Preflight {
    private Preflight() {}

    /** Acrobat's tolerance for bytes after the end marker (PDF 1.7, Annex H, note on the file trailer). */
    static final int PDF_EOF_WINDOW = 1024;
    /** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
    static final int ZIP_EOCD_WINDOW = 22 + 65_535;
    /**
     * Inflated bytes always allowed, whatever the ratio: a small document with a large, repetitive
     * part (an empty spreadsheet grid, a style sheet) is not a bomb.
     */
    static final long ZIP_INFLATED_FLOOR = 16L * 1024 * 1024;
    /**
     * Inflated bytes per compressed byte allowed beyond the floor. XML markup compresses far better
     * than text (OOXML parts 10-30:1, sparse spreadsheets near 100:1), so this is twice Tika's ratio
     * for output text; bombs run at 1000:1.
     */
    static final long ZIP_MAX_RATIO = 200;

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF_EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RTF_HEADER = "{\\rtf".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EOCD = {'P', 'K', 5, 6};

    static boolean isZip(byte[] bytes) {
        return startsWith(bytes, ZIP_LOCAL);
    }

    /** Why the document ends before its declared end, or null when its end is where it should be. */
    static String truncation(byte[] bytes, String mediaType) {
        // Only a file that opens as its format can be cut short; noise under a .pdf name is just corrupt.
        if (mediaType.equals("application/pdf") && startsWith(bytes, PDF_HEADER)) {
            return lastIndexOf(bytes, PDF_EOF, PDF_EOF_WINDOW) < 0
                    ? "no %%EOF marker in the last " + PDF_EOF_WINDOW + " bytes: the file is cut short" : null;
        }
        if (isZip(bytes)) {
            return lastIndexOf(bytes, ZIP_EOCD, ZIP_EOCD_WINDOW) < 0
                    ? "the zip container has no end-of-central-directory record: the file is cut short" : null;
        }
        if (mediaType.equals("application/rtf") && startsWith(bytes, RTF_HEADER)) {
            int open = unclosedRtfGroups(bytes);
            return open > 0 ? open + " RTF group" + (open == 1 ? " is" : "s are") + " never closed: the file is cut short" : null;
        }
        return null;
    }

    /**
     * The bytes all entries of a zip inflate to, counted up to {@code limit}: returns a value above
     * {@code limit} as soon as one is reached. A zip that cannot be read as a stream counts what was
     * read before the error; the parser then judges the rest (and its own guards apply).
     */
    static long inflatedBytes(byte[] bytes, long limit) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            while (zip.getNextEntry() != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > limit) return total;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // A damaged or unusual zip (stored entries with data descriptors): the parser decides.
        }
        return total;
    }

    /** The inflation allowed for a zip of {@code compressedBytes}. */
    static long inflationLimit(long compressedBytes) {
        return Math.max(ZIP_INFLATED_FLOOR, ZIP_MAX_RATIO * compressedBytes);
    }

    /**
     * Groups opened and never closed. Escaped braces ({@code \{ \}}), the escaped backslash and the
     * raw bytes of {@code \binN} are not structure.
     */
    static int unclosedRtfGroups(byte[] b) {
        int depth = 0;
        int i = 0;
        while (i < b.length) {
            byte c = b[i];
            if (c == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
                i++;
            } else if (c == '\\') {
                i = afterControl(b, i);
            } else {
                i++;
            }
        }
        return Math.max(depth, 0);
    }

    /** The index after the control symbol or word starting at {@code i}, skipping {@code \binN} data. */
    private static int afterControl(byte[] b, int i) {
        int j = i + 1;
        if (j >= b.length) return j;
        if (!isLetter(b[j])) return j + 1;                       // control symbol: \{ \} \\ \' ...
        int wordStart = j;
        while (j < b.length && isLetter(b[j])) j++;
        boolean bin = j - wordStart == 3 && b[wordStart] == 'b' && b[wordStart + 1] == 'i' && b[wordStart + 2] == 'n';
        long n = 0;
        if (j < b.length && b[j] == '-') j++;
        while (j < b.length && b[j] >= '0' && b[j] <= '9') {
            n = Math.min(n * 10 + (b[j] - '0'), Integer.MAX_VALUE);
            j++;
        }
        if (j < b.length && b[j] == ' ') j++;                    // the delimiter belongs to the word
        return bin ? (int) Math.min((long) j + n, b.length) : j;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }

    /** Last index of {@code needle} within the final {@code window} bytes, or -1. */
    private static int lastIndexOf(byte[] bytes, byte[] needle, int window) {
        int from = Math.max(0, bytes.length - window);
        outer:
        for (int i = bytes.length - needle.length; i >= from; i--) {
            for (int k = 0; k < needle.length; k++) if (bytes[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }
}
