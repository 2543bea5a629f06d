package dev.ferry.core.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The queue's Lua scripts, one per atomic transition, each in
 * {@code dev/ferry/core/queue/lua/<name>.lua} with {@code _lib.lua} prepended.
 */
public enum QueueScript {
    SUBMIT, CLAIM, PROGRESS, COMPLETE, FAIL, CANCEL, CONFIRM_CANCEL, RELEASE, RECLAIM, PROMOTE, EXPIRE,
    RETRY, DELETE, PAUSE, RESUME, HEARTBEAT, DEAD_WORKERS, CLOCK, ENSURE_GROUPS, POSITION, WEBHOOK_TAKE, WEBHOOK_SETTLE;

    private final String source;
    private final String sha;

    QueueScript() {
        this.source = load("_lib") + "\n" + load(name().toLowerCase(Locale.ROOT));
        this.sha = sha1(source);
    }

    public String source() {
        return source;
    }

    /** The SHA-1 Redis knows the script by once loaded. */
    public String sha() {
        return sha;
    }

    private static String load(String name) {
        String path = "lua/" + name + ".lua";
        try (InputStream in = QueueScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing queue script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
