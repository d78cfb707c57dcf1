package dev.winnow.archive;

import java.nio.charset.StandardCharsets;

/**
 * Finds whole WARC records inside another record's block: what a Content-Length too long by exactly the
 * size of the records that follow leaves behind. Such a block ends exactly at a record boundary, so the
 * stream after it reads cleanly and nothing else notices that records were swallowed.
 *
 * <p>Conservative on purpose, because a page may quote WARC text: a split is only found where, after the
 * blank line that ends a record ({@code \r\n\r\n}), a line {@code WARC/1.0} or {@code WARC/1.1} starts a
 * header block that parses (every line a field, a WARC-Type, a Content-Length that is a number), and the
 * records from there, each followed by its blank line, end exactly where the outer block ends. A quoted
 * header in page text would have to carry a Content-Length that lands on the last byte of the record.
 */
final class EmbeddedRecords {
    private EmbeddedRecords() {}

    /** A header block longer than this is not one (the same bound the resync scan uses). */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private static final byte[] BOUNDARY = "\r\n\r\nWARC/1.".getBytes(StandardCharsets.US_ASCII);

    /**
     * Where the first of the records swallowed by {@code block} starts, or -1 when it holds none. The
     * outer record's own block is then {@code block[0, start - 4)}: the 4 bytes before are its blank line.
     */
    static int start(byte[] block) {
        for (int i = indexOf(block, 0); i >= 0; i = indexOf(block, i + 1)) {
            int start = i + 4;
            if (wholeRecordsToEnd(block, start)) return start;
        }
        return -1;
    }

    /** Whether {@code block[from..]} is one or more records, each but the last followed by its blank line. */
    private static boolean wholeRecordsToEnd(byte[] block, int from) {
        int at = from;
        while (true) {
            long end = recordEnd(block, at);
            if (end < 0 || end > block.length) return false;
            if (end == block.length) return true;
            // The last swallowed record's blank line is the outer record's: the others carry their own.
            if (end + 4 >= block.length || !blankLine(block, (int) end)) return false;
            at = (int) end + 4;
        }
    }

    /** Where the record whose header block starts at {@code at} ends (header plus Content-Length), or -1. */
    private static long recordEnd(byte[] block, int at) {
        int limit = (int) Math.min(block.length, (long) at + MAX_HEADER_BYTES);
        int headerEnd = -1;
        for (int i = at; i + 3 < limit; i++) {
            if (blankLine(block, i)) {
                headerEnd = i;
                break;
            }
        }
        if (headerEnd < 0) return -1;
        String[] lines = new String(block, at, headerEnd - at, StandardCharsets.UTF_8).split("\r\n", -1);
        if (!lines[0].equals("WARC/1.0") && !lines[0].equals("WARC/1.1")) return -1;
        boolean typed = false;
        long length = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) continue;   // a folded value
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) return -1;
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("WARC-Type")) {
                typed = !value.isEmpty();
            } else if (name.equalsIgnoreCase("Content-Length")) {
                if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
                length = Long.parseLong(value);
            }
        }
        if (!typed || length < 0) return -1;
        return headerEnd + 4L + length;
    }

    /** A header name as RFC 7230 allows it: visible ASCII without separators. */
    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) return false;
        }
        return !name.isEmpty();
    }

    private static boolean blankLine(byte[] b, int i) {
        return i + 3 < b.length && b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n';
    }

    private static int indexOf(byte[] block, int from) {
        outer:
        for (int i = from; i + BOUNDARY.length <= block.length; i++) {
            for (int j = 0; j < BOUNDARY.length; j++) if (block[i + j] != BOUNDARY[j]) continue outer;
            return i;
        }
        return -1;
    }
}
