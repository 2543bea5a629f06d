package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.storage.InputSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a submit request carried, before validation: parameters, options as given, and the
 * inputs — uploaded files (multipart) or URLs to fetch (JSON {@code inputs}), never both — and the webhook as sent.
 */
record SubmitForm(Map<String, Object> params, Optional<String> priority, Optional<String> timeLimitS, List<InputFile> files,
                  Optional<InputSpec> urls, Optional<JsonNode> webhook) {
    static final SubmitForm EMPTY = new SubmitForm(Map.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty());

    boolean hasInputs() {
        return !files.isEmpty() || urls.isPresent();
    }
}
