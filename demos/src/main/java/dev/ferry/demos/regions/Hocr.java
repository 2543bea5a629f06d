package dev.ferry.demos.regions;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A page's text as hOCR 1.2 (XHTML, so that XML tools read it too): an {@code ocr_page} with
 * the image's bbox, an {@code ocr_line} per line and an {@code ocrx_word} per word with its
 * bbox and confidence ({@code x_wconf}, 0 to 100, as Tesseract writes it).
 */
final class Hocr {
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private Hocr() {}

    static byte[] write(PageText page) {
        return XmlDocuments.write("hOCR", xml -> {
            xml.writeDTD("\n<!DOCTYPE html>\n");
            xml.writeStartElement("html");
            xml.writeDefaultNamespace(XHTML);
            head(xml);
            xml.writeStartElement("body");
            xml.writeStartElement("div");
            xml.writeAttribute("class", "ocr_page");
            xml.writeAttribute("id", "page_" + page.page());
            xml.writeAttribute("title", "image \"" + page.source().replace("\"", "'") + "\"; "
                    + bbox(new int[] {0, 0, page.width(), page.height()}) + "; ppageno " + (page.page() - 1));
            for (PageText.Line line : page.lines()) {
                line(xml, page.page(), line);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void head(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("head");
        XmlDocuments.element(xml, "title", "");
        meta(xml, "ocr-system", "Ferry regions (PP-OCRv4)");
        meta(xml, "ocr-capabilities", "ocr_page ocr_line ocrx_word ocrp_wconf");
        xml.writeEndElement();
    }

    private static void meta(XMLStreamWriter xml, String name, String content) throws XMLStreamException {
        xml.writeEmptyElement("meta");
        xml.writeAttribute("name", name);
        xml.writeAttribute("content", content);
    }

    private static void line(XMLStreamWriter xml, int page, PageText.Line line) throws XMLStreamException {
        Region r = line.region();
        xml.writeStartElement("span");
        xml.writeAttribute("class", "ocr_line");
        xml.writeAttribute("id", "line_" + page + "_" + r.id());
        xml.writeAttribute("title", bbox(new int[] {r.x(), r.y(), r.width(), r.height()}));
        List<LineText.Word> words = line.text().words();
        for (int i = 0; i < words.size(); i++) {
            LineText.Word w = words.get(i);
            if (i > 0) {
                xml.writeCharacters(" ");
            }
            xml.writeStartElement("span");
            xml.writeAttribute("class", "ocrx_word");
            xml.writeAttribute("id", "word_" + page + "_" + r.id() + "_" + (i + 1));
            xml.writeAttribute("title", bbox(line.wordBox(w)) + "; x_wconf " + Math.round(w.confidence() * 100));
            xml.writeCharacters(w.text());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** hOCR's bbox: left, top, right, bottom. */
    private static String bbox(int[] box) {
        return "bbox " + box[0] + " " + box[1] + " " + (box[0] + box[2]) + " " + (box[1] + box[3]);
    }
}
