package dev.ferry.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import dev.ferry.testkit.RedisForTests;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Requests no route answers still get the JSON error shape. */
class ErrorsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    @TempDir
    static Path dataDir;
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(redis, dataDir, List.of(TestDemo.echo()));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownRouteIs404Json() {
        Response r = http.get("/api/v2/everything");
        assertEquals(404, r.status());
        assertEquals("not_found", r.errorCode());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void wrongMethodIs405Json() {
        Response r = http.send(http.request("/api/v1/demos").DELETE());
        assertEquals(405, r.status(), r::toString);
        assertEquals("method_not_allowed", r.errorCode());
        Response get = http.get("/api/v1/jobs/abc/cancel");
        assertEquals(405, get.status(), get::toString);
    }

    @Test
    void requestsJettyRefusesAreJsonToo() throws Exception {
        String answer = rawRequest("GET /api/v1/jobs/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/json") && answer.contains("\"error\""), answer);
        assertTrue(answer.contains("\"code\":\"bad_request\""), answer);
        assertTrue(!answer.contains("<html"), answer);
    }

    /** java.net.http refuses to send a malformed URI, so this one goes over a plain socket. */
    private static String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
