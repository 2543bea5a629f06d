package dev.ferry.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.WebhookSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretsTest {
    private static final WebhookSettings NONE = new WebhookSettings(List.of(), WebhookSettings.RETRY_DELAYS);

    @Test
    void withoutConfiguredSecretsOneIsGeneratedOnceAndKeptPrivate(@TempDir Path data) throws Exception {
        List<String> first = WebhookSecrets.resolve(NONE, data);
        assertEquals(1, first.size());
        assertTrue(first.get(0).startsWith("whsec_"));
        new WebhookSigner(first);
        assertEquals(first, WebhookSecrets.resolve(NONE, data), "the same secret at the next start");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(WebhookSecrets.FILE))));
    }

    @Test
    void configuredSecretsWin(@TempDir Path data) {
        WebhookSettings configured = new WebhookSettings(List.of("whsec_c2Vjb25k", "whsec_Zmlyc3Q="), WebhookSettings.RETRY_DELAYS);
        assertEquals(configured.secrets(), WebhookSecrets.resolve(configured, data));
        assertTrue(Files.notExists(data.resolve(WebhookSecrets.FILE)));
    }
}
