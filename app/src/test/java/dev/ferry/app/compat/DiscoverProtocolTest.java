package dev.ferry.app.compat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.app.support.ShapeZips;
import dev.ferry.core.hash.Sha256;
import dev.ferry.core.json.Json;
import dev.ferry.demos.clustering.ShapeSet;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.regions.TextPages;
import dev.ferry.demos.vectorization.Diagrams;
import dev.ferry.testkit.TestHttpServer;
import dev.ferry.testkit.TestModels;
import dev.ferry.testkit.WebhookReceiver;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * discover-api's protocol driven as discover-demo drives it (front/tasking/models.py:
 * start_task posts JSON {experiment_id, notify_url, parameters, documents}; get_progress polls
 * /<prefix>/<tracking_id>/status; the results are read from the output the task returns), with
 * the documents served over real HTTP from loopback. Field names are checked against discover's
 * code, cited at each assertion.
 */
class DiscoverProtocolTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> RUNNING = Set.of("PENDING", "PROGRESS");

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("regions,vectorization,clustering")
            .set("FERRY_COMPAT", "discover")
            .set("FERRY_ALLOW_PRIVATE_URLS", "true")
            .beforeStart(config -> ModelStore.of(config).install(new ModelRef("regions", "text_lines"), TestModels.ppOcrDetector()));
    static final ApiCalls api = ferry.api();
    static final TestHttpServer front = new TestHttpServer();
    static final WebhookReceiver notified = WebhookReceiver.start();
    @TempDir
    static Path files;

    @AfterAll
    static void stopFront() {
        front.close();
        notified.close();
    }

    @Test
    void regionsComeBackWithDiscoversAnnotationsAndTheirDatasetRoutes() throws Exception {
        front.body("/media/page.png", "image/png", TextPages.render(1240, 1754, 28, 7).png());
        String experiment = UUID.randomUUID().toString();
        Answer started = api.postJson("/regions/start", """
                {"experiment_id": "%s", "notify_url": "%s", "parameters": null,
                 "documents": [{"type": "img", "src": "%s", "uid": "page1"}]}"""
                .formatted(experiment, notified.url() + "?token=t", front.url("/media/page.png")));

        // app/shared/routes.py, start_task: {"tracking_id", "experiment_id"}; front/tasking/models.py keeps it in a UUIDField
        assertEquals(200, started.status(), started::toString);
        String tracking = started.json().get("tracking_id").asText();
        assertEquals(tracking, UUID.fromString(tracking).toString());
        assertEquals(experiment, started.json().get("experiment_id").asText());

        JsonNode log = finished("regions", tracking);
        // app/regions/tasks.py, extract_objects: dataset_url, annotations, results_url
        String ref = "page1@@text_lines+" + experiment;
        JsonNode pages = log.get("annotations").get(ref);
        assertEquals(1, pages.size(), log::toString);
        JsonNode page = pages.get(0);
        assertEquals(1240, page.get("width").asInt());
        assertEquals("page1", page.get("doc_uid").asText());
        assertTrue(page.get("crops").size() >= 20, page::toString);
        // app/regions/lib/extract.py, add_region: crop fields, absolute in pixels, relative in fractions
        JsonNode crop = page.get("crops").get(0);
        for (String field : List.of("bbox", "crop_id", "source", "confidence")) {
            assertTrue(crop.hasNonNull(field), field + " in " + crop);
        }
        JsonNode absolute = crop.get("absolute");
        assertEquals(absolute.get("x2").asInt() - absolute.get("x1").asInt(), absolute.get("width").asInt());
        assertEquals(absolute.get("x1").asDouble() / 1240, crop.get("relative").get("x1").asDouble(), 0.0001);

        JsonNode served = api.get(path(log.get("results_url").get(0).get("page1").asText())).json();
        assertEquals(page, served.get(0), "the document's annotation file holds the same page");
        // app/shared/dataset/dataset.py, to_dict(with_url=True): uid, documents [{uid, type, src, url}], url
        JsonNode dataset = api.get(path(log.get("dataset_url").asText())).json();
        assertEquals(front.url("/media/page.png"), dataset.at("/documents/0/src").asText());
        assertEquals("img", api.get(path(dataset.at("/documents/0/url").asText())).json().get("type").asText());
        assertDownloadHoldsThePagesItsCropsName(dataset.at("/documents/0"), pages);

        // app/shared/utils/logging.py, notifying: STARTED once, then SUCCESS with the task's output,
        // each with event, tracking_id and experiment_id; sent signed, in order of their sequence
        List<JsonNode> calls = await().atMost(JOB_TIMEOUT).until(() -> callbacks(tracking),
                c -> c.stream().anyMatch(b -> "SUCCESS".equals(b.get("event").asText())));
        assertEquals("STARTED", calls.get(0).get("event").asText(), calls::toString);
        assertEquals(1, calls.stream().filter(b -> "STARTED".equals(b.get("event").asText())).count());
        JsonNode success = calls.get(calls.size() - 1);
        assertEquals("SUCCESS", success.get("event").asText());
        assertEquals(experiment, success.get("experiment_id").asText());
        assertTrue(success.get("success").asBoolean());
        assertEquals(log.get("annotations"), success.at("/output/annotations"), "the callback carries what status answers");
        assertTrue(notified.received().stream().allMatch(r -> r.signature().startsWith("v1,")), "signed as every webhook is");
    }

    /**
     * discover-demo downloads a document's ZIP (front/datasets/models.py, download_from_api and
     * extract_from_zip), reads images.json and places each crop on the image whose id is the crop's
     * source (apply_cropping).
     */
    private static void assertDownloadHoldsThePagesItsCropsName(JsonNode document, JsonNode pages) throws Exception {
        // app/shared/dataset/document.py, to_dict(with_url=True) and get_download_url
        assertEquals(document.get("url").asText() + "/download", document.get("download").asText());
        Map<String, byte[]> zip = unzip(path(document.get("download").asText()));
        JsonNode images = Json.MAPPER.readTree(zip.get("images.json"));
        assertEquals(1, images.size(), images::toString);
        assertEquals(Set.of("images.json", images.at("/0/path").asText()), zip.keySet());
        // app/shared/dataset/utils.py, Image.to_dict: id, src, path (from the document's folder), metadata
        JsonNode image = images.get(0);
        assertTrue(image.get("path").asText().startsWith("images/"), image::toString);
        assertEquals(document.get("src").asText(), image.get("src").asText());
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(zip.get(image.get("path").asText())));
        assertEquals(List.of(1240, 1754), List.of(page.getWidth(), page.getHeight()));
        String id = image.get("id").asText();
        for (JsonNode annotated : pages) {
            assertEquals(id, annotated.get("source").asText());
            annotated.get("crops").forEach(crop -> assertEquals(id, crop.get("source").asText(), crop::toString));
        }
    }

    @Test
    void aDocumentThatCanNoLongerBeReadIsABadGateway() throws Exception {
        String url;
        String tracking;
        try (TestHttpServer gone = new TestHttpServer()) {
            url = gone.url("/media/once.png");
            gone.body("/media/once.png", "image/png", Diagrams.draw(200, 150, 1).png());
            tracking = startedJson("vectorization", "{\"documents\": [{\"type\": \"img\", \"src\": \"%s\", \"uid\": \"once\"}]}"
                    .formatted(url));
            finished("vectorization", tracking);
        }
        Files.delete(ferry.data().resolve("cache").resolve("urls").resolve(Sha256.hex(url)));

        Answer download = api.get("/datasets/document/img/" + tracking + "/once/download");
        assertEquals(502, download.status(), download::toString);
        assertEquals("fetch_failed", download.json().get("code").asText());
        assertTrue(download.json().get("error").asText().contains(url), download::toString);
        assertEquals(404, api.get("/datasets/document/img/" + tracking + "/other/download").status());
    }

    /** The callbacks received for one task, in the order of the webhook events that sent them. */
    private static List<JsonNode> callbacks(String tracking) {
        return notified.received().stream()
                .sorted(java.util.Comparator.comparingLong(r -> Long.parseLong(r.id().substring(r.id().lastIndexOf('_') + 1))))
                .map(WebhookReceiver.Received::json)
                .filter(b -> tracking.equals(b.path("tracking_id").asText()))
                .toList();
    }

    @Test
    void vectorizationAnswersAResultUrlPerDocumentServingItsZip() throws Exception {
        front.body("/media/plate.png", "image/png", Diagrams.draw(320, 220, 1).png());
        String tracking = startedJson("vectorization", """
                {"documents": "[{\\"type\\": \\"img\\", \\"src\\": \\"%s\\", \\"uid\\": \\"plate\\"}]"}"""
                .formatted(front.url("/media/plate.png")));

        JsonNode log = finished("vectorization", tracking);
        // app/vectorization/vectorization.py, run_task: {doc.uid: results url, ..., "error": [...]}
        assertEquals(0, log.get("error").size(), log::toString);
        assertEquals(List.of("vectorization.json"), zipEntries(path(log.get("plate").asText())).subList(0, 1));
    }

    @Test
    void clusteringTakesDiscoversFormWithADatasetUrlAndAnswersAResultZip() throws Exception {
        Path zip = ShapeZips.write(files.resolve("shapes.zip"), ShapeSet.generate(2, 3, 48, ShapeSet.Variation.NONE, 5));
        front.body("/media/shapes.zip", "application/zip", Files.readAllBytes(zip));
        // app/dticlustering/routes.py, start_clustering: request.form["dataset_url"], parameters as a JSON string
        Answer started = api.postForm("/clustering/start", "dataset_url=" + front.url("/media/shapes.zip")
                + "&experiment_id=c1&parameters=%7B%22n_prototypes%22%3A2%2C%22background_option%22%3A%220_dti%22%7D");
        assertEquals(200, started.status(), started::toString);

        JsonNode log = finished("clustering", started.json().get("tracking_id").asText());
        // app/dticlustering/tasks.py, train_dti: {"result_url"}; front/dticlustering/models.py unzips it
        assertTrue(zipEntries(path(log.get("result_url").asText())).contains("clusters.json"), log::toString);
    }

    @Test
    void badDocumentsAndUnknownTasksAreRefusedWithDiscoverShapedErrors() {
        Answer type = api.postJson("/regions/start", "{\"documents\": [{\"type\": \"docx\", \"src\": \"https://a.example/x\"}]}");
        assertEquals(400, type.status(), type::toString);
        assertEquals("documents[0].type", type.json().get("field").asText());
        assertTrue(type.json().get("error").asText().contains("iiif, zip, url_list, pdf, img"), type::toString);

        Answer list = api.postJson("/vectorization/start",
                "{\"documents\": [{\"type\": \"url_list\", \"src\": \"https://a.example/list.json\"}]}");
        assertEquals(400, list.status(), list::toString);
        assertTrue(list.json().get("error").asText().contains("url_list"), list::toString);

        Answer none = api.postJson("/regions/start", "{\"experiment_id\": \"e\"}");
        assertEquals(400, none.status(), none::toString);
        assertEquals("missing_input", none.json().get("code").asText());

        Answer model = api.postJson("/regions/start", "{\"documents\": [{\"type\": \"img\", \"src\": \"https://a.example/p.png\"}],"
                + " \"model\": \"illustration_extraction.pt\"}");
        assertEquals(400, model.status(), model::toString);
        assertTrue(model.json().get("error").asText().contains("illustration_extraction"), model::toString);

        Answer unknown = api.get("/regions/" + UUID.randomUUID() + "/status");
        assertEquals(404, unknown.status(), unknown::toString);
        assertFalse(unknown.json().get("error").asText().isEmpty());
        int traversal = api.get("/regions/..%2F..%2Fetc/status").status();
        assertTrue(traversal >= 400 && traversal < 500, "a path as tracking id: " + traversal);
    }

    @Test
    void queueRoutesAndCancelAnswerInDiscoversShape() {
        // app/shared/routes.py, qsizes and monitor
        JsonNode qsizes = api.get("/clustering/qsizes").json();
        assertEquals("clustering", qsizes.at("/queues/clustering/name").asText());
        assertTrue(qsizes.at("/queues/clustering/size").isIntegralNumber(), qsizes::toString);
        JsonNode monitor = api.get("/vectorization/monitor").json();
        assertTrue(monitor.get("total_size").isIntegralNumber(), monitor::toString);
        assertTrue(monitor.has("queues"));
        assertEquals("text_lines", api.get("/regions/models").json().get("text_lines").get("model").asText());
        // front/tasking/models.py, clear_api_task posts without discover's trailing slash
        assertEquals(0, api.postJson("/clustering/monitor/clear/" + UUID.randomUUID(), "{}").json().get("cleared_runs").asInt());

        front.body("/media/cancel.png", "image/png", Diagrams.draw(200, 150, 1).png());
        String tracking = startedJson("vectorization", "{\"documents\": [{\"type\": \"img\", \"src\": \"%s\"}]}"
                .formatted(front.url("/media/cancel.png")));
        Answer cancelled = api.postJson("/vectorization/" + tracking + "/cancel", "");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals(tracking, cancelled.json().get("tracking_id").asText());
        JsonNode log = await().atMost(JOB_TIMEOUT).until(() -> status("vectorization", tracking),
                l -> !RUNNING.contains(l.path("status").asText()));
        assertTrue(log.has("error") || "ERROR".equals(log.path("status").asText()), log::toString);
    }

    private static String startedJson(String prefix, String json) {
        Answer started = api.postJson("/" + prefix + "/start", json);
        assertEquals(200, started.status(), started::toString);
        return started.json().get("tracking_id").asText();
    }

    /** Polls as discover-demo's get_progress does, until the log is no longer PENDING or PROGRESS. */
    private static JsonNode finished(String prefix, String tracking) {
        JsonNode log = await().atMost(JOB_TIMEOUT).until(() -> status(prefix, tracking), l -> !RUNNING.contains(l.path("status").asText()));
        assertFalse("ERROR".equals(log.path("status").asText()), log::toString);
        return log;
    }

    private static JsonNode status(String prefix, String tracking) {
        JsonNode answer = api.get("/" + prefix + "/" + tracking + "/status").json();
        assertEquals(tracking, answer.get("tracking_id").asText());
        return answer.get("log");
    }

    private static String path(String url) {
        assertTrue(url.startsWith(api.base()), url + " is not under " + api.base());
        return url.substring(api.base().length());
    }

    private static Map<String, byte[]> unzip(String path) throws Exception {
        Answer answer = api.get(path);
        assertEquals(200, answer.status(), answer::toString);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(answer.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static List<String> zipEntries(String path) throws Exception {
        Answer answer = api.get(path);
        assertEquals(200, answer.status(), answer::toString);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(answer.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
