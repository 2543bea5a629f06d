package dev.ferry.api.jobs;

import jakarta.servlet.http.Part;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a submit request carried, before validation: parameters, options as given, and uploaded files. */
record SubmitForm(Map<String, Object> params, Optional<String> priority, Optional<String> timeLimitS, List<Part> files) {
    static final SubmitForm EMPTY = new SubmitForm(Map.of(), Optional.empty(), Optional.empty(), List.of());
}
