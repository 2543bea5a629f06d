package dev.ferry.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.json.Json;
import dev.ferry.demos.vectorization.Arc;
import dev.ferry.demos.vectorization.Circle;
import dev.ferry.demos.vectorization.Diagrams;
import dev.ferry.demos.vectorization.Line;
import dev.ferry.demos.vectorization.Primitive;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The vectorization demo through the whole platform, as `ferry up` runs it: a scanned-looking
 * diagram with known lines, a circle and an arc uploaded over HTTP, a worker vectorizing it
 * with the OpenCV engine (no model), and the SVG served back drawing those shapes.
 */
class VectorizationEndToEndTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static final double PX = 3;

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("vectorization");
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    @Test
    void aDiagramComesBackAsAnSvgDrawingItsLinesCircleAndArc() throws Exception {
        List<Primitive> drawn = List.of(
                new Line(60, 80, 540, 120, 1),
                new Line(120, 380, 420, 40, 1),
                new Circle(430, 300, 70, 1),
                new Arc(180, 250, 90, 100, 250, 1));
        Path upload = Files.write(files.resolve("plate 3.png"), Diagrams.render(640, 440, drawn, 2.5, 7).png());

        String id = api.submitFiles("vectorization", "{}", upload);
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        JsonNode result = job.get("result");
        assertEquals(List.of(2, 1, 1), List.of(result.get("lines").asInt(), result.get("circles").asInt(),
                result.get("arcs").asInt()), result::toString);
        JsonNode page = Json.MAPPER.readTree(api.file(id, result.get("summary").asText())).at("/pages/0");
        assertEquals("plate_3.png", page.get("source").asText());

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(api.file(id, page.get("svg").asText())));
        assertEquals("640", svg.getDocumentElement().getAttribute("width"));
        NodeList lines = svg.getElementsByTagName("line");
        assertEquals(2, lines.getLength());
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            double[] a = {number(l, "x1"), number(l, "y1")};
            double[] b = {number(l, "x2"), number(l, "y2")};
            assertTrue(drawn.stream().anyMatch(d -> d instanceof Line t && endsMatch(t, a, b)),
                    "line " + List.of(a[0], a[1], b[0], b[1]) + " is not one drawn");
        }
        Element circle = (Element) svg.getElementsByTagName("circle").item(0);
        assertEquals(430, number(circle, "cx"), PX);
        assertEquals(300, number(circle, "cy"), PX);
        assertEquals(70, number(circle, "r"), PX);
        // M x1 y1 A r r 0 large sweep x2 y2: from 100° to 250° clockwise round (180, 250), radius 90
        String[] d = ((Element) svg.getElementsByTagName("path").item(0)).getAttribute("d").split(" ");
        Arc arc = (Arc) drawn.get(3);
        assertEquals(arc.x1(), Double.parseDouble(d[1]), PX);
        assertEquals(arc.y1(), Double.parseDouble(d[2]), PX);
        assertEquals(90, Double.parseDouble(d[4]), PX);
        assertEquals(List.of("0", "0", "1"), List.of(d[6], d[7], d[8]));
        assertEquals(arc.x2(), Double.parseDouble(d[9]), PX);
        assertEquals(arc.y2(), Double.parseDouble(d[10]), PX);

        List<String> zipped = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(api.file(id, result.get("zip").asText())))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                zipped.add(e.getName());
            }
        }
        assertEquals(List.of("vectorization.json", "0001-plate_3.svg", "0001-plate_3.json", "0001-plate_3.overlay.png"),
                zipped);
    }

    @Test
    void badRegionsAndAMissingModelAreRefusedAtSubmit() throws Exception {
        Path plate = Files.write(files.resolve("small.png"), Diagrams.draw(200, 150, 1).png());
        Answer regions = api.postFiles("/api/v1/demos/vectorization/jobs", "{\"regions\": \"[{\\\"x\\\": 1}]\"}", plate);
        assertEquals(400, regions.status(), regions::toString);
        assertEquals("invalid_param", regions.errorCode());
        assertTrue(regions.json().at("/error/message").asText().contains("needs \"y\""), regions::toString);

        Answer onnx = api.postJson("/api/v1/demos/vectorization/jobs",
                "{\"inputs\":[{\"url\":\"https://example.org/plate.png\"}],\"params\":{\"engine\":\"onnx\"}}");
        assertEquals(400, onnx.status(), onnx::toString);
        assertEquals("model_missing", onnx.errorCode());
        assertTrue(onnx.json().at("/error/message").asText().contains("ferry models install vectorization primitives"),
                onnx::toString);
    }

    private static boolean endsMatch(Line t, double[] a, double[] b) {
        double same = Math.max(Math.hypot(t.x1() - a[0], t.y1() - a[1]), Math.hypot(t.x2() - b[0], t.y2() - b[1]));
        double swapped = Math.max(Math.hypot(t.x1() - b[0], t.y1() - b[1]), Math.hypot(t.x2() - a[0], t.y2() - a[1]));
        return Math.min(same, swapped) <= PX;
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
