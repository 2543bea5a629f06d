package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.ServerResources;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploads whose client stalls or goes away halfway, over a raw socket: the stalled one is cut
 * off after FERRY_HTTP_IDLE_TIMEOUT_S, neither leaves a file or a busy thread behind, and other
 * clients are served meanwhile.
 */
class BrokenUploadsTest {
    private static final int IDLE_TIMEOUT_S = 2;
    private static final Duration STALL_WAIT = Duration.ofSeconds(25);
    private static final int UPLOAD_BYTES = 4 * 1024 * 1024;
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();
    private final TestDemo echo = TestDemo.echo();
    private TestServer server;
    private ServerResources before;

    @BeforeEach
    void start() {
        server = api.start(List.of(echo), "FERRY_HTTP_IDLE_TIMEOUT_S", IDLE_TIMEOUT_S);
        assertEquals(202, submitSmall().status(), "warm-up");
        before = ServerResources.measure();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUploadThatStallsHalfwayIsCutOffAndLeavesNothing() throws IOException {
        try (Socket stalled = sendHalfAnUpload()) {
            Awaitility.await("the server to spool the upload").atMost(Duration.ofSeconds(30)).until(() -> !spooled().isEmpty());
            Response other = submitSmall();
            assertEquals(202, other.status(), other::toString);

            // Returns once the server closes the connection. The wait is generous for the setting's
            // 2 s, yet shorter than the 30 s Jetty waits when nothing is set.
            stalled.setSoTimeout((int) STALL_WAIT.toMillis());
            stalled.getInputStream().readAllBytes();
        }
        assertNothingLeft();
    }

    @Test
    void anUploadWhoseClientDisconnectsHalfwayLeavesNothing() throws IOException {
        try (Socket gone = sendHalfAnUpload()) {
            Awaitility.await("the server to spool the upload").atMost(Duration.ofSeconds(30)).until(() -> !spooled().isEmpty());
        }
        Response other = submitSmall();
        assertEquals(202, other.status(), other::toString);
        assertNothingLeft();
    }

    private Socket sendHalfAnUpload() throws IOException {
        Multipart form = new Multipart().file("file", "big.bin", "application/octet-stream", new byte[UPLOAD_BYTES]);
        byte[] body = form.bytes();
        String head = "POST /api/v1/demos/" + echo.name() + "/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + form.contentType() + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        Socket socket = new Socket("127.0.0.1", server.port());
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return socket;
    }

    private Response submitSmall() {
        return server.http().postMultipart("/api/v1/demos/" + echo.name() + "/jobs",
                new Multipart().file("file", "small.bin", "application/octet-stream", new byte[1024]));
    }

    /**
     * No spooled part on disk, none held open (Jetty 11 closes the spool file of a part cut
     * short only once the part is collected, hence the collections), no job but the complete
     * ones, and no thread still busy with the broken request.
     */
    private void assertNothingLeft() {
        Awaitility.await("the spooled part to be removed and closed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    System.gc();
                    return spooled().isEmpty() && openSpoolFiles() == 0;
                });
        ServerResources.awaitBackTo(before);
        assertEquals(List.of(), server.jobFolders().stream().filter(job -> !complete(job)).toList(), "no half-written input");
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir())) {
            return files.toList();
        }
    }

    private long openSpoolFiles() throws IOException {
        String spool = spoolDir().toString();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith(spool);
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }

    private Path spoolDir() {
        return server.data().root().resolve("tmp").resolve("uploads");
    }

    private static boolean complete(Path job) {
        try (Stream<Path> inputs = Files.list(job.resolve("inputs"))) {
            return inputs.allMatch(input -> input.toFile().length() == 1024);
        } catch (IOException e) {
            return false;
        }
    }
}
