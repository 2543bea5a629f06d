package dev.ferry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback: it keeps every request it gets and answers each with the
 * next status a test queued ({@link #answer}), else 200. It can stop and start again on the
 * same port, as a receiver that is down for a while.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final int port;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver listening on a free port. */
    public static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(0);
        receiver.listen(0);
        return receiver;
    }

    /** A receiver whose port is reserved but that is not listening yet ({@link #up()} starts it). */
    public static WebhookReceiver down() {
        WebhookReceiver probe = start();
        int port = probe.port();
        probe.close();
        return new WebhookReceiver(port);
    }

    public synchronized void up() {
        listen(port);
    }

    private synchronized void listen(int on) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The next requests get these statuses, in order, with these headers. */
    public void answer(int status, Map<String, String> headers) {
        answers.add(new Answer(status, headers));
    }

    public void answer(int status) {
        answer(status, Map.of());
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    public int port() {
        return server != null ? server.getAddress().getPort() : port;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body));
        Answer answer = answers.poll();
        int status = answer == null ? 200 : answer.status();
        if (answer != null) {
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private record Answer(int status, Map<String, String> headers) {}

    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, byte[] body) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The Standard Webhooks check, written here apart from Ferry's signer: one of the signatures is this secret's. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] signed = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
                return Arrays.asList(signature.split(" ")).contains(expected);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String event() {
            return json().path("event").asText();
        }

        public long sequence() {
            return json().path("sequence").asLong();
        }
    }
}
