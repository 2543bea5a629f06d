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
import dev.ferry.core.job.JobId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListAndCancelTest {
    static final TestDemo echo = TestDemo.echo();
    static final TestDemo other = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo, other);
    static final Http http = api.http();

    private static String submit(TestDemo demo) {
        Response r = http.postJson("/api/v1/demos/" + demo.name() + "/jobs", "{}");
        assertEquals(202, r.status(), r::toString);
        return r.json().get("id").asText();
    }

    private static List<String> ids(Response list) {
        assertEquals(200, list.status(), list::toString);
        return StreamSupport.stream(list.json().get("jobs").spliterator(), false).map(j -> j.get("id").asText()).toList();
    }

    @Test
    void listsNewestFirstWithFilters() throws Exception {
        TestDemo demo = TestDemo.echo();
        try (TestServer own = api.start(List.of(demo, other))) {
            Http client = own.http();
            List<String> submitted = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                submitted.add(client.postJson("/api/v1/demos/" + demo.name() + "/jobs", "{}").json().get("id").asText());
                Thread.sleep(3); // distinct creation times, so "newest first" is well defined
            }
            new TestWorker(api.redis().client(), "w1").claim(demo.name()); // the oldest starts running

            assertEquals(List.of(submitted.get(3), submitted.get(2), submitted.get(1), submitted.get(0)),
                    ids(client.get("/api/v1/jobs?demo=" + demo.name())));
            assertEquals(List.of(submitted.get(3), submitted.get(2)), ids(client.get("/api/v1/jobs?demo=" + demo.name() + "&limit=2")));
            assertEquals(List.of(submitted.get(0)), ids(client.get("/api/v1/jobs?demo=" + demo.name() + "&state=running")));
            assertEquals(3, ids(client.get("/api/v1/jobs?demo=" + demo.name() + "&state=queued")).size());

            String elsewhere = client.postJson("/api/v1/demos/" + other.name() + "/jobs", "{}").json().get("id").asText();
            List<String> all = ids(client.get("/api/v1/jobs?limit=1000"));
            assertTrue(all.containsAll(submitted) && all.contains(elsewhere), "without demo, every served demo is listed");
            assertEquals(elsewhere, all.get(0));
        }
    }

    @Test
    void badFiltersAre400NamingTheField() {
        for (String[] c : new String[][] {{"demo=nosuch", "demo"}, {"state=sleeping", "state"}, {"limit=0", "limit"},
                {"limit=1001", "limit"}, {"limit=ten", "limit"}}) {
            Response r = http.get("/api/v1/jobs?" + c[0]);
            assertEquals(400, r.status(), c[0]);
            assertEquals("invalid_param", r.errorCode());
            assertEquals(c[1], r.json().get("error").get("field").asText());
        }
    }

    @Test
    void cancellingAQueuedJob() {
        String id = submit(echo);
        Response r = http.post("/api/v1/jobs/" + id + "/cancel");
        assertEquals(200, r.status(), r::toString);
        JsonNode job = r.json();
        assertEquals(id, job.get("id").asText());
        assertEquals("cancelled", job.get("state").asText());
        assertEquals("cancelled", http.get("/api/v1/jobs/" + id).json().get("state").asText());
        assertEquals("cancelled", http.post("/api/v1/jobs/" + id + "/cancel").json().get("state").asText(), "cancel twice is harmless");
    }

    @Test
    void cancellingAnUnknownJobIs404() {
        Response unknown = http.post("/api/v1/jobs/" + JobId.generate(echo.name(), System.currentTimeMillis()) + "/cancel");
        assertEquals(404, unknown.status());
        assertEquals("job_not_found", unknown.errorCode());
        assertEquals(404, http.post("/api/v1/jobs/garbage/cancel").status());
    }
}
