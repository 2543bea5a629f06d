package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.ServerResources;
import dev.ferry.api.support.TestDemo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 200 multi-MB uploads at once, each held halfway until all are: the server spools them to
 * disk rather than holding them in memory, serves other clients meanwhile, stores every one
 * whole, and gives back its threads and heap afterwards.
 */
class ConcurrentUploadsTest {
    private static final int UPLOADS = 200;
    private static final int UPLOAD_BYTES = 2 * 1024 * 1024;
    static final TestDemo echo = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo);
    static final Http http = api.http();
    /** Every upload sends these bytes, read from this one array, so the test's own memory stays flat. */
    static final Multipart FORM = new Multipart().file("file", "upload.bin", "application/octet-stream", new byte[UPLOAD_BYTES]);

    @Test
    void twoHundredUploadsAtOnceAreSpooledStoredWholeAndLeaveNothingBehind() throws Exception {
        byte[] body = FORM.bytes();
        assertEquals(202, submit(body, new CountDownLatch(0)).status(), "warm-up");
        ServerResources before = ServerResources.measure();

        CountDownLatch secondHalves = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(UPLOADS);
        try {
            List<Future<Response>> uploads = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                uploads.add(clients.submit(() -> submit(body, secondHalves)));
            }
            Awaitility.await("every upload to be half read").atMost(Duration.ofSeconds(60))
                    .until(() -> spooled().stream().filter(f -> f.toFile().length() >= UPLOAD_BYTES / 4).count() == UPLOADS);
            ServerResources during = ServerResources.measure();
            long inFlight = (long) UPLOADS * UPLOAD_BYTES / 2;
            assertTrue(during.heapBytes() - before.heapBytes() < inFlight / 4, "with " + inFlight / (1024 * 1024)
                    + " MB of uploads read, the heap grew from " + before + " to " + during);
            assertEquals(200, http.get("/api/v1/demos").status(), "other clients are served meanwhile");

            secondHalves.countDown();
            for (Future<Response> upload : uploads) {
                Response response = upload.get(120, TimeUnit.SECONDS);
                assertEquals(202, response.status(), response::toString);
            }
        } finally {
            secondHalves.countDown();
            clients.shutdownNow();
        }
        assertEquals(List.of(), api.server().jobFolders(echo).stream().filter(job -> !storedWhole(job)).toList());
        assertEquals(UPLOADS + 1, api.server().jobFolders(echo).size());
        Awaitility.await("the spooled uploads to be removed").atMost(Duration.ofSeconds(30)).until(() -> spooled().isEmpty());
        ServerResources.awaitBackTo(before);
    }

    private static Response submit(byte[] body, CountDownLatch secondHalf) {
        HttpRequest.BodyPublisher halves = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new HalfThenWait(body, secondHalf)), body.length);
        return http.send(http.request("/api/v1/demos/" + echo.name() + "/jobs").timeout(Duration.ofSeconds(120))
                .header("Content-Type", FORM.contentType())
                .POST(halves));
    }

    private static List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(api.server().data().root().resolve("tmp").resolve("uploads"))) {
            return files.toList();
        }
    }

    private static boolean storedWhole(Path job) {
        try (Stream<Path> inputs = Files.list(job.resolve("inputs"))) {
            return inputs.allMatch(input -> input.toFile().length() == UPLOAD_BYTES);
        } catch (IOException e) {
            return false;
        }
    }

    /** Gives the first half of the body at once, the second once {@code secondHalf} opens. */
    private static final class HalfThenWait extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int half;
        private final CountDownLatch secondHalf;
        private int read;

        HalfThenWait(byte[] body, CountDownLatch secondHalf) {
            this.bytes = new ByteArrayInputStream(body);
            this.half = body.length / 2;
            this.secondHalf = secondHalf;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read == half) {
                try {
                    secondHalf.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            int limit = read < half ? Math.min(length, half - read) : length;
            int n = bytes.read(buffer, offset, limit);
            read += Math.max(n, 0);
            return n;
        }
    }
}
