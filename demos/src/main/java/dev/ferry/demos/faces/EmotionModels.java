package dev.ferry.demos.faces;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelState;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import java.util.Optional;

/**
 * The emotion model a job names, from the model store ({@code <data>/models/faces/<model>/},
 * {@code model.onnx} beside its {@code model.json}) through the process's shared sessions,
 * like every other model. Emotions are optional: a model that is not installed means faces
 * without emotions, not a failed job; nothing is downloaded here.
 */
final class EmotionModels {
    private EmotionModels() {}

    /**
     * The model, loaded and held for the job (close the lease), or empty when it is not installed.
     *
     * @throws DemoFailure {@code model_corrupt} or {@code model_invalid} when it is installed but cannot be used
     */
    static Optional<ModelLease> acquire(ModelStore store, Inference inference, ModelRef ref) {
        if (store.status(ref).state() == ModelState.MISSING) {
            return Optional.empty();
        }
        return Optional.of(inference.acquire(store.require(ref)));
    }

    /** What the job's result says when the model is not installed, with the command that installs it. */
    static String missingNote(ModelStore store, ModelRef ref) {
        return "faces only, without emotions: "
                + ModelFailures.missing(ref, store.catalog().find(ref).isPresent()).getMessage();
    }
}
