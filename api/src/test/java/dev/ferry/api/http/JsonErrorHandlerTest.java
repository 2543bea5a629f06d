package dev.ferry.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Errors Jetty writes itself through {@code sendError} (outside Javalin's exception mapping)
 * carry the JSON error body too, whatever the method and {@code Accept}: a real Jetty server
 * whose only handler refuses every request.
 */
class JsonErrorHandlerTest {
    static Server server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                response.sendError(Integer.parseInt(target.substring(1)));
                base.setHandled(true);
            }
        });
        server.setErrorHandler(new JsonErrorHandler());
        server.start();
        http = new Http(connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void sendErrorAnswersJsonForEveryMethodAndAccept() {
        for (HttpRequest.Builder request : new HttpRequest.Builder[] {
                http.request("/416").header("Accept", "text/html").GET(),
                http.request("/404").header("Accept", "application/xml").DELETE(),
                http.request("/500").PUT(HttpRequest.BodyPublishers.noBody())}) {
            Response r = http.send(request);
            assertTrue(r.header("Content-Type").startsWith("application/json"), r::toString);
            assertTrue(r.json().path("error").path("message").isTextual(), r::toString);
            String expected = switch (r.status()) {
                case 416 -> "range_not_satisfiable";
                case 404 -> "not_found";
                default -> "internal_error";
            };
            assertEquals(expected, r.errorCode(), r::toString);
        }
    }
}
