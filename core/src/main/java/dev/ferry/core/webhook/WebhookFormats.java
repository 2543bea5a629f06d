package dev.ferry.core.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The webhook body formats one API process knows, by name. */
public final class WebhookFormats {
    private final Map<String, WebhookFormat> byName = new LinkedHashMap<>();

    public WebhookFormats(List<? extends WebhookFormat> formats) {
        for (WebhookFormat format : formats) {
            if (byName.putIfAbsent(format.name(), format) != null) {
                throw new IllegalArgumentException("two webhook formats are called " + format.name());
            }
        }
    }

    public Optional<WebhookFormat> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
