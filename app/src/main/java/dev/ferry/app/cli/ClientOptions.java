package dev.ferry.app.cli;

import dev.ferry.core.config.ClientSettings;
import dev.ferry.core.config.FerryConfig;
import java.util.HashMap;
import java.util.Map;

/** Client settings from FERRY_URL / FERRY_API_KEY, with {@code --url} winning. */
final class ClientOptions {
    private ClientOptions() {}

    static ClientSettings settings(String url) {
        Map<String, String> overrides = new HashMap<>();
        if (url != null) {
            overrides.put("FERRY_URL", url);
        }
        return FerryConfig.load(overrides).client();
    }
}
