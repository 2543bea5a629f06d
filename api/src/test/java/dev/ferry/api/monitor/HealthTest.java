package dev.ferry.api.monitor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import dev.ferry.core.job.JobId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class HealthTest {
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();

    @Test
    void healthFollowsRedis() {
        TestDemo echo = TestDemo.echo();
        try (TestServer server = api.start(List.of(echo))) {
            Response ok = server.http().get("/health");
            assertEquals(200, ok.status());
            assertEquals("ok", ok.json().get("status").asText());

            api.redis().stopServer();
            try {
                Response down = server.http().get("/health");
                assertEquals(503, down.status(), down::toString);
                assertEquals("unavailable", down.json().get("status").asText());
                assertEquals("redis_unavailable", down.errorCode());

                Response job = server.http().get("/api/v1/jobs/" + JobId.generate(echo.name(), System.currentTimeMillis()));
                assertEquals(503, job.status(), job::toString);
                assertEquals("redis_unavailable", job.errorCode());
            } finally {
                api.redis().startServer();
            }
            await("health back to 200").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> server.http().get("/health").status() == 200);
        }
    }
}
