package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.ModelDemo;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobFiles;
import dev.ferry.core.storage.JobInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JSON submits naming an earlier job's output files: checked against the job and its files, stored as given. */
class JobInputsTest {
    static final TestDemo first = TestDemo.echo();
    static final ModelDemo second = new ModelDemo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(first, second);
    static final Http http = api.http();
    static JobId finished;

    @BeforeAll
    static void finishAJobWithCrops() throws Exception {
        finished = submitFirst();
        TestWorker worker = new TestWorker(api.redis().client(), "crops-worker");
        Job job = worker.claim(first.name());
        Path crops = Files.createDirectories(api.server().data().outputsDir(finished).resolve("crops"));
        byte[] png = TestFiles.png(20, 10);
        Files.write(crops.resolve("0001-page_1.png"), png);
        Files.write(crops.resolve("0001-page_2.png"), png);
        worker.complete(job, "{}", List.of(new JobFile("crops/0001-page_1.png", png.length, "image/png"),
                new JobFile("crops/0001-page_2.png", png.length, "image/png")));
    }

    @Test
    void aSucceededJobsFilesAreStoredAsTheNewJobsInput() throws Exception {
        Response created = http.postJson(jobs(), "{\"inputs\": [{\"job\": \"" + finished + "\", \"files\": \"crops/*\"}]}");
        assertEquals(202, created.status(), created::toString);

        JobId id = JobId.parse(created.json().get("id").asText()).orElseThrow();
        List<Path> inputs = JobInputs.list(api.server().data().inputsDir(id));
        assertEquals(1, inputs.size());
        assertEquals(List.of(new JobFiles(finished, "crops/*")), InputSpec.parse(Files.readAllBytes(inputs.get(0))).inputs());
    }

    @Test
    void aJobThatDoesNotExistIsRefusedNamingTheEntry() {
        JobId never = JobId.generate(first.name(), System.currentTimeMillis());
        Response r = refused("{\"inputs\": [{\"url\": \"https://example.org/a.jpg\"}, {\"job\": \"" + never
                + "\", \"files\": \"crops/*\"}]}", "inputs[1].job");
        assertTrue(r.json().at("/error/message").asText().contains("does not exist"), r::toString);
    }

    @Test
    void aJobThatHasNotSucceededIsRefused() {
        JobId queued = submitFirst();
        Response r = refused("{\"inputs\": [{\"job\": \"" + queued + "\", \"files\": \"crops/*\"}]}", "inputs[0].job");
        assertTrue(r.json().at("/error/message").asText().contains("which is queued"), r::toString);
    }

    @Test
    void aPatternThatMatchesNothingIsRefusedWithTheFilesTheJobHas() {
        Response r = refused("{\"inputs\": [{\"job\": \"" + finished + "\", \"files\": \"overlays/*\"}]}", "inputs[0].files");
        assertTrue(r.json().at("/error/message").asText().contains("crops/0001-page_1.png"), r::toString);
    }

    @Test
    void aMalformedEntryIsRefusedBeforeAnyLookup() {
        refused("{\"inputs\": [{\"job\": \"not-a-job\", \"files\": \"crops/*\"}]}", "inputs[0].job");
        refused("{\"inputs\": [{\"job\": \"" + finished + "\", \"files\": \"../*\"}]}", "inputs[0].files");
        refused("{\"inputs\": [{\"job\": \"" + finished + "\"}]}", "inputs[0].files");
    }

    private static Response refused(String body, String field) {
        Response r = http.postJson(jobs(), body);
        assertEquals(400, r.status(), r::toString);
        assertEquals("invalid_param", r.errorCode());
        JsonNode error = r.json().get("error");
        assertEquals(field, error.get("field").asText(), r::toString);
        assertTrue(error.get("message").asText().startsWith(field), r::toString);
        return r;
    }

    private static JobId submitFirst() {
        return JobId.parse(http.postJson("/api/v1/demos/" + first.name() + "/jobs", "{}").json().get("id").asText())
                .orElseThrow();
    }

    private static String jobs() {
        return "/api/v1/demos/" + second.name() + "/jobs";
    }
}
