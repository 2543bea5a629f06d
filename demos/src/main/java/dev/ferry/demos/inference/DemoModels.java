package dev.ferry.demos.inference;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ModelState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A demo's models in the terms of the demo SPI ({@code Demo.models()} and
 * {@code Demo.checkReady}): what the API lists, and the submit-time refusal of a job whose
 * model cannot be used, so the client hears it at once rather than from a failed job.
 */
public final class DemoModels {
    private DemoModels() {}

    /**
     * Every model of {@code demo} that the store holds or its manifest lists, plus
     * {@code expected} ones (such as the demo's default model) even when neither knows them.
     */
    public static List<ModelAvailability> list(ModelStore store, String demo, String... expected) {
        Map<String, ModelStatus> byName = new LinkedHashMap<>();
        store.list(demo).forEach(s -> byName.put(s.model(), s));
        for (String model : expected) {
            byName.computeIfAbsent(model, m -> store.status(new ModelRef(demo, m)));
        }
        return byName.values().stream()
                .sorted(Comparator.comparing(ModelStatus::model))
                .map(DemoModels::availability)
                .toList();
    }

    private static ModelAvailability availability(ModelStatus status) {
        if (status.usable()) {
            return ModelAvailability.present(status.model(), status.task());
        }
        return new ModelAvailability(status.model(), status.task(), status.state(), Optional.of(status.detail()),
                Optional.of(installCommand(new ModelRef(status.demo(), status.model()), status.pullable())));
    }

    /**
     * Refuses a job naming {@code model} when it is damaged or unreadable, or missing unless
     * {@code optional} (a demo that works without it, only with less in its result).
     *
     * @throws DemoFailure           {@code model_missing}, {@code model_corrupt} or {@code model_invalid}, saying how to install it
     * @throws InvalidParamException when {@code model} is not a model name
     */
    public static void require(ModelStore store, String demo, String model, boolean optional) {
        ModelRef ref;
        try {
            ref = new ModelRef(demo, model);
        } catch (IllegalArgumentException e) {
            throw new InvalidParamException("model", "model '" + model
                    + "' is not a model name (lower-case letters, digits, _ and -)");
        }
        if (optional && store.status(ref).state() == ModelState.MISSING) {
            return;
        }
        store.require(ref);
    }

    private static String installCommand(ModelRef ref, boolean pullable) {
        return pullable ? ref.pullCommand()
                : "ferry models install " + ref.demo() + " " + ref.model() + " --from <model.onnx> --contract <model.json>";
    }
}
