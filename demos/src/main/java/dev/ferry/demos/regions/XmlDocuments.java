package dev.ferry.demos.regions;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A UTF-8 XML document written with StAX, which escapes text and attributes as XML requires. */
final class XmlDocuments {
    /** Writes the document's content, between its declaration and its end. */
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private XmlDocuments() {}

    static byte[] write(String what, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write " + what, e);
        }
        return bytes.toByteArray();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
