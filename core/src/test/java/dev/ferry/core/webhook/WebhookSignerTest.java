package dev.ferry.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    /** The example of the Standard Webhooks specification. */
    @Test
    void signsAsTheStandardSays() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                new WebhookSigner(List.of(SECRET)).signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY));
    }

    @Test
    void everySecretSignsDuringARotation() {
        String both = new WebhookSigner(List.of(SECRET, "whsec_c2Vjb25k")).signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY);
        String[] signatures = both.split(" ");
        assertEquals(2, signatures.length);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signatures[0]);
    }

    @Test
    void aBadSecretIsRefusedWithoutShowingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new WebhookSigner(List.of("not-a-secret-value")));
        assertFalse(refused.getMessage().contains("not-a-secret-value"));
    }
}
