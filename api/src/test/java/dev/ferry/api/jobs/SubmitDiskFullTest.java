package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import dev.ferry.testkit.SmallFilesystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The data folder on a real 8 MB filesystem that fills up: submits are refused with 507 and leave nothing behind. */
class SubmitDiskFullTest {
    private static final int DISK_MB = 8;
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();
    @RegisterExtension
    static final SmallFilesystem disk = SmallFilesystem.of(DISK_MB);
    private final TestDemo echo = TestDemo.echo();
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(api.redis(), Files.createTempDirectory(disk.path(), "data-"), List.of(echo), "FERRY_MIN_FREE_MB", 1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void submitsAre507WhileTheDiskIsFullAndAcceptedOnceSpaceIsBack() throws IOException {
        Path filler = disk.fill("filler.bin");
        Response refused = submit(new byte[1024]);
        assertEquals(507, refused.status(), refused::toString);
        assertEquals("insufficient_storage", refused.errorCode());

        Files.delete(filler);
        Response accepted = submit(new byte[1024]);
        assertEquals(202, accepted.status(), accepted::toString);
    }

    @Test
    void anUploadTheDiskCannotHoldIsRefusedBeforeItIsRead() throws IOException {
        Response refused = submit(new byte[5 * 1024 * 1024]);
        assertEquals(507, refused.status(), refused::toString);
        assertEquals("insufficient_storage", refused.errorCode());
        assertEquals(List.of(), filesIn(server.data().root().resolve("tmp")), "nothing was spooled");
        assertEquals(List.of(), server.jobFolders());
    }

    /**
     * Without a declared length the disk fills while the upload is stored: 12 MB cannot even
     * be spooled; 5 MB can, but not copied beside its spooled self among the job's inputs.
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 12})
    void anUploadThatFillsTheDiskWhileStoredIs507AndLeavesNoHalfWrittenFile(int megabytes) throws IOException {
        Response refused = submitChunked(new byte[megabytes * 1024 * 1024]);
        assertEquals(507, refused.status(), refused::toString);
        assertEquals("insufficient_storage", refused.errorCode());
        assertEquals(List.of(), server.jobFolders(), "the job's folder is removed");
        Awaitility.await("the spooled upload to be removed").atMost(Duration.ofSeconds(30))
                .until(() -> filesIn(server.data().root().resolve("tmp")), List::isEmpty);
        // Jetty 11 closes the spool file of a part cut short only when that part is collected.
        Awaitility.await("the space to come back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    System.gc();
                    return disk.freeBytes() > (DISK_MB - 1) * 1024L * 1024;
                });

        Response accepted = submit(new byte[1024]);
        assertEquals(202, accepted.status(), accepted::toString);
    }

    private Response submit(byte[] content) {
        return server.http().postMultipart("/api/v1/demos/" + echo.name() + "/jobs",
                new Multipart().file("file", "upload.bin", "application/octet-stream", content));
    }

    /** Sent without Content-Length, so the server learns the size only by reading. */
    private Response submitChunked(byte[] content) {
        Multipart form = new Multipart().file("file", "upload.bin", "application/octet-stream", content);
        byte[] body = form.bytes();
        return server.http().send(server.http().request("/api/v1/demos/" + echo.name() + "/jobs")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
