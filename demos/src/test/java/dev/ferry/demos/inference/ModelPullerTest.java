package dev.ferry.demos.inference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.core.demo.ModelState;
import dev.ferry.core.hash.Sha256;
import dev.ferry.demos.TestStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a real HTTP server on 127.0.0.1 that honours Range and can break a response halfway. */
class ModelPullerTest {
    static final ModelRef REF = new ModelRef("demo_a", "weights");

    @TempDir
    Path data;
    byte[] content;
    byte[] served;
    HttpServer server;
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final AtomicInteger breakNext = new AtomicInteger();
    volatile boolean honourRange = true;
    ModelStore store;
    ModelPuller puller;

    @BeforeEach
    void serve() throws IOException {
        content = new byte[300_000];
        new Random(42).nextBytes(content);
        served = content;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/weights.onnx", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/weights.onnx";
        CatalogEntry entry = new CatalogEntry("demo_a", "weights", Sha256.of(new ByteArrayInputStream(content)),
                content.length, "MIT", ModelSource.url(url), TestStores.yoloContract(1, List.of("x")));
        store = new ModelStore(data, new ModelCatalog(List.of(entry)));
        puller = new ModelPuller(store);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aDownloadBrokenHalfwayIsResumedWithARangeRequest() throws IOException {
        breakNext.set(1);
        List<ModelStatus> pulled = puller.pull("demo_a", Optional.empty(), ModelPuller.Progress.NONE);
        assertEquals(ModelState.PRESENT, pulled.get(0).state());
        assertEquals(List.of("", "bytes=" + content.length / 2 + "-"), ranges);
        assertArrayEquals(content, Files.readAllBytes(store.require(REF).onnxFile()));
    }

    @Test
    void aPartLeftByAnEarlierRunIsResumed() throws IOException {
        Files.createDirectories(store.folder(REF));
        Files.write(store.folder(REF).resolve("model.onnx.part"), java.util.Arrays.copyOf(content, 1000));
        puller.pull("demo_a", Optional.of("weights"), ModelPuller.Progress.NONE);
        assertEquals(List.of("bytes=1000-"), ranges);
        assertEquals(ModelState.PRESENT, store.status(REF).state());
    }

    @Test
    void aServerIgnoringRangeRestartsTheDownload() throws IOException {
        honourRange = false;
        Files.createDirectories(store.folder(REF));
        Files.write(store.folder(REF).resolve("model.onnx.part"), new byte[] {9, 9, 9});
        puller.pull("demo_a", Optional.empty(), ModelPuller.Progress.NONE);
        assertArrayEquals(content, Files.readAllBytes(store.require(REF).onnxFile()));
    }

    @Test
    void aFileWithTheWrongChecksumIsNotInstalled() {
        served = "something else entirely".getBytes();
        IOException e = assertThrows(IOException.class,
                () -> puller.pull("demo_a", Optional.empty(), ModelPuller.Progress.NONE));
        assertTrue(e.getMessage().contains("nothing was installed"), e.getMessage());
        assertEquals(ModelState.MISSING, store.status(REF).state());
        assertFalse(Files.exists(store.folder(REF).resolve("model.onnx.part")));
    }

    @Test
    void aPresentModelIsNotDownloadedAgain() throws IOException {
        puller.pull("demo_a", Optional.empty(), ModelPuller.Progress.NONE);
        ranges.clear();
        assertEquals(ModelState.PRESENT, puller.pull("demo_a", Optional.empty(), ModelPuller.Progress.NONE).get(0).state());
        assertEquals(List.of(), ranges);
    }

    @Test
    void progressIsReported() throws IOException {
        List<Long> seen = new CopyOnWriteArrayList<>();
        puller.pull("demo_a", Optional.empty(), (ref, bytes, total) -> {
            assertEquals(content.length, total);
            seen.add(bytes);
        });
        assertEquals(content.length, seen.get(seen.size() - 1));
    }

    @Test
    void anUnknownModelNamesTheKnownOnes() {
        IOException e = assertThrows(IOException.class,
                () -> puller.pull("demo_a", Optional.of("nope"), ModelPuller.Progress.NONE));
        assertEquals("the model manifest has no model 'nope' for demo 'demo_a'; it lists [weights]", e.getMessage());
        IOException none = assertThrows(IOException.class,
                () -> puller.pull("demo_z", Optional.empty(), ModelPuller.Progress.NONE));
        assertEquals("the model manifest lists no models for demo 'demo_z'", none.getMessage());
    }

    @Test
    void anInstallOnlyModelIsLeftForItsUserAndNamedItSaysHowToInstallIt() throws IOException {
        CatalogEntry own = new CatalogEntry("demo_a", "own", "", 0, "MIT", null, TestStores.yoloContract(1, List.of("x")));
        CatalogEntry weights = store.catalog().find(REF).orElseThrow();
        ModelPuller both = new ModelPuller(new ModelStore(data, new ModelCatalog(List.of(weights, own))));

        List<ModelStatus> pulled = both.pull("demo_a", Optional.empty(), ModelPuller.Progress.NONE);
        assertEquals(List.of(ModelState.PRESENT, ModelState.MISSING), pulled.stream().map(ModelStatus::state).toList());
        assertEquals("install-only (bring the file)", pulled.get(1).source());

        IOException e = assertThrows(IOException.class,
                () -> both.pull("demo_a", Optional.of("own"), ModelPuller.Progress.NONE));
        assertTrue(e.getMessage().endsWith("install your copy with `ferry models install demo_a own --from <file>`"),
                e.getMessage());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        byte[] body = served;
        int from = 0;
        if (range != null && honourRange) {
            from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - from);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        OutputStream out = exchange.getResponseBody();
        try {
            if (breakNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                int half = (body.length - from) / 2;
                long sent = from + half;
                out.write(body, from, half);
                out.flush();
                // The JDK client drops what it has received but not yet handed to the reader when the
                // connection breaks, so the cut waits until the part file holds all that was sent:
                // otherwise the resume point would depend on how far the client's thread had got.
                await("the client to store the bytes sent").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> Files.size(store.partFile(REF)) == sent);
                // the server closes the connection with half the promised bytes sent
                throw new IOException("broken on purpose");
            }
            out.write(body, from, body.length - from);
        } finally {
            exchange.close();
        }
    }
}
