package dev.ferry.demos.inference;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.error.ErrorCode;

/** The job failures a model can cause; none is retryable, since another attempt would meet the same files. */
public final class ModelFailures {
    private ModelFailures() {}

    public static DemoFailure missing(ModelRef ref, boolean pullable) {
        String how = pullable
                ? "run `" + ref.pullCommand() + "` (or, offline, `ferry models install " + ref.demo() + " " + ref.model()
                        + " --from <file>`)"
                : "it is not in Ferry's model manifest: install it with `ferry models install " + ref.demo() + " "
                        + ref.model() + " --from <model.onnx> --contract <model.json>`";
        return new DemoFailure(ErrorCode.MODEL_MISSING, "model '" + ref.model() + "' of demo '" + ref.demo() + "' is not installed; " + how,
                false);
    }

    public static DemoFailure corrupt(ModelRef ref, String why) {
        return new DemoFailure(ErrorCode.MODEL_CORRUPT, "model '" + ref.model() + "' of demo '" + ref.demo() + "' is damaged (" + why
                + "); reinstall it with `" + ref.pullCommand() + "`", false);
    }

    public static DemoFailure invalid(ModelRef ref, String why) {
        return new DemoFailure(ErrorCode.MODEL_INVALID, "model '" + ref.model() + "' of demo '" + ref.demo() + "' cannot be used: " + why,
                false);
    }
}
