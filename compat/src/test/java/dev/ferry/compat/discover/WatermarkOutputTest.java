package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.json.Json;
import org.junit.jupiter.api.Test;

/** app/watermarks/tasks.py, _pipeline: {"detection"?, "matches", "query_flips"} for the photo a start sent. */
class WatermarkOutputTest {
    @Test
    void theFirstPhotosDetectionAndItsQueriesMatchesWithNoneAsNull() throws Exception {
        assertEquals(Json.MAPPER.readTree(WatermarkMatchesFiles.TWO_PHOTOS_RESULT),
                WatermarkOutput.result(Json.MAPPER.readTree(WatermarkMatchesFiles.TWO_PHOTOS)));
    }

    @Test
    void aPhotoMatchedWholeHasNoDetection() throws Exception {
        assertEquals(Json.MAPPER.readTree(WatermarkMatchesFiles.WHOLE_PHOTO_RESULT),
                WatermarkOutput.result(Json.MAPPER.readTree(WatermarkMatchesFiles.WHOLE_PHOTO)));
    }
}
