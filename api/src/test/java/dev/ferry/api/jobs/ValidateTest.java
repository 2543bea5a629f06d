package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.ModelDemo;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/v1/demos/{demo}/validate: a submit's checks, answered without queuing anything. */
class ValidateTest {
    static final ModelDemo models = new ModelDemo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(models);
    static final Http http = api.http();

    @Test
    void validParametersComeBackWithTheirDefaultsAndNothingIsQueued() {
        Response r = http.postJson(validate(), "{\"params\":{\"confidence\":0.7}}");
        assertEquals(200, r.status(), r::toString);
        assertEquals(models.name(), r.json().get("demo").asText());
        assertTrue(r.json().get("valid").asBoolean(), r::toString);
        JsonNode params = r.json().get("params");
        assertEquals("small", params.get("model").asText());
        assertEquals(0.7, params.get("confidence").asDouble());
        assertEquals(0, http.get("/api/v1/jobs?demo=" + models.name()).json().get("jobs").size(), "nothing is queued");
        assertEquals(0, api.server().jobFolders(models).size(), "nothing is stored");
    }

    @Test
    void aParameterOutOfRangeIsAnsweredWithTheErrorASubmitWouldGet() {
        String body = "{\"inputs\":[{\"url\":\"https://example.org/a.jpg\"}],\"params\":{\"confidence\":2}}";
        Response checked = http.postJson(validate(), body);
        Response submitted = http.postJson("/api/v1/demos/" + models.name() + "/jobs", body);
        assertEquals(200, checked.status(), "a question answered, not a failed request: " + checked);
        assertEquals(400, submitted.status(), submitted::toString);
        assertFalse(checked.json().get("valid").asBoolean());
        assertEquals(submitted.json().get("error"), checked.json().get("error"));
        assertEquals("confidence", checked.json().at("/error/field").asText());
    }

    @Test
    void aMissingModelIsNamedWithTheCommandThatInstallsIt() {
        Response r = http.postJson(validate(), "{\"params\":{\"model\":\"large\"}}");
        assertEquals(200, r.status(), r::toString);
        assertEquals("model_missing", r.json().at("/error/code").asText());
        assertTrue(r.json().at("/error/message").asText().contains("ferry models pull " + models.name() + " large"), r::toString);
    }

    @Test
    void filesAreNotValidatedOnlySubmitted() {
        Response r = http.postMultipart(validate(), new Multipart().file("file", "a.png", "image/png", TestFiles.png(8, 8)));
        assertEquals(415, r.status(), r::toString);
        assertEquals(404, http.postJson("/api/v1/demos/nothing/validate", "{}").status());
    }

    private static String validate() {
        return "/api/v1/demos/" + models.name() + "/validate";
    }
}
