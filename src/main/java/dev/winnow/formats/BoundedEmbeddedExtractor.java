package dev.winnow.formats;

import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Tika's recursive extraction of embedded documents (attachments, OLE objects, images, an e-book's
 * non-spine files) with two bounds: how deep documents inside documents are followed, and how many are
 * parsed in all. A zip of zips of zips, or a PDF with ten thousand attachments, then costs a bounded
 * amount of work whatever its size. Embedded file names are not written into the text: they are not
 * content ("image1.png", "OEBPS/nav.xhtml"). One instance per parse; the recursion runs on one thread.
 */
final class BoundedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {
    private final int maxDepth;
    private final int maxDocuments;
    private int depth;
    private int parsed;

    BoundedEmbeddedExtractor(ParseContext context, int maxDepth, int maxDocuments) {
        super(context);
        this.maxDepth = maxDepth;
        this.maxDocuments = maxDocuments;
        setWriteFileNameToContent(false);
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return withinBounds() && super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        // Some parsers call this without asking shouldParseEmbedded first.
        if (!withinBounds()) return;
        parsed++;
        depth++;
        try {
            super.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    private boolean withinBounds() {
        return depth < maxDepth && parsed < maxDocuments;
    }
}
