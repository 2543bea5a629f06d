package dev.ferry.demos.inference;

import dev.ferry.core.demo.DemoFailure;

/** The job failures a model can cause; none is retryable, since another attempt would meet the same files. */
public final class ModelFailures {
    public static final String MISSING = "model_missing";
    public static final String CORRUPT = "model_corrupt";
    public static final String INVALID = "model_invalid";

    private ModelFailures() {}

    public static DemoFailure missing(ModelRef ref, boolean pullable) {
        String how = pullable
                ? "run `" + ref.pullCommand() + "` (or, offline, `ferry models install " + ref.demo() + " " + ref.model()
                        + " --from <file>`)"
                : "it is not in Ferry's model manifest: install it with `ferry models install " + ref.demo() + " "
                        + ref.model() + " --from <model.onnx> --contract <model.json>`";
        return new DemoFailure(MISSING, "model '" + ref.model() + "' of demo '" + ref.demo() + "' is not installed; " + how,
                false);
    }

    public static DemoFailure corrupt(ModelRef ref, String why) {
        return new DemoFailure(CORRUPT, "model '" + ref.model() + "' of demo '" + ref.demo() + "' is damaged (" + why
                + "); reinstall it with `" + ref.pullCommand() + "`", false);
    }

    public static DemoFailure invalid(ModelRef ref, String why) {
        return new DemoFailure(INVALID, "model '" + ref.model() + "' of demo '" + ref.demo() + "' cannot be used: " + why,
                false);
    }
}
