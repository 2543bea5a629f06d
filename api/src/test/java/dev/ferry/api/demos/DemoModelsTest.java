package dev.ferry.api.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.ModelDemo;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import dev.ferry.api.support.TestServer;
import dev.ferry.testkit.RedisForTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A demo's models in {@code GET /api/v1/demos}, and submits refused because a model is not usable. */
class DemoModelsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    @TempDir
    static Path dataDir;
    static final ModelDemo models = new ModelDemo();
    static final TestDemo images = TestDemo.images();
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(redis, dataDir, List.of(models, images));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

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
        int before = jobFolders().size();
        Response r = http.postJson(jobs(), "{\"inputs\":[{\"url\":\"https://example.org/a.jpg\"}],\"params\":{\"model\":\"large\"}}");
        assertEquals(400, r.status(), r::toString);
        assertEquals("model_missing", r.errorCode());
        String message = r.json().get("error").get("message").asText();
        assertTrue(message.contains("ferry models pull " + models.name() + " large"), message);
        assertEquals(before, jobFolders().size(), "nothing is stored for a refused job");
        assertEquals(Map.of("model", "large", "confidence", 0.5), models.checked().get(models.checked().size() - 1),
                "the demo is asked with the validated parameters, defaults filled in");
    }

    @Test
    void aDamagedModelIs400AndTheUploadIsNotKept() {
        int before = jobFolders().size();
        Response r = http.postMultipart(jobs(), new Multipart()
                .file("file", "page.png", "image/png", TestFiles.png(8, 8))
                .field("params", "{\"model\":\"broken\"}"));
        assertEquals(400, r.status(), r::toString);
        assertEquals("model_corrupt", r.errorCode());
        assertEquals(before, jobFolders().size());
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

    private static List<Path> jobFolders() {
        Path jobs = server.data().root().resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            return List.of();
        }
        try (var dirs = Files.list(jobs)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith(models.name() + "-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
