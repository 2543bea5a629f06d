package dev.ferry.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries the Standard Webhooks way: {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}
 * keyed with the base64-decoded part of a {@code whsec_} secret. Every secret signs, space-separated,
 * so a receiver that knows any one of them verifies while the secrets are being rotated.
 *
 * <p>A job submitted with an API key is signed with that key's own secrets instead, derived from
 * the installation's: {@code whsec_<base64 HMAC-SHA256(secret, "ferry-webhook-key:" + key id)>}.
 * A receiver of one client's jobs cannot forge another client's events, and no per-key secret
 * has to be stored: {@code ferry webhooks secret --key <key>} prints it for the key's owner.
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
        return signature(id, timestampS, body, Optional.empty());
    }

    /** @param keyId the {@link ApiKeyId} of the key that submitted the job, if one did */
    public String signature(String id, long timestampS, byte[] body, Optional<String> keyId) {
        byte[] signed = concat((id + "." + timestampS + ".").getBytes(StandardCharsets.UTF_8), body);
        List<String> signatures = new ArrayList<>();
        for (SecretKeySpec key : keys) {
            SecretKeySpec signing = keyId.map(k -> new SecretKeySpec(derived(key, k), "HmacSHA256")).orElse(key);
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(signing, signed)));
        }
        return String.join(" ", signatures);
    }

    /** The secrets that sign the jobs an API key submits, one per installation secret, as {@code whsec_...}. */
    public List<String> secretsForKey(String apiKey) {
        String keyId = ApiKeyId.of(apiKey);
        return keys.stream().map(key -> PREFIX + Base64.getEncoder().encodeToString(derived(key, keyId))).toList();
    }

    private static byte[] derived(SecretKeySpec installationSecret, String keyId) {
        return hmac(installationSecret, ("ferry-webhook-key:" + keyId).getBytes(StandardCharsets.UTF_8));
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
