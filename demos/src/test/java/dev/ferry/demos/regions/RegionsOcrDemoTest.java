package dev.ferry.demos.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A regions job with the three real models installed: each line's text and confidence in
 * annotations.json, and the page's text as plain text, ALTO 4 and hOCR that parse and say the same.
 */
class RegionsOcrDemoTest {
    private static final Pattern BBOX = Pattern.compile("bbox \\d+ \\d+ \\d+ \\d+");

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));
    static final RegionsDemo demo = new RegionsDemo(models.services(TestConfig.in(models.folder).build()));

    @TempDir
    Path job;

    @BeforeAll
    static void install() throws Exception {
        OcrTestModels.install(models.store);
    }

    @Test
    void aJobReadsTheTextOfEveryLineIntoAltoHocrAndPlainText() throws Exception {
        PrintedPages.Printed printed = PrintedPages.render(PrintedPages.PageFont.DEJAVU_SERIF, 1000, 700, 1.5, 12, 3);
        Path page = Files.write(job.resolve("000-letter.png"), printed.png());
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of(), List.of(page), job);

        demo.run(ctx);

        JsonNode p = Json.MAPPER.readTree(ctx.outputDir().resolve("annotations.json").toFile()).at("/pages/0");
        for (JsonNode r : p.get("regions")) {
            assertTrue(r.get("text").isTextual(), r.toString());
            assertTrue(r.get("text_confidence").asDouble() > 0.5 && r.get("text_confidence").asDouble() <= 1, r.toString());
        }
        assertEquals("text/0001-letter.txt", p.at("/text/plain").asText());
        String text = Files.readString(ctx.outputDir().resolve(p.at("/text/plain").asText()));
        double cer = CharacterErrors.of(printed.text(), text).rate();
        assertTrue(cer <= OcrFidelityTest.MAX_CER, "CER " + cer + ": " + text);

        List<String> altoLines = altoLines(ctx.outputDir().resolve(p.at("/text/alto").asText()), p);
        List<String> hocrLines = hocrLines(ctx.outputDir().resolve(p.at("/text/hocr").asText()));
        List<String> plainLines = List.of(text.split("\n"));
        assertEquals(plainLines, altoLines);
        assertEquals(plainLines, hocrLines);
    }

    @Test
    void ocrOffLeavesTheAnnotationsAsTheyWere() throws Exception {
        Path page = Files.write(job.resolve("000-letter.png"),
                PrintedPages.render(PrintedPages.PageFont.DEJAVU_SANS_MONO, 800, 400, 0, 0, 4).png());
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of("ocr", "off"), List.of(page), job);

        demo.run(ctx);

        JsonNode p = Json.MAPPER.readTree(ctx.outputDir().resolve("annotations.json").toFile()).at("/pages/0");
        assertTrue(p.get("regions").size() > 0);
        assertTrue(p.path("text").isMissingNode(), p.toString());
        assertTrue(p.get("regions").get(0).path("text").isMissingNode(), p.toString());
        assertTrue(Files.notExists(ctx.outputDir().resolve("alto")));
    }

    /** Each TextLine's Strings joined by single spaces, checking ALTO 4's structure on the way. */
    private static List<String> altoLines(Path file, JsonNode page) throws Exception {
        Document doc = parse(file);
        Element alto = doc.getDocumentElement();
        assertEquals(AltoXml.NAMESPACE, alto.getNamespaceURI());
        assertEquals("alto", alto.getLocalName());
        assertEquals("pixel", text(alto, "MeasurementUnit"));
        Element p = (Element) alto.getElementsByTagNameNS(AltoXml.NAMESPACE, "Page").item(0);
        assertEquals(page.get("width").asText(), p.getAttribute("WIDTH"));
        assertEquals("PrintSpace", ((Element) p.getElementsByTagNameNS(AltoXml.NAMESPACE, "PrintSpace").item(0)).getLocalName());
        NodeList lines = p.getElementsByTagNameNS(AltoXml.NAMESPACE, "TextLine");
        assertEquals(page.get("regions").size(), lines.getLength());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            assertEquals("TextBlock", ((Element) line.getParentNode()).getLocalName());
            List<String> words = new ArrayList<>();
            NodeList strings = line.getElementsByTagNameNS(AltoXml.NAMESPACE, "String");
            for (int j = 0; j < strings.getLength(); j++) {
                Element s = (Element) strings.item(j);
                for (String a : List.of("HPOS", "VPOS", "WIDTH", "HEIGHT")) {
                    assertTrue(s.getAttribute(a).matches("\\d+"), a + " of " + s.getAttribute("ID"));
                }
                double wc = Double.parseDouble(s.getAttribute("WC"));
                assertTrue(wc >= 0 && wc <= 1, "WC " + wc);
                words.add(s.getAttribute("CONTENT"));
            }
            if (!words.isEmpty()) {
                out.add(String.join(" ", words));
            }
        }
        return out;
    }

    private static List<String> hocrLines(Path file) throws Exception {
        Document doc = parse(file);
        List<String> out = new ArrayList<>();
        NodeList spans = doc.getElementsByTagNameNS(Hocr.XHTML, "span");
        Element page = (Element) doc.getElementsByTagNameNS(Hocr.XHTML, "div").item(0);
        assertEquals("ocr_page", page.getAttribute("class"));
        assertTrue(BBOX.matcher(page.getAttribute("title")).find(), page.getAttribute("title"));
        for (int i = 0; i < spans.getLength(); i++) {
            Element line = (Element) spans.item(i);
            if (!line.getAttribute("class").equals("ocr_line")) {
                continue;
            }
            assertTrue(BBOX.matcher(line.getAttribute("title")).find());
            NodeList words = line.getElementsByTagNameNS(Hocr.XHTML, "span");
            for (int j = 0; j < words.getLength(); j++) {
                Element w = (Element) words.item(j);
                assertEquals("ocrx_word", w.getAttribute("class"));
                assertTrue(w.getAttribute("title").matches("bbox \\d+ \\d+ \\d+ \\d+; x_wconf \\d+"), w.getAttribute("title"));
            }
            if (!line.getTextContent().isBlank()) {
                out.add(line.getTextContent());
            }
        }
        return out;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagNameNS(AltoXml.NAMESPACE, name).item(0).getTextContent();
    }
}
