package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.job.JobId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackingIdTest {

    @Test
    void aTrackingIdIsAUuidThatLeadsBackToTheJobUnderEveryDemo() {
        JobId id = JobId.generate("regions", 1_733_600_000_000L);
        String tracking = TrackingId.of(id);

        // discover-demo keeps it in a Django UUIDField (front/tasking/models.py, api_tracking_id)
        assertEquals(tracking, UUID.fromString(tracking).toString());
        assertEquals(List.of(new JobId("regions", id.ulid()), new JobId("clustering", id.ulid())),
                List.copyOf(TrackingId.candidates(tracking, List.of("regions", "clustering"))));
        assertEquals(List.of(new JobId("regions", id.ulid())),
                List.copyOf(TrackingId.candidates(tracking.replace("-", "").toUpperCase(), List.of("regions"))));
    }

    @Test
    void aFerryIdIsATrackingIdAndAnythingElseNamesNoJob() {
        JobId id = JobId.generate("clustering", 1L);
        assertEquals(List.of(id), List.copyOf(TrackingId.candidates(id.toString(), List.of("regions"))));
        assertTrue(TrackingId.candidates("../../etc/passwd", List.of("regions")).isEmpty());
        assertTrue(TrackingId.candidates(null, List.of("regions")).isEmpty());
    }
}
