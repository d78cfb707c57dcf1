package dev.winnow.formats;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Documents made by the tests themselves, one per format, all telling the same short article with the
 * same chrome around it: a running header, a "Share this" widget line and a page footer. PDF and DOCX
 * are written with the libraries Tika parses them with (PDFBox, Apache POI); RTF, ODT and EPUB are
 * written by hand from their specifications' minimal required parts, so a fixture says exactly what
 * is in the file.
 */
public final class DocumentFixtures {
    private DocumentFixtures() {}

    static final String TITLE = "Harbour Towns Rebuild After the Winter Storms";
    static final String AUTHOR = "Maria Keller";
    static final String SECOND_AUTHOR = "Tomas Lindqvist";
    static final String CREATED = "2024-03-05";
    static final String LANGUAGE = "en";
    static final String HEADER = "Coastal Weekly | Regional edition";
    static final String SHARE = "Share this";
    static final String FOOTER = "Copyright 2024 Coastal Weekly. All rights reserved.";

    static final String[] PARAGRAPHS = {
            "Three months after the storms flooded the old quarter, the fishing towns along the northern coast are "
                    + "rebuilding their harbour walls with stone taken from the collapsed breakwater, a method the "
                    + "engineers say will last longer than the concrete it replaces.",
            "The work is slow because every block has to be lifted by hand from the seabed, but the mayor told a "
                    + "public meeting on Tuesday that the town would rather wait a season than borrow money it cannot "
                    + "repay, and most of the fishermen in the hall agreed with her.",
            "Insurance has covered less than half of the damage so far, and the regional council has promised to "
                    + "publish a plan for the remaining repairs before the summer tourists arrive in the harbour."
    };

    /** Words every body must keep, one distinctive phrase per paragraph. */
    static final String[] PROSE_MARKERS = {"collapsed breakwater", "borrow money it cannot", "regional council has promised"};

    private static final Date CREATED_DATE;

    static {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(2024, Calendar.MARCH, 5, 9, 30, 0);
        CREATED_DATE = c.getTime();
    }

    // ---- PDF -----------------------------------------------------------------------------------------

    static byte[] pdf() {
        return pdf(null);
    }

    /** The article as a one-page PDF; with a user password when {@code password} is not null. */
    static byte[] pdf(String password) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(TITLE);
            info.setAuthor(AUTHOR);
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTime(CREATED_DATE);
            info.setCreationDate(created);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 800;
                y = line(cs, regular, 8, HEADER, y, 40);
                y = line(cs, bold, 16, TITLE, y, 30);
                y = line(cs, regular, 10, "By " + AUTHOR, y, 30);
                for (String p : PARAGRAPHS) {
                    for (String l : wrap(p, 90)) y = line(cs, regular, 11, l, y, 14);
                    y -= 16;
                }
                y = line(cs, regular, 9, SHARE, y, 20);
                line(cs, regular, 8, FOOTER, 40, 0);
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float line(PDPageContentStream cs, PDType1Font font, float size, String text, float y, float advance)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(50, y);
        cs.showText(text);
        cs.endText();
        return y - advance;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    // ---- DOCX ----------------------------------------------------------------------------------------

