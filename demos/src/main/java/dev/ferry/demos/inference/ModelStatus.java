package dev.ferry.demos.inference;

import dev.ferry.core.demo.ModelState;

/**
 * One model as {@code ferry models list} and {@code GET /api/v1/demos} show it.
 *
 * @param pullable whether the manifest knows where to download it
 * @param detail   why it is missing or corrupt, and what to do; empty when present
 */
public record ModelStatus(
        String demo,
        String model,
        String task,
        ModelState state,
        long sizeBytes,
        String sha256,
        String licence,
        String source,
        boolean pullable,
        String detail) {

    public boolean usable() {
        return state == ModelState.PRESENT;
    }
}
