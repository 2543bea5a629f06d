package dev.ferry.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputSpecTest {
    @Test
    void readsTheWrittenFormAndTheBareArray() {
        InputSpec spec = new InputSpec(List.of(new InputSpec.UrlInput("https://example.org/iiif/manifest.json")));
        assertEquals(spec, InputSpec.parse(spec.toJson()));
        assertEquals(spec, InputSpec.parse("[{\"url\": \"https://example.org/iiif/manifest.json\"}]".getBytes()));
        assertEquals(spec, InputSpec.parse("{\"inputs\": [{\"url\": \"https://example.org/iiif/manifest.json\", \"note\": 1}]}".getBytes()));
    }

    @Test
    void namesTheOffendingField() {
        assertEquals("inputs[1].url must be an absolute http or https URL", message("{\"inputs\":[{\"url\":\"http://a.b/x\"},{\"url\":\"file:///etc/passwd\"}]}"));
        assertEquals("inputs[0].url is required and must be a string", message("{\"inputs\":[{\"href\":\"http://a.b/x\"}]}"));
        assertEquals("inputs must hold 1 to 1000 entries, got 0", message("{\"inputs\":[]}"));
        assertEquals("inputs must be an array of {\"url\": \"...\"} or {\"job\": \"...\", \"files\": \"...\"} objects",
                message("{\"urls\":[]}"));
        assertEquals("inputs[0].url must be an absolute http or https URL", message("[{\"url\":\"/relative/path\"}]"));
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class, () -> InputSpec.parse(json.getBytes())).getMessage();
    }
}
