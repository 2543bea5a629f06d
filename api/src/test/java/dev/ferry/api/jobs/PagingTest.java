package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A job with 250 output files (as a regions job on a long PDF has thousands) and listings a page at a time. */
class PagingTest {
    static final int FILES = 250;
    static final TestDemo crops = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(crops);
    static final Http http = api.http();
    static final List<String> paths = IntStream.range(0, FILES).mapToObj(i -> String.format("crops/crop-%03d.txt", i)).toList();
    static JobId id;

    @BeforeAll
    static void finishAJobWithManyFiles() throws Exception {
        id = JobId.parse(http.postJson("/api/v1/demos/" + crops.name() + "/jobs", "{}").json().get("id").asText()).orElseThrow();
        TestWorker worker = new TestWorker(api.redis().client(), "paging-worker");
        Job job = worker.claim(crops.name());
        Path outputs = api.server().data().outputsDir(id);
        Files.createDirectories(outputs.resolve("crops"));
        List<JobFile> files = new ArrayList<>();
        for (String path : paths) {
            byte[] content = path.getBytes(StandardCharsets.UTF_8);
            Files.write(outputs.resolve(path), content);
            files.add(new JobFile(path, content.length, "text/plain"));
        }
        worker.complete(job, "{}", files);
    }

    @Test
    void theJobShowsItsFirstHundredFilesTheirCountAndWhereTheRestAre() {
        Response r = http.get("/api/v1/jobs/" + id);
        JsonNode job = r.json();
        assertEquals(FILES, job.get("file_count").asInt());
        assertEquals(paths.subList(0, 100), paths(job.get("files")));
        assertEquals("/api/v1/jobs/" + id + "/files", job.get("files_url").asText());
        assertTrue(r.bytes().length < 25_000, "the job stays small: " + r.bytes().length + " bytes");

        JsonNode listed = http.get("/api/v1/jobs?demo=" + crops.name()).json().get("jobs").get(0);
        assertEquals(100, listed.get("files").size(), "a listed job is as small");
        assertEquals(FILES, listed.get("file_count").asInt());
    }

    @Test
    void theFileListPagesThroughEveryFileInOrder() {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = http.get("/api/v1/jobs/" + id).json().get("files_url").asText();
        while (next != null) {
            JsonNode page = http.get(next).json();
            assertEquals(FILES, page.get("file_count").asInt());
            sizes.add(page.get("files").size());
            seen.addAll(paths(page.get("files")));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            assertEquals(page.get("next").isNull(), page.get("next_cursor").isNull());
        }
        assertEquals(List.of(100, 100, 50), sizes);
        assertEquals(paths, seen);

        JsonNode first = http.get("/api/v1/jobs/" + id + "/files?limit=120").json();
        assertEquals(120, first.get("files").size());
        JsonNode second = http.get(first.get("next").asText()).json();
        assertEquals(paths.subList(120, 240), paths(second.get("files")), "the next link keeps the limit");
        String lastUrl = second.get("files").get(119).get("url").asText();
        assertEquals(paths.get(239), http.get(lastUrl).text(), "a listed file's url serves it");
    }

    @Test
    void badPagingIs400AndAnUnknownJob404() {
        for (String query : List.of("cursor=!!!", "cursor=bm90LWEtbnVtYmVy", "limit=0", "limit=1001")) {
            Response r = http.get("/api/v1/jobs/" + id + "/files?" + query);
            assertEquals(400, r.status(), query + " -> " + r);
            assertEquals("invalid_param", r.errorCode());
        }
        assertEquals("cursor", http.get("/api/v1/jobs?cursor=bm90LWEtY3Vyc29y").json().get("error").get("field").asText());
        Response unknown = http.get("/api/v1/jobs/" + JobId.generate(crops.name(), System.currentTimeMillis()) + "/files");
        assertEquals(404, unknown.status());
        assertEquals("job_not_found", unknown.errorCode());
    }

    @Test
    void theJobListPagesWithoutRepeatingOrSkippingAJob() {
        TestDemo demo = TestDemo.echo();
        try (TestServer own = api.start(List.of(demo))) {
            for (int i = 0; i < 5; i++) {
                assertEquals(202, own.http().postJson("/api/v1/demos/" + demo.name() + "/jobs", "{}").status());
            }
            List<String> all = ids(own.http().get("/api/v1/jobs?demo=" + demo.name()).json());
            assertEquals(5, all.size());

            List<String> paged = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String next = "/api/v1/jobs?demo=" + demo.name() + "&limit=2";
            while (next != null) {
                JsonNode page = own.http().get(next).json();
                sizes.add(page.get("jobs").size());
                paged.addAll(ids(page));
                next = page.get("next").isNull() ? null : page.get("next").asText();
            }
            assertEquals(List.of(2, 2, 1), sizes);
            assertEquals(all, paged, "newest first, each job once");

            String cursor = own.http().get("/api/v1/jobs?demo=" + demo.name() + "&limit=2").json().get("next_cursor").asText();
            assertEquals(202, own.http().postJson("/api/v1/demos/" + demo.name() + "/jobs", "{}").status());
            assertEquals(all.subList(2, 4), ids(own.http().get("/api/v1/jobs?demo=" + demo.name() + "&limit=2&cursor=" + cursor).json()),
                    "a job submitted meanwhile does not shift the next page");
        }
    }

    private static List<String> paths(JsonNode files) {
        return StreamSupport.stream(files.spliterator(), false).map(f -> f.get("path").asText()).toList();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("jobs").spliterator(), false).map(j -> j.get("id").asText()).toList();
    }
}