    /** The article as a Word document with a "heading 1" title, a header, a footer and a small table. */
    public static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument()) {
            var core = doc.getProperties().getCoreProperties();
            core.setTitle(TITLE);
            core.setCreator(AUTHOR);
            core.setCreated(Optional.of(CREATED_DATE));
            core.getUnderlyingProperties().setLanguageProperty(LANGUAGE);

            XWPFStyles styles = doc.createStyles();
            CTStyle heading = CTStyle.Factory.newInstance();
            heading.setStyleId("Heading1");
            heading.setType(STStyleType.PARAGRAPH);
            heading.addNewName().setVal("heading 1");
            styles.addStyle(new XWPFStyle(heading));

            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(HEADER);
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(FOOTER);

            var title = doc.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText(TITLE);
            doc.createParagraph().createRun().setText("By " + AUTHOR);
            for (String p : PARAGRAPHS) doc.createParagraph().createRun().setText(p);
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Town");
            table.getRow(0).getCell(1).setText("Walls rebuilt");
            table.getRow(1).getCell(0).setText("Northhaven");
            table.getRow(1).getCell(1).setText("40 metres");
            doc.createParagraph().createRun().setText(SHARE);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- RTF -----------------------------------------------------------------------------------------

    /** The article as RTF 1.x, written by hand: an info group for metadata, a header group, plain paragraphs. */
    static byte[] rtf() {
        StringBuilder r = new StringBuilder();
        r.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\n");
        r.append("{\\fonttbl{\\f0\\froman Times New Roman;}}\n");
        r.append("{\\info{\\title ").append(TITLE).append("}{\\author ").append(AUTHOR)
                .append("}{\\creatim\\yr2024\\mo3\\dy5\\hr9\\min30}}\n");
        r.append("{\\header \\pard\\plain ").append(HEADER).append("\\par}\n");
        r.append("{\\footer \\pard\\plain ").append(FOOTER).append("\\par}\n");
        r.append("\\pard\\plain\\b\\fs32 ").append(TITLE).append("\\b0\\fs24\\par\n");
        r.append("\\pard\\plain By ").append(AUTHOR).append("\\par\n");
        for (String p : PARAGRAPHS) r.append("\\pard\\plain ").append(p).append("\\par\n");
        r.append("\\pard\\plain ").append(SHARE).append("\\par\n");
        r.append("}\n");
        return r.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // ---- ODT -----------------------------------------------------------------------------------------

    /** The article as an OpenDocument text: mimetype (stored, first), manifest, meta, styles with a header, content. */
    static byte[] odt() {
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
                 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        String meta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
                    office:version="1.2">
                 <office:meta>
                  <dc:title>%s</dc:title>
                  <meta:initial-creator>%s</meta:initial-creator>
                  <dc:creator>%s</dc:creator>
                  <meta:creation-date>2024-03-05T09:30:00</meta:creation-date>
                  <dc:language>%s</dc:language>
                 </office:meta>
                </office:document-meta>
                """.formatted(TITLE, AUTHOR, AUTHOR, LANGUAGE);
        String styles = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                 <office:master-styles>
                  <style:master-page style:name="Standard">
                   <style:header><text:p>%s</text:p></style:header>
                   <style:footer><text:p>%s</text:p></style:footer>
                  </style:master-page>
                 </office:master-styles>
                </office:document-styles>
                """.formatted(HEADER, FOOTER);
        StringBuilder body = new StringBuilder();
        body.append("<text:h text:outline-level=\"1\">").append(TITLE).append("</text:h>\n");
        body.append("<text:p>By ").append(AUTHOR).append("</text:p>\n");
        for (String p : PARAGRAPHS) body.append("<text:p>").append(p).append("</text:p>\n");
        body.append("<text:list><text:list-item><text:p>Northhaven: 40 metres of wall rebuilt</text:p></text:list-item>")
                .append("<text:list-item><text:p>Southmere: work starts in April</text:p></text:list-item></text:list>\n");
        body.append("<text:p>").append(SHARE).append("</text:p>\n");
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                 <office:body>
                  <office:text>
                %s  </office:text>
                 </office:body>
                </office:document-content>
                """.formatted(body);
        return zip("application/vnd.oasis.opendocument.text",
                new Entry("META-INF/manifest.xml", manifest), new Entry("meta.xml", meta),
                new Entry("styles.xml", styles), new Entry("content.xml", content));
    }

    // ---- EPUB ----------------------------------------------------------------------------------------

    /** The article as an EPUB 3: mimetype (stored, first), container, package document, navigation and one chapter. */
    static byte[] epub() {
        return epub(chapter());
    }

    static String chapter() {
        StringBuilder body = new StringBuilder();
        body.append("<header><p>").append(HEADER).append("</p></header>\n");
        body.append("<h1>").append(TITLE).append("</h1>\n");
        body.append("<p>By ").append(AUTHOR).append(" and ").append(SECOND_AUTHOR).append("</p>\n");
        for (String p : PARAGRAPHS) body.append("<p>").append(p).append("</p>\n");
        body.append("<ul><li>Northhaven: 40 metres of wall rebuilt</li><li>Southmere: work starts in April</li></ul>\n");
        body.append("<p>").append(SHARE).append("</p>\n");
        body.append("<footer><p>").append(FOOTER).append("</p></footer>\n");
        return xhtmlChapter(body.toString());
    }

    static String xhtmlChapter(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
                <head><title>Chapter 1</title></head>
                <body>
                %s</body>
                </html>
                """.formatted(body);
    }

    static byte[] epub(String chapter) {
        String container = """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                 <rootfiles>
                  <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
                 </rootfiles>
                </container>
                """;
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
                 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:identifier id="uid">urn:uuid:6f1c1d2e-8b7a-4c1e-9d55-2a1f0e3b4c5d</dc:identifier>
                  <dc:title>%s</dc:title>
                  <dc:creator>%s</dc:creator>
                  <dc:creator>%s</dc:creator>
                  <dc:date>2024-03-05</dc:date>
                  <dc:language>%s</dc:language>
                  <dc:publisher>Coastal Weekly</dc:publisher>
                  <meta property="dcterms:modified">2024-03-06T10:00:00Z</meta>
                 </metadata>
                 <manifest>
                  <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                  <item id="ch1" href="chapter1.xhtml" media-type="application/xhtml+xml"/>
                 </manifest>
                 <spine>
                  <itemref idref="ch1"/>
                 </spine>
                </package>
                """.formatted(TITLE, AUTHOR, SECOND_AUTHOR, LANGUAGE);
        String nav = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
                <head><title>Contents</title></head>
                <body><nav epub:type="toc"><ol><li><a href="chapter1.xhtml">Chapter 1</a></li></ol></nav></body>
                </html>
                """;
        return zip("application/epub+zip", new Entry("META-INF/container.xml", container),
                new Entry("OEBPS/content.opf", opf), new Entry("OEBPS/nav.xhtml", nav),
                new Entry("OEBPS/chapter1.xhtml", chapter));
    }

    // ---- broken and hostile inputs -------------------------------------------------------------------

    /** The first {@code share} of a document's bytes, as a download cut short leaves it. */
    static byte[] truncated(byte[] bytes, double share) {
        return Arrays.copyOf(bytes, (int) (bytes.length * share));
    }

    /** Bytes that are no format at all, seeded so every run sees the same noise. */
    static byte[] noise(int length, long seed) {
        byte[] b = new byte[length];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /**
     * A DOCX whose document part inflates to {@code expandedBytes} of one repeated letter: a few
     * hundred kilobytes on disk that a naive reader would turn into a gigantic string.
     */
    static byte[] docxBomb(long expandedBytes) {
        String contentTypes = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                 <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                 <Default Extension="xml" ContentType="application/xml"/>
                 <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>
                """;
        String rels = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                 <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>
                """;
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";
        String tail = "</w:t></w:r></w:p></w:body></w:document>";
        return zipWithBomb(null, List.of(new Entry("[Content_Types].xml", contentTypes), new Entry("_rels/.rels", rels)),
                "word/document.xml", head, tail, expandedBytes);
    }

    /** An EPUB whose one chapter inflates to {@code expandedBytes} of one repeated letter inside a paragraph. */
    static byte[] epubBomb(long expandedBytes) {
        String container = """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                 <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """;
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
                 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:identifier id="uid">urn:uuid:bomb</dc:identifier><dc:title>Bomb</dc:title><dc:language>en</dc:language>
                 </metadata>
                 <manifest><item id="ch1" href="chapter1.xhtml" media-type="application/xhtml+xml"/></manifest>
                 <spine><itemref idref="ch1"/></spine>
                </package>
                """;
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>c</title></head><body><p>";
        String tail = "</p></body></html>";
        return zipWithBomb("application/epub+zip", List.of(new Entry("META-INF/container.xml", container),
                new Entry("OEBPS/content.opf", opf)), "OEBPS/chapter1.xhtml", head, tail, expandedBytes);
    }

    // ---- zip writing ---------------------------------------------------------------------------------

    record Entry(String name, String text) {}

    /**
     * A zip container as OpenDocument and EPUB require it: the {@code mimetype} entry first, stored
     * uncompressed with no extra field, so the media type sits at a fixed offset; the rest deflated.
     */
    static byte[] zip(String mimetype, Entry... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (mimetype != null) storeMimetype(zip, mimetype);
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.text().strip().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void storeMimetype(ZipOutputStream zip, String mimetype) throws IOException {
        byte[] m = mimetype.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(m.length);
        entry.setCompressedSize(m.length);
        CRC32 crc = new CRC32();
        crc.update(m);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(m);
        zip.closeEntry();
    }

    private static byte[] zipWithBomb(String mimetype, List<Entry> entries, String bombName, String head, String tail,
                                      long expandedBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (mimetype != null) storeMimetype(zip, mimetype);
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.text().strip().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(bombName));
            zip.write(head.getBytes(StandardCharsets.UTF_8));
            writeRepeated(zip, (byte) 'a', expandedBytes);
            zip.write(tail.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeRepeated(OutputStream out, byte b, long count) throws IOException {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, b);
        for (long left = count; left > 0; left -= chunk.length) out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
}
