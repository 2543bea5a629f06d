package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import dev.ferry.api.support.TestServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refusals that protect the server: upload size, queue length, free disk. */
class SubmitLimitsTest {
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();

    private static byte[] twoMegabytes() {
        byte[] bytes = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void oversizeUploadWithContentLengthIs413BeforeTheBodyIsRead() {
        TestDemo echo = TestDemo.echo();
        try (TestServer server = api.start(List.of(echo), "FERRY_MAX_UPLOAD_MB", 1)) {
            Multipart form = new Multipart().file("file", "big.bin", "application/octet-stream", twoMegabytes());
            Response r = server.http().send(server.http().request("/api/v1/demos/" + echo.name() + "/jobs")
                    .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
            assertEquals(413, r.status(), r::toString);
            assertEquals("too_large", r.errorCode());
            assertEquals(0, server.jobFolders().size(), "nothing was stored");
        }
    }

    @Test
    void oversizeUploadWithoutContentLengthIsCutOffWhileReading() {
        TestDemo echo = TestDemo.echo();
        try (TestServer server = api.start(List.of(echo), "FERRY_MAX_UPLOAD_MB", 1)) {
            Multipart form = new Multipart().file("file", "big.bin", "application/octet-stream", twoMegabytes());
            byte[] body = form.bytes();
            Response r = server.http().send(server.http().request("/api/v1/demos/" + echo.name() + "/jobs")
                    .header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
            assertEquals(413, r.status(), r::toString);
            assertEquals("too_large", r.errorCode());
            assertEquals(0, server.jobFolders().size());
        }
    }

    @Test
    void manyFilesTogetherOverTheLimitAre413() {
        TestDemo echo = TestDemo.echo();
        try (TestServer server = api.start(List.of(echo), "FERRY_MAX_UPLOAD_MB", 1)) {
            byte[] part = new byte[700 * 1024];
            new Random(3).nextBytes(part);
            Response r = server.http().postMultipart("/api/v1/demos/" + echo.name() + "/jobs", new Multipart()
                    .file("file", "a.bin", "application/octet-stream", part)
                    .file("file", "b.bin", "application/octet-stream", part));
            assertEquals(413, r.status(), r::toString);
            assertEquals(0, server.jobFolders().size(), "the first file, already stored, is removed again");
        }
    }

    @Test
    void fullQueueIs429WithRetryAfter() {
        TestDemo images = TestDemo.images();
        try (TestServer server = api.start(List.of(images), "FERRY_MAX_QUEUED", 2)) {
            String path = "/api/v1/demos/" + images.name() + "/jobs";
            for (int i = 0; i < 2; i++) {
                Response ok = server.http().postMultipart(path, new Multipart().file("file", "a.png", "image/png", TestFiles.png(2, 2)));
                assertEquals(202, ok.status(), ok::toString);
            }
            Response full = server.http().postMultipart(path, new Multipart().file("file", "a.png", "image/png", TestFiles.png(2, 2)));
            assertEquals(429, full.status(), full::toString);
            assertEquals("queue_full", full.errorCode());
            assertTrue(Integer.parseInt(full.header("Retry-After")) > 0);
            assertEquals(2, server.jobFolders().size(), "the refused job's inputs are removed");
        }
    }

    @Test
    void lowDiskIs507() {
        TestDemo echo = TestDemo.echo();
        try (TestServer server = api.start(List.of(echo), "FERRY_MIN_FREE_MB", 1_000_000_000L)) {
            Response r = server.http().postJson("/api/v1/demos/" + echo.name() + "/jobs", "{}");
            assertEquals(507, r.status(), r::toString);
            assertEquals("insufficient_storage", r.errorCode());
        }
    }
}
