package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.ModelDemo;
import dev.ferry.api.support.TestDemo;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON submits naming URLs to fetch: stored as the job's {@code 000-inputs.json}, or refused naming the field. */
class UrlInputsTest {
    static final ModelDemo urls = new ModelDemo();
    static final TestDemo images = TestDemo.images();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(urls, images);
    static final Http http = api.http();

    @Test
    void urlInputsAreStoredAsTheJobsInputFile() throws Exception {
        Response created = http.postJson(jobs(urls), """
                {"inputs": [{"url": "https://example.org/iiif/manifest.json"}, {"url": " http://example.org/a.pdf "}],
                 "params": {"confidence": 0.25}, "priority": "high"}""");
        assertEquals(202, created.status(), created::toString);
        assertEquals(0.25, created.json().get("params").get("confidence").asDouble());
        assertEquals("high", created.json().get("priority").asText());

        JobId id = JobId.parse(created.json().get("id").asText()).orElseThrow();
        List<Path> inputs = JobInputs.list(api.server().data().inputsDir(id));
        assertEquals(List.of(JobInputs.fileName(0, InputSpec.FILE_NAME)), inputs.stream().map(p -> p.getFileName().toString()).toList());
        InputSpec stored = InputSpec.parse(Files.readAllBytes(inputs.get(0)));
        assertEquals(List.of(new InputSpec.UrlInput("https://example.org/iiif/manifest.json"),
                new InputSpec.UrlInput("http://example.org/a.pdf")), stored.inputs());
        assertTrue(Files.exists(api.server().data().jobJson(id)), "the job's record is written beside its inputs");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"inputs\":[{\"url\":\"ftp://example.org/a.jpg\"}]}                               | inputs[0].url",
        "{\"inputs\":[{\"url\":\"https://example.org/a.jpg\"},{\"url\":\"/etc/passwd\"}]}   | inputs[1].url",
        "{\"inputs\":[{\"url\":\"file:///etc/passwd\"}]}                                    | inputs[0].url",
        "{\"inputs\":[{\"href\":\"https://example.org/a.jpg\"}]}                            | inputs[0].url",
        "{\"inputs\":[{\"url\":42}]}                                                        | inputs[0].url",
        "{\"inputs\":[]}                                                                    | inputs",
        "{\"inputs\":\"https://example.org/a.jpg\"}                                         | inputs",
        "{\"inputs\":{\"url\":\"https://example.org/a.jpg\"}}                               | inputs",
    })
    void badUrlInputsAre400NamingTheField(String body, String field) {
        int before = api.server().jobFolders(urls).size();
        Response r = http.postJson(jobs(urls), body);
        assertEquals(400, r.status(), r::toString);
        assertEquals("invalid_param", r.errorCode());
        JsonNode error = r.json().get("error");
        assertEquals(field, error.get("field").asText(), r::toString);
        assertTrue(error.get("message").asText().startsWith(field), r::toString);
        assertEquals(before, api.server().jobFolders(urls).size());
    }

    @Test
    void aDemoThatTakesOnlyImageFilesRefusesUrlInputs() {
        int before = api.server().jobFolders(images).size();
        Response r = http.postJson(jobs(images), "{\"inputs\":[{\"url\":\"https://example.org/a.jpg\"}]}");
        assertEquals(415, r.status(), r::toString);
        assertEquals("unsupported_media_type", r.errorCode());
        assertEquals("inputs", r.json().get("error").get("field").asText());
        assertEquals(before, api.server().jobFolders(images).size(), "the refused job's folder is removed");
    }

    @Test
    void noInputsIsStillMissingInput() {
        Response r = http.postJson(jobs(urls), "{\"inputs\":null,\"params\":{}}");
        assertEquals(400, r.status(), r::toString);
        assertEquals("missing_input", r.errorCode());
        assertTrue(r.json().get("error").get("message").asText().contains("inputs"), r::toString);
    }

    private static String jobs(dev.ferry.core.demo.Demo demo) {
        return "/api/v1/demos/" + demo.name() + "/jobs";
    }
}
