package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.ApiServer;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.sources.Source;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.DemoServices;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.demos.similarity.CroppedPages;
import dev.ferry.demos.similarity.SimilarityDemo;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import dev.ferry.testkit.TestHttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * discover-api's similarity and watermark-sources routes over real HTTP, served by the API with
 * FERRY_COMPAT=discover. No worker runs here: a started job's parameters are read from its
 * record, and a job is finished as a worker does (claimed, its pairs.json written in the shape
 * the similarity demo writes, or the demo run on its stored inputs, completed), to read the
 * status and result mapping. discover's crops are served as documents over real HTTP.
 */
class SimilarityAndSourcesRoutesTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TempFolder folders;
    private static DemoServices services;
    private static DataFolder data;
    private static DemoCatalog demos;
    private static ApiServer server;
    private static TestHttpServer documents;

    @BeforeAll
    static void start() {
        folders = TempFolder.create("ferry-compat-");
        FerryConfig config = TestConfig.of(redis, folders.newFolder("data-")).set("FERRY_COMPAT", "discover")
                .set("FERRY_ALLOW_PRIVATE_URLS", "true").build();
        services = DemoServices.forApi(config);
        data = new DataFolder(config.dataDir());
        demos = DemoCatalog.of(List.of(new SimilarityDemo(services)), Set.of());
        server = ApiServer.start(config, redis.client(), demos, data, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                CompatProtocols.mount(new CompatProtocols.Services(config, demos, redis.client(), data, services.media())));
        documents = new TestHttpServer().body("/one.png", "image/png", CroppedPages.pageOne())
                .body("/two.zip", "application/zip", CroppedPages.pageTwoZip());
    }

    @AfterAll
    static void stop() {
        documents.close();
        server.close();
        services.close();
        folders.close();
    }

    @Test
    void similarityStartMapsDiscoversParametersOntoAFerryJob() throws Exception {
        // app/similarity/routes.py, start_similarity: transpositions is a list; segswap_* and cosine_n_filter are discover's own
        JsonNode started = post("/similarity/start", """
                {"experiment_id": "sim-1", "notify_url": "http://127.0.0.1:9/notify",
                 "documents": [{"type": "img", "src": "http://127.0.0.1:9/a.png", "uid": "bookA"},
                               {"type": "img", "src": "http://127.0.0.1:9/b.png", "uid": "bookB"}],
                 "parameters": {"algorithm": "cosine", "transpositions": ["none", "ROT90", "hflip"], "topk": 5,
                                "cosine_n_filter": 10, "segswap_prefilter": true, "segswap_n": 10}}""").json();
        assertEquals("sim-1", started.get("experiment_id").asText());

        Job job = job(started.get("tracking_id").asText());
        assertEquals("similarity", job.demo());
        assertEquals("none,rot90,hflip", job.params().get("transpositions"));
        assertEquals(5, ((Number) job.params().get("topk")).intValue());
        assertEquals("local", job.params().get("engine"), "without feat_net, the engine that needs no model");
    }

    @Test
    void aFinishedSimilarityJobAnswersDiscoversStatusAndResult() throws Exception {
        String tracking = post("/similarity/start", """
                {"experiment_id": "sim-2", "documents": [{"type": "img", "src": "http://127.0.0.1:9/a.png", "uid": "bookA"},
                 {"type": "zip", "src": "http://127.0.0.1:9/b.zip", "uid": "bookB"}]}""").json().get("tracking_id").asText();
        assertEquals("PENDING", get("/similarity/" + tracking + "/status").json().at("/log/status").asText());
        finish(job(tracking));

        JsonNode log = get("/similarity/" + tracking + "/status").json().get("log");
        // app/similarity/tasks.py, compute_similarity: dataset_url, annotations, results_url [{doc_pair, result_url}]
        assertEquals("dataset", log.at("/results_url/0/doc_pair").asText(), log::toString);
        String resultUrl = log.at("/results_url/0/result_url").asText();
        assertTrue(resultUrl.endsWith("/similarity/" + tracking + "/result"), resultUrl);
        JsonNode result = get(URI.create(resultUrl).getPath()).json();
        assertEquals(log.get("annotations"), result, "the status carries what the result route serves");

        // similarity.py, format_results: parameters, index {sources, images, transpositions}, pairs [i, j, score, tr_i, tr_j]
        assertEquals(Json.MAPPER.readTree("[[0, 2, 0.8, 4, 0], [0, 1, 0.5, 0, 0]]"), result.get("pairs"));
        assertEquals(List.of("bookA", "bookB"), names(result.at("/index/sources")));
        assertEquals("zip", result.at("/index/sources/bookB/type").asText());
        assertEquals("http://127.0.0.1:9/b.zip", result.at("/index/sources/bookB/src").asText());
        JsonNode third = result.at("/index/images/2");
        assertEquals("bookB", third.get("doc_uid").asText());
        assertEquals("b.zip!/p2.png", third.get("id").asText());
        assertEquals("hflip", result.at("/index/transpositions").get(4).asText());
    }

    @Test
    void similarityQueueModelsAndUnknownTasksInDiscoversShape() throws Exception {
        // app/shared/routes.py, qsizes and monitor
        assertTrue(get("/similarity/qsizes").json().at("/queues/similarity/size").isNumber());
        assertTrue(get("/similarity/monitor").json().get("total_size").isNumber());
        assertTrue(get("/similarity/models").json().isObject());
        Answer unknown = get("/similarity/00000000-0000-0000-0000-000000000000/status");
        assertEquals(404, unknown.status());
        assertEquals("job_not_found", unknown.json().get("code").asText());
        assertTrue(unknown.json().get("error").asText().contains("00000000-0000-0000-0000-000000000000"));
        Answer badTransposition = post("/similarity/start", """
                {"documents": [{"type": "img", "src": "http://127.0.0.1:9/a.png"}], "parameters": {"transpositions": "rot90"}}""");
        assertEquals(400, badTransposition.status());
        assertEquals("transpositions", badTransposition.json().get("field").asText());
    }

    @Test
    void watermarkSourcesAreListedAndServedFromTheSourceStore() throws Exception {
        byte[] zip = zipOfOnePicture();
        Source source = new SourceStore(data, services.config().media()).add(new ByteArrayInputStream(zip), 1 << 20, "briquet",
                Map.of("collection", "Briquet"));

        // app/watermarks/sources.py, list_available: [{"uid", "metadata"}]
        JsonNode listed = get("/watermarks/sources").json();
        JsonNode entry = Json.MAPPER.createObjectNode();
        for (JsonNode s : listed) {
            if (s.get("uid").asText().equals(source.uid())) {
                entry = s;
            }
        }
        assertEquals("Briquet", entry.at("/metadata/collection").asText(), listed::toString);
        Answer images = get("/watermarks/sources/" + source.uid() + "/images.zip");
        assertEquals(200, images.status());
        assertArrayEquals(zip, images.bytes());
        assertEquals(source.uid(), get("/watermarks/sources/" + source.uid() + "/index.json").json().get("uid").asText());

        // app/watermarks/routes.py, send_result: 404 {"error": "Source <uid> not found"}
        Answer missing = get("/watermarks/sources/nosuchsource/index.json");
        assertEquals(404, missing.status());
        assertEquals("Source nosuchsource not found", missing.json().get("error").asText());
    }

    @Test
    void theCropsAreComparedAndTheResultNamesThemByCropId() throws Exception {
        Answer started = post("/similarity/start", request("""
                [{"doc_uid": "bookA", "source": "one.png", "crops": [
                   {"crop_id": "drawing-1", "relative": {"x1": 0.1, "y1": 0.25, "x2": 0.35, "y2": 0.75}},
                   {"crop_id": "photo-1", "relative": {"x": 0.6, "y": 0.25, "width": 0.25, "height": 0.5}}]},
                 {"doc_uid": "bookB", "source": "scans/p2.png", "crops": [
                   {"crop_id": "other-2", "relative": {"x1": 0.25, "y1": 0.1, "x2": 0.75, "y2": 0.35}},
                   {"crop_id": "drawing-2", "relative": {"x1": 0.3, "y1": 0.6, "x2": 0.8, "y2": 0.85}}]}]"""));
        assertEquals(200, started.status(), started::text);
        String tracking = started.json().get("tracking_id").asText();
        Job job = job(tracking);
        JsonNode crops = Json.MAPPER.valueToTree(job.params().get("crops"));
        assertEquals(documents.url("/two.zip") + "!/scans/p2.png", crops.at("/3/image").asText(), crops::toString);
        assertEquals(Json.MAPPER.readTree("[0.6, 0.25, 0.85, 0.75]"), crops.at("/1/box"), "x, y, width, height as corners");

        run(job);

        JsonNode result = get("/similarity/" + tracking + "/result").json();
        JsonNode images = result.at("/index/images");
        assertEquals(List.of("drawing-1", "photo-1", "other-2", "drawing-2"), texts(images, "id"), result::toString);
        assertEquals(List.of("bookA", "bookA", "bookB", "bookB"), texts(images, "doc_uid"));
        assertEquals("0.300,0.600,0.800,0.850", images.at("/3/metadata/crop").asText(), "discover's crop metadata");
        assertEquals(List.of("bookA", "bookB"), names(result.at("/index/sources")));
        JsonNode best = result.at("/pairs/0");
        assertEquals("0 3", best.get(0).asInt() + " " + best.get(1).asInt(), "the drawings' crops: " + result.get("pairs"));
    }

    @Test
    void malformedCropsAndUnknownDocumentsAreDiscoverShaped400s() throws Exception {
        Answer unknown = post("/similarity/start", request("""
                [{"doc_uid": "bookC", "source": "one.png", "crops": [{"crop_id": "c", "relative": {"x1": 0, "y1": 0, "x2": 1, "y2": 1}}]}]"""));
        assertEquals(400, unknown.status(), unknown::text);
        assertEquals("crops[0].doc_uid", unknown.json().get("field").asText());
        assertEquals("crops[0].doc_uid 'bookC' is none of the request's documents (bookA, bookB)",
                unknown.json().get("error").asText());

        Answer reversed = post("/similarity/start", request("""
                [{"doc_uid": "bookA", "source": "one.png", "crops": [{"crop_id": "c", "relative": {"x1": 0.5, "y1": 0, "x2": 0.2, "y2": 1}}]}]"""));
        assertEquals(400, reversed.status(), reversed::text);
        assertEquals("crops[0].crops[0].relative", reversed.json().get("field").asText());
        assertTrue(reversed.json().get("error").asText().contains("0 <= x1 < x2 <= 1"), reversed::text);

        Answer noId = post("/similarity/start", request("""
                [{"doc_uid": "bookA", "source": "one.png", "crops": [{"relative": {"x1": 0, "y1": 0, "x2": 1, "y2": 1}}]}]"""));
        assertEquals("crops[0].crops[0].crop_id", noId.json().get("field").asText(), noId::text);
        Answer notAList = post("/similarity/start", request("\"{\\\"doc_uid\\\": 1}\""));
        assertEquals("crops", notAList.json().get("field").asText(), notAList::text);
        assertEquals("invalid_param", notAList.json().get("code").asText());
    }

    /** A start with bookA (an image) and bookB (a ZIP) and these crops. */
    private static String request(String crops) {
        return """
                {"experiment_id": "crops", "documents": [{"type": "img", "src": "%s", "uid": "bookA"},
                                                         {"type": "zip", "src": "%s", "uid": "bookB"}],
                 "crops": %s, "parameters": {"topk": 1}}""".formatted(documents.url("/one.png"), documents.url("/two.zip"), crops);
    }

    /** Claimed, run on its stored inputs and completed, as a worker does. */
    private static void run(Job queued) throws Exception {
        WorkQueue worker = new WorkQueue(redis.scripts(), "test-worker");
        Job running = worker.claim("similarity", 1).get(0);
        assertEquals(queued.id(), running.id());
        TestDemoContext ctx = new TestDemoContext(running.id().toString(), demos.find("similarity").orElseThrow().params().validate(running.params()),
                JobInputs.list(data.inputsDir(running.id())), data.outputsDir(running.id()));
        JsonNode result = demos.find("similarity").orElseThrow().run(ctx);
        worker.complete(running, result.toString(), List.of());
    }

    /** Claimed and completed as a worker does, with the pairs.json the similarity demo writes (docs/demos.md, similarity). */
    private static void finish(Job queued) throws Exception {
        WorkQueue worker = new WorkQueue(redis.scripts(), "test-worker");
        Job running = worker.claim("similarity", 1).get(0);
        assertEquals(queued.id(), running.id());
        Path outputs = Files.createDirectories(data.outputsDir(running.id()));
        Files.writeString(outputs.resolve("pairs.json"), """
                {"parameters": {"engine": "local", "topk": 20, "min_score": 0.0,
                                "transpositions": ["none", "rot90", "rot180", "rot270", "hflip", "vflip"], "queries": [], "rerank": false},
                 "index": {"sources": {"1": {"input": 1, "name": "a.png"}, "2": {"input": 2, "name": "b.zip"}},
                           "images": [{"image": 0, "doc": "1", "source": "a.png", "width": 40, "height": 30},
                                      {"image": 1, "doc": "2", "source": "b.zip!/p1.png", "width": 40, "height": 30},
                                      {"image": 2, "doc": "2", "source": "b.zip!/p2.png", "width": 40, "height": 30}],
                           "transpositions": ["none", "rot90", "rot180", "rot270", "hflip", "vflip"]},
                 "pairs": [[0, 2, 0.8, 4, 0], [0, 1, 0.5, 0, 0]], "named_pairs": [], "failed_pages": [], "warnings": []}""");
        worker.complete(running, "{\"pairs\": 2}", List.of());
    }

    private static Job job(String tracking) {
        JobReader reader = new JobReader(redis.client());
        for (JobId id : TrackingId.candidates(tracking, demos.names())) {
            var job = reader.get(id);
            if (job.isPresent()) {
                return job.get();
            }
        }
        throw new AssertionError("no job for tracking id " + tracking);
    }

    private static byte[] zipOfOnePicture() throws Exception {
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        picture.getGraphics().drawLine(4, 4, 60, 40);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mark1.png"));
            zip.write(png.toByteArray());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Answer(int status, byte[] bytes) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(bytes);
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static Answer post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Answer send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
