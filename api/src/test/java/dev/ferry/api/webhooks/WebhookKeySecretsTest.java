package dev.ferry.api.webhooks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.webhook.WebhookSigner;
import dev.ferry.testkit.WebhookReceiver;
import dev.ferry.testkit.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With API keys, each key's jobs are signed with that key's own secret: one client cannot forge another's events. */
class WebhookKeySecretsTest {
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("the installation's secret, 32 b.".getBytes(StandardCharsets.UTF_8));
    static final TestDemo echo = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();

    @Test
    void eachKeysJobsAreSignedWithThatKeysSecret() throws Exception {
        try (TestServer server = api.start(List.of(echo), "FERRY_API_KEYS", "alice-key,bob-key", "FERRY_ALLOW_PRIVATE_URLS", true,
                "FERRY_WEBHOOK_SECRETS", SECRET);
             WebhookReceiver receiver = WebhookReceiver.start()) {
            Http http = server.http();
            String alices = submit(http, "alice-key", receiver.url());
            String bobs = submit(http, "bob-key", receiver.url());
            TestWorker worker = new TestWorker(api.redis().client(), "key-worker");
            worker.complete(worker.claim(echo.name()), "{}", List.of());
            worker.complete(worker.claim(echo.name()), "{}", List.of());

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 2);
            Map<String, Received> byJob = receiver.received().stream().collect(Collectors.toMap(r -> r.json().get("id").asText(), r -> r));
            Received alice = byJob.get(alices);
            Received bob = byJob.get(bobs);
            assertTrue(alice.signedWith(keySecret("alice-key")), alice.signature());
            assertFalse(alice.signedWith(keySecret("bob-key")), "bob's secret does not verify alice's events");
            assertFalse(alice.signedWith(SECRET), "nor does the installation's own");
            assertTrue(bob.signedWith(keySecret("bob-key")));
            assertFalse(bob.signedWith(keySecret("alice-key")));
            assertEquals(List.of(keySecret("alice-key")), new WebhookSigner(List.of(SECRET)).secretsForKey("alice-key"),
                    "what `ferry webhooks secret --key` prints");
            assertFalse(http.get("/api/v1/jobs/" + alices, "Authorization", "Bearer alice-key").text().contains("key_id"),
                    "the job does not show which key submitted it");
        }
    }

    private static String submit(Http http, String key, String url) {
        Response r = http.postJson("/api/v1/demos/" + echo.name() + "/jobs", "{\"webhook\": {\"url\": \"" + url + "\", \"events\": [\"completed\"]}}",
                "Authorization", "Bearer " + key);
        assertEquals(202, r.status(), r::toString);
        return r.json().get("id").asText();
    }

    /** The key's secret, derived here independently of Ferry's code, as the docs describe it. */
    private static String keySecret(String apiKey) throws Exception {
        String keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)), 0, 16);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        return "whsec_" + Base64.getEncoder().encodeToString(mac.doFinal(("ferry-webhook-key:" + keyId).getBytes(StandardCharsets.UTF_8)));
    }
}
