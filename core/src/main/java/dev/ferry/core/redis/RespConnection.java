package dev.ferry.core.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare RESP connection to a port on this machine, for the few commands sent before Redisson
 * may connect: to a Redis that is still starting, or to whatever holds the embedded Redis's
 * port, which may not be a Redis at all. Every read times out.
 */
final class RespConnection implements AutoCloseable {
    private static final int TIMEOUT_MS = 5_000;
    private static final int LONGEST_REPLY = 1 << 20;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** @throws java.net.ConnectException when nothing listens on {@code port} */
    static RespConnection open(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            return new RespConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether a Redis on {@code port} answers PING; a Redis still loading its data answers an error, so not yet. */
    static boolean answersPing(int port) {
        try (RespConnection redis = open(port)) {
            return "PONG".equals(redis.call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends one command and reads its reply: a String, a Long, a List of replies, or null.
     *
     * @throws EOFException when the server closed the connection instead of answering
     * @throws IOException on an error reply, or a reply that is not RESP
     */
    Object call(String... command) throws IOException {
        StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    private Object reply() throws IOException {
        String line = line();
        if (line.isEmpty()) {
            throw new IOException("not a Redis reply");
        }
        String rest = line.substring(1);
        return switch (line.charAt(0)) {
            case '+' -> rest;
            case '-' -> throw new IOException("Redis answered: " + rest);
            case ':' -> number(rest);
            case '$' -> bulk(length(rest));
            case '*' -> array(length(rest));
            default -> throw new IOException("not a Redis reply: " + line);
        };
    }

    private String bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        line();
        return text;
    }

    private List<Object> array(int length) throws IOException {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            items.add(reply());
        }
        return items;
    }

    private static int length(String text) throws IOException {
        long n = number(text);
        if (n > LONGEST_REPLY) {
            throw new IOException("Redis reply longer than expected: " + n);
        }
        return (int) n;
    }

    private static long number(String text) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("not a Redis reply: " + text, e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (bytes.size() > LONGEST_REPLY) {
                throw new IOException("not a Redis reply: no line end");
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
