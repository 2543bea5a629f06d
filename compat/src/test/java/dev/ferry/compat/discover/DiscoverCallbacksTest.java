package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.job.Progress;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bodies of discover-api app/shared/utils/logging.py, notifying: event, tracking_id, experiment_id, then per event. */
class DiscoverCallbacksTest {
    @TempDir
    Path root;

    @Test
    void startedProgressSuccessAndErrorInDiscoversShape() throws Exception {
        DataFolder data = new DataFolder(root);
        JobId id = JobId.generate("clustering", 1_733_600_000_000L);
        new DiscoverRecord("exp-7", Optional.of("https://front.example/n"), "http://ferry:8000", List.of()).save(data, id);
        DiscoverCallbacks callbacks = new DiscoverCallbacks(data);
        String tracking = TrackingId.of(id);

        assertEquals(Json.MAPPER.readTree("{\"event\":\"STARTED\",\"tracking_id\":\"" + tracking + "\",\"experiment_id\":\"exp-7\"}"),
                body(callbacks, "started", job(id, JobState.RUNNING, Optional.empty())));
        assertEquals("PROGRESS", body(callbacks, "progress", job(id, JobState.RUNNING, Optional.empty())).get("event").asText());

        JsonNode success = body(callbacks, "completed", job(id, JobState.SUCCEEDED, Optional.empty()));
        assertEquals("SUCCESS", success.get("event").asText());
        assertEquals(true, success.get("success").asBoolean());
        // front/dticlustering/models.py reads data["output"]["result_url"]
        assertEquals("http://ferry:8000/clustering/" + tracking + "/result", success.at("/output/result_url").asText());

        JsonNode failed = body(callbacks, "completed", job(id, JobState.FAILED,
                Optional.of(new JobError(ErrorCode.BAD_INPUT, "no image in the inputs"))));
        assertEquals(Json.MAPPER.readTree("{\"event\":\"ERROR\",\"tracking_id\":\"" + tracking + "\",\"experiment_id\":\"exp-7\","
                + "\"error\":\"bad_input: no image in the inputs\",\"completed\":true}"), failed);
        assertEquals("the job was cancelled", body(callbacks, "completed", job(id, JobState.CANCELLED, Optional.empty()))
                .get("error").asText());
    }

    @Test
    void aJobNotStartedThroughDiscoverHasNoDiscoverBody() {
        DiscoverCallbacks callbacks = new DiscoverCallbacks(new DataFolder(root));
        Job job = job(JobId.generate("regions", 1L), JobState.RUNNING, Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> callbacks.body("started", job));
    }

    private static JsonNode body(DiscoverCallbacks callbacks, String event, Job job) throws Exception {
        return Json.MAPPER.readTree(callbacks.body(event, job));
    }

    private static Job job(JobId id, JobState state, Optional<JobError> error) {
        return new Job(id, state, Map.of(), Priority.NORMAL, 1, 1, 60_000, new Progress(2, 5, "reading images"), Instant.EPOCH,
                Optional.of(Instant.EPOCH), Optional.empty(), error, Optional.empty(), List.of(), 1, Optional.empty(),
                Optional.empty());
    }
}
