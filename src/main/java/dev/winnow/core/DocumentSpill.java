package dev.winnow.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document as its {@link Pipeline} left it, written to bytes and read back, so that a corpus's second pass
 * can {@link Pipeline#resume} it without cleaning the input again. What is read back is the same document:
 * source, layout, every block as the stages left it (kept or cut, with its markup), why each cut one was cut,
 * the blocks a kept reason spared, the removals, the metadata and the counts. Extraction ({@link
 * Document#extraction()}) is not written: a fallback chooses it after the stages that resume.
 *
 * <p>The format, all numbers big-endian as {@link DataOutput} writes them:
 * <pre>
 *   string   int n (UTF-16 units), int bytes, then the n units in modified UTF-8 (one byte for 1..127, two for 0 and up to
 *            0x7FF, three above; a lone surrogate is three bytes like any other unit, so every Java string survives)
 *   document string source, byte layout (ordinal), int blocks, each block, int removals, each removal,
 *            byte fields, each: byte field (ordinal), int values, each a string;
 *            int stages counted, each: string stage, int codes, each: string code, int count
 *   block    byte flags (1 list item, 2 paragraph start, 4 markup follows, 8 spared, 16 text is the source's
 *            [start, end), 32 the same with line breaks read as spaces; neither: the text follows),
 *            int index, int line, int lineStart, int start, int text length, [string text],
 *            byte removed reason (ordinal + 1, 0 kept), [markup: string tag, byte heading level, double link
 *            density, long containers (bit per ordinal), int sections, each an int, int look-alikes]
 *   removal  string stage, byte reason (ordinal), int start, int end, byte text (0 the source's [start, end),
 *            1 the same stripped, 2 a string follows), [string text], byte score (0 none, 1 a double follows)
 * </pre>
 * Text a block or removal shares with the source is written once, in the source. Ordinals are this build's: a
 * spill is read by the process that wrote it (the framing, a version and a checksum are the caller's). Stateless.
 */
public final class DocumentSpill {
    private static final int LIST_ITEM = 1, PARAGRAPH_START = 2, MARKUP = 4, SPARED = 8, SOURCE_TEXT = 16, WRAPPED_TEXT = 32;
    private static final Reason[] REASONS = Reason.values();
    private static final Field[] FIELDS = Field.values();
    private static final Layout[] LAYOUTS = Layout.values();
    private static final Markup.Container[] CONTAINERS = Markup.Container.values();

    static {
        // The containers are one bit each of a long.
        if (CONTAINERS.length > 64) throw new ExceptionInInitializerError("more than 64 kinds of container");
    }

    private DocumentSpill() {}

    /**
     * Writes {@code doc}, which a pipeline made.
     *
     * @throws IllegalArgumentException when no pipeline made {@code doc}
     */
    public static void write(Document doc, DataOutput out) throws IOException {
        Document.Paused state = doc.paused();
        if (state == null) throw new IllegalArgumentException("a document no pipeline made cannot be spilled");
        String source = doc.source();
        writeString(out, source);
        out.writeByte(doc.layout().ordinal());
        Block[] blocks = state.blocks();
        out.writeInt(blocks.length);
        for (int i = 0; i < blocks.length; i++) writeBlock(out, source, blocks[i], state.removed()[i], state.spared()[i]);
        out.writeInt(doc.removals().size());
        for (Removal r : doc.removals()) writeRemoval(out, source, r);
        Map<Field, List<String>> fields = doc.metadata().entries();
        out.writeByte(fields.size());
        for (Map.Entry<Field, List<String>> e : fields.entrySet()) {
            out.writeByte(e.getKey().ordinal());
            out.writeInt(e.getValue().size());
            for (String v : e.getValue()) writeString(out, v);
        }
        out.writeInt(doc.counts().size());
        for (Map.Entry<String, Map<String, Integer>> stage : doc.counts().entrySet()) {
            writeString(out, stage.getKey());
            out.writeInt(stage.getValue().size());
            for (Map.Entry<String, Integer> code : stage.getValue().entrySet()) {
                writeString(out, code.getKey());
                out.writeInt(code.getValue());
            }
        }
    }

    /** Reads a document {@link #write} wrote; a pipeline may {@link Pipeline#resume} it. */
    public static Document read(DataInput in) throws IOException {
        String source = readString(in);
        Layout layout = LAYOUTS[in.readUnsignedByte()];
        int n = in.readInt();
        Block[] blocks = new Block[n];
        Reason[] removed = new Reason[n];
        boolean[] spared = new boolean[n];
        for (int i = 0; i < n; i++) {
            int flags = in.readUnsignedByte();
            int index = in.readInt(), line = in.readInt(), lineStart = in.readInt(), start = in.readInt(), length = in.readInt();
            String text;
            if ((flags & SOURCE_TEXT) != 0) text = source.substring(start, start + length);
            else if ((flags & WRAPPED_TEXT) != 0) text = source.substring(start, start + length).replace('\n', ' ');
            else text = readString(in);
            int reason = in.readUnsignedByte();
            removed[i] = reason == 0 ? null : REASONS[reason - 1];
            spared[i] = (flags & SPARED) != 0;
            Markup markup = (flags & MARKUP) == 0 ? null : readMarkup(in);
            blocks[i] = new Block(index, line, lineStart, start, text, (flags & LIST_ITEM) != 0, (flags & PARAGRAPH_START) != 0,
                    markup);
        }
        int r = in.readInt();
        List<Removal> removals = new ArrayList<>(r);
        for (int i = 0; i < r; i++) removals.add(readRemoval(in, source));
        Metadata metadata = new Metadata();
        int fields = in.readUnsignedByte();
        for (int f = 0; f < fields; f++) {
            Field field = FIELDS[in.readUnsignedByte()];
            int values = in.readInt();
            List<String> list = new ArrayList<>(values);
            for (int v = 0; v < values; v++) list.add(readString(in));
            metadata.restore(field, list);
        }
        int stages = in.readInt();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (int s = 0; s < stages; s++) {
            String stage = readString(in);
            int codes = in.readInt();
            Map<String, Integer> byCode = new TreeMap<>();
            for (int c = 0; c < codes; c++) byCode.put(readString(in), in.readInt());
            counts.put(stage, byCode);
        }
        List<Block> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) if (removed[i] == null) kept.add(blocks[i]);
        return new Document(source, layout, kept, removals, metadata, counts, new Document.Paused(blocks, removed, spared));
    }

    private static void writeBlock(DataOutput out, String source, Block b, Reason removed, boolean spared) throws IOException {
        String text = b.text();
        int flags = (b.listItem() ? LIST_ITEM : 0) | (b.paragraphStart() ? PARAGRAPH_START : 0)
                | (b.markup() != null ? MARKUP : 0) | (spared ? SPARED : 0);
        boolean inSource = b.start() >= 0 && b.end() <= source.length();
        if (inSource && source.regionMatches(b.start(), text, 0, text.length())) flags |= SOURCE_TEXT;
        else if (inSource && wrapped(source, b.start(), text)) flags |= WRAPPED_TEXT;
        out.writeByte(flags);
        out.writeInt(b.index());
        out.writeInt(b.line());
        out.writeInt(b.lineStart());
        out.writeInt(b.start());
        out.writeInt(text.length());
        if ((flags & (SOURCE_TEXT | WRAPPED_TEXT)) == 0) writeString(out, text);
        out.writeByte(removed == null ? 0 : removed.ordinal() + 1);
        if (b.markup() != null) writeMarkup(out, b.markup());
    }

    /** {@code text} is the source's run at {@code start} with each line break read as a space. */
    private static boolean wrapped(String source, int start, String text) {
        for (int i = 0; i < text.length(); i++) {
            char s = source.charAt(start + i);
            if (text.charAt(i) != (s == '\n' ? ' ' : s)) return false;
        }
        return true;
    }

    private static void writeMarkup(DataOutput out, Markup m) throws IOException {
        writeString(out, m.tag());
        out.writeByte(m.headingLevel());
        out.writeDouble(m.linkDensity());
        long bits = 0;
        for (Markup.Container c : m.containers()) bits |= 1L << c.ordinal();
        out.writeLong(bits);
        int[] sections = m.sections();
        out.writeInt(sections.length);
        for (int s : sections) out.writeInt(s);
        out.writeInt(m.lookAlikes());
    }

    private static Markup readMarkup(DataInput in) throws IOException {
        String tag = readString(in);
        int heading = in.readUnsignedByte();
        double linkDensity = in.readDouble();
        long bits = in.readLong();
        java.util.EnumSet<Markup.Container> containers = java.util.EnumSet.noneOf(Markup.Container.class);
        for (int c = 0; c < CONTAINERS.length; c++) if ((bits & (1L << c)) != 0) containers.add(CONTAINERS[c]);
        int[] sections = new int[in.readInt()];
        for (int s = 0; s < sections.length; s++) sections[s] = in.readInt();
        return new Markup(tag, heading, linkDensity, containers, sections, in.readInt());
    }

    private static void writeRemoval(DataOutput out, String source, Removal r) throws IOException {
        writeString(out, r.stage());
        out.writeByte(r.reason().ordinal());
        out.writeInt(r.start());
        out.writeInt(r.end());
        boolean inSource = r.start() >= 0 && r.start() <= r.end() && r.end() <= source.length();
        String text = r.text();
        if (inSource && r.end() - r.start() == text.length() && source.regionMatches(r.start(), text, 0, text.length())) {
            out.writeByte(0);
        } else if (inSource && source.substring(r.start(), r.end()).strip().equals(text)) {
            out.writeByte(1);
        } else {
            out.writeByte(2);
            writeString(out, text);
        }
        if (r.score() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeDouble(r.score());
        }
    }

    private static Removal readRemoval(DataInput in, String source) throws IOException {
        String stage = readString(in);
        Reason reason = REASONS[in.readUnsignedByte()];
        int start = in.readInt(), end = in.readInt();
        int how = in.readUnsignedByte();
        String text = switch (how) {
            case 0 -> source.substring(start, end);
            case 1 -> source.substring(start, end).strip();
            case 2 -> readString(in);
            default -> throw new IOException("a removal's text is marked " + how);
        };
        int scored = in.readUnsignedByte();
        Double score = scored == 0 ? null : in.readDouble();
        return new Removal(stage, reason, text, start, end, score);
    }

    /** A string as its UTF-16 length, its byte length and modified UTF-8 (see the class comment): any Java string. */
    public static void writeString(DataOutput out, String s) throws IOException {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) bytes += c < 0x800 ? 1 : 2;
        }
        out.writeInt(n);
        out.writeInt(bytes);
        byte[] buf = new byte[Math.min(bytes, 3 * 8192)];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (at > buf.length - 3) {
                out.write(buf, 0, at);
                at = 0;
            }
            char c = s.charAt(i);
            if (c >= 1 && c < 0x80) {
                buf[at++] = (byte) c;
            } else if (c < 0x800) {
                buf[at++] = (byte) (0xC0 | (c >> 6));
                buf[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buf[at++] = (byte) (0xE0 | (c >> 12));
                buf[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out.write(buf, 0, at);
    }

    public static String readString(DataInput in) throws IOException {
        int n = in.readInt(), bytes = in.readInt();
        if (n < 0 || bytes < n || bytes / 3 > n) throw new IOException("a string of " + n + " characters in " + bytes + " bytes");
        byte[] buf = new byte[bytes];
        in.readFully(buf);
        char[] chars = new char[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (at >= bytes) throw new IOException("a string ends before its " + n + " characters");
            int b = buf[at++] & 0xFF;
            if (b < 0x80) {
                chars[i] = (char) b;
            } else if ((b & 0xE0) == 0xC0 && at < bytes) {
                chars[i] = (char) (((b & 0x1F) << 6) | continuation(buf[at++]));
            } else if ((b & 0xF0) == 0xE0 && at + 1 < bytes) {
                int mid = continuation(buf[at++]);
                chars[i] = (char) (((b & 0x0F) << 12) | (mid << 6) | continuation(buf[at++]));
            } else {
                throw new IOException("a string's byte " + b + " starts no character");
            }
        }
        if (at != bytes) throw new IOException("a string of " + n + " characters has " + (bytes - at) + " bytes left over");
        return new String(chars);
    }

    private static int continuation(byte b) throws IOException {
        if ((b & 0xC0) != 0x80) throw new IOException("a string's byte " + (b & 0xFF) + " continues no character");
        return b & 0x3F;
    }
}
