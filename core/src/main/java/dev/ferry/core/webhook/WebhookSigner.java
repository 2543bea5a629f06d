package dev.ferry.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries the Standard Webhooks way: {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}
 * keyed with the base64-decoded part of a {@code whsec_} secret. Every secret signs, space-separated,
 * so a receiver that knows any one of them verifies while the secrets are being rotated.
 */
public final class WebhookSigner {
    private static final String PREFIX = "whsec_";
    private final List<SecretKeySpec> keys = new ArrayList<>();

    /** @throws IllegalArgumentException when a secret is not {@code whsec_} and base64; the message never shows it */
    public WebhookSigner(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("webhooks need at least one signing secret");
        }
        for (String secret : secrets) {
            keys.add(new SecretKeySpec(decode(secret), "HmacSHA256"));
        }
    }

    public String signature(String id, long timestampS, byte[] body) {
        byte[] signed = concat((id + "." + timestampS + ".").getBytes(StandardCharsets.UTF_8), body);
        List<String> signatures = new ArrayList<>();
        for (SecretKeySpec key : keys) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key, signed)));
        }
        return String.join(" ", signatures);
    }

    private static byte[] decode(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret must start with " + PREFIX);
        }
        try {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret must be " + PREFIX + " followed by base64");
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
