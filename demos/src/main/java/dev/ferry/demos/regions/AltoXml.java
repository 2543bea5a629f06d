package dev.ferry.demos.regions;

import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A page's text as ALTO 4 XML, the format library and digitisation tools read: one
 * TextBlock holding the page's lines (the detector finds lines, not blocks), a TextLine per
 * line and a String per word with its confidence (WC, 0 to 1), words apart by SP; positions
 * in pixels of the page image (MeasurementUnit pixel).
 */
final class AltoXml {
    static final String NAMESPACE = "http://www.loc.gov/standards/alto/ns-v4#";
    private static final String SCHEMA = "http://www.loc.gov/alto/v4/alto-4-4.xsd";

    private AltoXml() {}

    static byte[] write(PageText page) {
        return XmlDocuments.write("ALTO", xml -> {
            xml.writeStartElement("alto");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", NAMESPACE + " " + SCHEMA);
            description(xml, page);
            xml.writeStartElement("Layout");
            xml.writeStartElement("Page");
            xml.writeAttribute("ID", "page_" + page.page());
            xml.writeAttribute("PHYSICAL_IMG_NR", String.valueOf(page.page()));
            xml.writeAttribute("WIDTH", String.valueOf(page.width()));
            xml.writeAttribute("HEIGHT", String.valueOf(page.height()));
            xml.writeStartElement("PrintSpace");
            position(xml, new int[] {0, 0, page.width(), page.height()});
            if (!page.lines().isEmpty()) {
                xml.writeStartElement("TextBlock");
                xml.writeAttribute("ID", "block_" + page.page() + "_1");
                position(xml, page.extent());
                for (PageText.Line line : page.lines()) {
                    line(xml, page.page(), line);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void description(XMLStreamWriter xml, PageText page) throws XMLStreamException {
        xml.writeStartElement("Description");
        XmlDocuments.element(xml, "MeasurementUnit", "pixel");
        xml.writeStartElement("sourceImageInformation");
        XmlDocuments.element(xml, "fileName", page.source());
        xml.writeEndElement();
        xml.writeStartElement("Processing");
        xml.writeAttribute("ID", "ocr");
        xml.writeStartElement("processingSoftware");
        XmlDocuments.element(xml, "softwareName", "Ferry regions (PP-OCRv4)");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void line(XMLStreamWriter xml, int page, PageText.Line line) throws XMLStreamException {
        Region r = line.region();
        xml.writeStartElement("TextLine");
        xml.writeAttribute("ID", "line_" + page + "_" + r.id());
        position(xml, new int[] {r.x(), r.y(), r.width(), r.height()});
        List<LineText.Word> words = line.text().words();
        for (int i = 0; i < words.size(); i++) {
            LineText.Word w = words.get(i);
            int[] box = line.wordBox(w);
            if (i > 0) {
                int[] before = line.wordBox(words.get(i - 1));
                int end = before[0] + before[2];
                xml.writeEmptyElement("SP");
                xml.writeAttribute("WIDTH", String.valueOf(Math.max(1, box[0] - end)));
                xml.writeAttribute("HPOS", String.valueOf(end));
                xml.writeAttribute("VPOS", String.valueOf(r.y()));
            }
            xml.writeEmptyElement("String");
            xml.writeAttribute("ID", "string_" + page + "_" + r.id() + "_" + (i + 1));
            position(xml, box);
            xml.writeAttribute("CONTENT", w.text());
            xml.writeAttribute("WC", String.format(Locale.ROOT, "%.4f", w.confidence()));
        }
        xml.writeEndElement();
    }

    private static void position(XMLStreamWriter xml, int[] box) throws XMLStreamException {
        xml.writeAttribute("HPOS", String.valueOf(box[0]));
        xml.writeAttribute("VPOS", String.valueOf(box[1]));
        xml.writeAttribute("WIDTH", String.valueOf(box[2]));
        xml.writeAttribute("HEIGHT", String.valueOf(box[3]));
    }
}
