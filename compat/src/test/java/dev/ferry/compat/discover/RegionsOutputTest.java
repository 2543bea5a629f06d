package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Field names as in discover-api app/regions/tasks.py (extract_objects) and app/regions/lib/extract.py (add_region). */
class RegionsOutputTest {
    private static final String ANNOTATIONS = """
            {"model": "text_lines", "pages": [
              {"page": 1, "source": "https://a.example/r.pdf#page=1", "width": 1000, "height": 1400,
               "overlay": "overlays/0001-r.pdf_page_1.jpg",
               "regions": [{"id": 1, "label": "text_line", "confidence": 0.93124, "x": 98, "y": 131, "width": 702, "height": 38,
                            "relative": {"x": 0.098, "y": 0.093571, "width": 0.702, "height": 0.027143}}]},
              {"page": 2, "source": "https://a.example/p.jpg", "width": 10, "height": 10, "overlay": "overlays/0002-p.jpg",
               "regions": []}]}""";

    @Test
    void pagesGoToTheirDocumentsWithAbsoluteAndRelativeCropBoxes() throws Exception {
        DiscoverDocument pdf = new DiscoverDocument("pdf", "https://a.example/r.pdf", "r");
        DiscoverDocument img = new DiscoverDocument("img", "https://a.example/p.jpg", "p");
        DiscoverRecord record = new DiscoverRecord("exp", Optional.empty(), "http://ferry:8000", List.of(pdf, img));
        DiscoverUrls urls = new DiscoverUrls("http://ferry:8000", "tid");

        JsonNode output = RegionsOutput.of(Json.MAPPER.readTree(ANNOTATIONS), record, urls);

        assertEquals("http://ferry:8000/datasets/dataset/tid", output.get("dataset_url").asText());
        assertEquals(List.of("r@@text_lines+exp", "p@@text_lines+exp"), List.copyOf(fieldNames(output.get("annotations"))));
        JsonNode page = output.at("/annotations/r@@text_lines+exp/0");
        assertEquals("0001-r.pdf_page_1", page.get("source").asText());
        assertEquals(List.of("source", "source_info", "width", "height", "crops", "doc_uid"), fieldNames(page));
        assertEquals("r", page.get("doc_uid").asText());
        JsonNode crop = page.at("/crops/0");
        assertEquals(List.of("bbox", "crop_id", "source", "confidence", "absolute", "relative"), fieldNames(crop));
        assertEquals("3j3dp90z", crop.get("bbox").asText(), "bbox.py Segment.serialize of (0.098, 0.093571, 0.702, 0.027143)");
        assertEquals("0001-r.pdf_page_1-3j3dp90z", crop.get("crop_id").asText());
        assertEquals(0.9312, crop.get("confidence").asDouble());
        assertEquals("{\"x1\":98,\"y1\":131,\"x2\":800,\"y2\":169,\"width\":702,\"height\":38}", crop.get("absolute").toString());
        assertEquals("{\"x1\":0.098,\"y1\":0.0936,\"x2\":0.8,\"y2\":0.1207,\"width\":0.702,\"height\":0.0271}",
                crop.get("relative").toString());
        assertEquals(1, output.at("/annotations/p@@text_lines+exp").size());
        assertEquals("http://ferry:8000/datasets/document/pdf/tid/r/text_lines%2Bexp", output.at("/results_url/0/r").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
