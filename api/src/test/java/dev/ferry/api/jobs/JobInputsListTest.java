package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/v1/jobs/{id}/inputs and /inputs/{path}: what a job was given, served back as its outputs are. */
class JobInputsListTest {
    static final TestDemo images = TestDemo.images();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(images);
    static final Http http = api.http();

    @Test
    void theUploadsAreListedInOrderAndServed() {
        byte[] first = TestFiles.png(8, 8);
        byte[] second = TestFiles.png(16, 4);
        String id = http.postMultipart("/api/v1/demos/" + images.name() + "/jobs", new Multipart()
                .file("file", "page one.png", "image/png", first)
                .file("file", "b.png", "image/png", second)).json().get("id").asText();

        JsonNode inputs = http.get("/api/v1/jobs/" + id + "/inputs").json().get("inputs");
        assertEquals(2, inputs.size(), inputs::toString);
        JsonNode one = inputs.get(0);
        assertEquals("000-page_one.png", one.get("path").asText());
        assertEquals("page_one.png", one.get("name").asText());
        assertEquals(first.length, one.get("size").asLong());
        assertEquals("image/png", one.get("content_type").asText());
        assertEquals("/api/v1/jobs/" + id + "/inputs/000-page_one.png", one.get("url").asText());
        assertEquals("b.png", inputs.get(1).get("name").asText());

        Response served = http.get(one.get("url").asText());
        assertEquals(200, served.status());
        assertArrayEquals(first, served.bytes());
        assertEquals(206, http.get(inputs.get(1).get("url").asText(), "Range", "bytes=0-3").status());
    }

    @Test
    void nothingOutsideTheInputsFolderIsReachable() {
        String id = http.postMultipart("/api/v1/demos/" + images.name() + "/jobs", new Multipart()
                .file("file", "a.png", "image/png", TestFiles.png(8, 8))).json().get("id").asText();
        for (String path : new String[] {"../job.json", "..%2Fjob.json", "%2e%2e/job.json", "nothing.png"}) {
            Response r = http.get("/api/v1/jobs/" + id + "/inputs/" + path);
            assertEquals(404, r.status(), path);
        }
        assertEquals(404, http.get("/api/v1/jobs/images-01jdb7q1c0m8m8e0z0d3qj6y2w/inputs").status());
    }
}
