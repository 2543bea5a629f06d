package dev.ferry.core.demo;

import java.util.Objects;
import java.util.Optional;

/**
 * One model a demo loads, and whether it can be used on this installation: what
 * {@code GET /api/v1/demos} shows, so a client learns before submitting that a model is
 * missing and an operator reads how to install it.
 *
 * @param name        the model's name within its demo, as a job's {@code model} parameter names it
 * @param task        what the model does, from its contract (e.g. {@code db_text}); empty when unknown
 * @param detail      why it is missing or corrupt; empty when present
 * @param installHint the command that installs (or reinstalls) it; empty when present
 */
public record ModelAvailability(String name, String task, ModelState state, Optional<String> detail,
                                Optional<String> installHint) {

    public ModelAvailability {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        task = task == null ? "" : task;
        detail = detail == null ? Optional.empty() : detail;
        installHint = installHint == null ? Optional.empty() : installHint;
    }

    public static ModelAvailability present(String name, String task) {
        return new ModelAvailability(name, task, ModelState.PRESENT, Optional.empty(), Optional.empty());
    }
}
