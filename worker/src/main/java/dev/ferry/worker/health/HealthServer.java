package dev.ferry.worker.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker's health endpoint, apart from the API's {@code /health}: {@code GET /live} and
 * {@code GET /ready} answer 200 or 503 with a small JSON body. The JDK's own HTTP server on a
 * single thread of its own, so neither busy job threads nor a stuck claim loop delay it.
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    public static HealthServer start(String host, int port, WorkerHealth health, String workerId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 8);
            server.createContext("/live", exchange -> answer(exchange, health.live(), body(health, workerId)));
            server.createContext("/ready", exchange -> answer(exchange, health.ready(), body(health, workerId)));
            server.setExecutor(Executors.newSingleThreadExecutor(DaemonThreads.named("ferry-health-" + workerId)));
            server.start();
            return new HealthServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the worker health endpoint on " + host + ":" + port
                    + " (FERRY_WORKER_HEALTH_HOST, FERRY_WORKER_HEALTH_PORT)", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static ObjectNode body(WorkerHealth health, String workerId) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("worker", workerId).put("live", health.live()).put("ready", health.ready());
        health.hung().ifPresent(reason -> body.put("hung", reason));
        return body;
    }

    private static void answer(HttpExchange exchange, boolean ok, ObjectNode body) throws IOException {
        try (exchange) {
            byte[] bytes = Json.writeBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 503, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
