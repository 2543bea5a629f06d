package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.redis.ClusterForTests;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ferry's API and worker on a Redis Cluster of three masters: submitted jobs run to success. */
class ClusterSubmitTest {
    @RegisterExtension
    @Order(1)
    static final ClusterForTests redis = new ClusterForTests();

    @RegisterExtension
    @Order(2)
    static final FerryForTests ferry = FerryForTests.serving("noop")
            .set("REDIS_CLUSTER_ADDRESSES", redis.settings().get("REDIS_CLUSTER_ADDRESSES"));

    @Test
    void submittedJobsSucceed() {
        List<String> ids = IntStream.range(0, 20)
                .mapToObj(i -> ferry.api().submitJson("noop", "{\"params\": {\"echo\": \"job " + i + "\"}}"))
                .toList();

        List<String> states = ids.stream()
                .map(id -> ferry.api().awaitFinished(id, Duration.ofSeconds(120)))
                .map((JsonNode job) -> job.path("state").asText())
                .toList();
        assertEquals(ids.stream().map(id -> "succeeded").toList(), states);
    }
}
