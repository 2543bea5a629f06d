package dev.ferry.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest {
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();

    @Test
    void keysAreRequiredOnEveryRouteButHealth() {
        TestDemo echo = TestDemo.echo();
        try (TestServer server = api.start(List.of(echo), "FERRY_API_KEYS", "first-key,second-key")) {
            Http http = server.http();
            String submit = "/api/v1/demos/" + echo.name() + "/jobs";
            for (String path : List.of("/api/v1/demos", "/monitor", "/metrics", "/api/v1/jobs", "/no/such/route")) {
                Response r = http.get(path);
                assertEquals(401, r.status(), path);
                assertEquals("unauthorized", r.errorCode());
            }
            assertEquals(401, http.postJson(submit, "{}").status());
            assertEquals(401, http.get("/api/v1/demos", "Authorization", "Bearer wrong-key").status());
            assertEquals(401, http.get("/api/v1/demos", "Authorization", "Bearer first-ke").status());
            assertEquals("Bearer", http.get("/api/v1/demos").header("WWW-Authenticate"));

            assertEquals(200, http.get("/health").status());
            assertEquals(200, http.get("/api/v1/demos", "Authorization", "Bearer first-key").status());
            assertEquals(200, http.get("/api/v1/demos", "Authorization", "bearer second-key").status());
            assertEquals(200, http.get("/api/v1/demos", "X-API-Key", "second-key").status());
            // DSAC's clients send their key as X_API_KEY (docs/compat.md)
            assertEquals(200, http.get("/api/v1/demos", "X_API_KEY", "first-key").status());
            assertEquals(401, http.get("/api/v1/demos", "X_API_KEY", "wrong-key").status());
            assertEquals(202, http.postJson(submit, "{}", "Authorization", "Bearer first-key").status());
        }
    }

    @Test
    void operatorRoutesNeedAnAdminKeyAndEveryKeyIsOne() {
        TestDemo echo = TestDemo.echo();
        try (TestServer server = api.start(List.of(echo), "FERRY_API_KEYS", "first-key,second-key")) {
            Http http = server.http();
            String demo = "/api/v1/demos/" + echo.name();
            String job = "/api/v1/jobs/" + echo.name() + "-01jdb7q1c0m8m8e0z0d3qj6y2w";
            List<HttpRequest.Builder> operatorRoutes = List.of(
                    http.request(demo + "/pause").POST(BodyPublishers.noBody()),
                    http.request(demo + "/resume").POST(BodyPublishers.noBody()),
                    http.request(demo + "/dead-letters").GET(),
                    http.request(demo + "/dead-letters/retry").POST(BodyPublishers.noBody()),
                    http.request(demo + "/dead-letters").DELETE(),
                    http.request(job + "/retry").POST(BodyPublishers.noBody()),
                    http.request(job).DELETE());
            for (var route : operatorRoutes) {
                assertEquals(401, http.send(route).status(), route.build()::toString);
            }
            assertEquals(200, http.post(demo + "/pause", "Authorization", "Bearer first-key").status());
            assertEquals(200, http.post(demo + "/resume", "X-API-Key", "second-key").status());
            assertEquals(200, http.get(demo + "/dead-letters", "Authorization", "Bearer second-key").status());
            assertEquals(404, http.post(job + "/retry", "Authorization", "Bearer first-key").status(), "past the key, no such job");
        }
    }

    @Test
    void refusesToListenBeyondThisMachineWithoutKeys() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> api.start(List.of(TestDemo.echo()), "FERRY_HOST", "0.0.0.0"));
        assertTrue(refused.getMessage().contains("FERRY_API_KEYS"), refused.getMessage());
        try (TestServer server = api.start(List.of(TestDemo.echo()), "FERRY_HOST", "0.0.0.0",
                "FERRY_API_KEYS", "k")) {
            assertEquals(200, server.http().get("/api/v1/demos", "X-API-Key", "k").status());
        }
    }
}
