package dev.ferry.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 and a free port, serving fixed bodies and redirects, counting
 * requests per path. Close it, or register it per test ({@code @RegisterExtension final
 * TestHttpServer server = new TestHttpServer();}) to have it stopped after each test.
 */
public final class TestHttpServer implements AutoCloseable, AfterEachCallback {
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public TestHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public TestHttpServer body(String path, String contentType, byte[] body) {
        server.createContext(path, exchange -> {
            count(exchange);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    public TestHttpServer redirect(String path, String location) {
        server.createContext(path, exchange -> {
            count(exchange);
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        return this;
    }

    /** Sends headers, then {@code bytes} a little at a time, {@code pauseMs} apart: a slow body. */
    public TestHttpServer slow(String path, int bytes, long pauseMs) {
        server.createContext(path, exchange -> {
            count(exchange);
            exchange.sendResponseHeaders(200, bytes);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < bytes; i += 100) {
                    out.write(new byte[100]);
                    out.flush();
                    Thread.sleep(pauseMs);
                }
            } catch (InterruptedException | IOException e) {
                // the client gave up, as the test expects
            }
        });
        return this;
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    private void count(HttpExchange exchange) {
        hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
