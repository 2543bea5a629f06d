package dev.ferry.api.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.ModelDemo;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A demo's models in {@code GET /api/v1/demos}, and submits refused because a model is not usable. */
class DemoModelsTest {
    static final ModelDemo models = new ModelDemo();
    static final TestDemo images = TestDemo.images();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(models, images);
    static final Http http = api.http();

    @Test
    void eachDemoListsItsModelsWithTheirState() {
        JsonNode demos = http.get("/api/v1/demos").json().get("demos");
        JsonNode listed = demos.get(0).get("models");
        assertEquals(models.name(), demos.get(0).get("name").asText());
        assertEquals(3, listed.size(), listed::toString);

        JsonNode small = listed.get(0);
        assertEquals("small", small.get("name").asText());
        assertEquals("yolo", small.get("task").asText());
        assertEquals("present", small.get("state").asText());
        assertTrue(small.get("detail").isNull() && small.get("install_hint").isNull(), small::toString);

        JsonNode large = listed.get(1);
        assertEquals("missing", large.get("state").asText());
        assertEquals("not installed", large.get("detail").asText());
        assertEquals("ferry models pull " + models.name() + " large", large.get("install_hint").asText());
        assertEquals("corrupt", listed.get(2).get("state").asText());

        assertEquals(0, demos.get(1).get("models").size(), "a demo without models lists none");
    }

    @Test
    void aJobNamingAMissingModelIs400SayingHowToPullIt() {
        int before = api.server().jobFolders(models).size();
        Response r = http.postJson(jobs(), "{\"inputs\":[{\"url\":\"https://example.org/a.jpg\"}],\"params\":{\"model\":\"large\"}}");
        assertEquals(400, r.status(), r::toString);
        assertEquals("model_missing", r.errorCode());
        String message = r.json().get("error").get("message").asText();
        assertTrue(message.contains("ferry models pull " + models.name() + " large"), message);
        assertEquals(before, api.server().jobFolders(models).size(), "nothing is stored for a refused job");
        assertEquals(Map.of("model", "large", "confidence", 0.5), models.checked().get(models.checked().size() - 1),
                "the demo is asked with the validated parameters, defaults filled in");
    }

    @Test
    void aDamagedModelIs400AndTheUploadIsNotKept() {
        int before = api.server().jobFolders(models).size();
        Response r = http.postMultipart(jobs(), new Multipart()
                .file("file", "page.png", "image/png", TestFiles.png(8, 8))
                .field("params", "{\"model\":\"broken\"}"));
        assertEquals(400, r.status(), r::toString);
        assertEquals("model_corrupt", r.errorCode());
        assertEquals(before, api.server().jobFolders(models).size());
    }

    @Test
    void aJobWithAnInstalledModelIsQueued() {
        Response r = http.postMultipart(jobs(), new Multipart().file("file", "page.png", "image/png", TestFiles.png(8, 8)));
        assertEquals(202, r.status(), r::toString);
        assertEquals("small", r.json().get("params").get("model").asText());
    }

    private static String jobs() {
        return "/api/v1/demos/" + models.name() + "/jobs";
    }
}
