package dev.ferry.demos.faces;

import dev.ferry.core.demo.ModelState;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import java.util.Optional;

/**
 * Which face detector a job's {@code detector} parameter picks: {@value #AUTO} is BlazeFace
 * when its model is installed and the Haar cascade (no download) otherwise; {@value #HAAR}
 * is always the cascade; any other value names a BlazeFace model of the store, which must be installed.
 */
final class FaceDetectors {
    static final String AUTO = "auto";
    static final String HAAR = "haar";
    static final String DEFAULT_MODEL = "blazeface";

    private FaceDetectors() {}

    /** Refuses at submit time a job naming a detector model that cannot be used. */
    static void checkReady(ModelStore store, String detector) {
        if (!detector.equals(AUTO) && !detector.equals(HAAR)) {
            DemoModels.require(store, FacesDemo.NAME, detector, false);
        }
    }

    /** The detector model, loaded and held for the job (close the lease), or empty for the Haar cascade. */
    static Optional<ModelLease> acquire(ModelStore store, Inference inference, String detector) {
        if (detector.equals(HAAR)) {
            return Optional.empty();
        }
        ModelRef ref = ModelRef.forJob(FacesDemo.NAME, detector.equals(AUTO) ? DEFAULT_MODEL : detector);
        if (detector.equals(AUTO) && store.status(ref).state() == ModelState.MISSING) {
            return Optional.empty();
        }
        return Optional.of(inference.acquire(store.require(ref)));
    }
}
