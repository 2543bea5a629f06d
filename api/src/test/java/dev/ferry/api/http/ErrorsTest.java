package dev.ferry.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.TestDemo;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests no route answers still get the JSON error shape. */
class ErrorsTest {
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(TestDemo.echo());
    static final Http http = api.http();

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
        try (Socket socket = new Socket("127.0.0.1", api.server().port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
