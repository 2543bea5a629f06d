package dev.ferry.app.compat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.demos.matching.CopiedPictures;
import dev.ferry.demos.matching.Transposition;
import dev.ferry.demos.watermarks.WatermarkPictures;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * discover-api's watermarks protocol end to end, as its front-end drives it: a reference
 * collection uploaded through Ferry's sources route, then {@code POST /watermarks/start} with a
 * photo, its status polled, its result read (discover-api app/watermarks/routes.py and
 * tasks.py: {@code matches[q][k]} with {@code similarity, best_source_flip, best_query_flip,
 * query_index, source_index}; {@code query_flips} with null for the photo as it is), run by a
 * real worker with the local-features engine.
 */
class WatermarksProtocolTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);
    private static final Set<String> RUNNING = Set.of("PENDING", "PROGRESS");
    private static final int TRACINGS = 8;

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("watermarks").set("FERRY_COMPAT", "discover");
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    @Test
    void aPhotoOfPaperIsMatchedToItsTracingInTheSourceAndAnsweredInDiscoversShape() throws Exception {
        Answer added = api.postMultipart("/api/v1/demos/watermarks/sources", Map.of("name", "tracings"),
                Map.of("file", tracings()));
        assertEquals(201, added.status(), added::toString);
        String source = added.json().get("uid").asText();
        JsonNode listed = api.get("/watermarks/sources").json();
        assertEquals(source, listed.get(0).get("uid").asText(), listed::toString);

        Path photo = Files.write(files.resolve("photo.png"),
                CopiedPictures.png(WatermarkPictures.photo(5, Transposition.ROT180, 0.8, 640, 480, 220, 120)));
        Answer started = api.postMultipart("/watermarks/start", Map.of("compare_to", source, "detect", "false",
                "experiment_id", "e2e"), Map.of("image", photo));
        assertEquals(200, started.status(), started::toString);
        String tracking = started.json().get("tracking_id").asText();

        JsonNode log = await().atMost(JOB_TIMEOUT).until(() -> api.get("/watermarks/" + tracking + "/status").json().get("log"),
                l -> !RUNNING.contains(l.path("status").asText()));
        assertTrue(log.has("matches"), log::toString);
        JsonNode best = log.get("matches").get(0).get(0);
        assertEquals(5, best.get("source_index").asInt(), log::toString);
        assertEquals(0, best.get("query_index").asInt());
        assertEquals(0, best.get("best_source_flip").asInt());
        assertEquals("rot180", log.get("query_flips").get(best.get("best_query_flip").asInt()).asText(), log::toString);
        assertTrue(log.get("query_flips").get(0).isNull(), "discover names the photo as it is null");
        assertTrue(best.get("similarity").asDouble() > 0, best::toString);
        assertTrue(!log.has("detection"), "detect=false: no detection, as discover answers it");
        assertEquals(log, api.get("/watermarks/task/" + tracking + "/result").json());
    }

    private static Path tracings() throws Exception {
        Path zip = files.resolve("tracings.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < TRACINGS; i++) {
                out.putNextEntry(new ZipEntry(String.format("w%02d.png", i)));
                out.write(CopiedPictures.png(WatermarkPictures.tracing(i)));
                out.closeEntry();
            }
        }
        return zip;
    }
}
