package dev.winnow.formats;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import java.util.ArrayDeque;

/**
 * Sits between Tika's parsers and the XHTML writer, for one parse:
 * <ul>
 *   <li>drops the {@code <head>}: Tika writes every metadata value there as a {@code <meta>} tag (XMP
 *   packets included), and metadata is read from Tika's {@code Metadata} instead, where placeholder
 *   titles and authors can be told apart;</li>
 *   <li>turns each embedded document's {@code <div class="embedded">} into an {@code <aside>}: an
 *   attachment, an OLE object or an e-book's navigation file sits beside the document, so the markup
 *   stage removes it and records why. The HTML front end never marks an element that holds most of the
 *   prose, so a container whose text is all embedded (a PDF portfolio) keeps it;</li>
 *   <li>stops the parse when the thread is interrupted, since Tika's parsers do not check: a runner's
 *   time budget can then end a slow document instead of abandoning its thread.</li>
 * </ul>
 */
final class XhtmlFilter extends ContentHandlerDecorator {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** Thrown to unwind the parser when the thread is interrupted. */
    static final class Interrupted extends SAXException {
        Interrupted() {
            super("interrupted while parsing");
        }
    }

    private int headDepth;
    /** Element depth in the body, and the depths at which an embedded document's div became an aside. */
    private int depth;
    private final ArrayDeque<Integer> asides = new ArrayDeque<>();

    XhtmlFilter(ContentHandler handler) {
        super(handler);
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
        checkInterrupt();
        if (headDepth > 0 || "head".equals(localName)) {
            headDepth++;
            return;
        }
        depth++;
        if ("div".equals(localName) && "embedded".equals(atts.getValue("class"))) {
            asides.push(depth);
            AttributesImpl a = new AttributesImpl();
            a.addAttribute("", "class", "class", "CDATA", "embedded");
            super.startElement(XHTML, "aside", "aside", a);
            return;
        }
        super.startElement(uri, localName, name, atts);
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
        if (headDepth > 0) {
            headDepth--;
            return;
        }
        if (!asides.isEmpty() && asides.peek() == depth) {
            asides.pop();
            super.endElement(XHTML, "aside", "aside");
        } else {
            super.endElement(uri, localName, name);
        }
        depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkInterrupt();
        if (headDepth > 0) return;
        super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (headDepth > 0) return;
        super.ignorableWhitespace(ch, start, length);
    }

    private static void checkInterrupt() throws SAXException {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted();
    }
}
