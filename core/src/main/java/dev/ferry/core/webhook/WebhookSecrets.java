package dev.ferry.core.webhook;

import dev.ferry.core.config.WebhookSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The secrets that sign webhooks: {@code FERRY_WEBHOOK_SECRETS} when set; else one Ferry
 * generates at its first start and keeps in the data folder, readable by its owner only, so
 * every API process on that folder signs alike. {@code ferry webhooks secret} prints it.
 */
public final class WebhookSecrets {
    static final String FILE = "webhook-secret";

    private WebhookSecrets() {}

    public static List<String> resolve(WebhookSettings settings, Path dataDir) {
        return settings.secrets().isEmpty() ? List.of(generated(dataDir)) : settings.secrets();
    }

    /** The data folder's own secret, created on first use; two processes starting at once agree on one. */
    static String generated(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Path fresh = Files.createTempFile(dataDir, FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(fresh, newSecret());
                try {
                    Files.move(fresh, file);
                } catch (FileAlreadyExistsException another) {
                    Files.delete(fresh);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the webhook secret in " + file, e);
        }
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
