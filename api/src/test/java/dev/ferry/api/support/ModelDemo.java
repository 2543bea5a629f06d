package dev.ferry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ModelState;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.testkit.TestDemoNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A demo with models, as a model-backed demo describes them: {@code small} is installed,
 * {@code large} is not, {@code broken} is damaged. It takes images or a URL list, and
 * refuses at submit a job whose model is not usable.
 */
public final class ModelDemo implements Demo {
    private final String name = TestDemoNames.fresh("models");
    private final List<Map<String, Object>> checked = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "test demo with models";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(Param.string("model", "small").range(1, 20), Param.number("confidence", 0.5).range(0, 1));
    }

    @Override
    public List<String> accepts() {
        return List.of("image/*", "application/json");
    }

    @Override
    public boolean requiresInput() {
        return true;
    }

    @Override
    public List<ModelAvailability> models() {
        return List.of(
                ModelAvailability.present("small", "yolo"),
                new ModelAvailability("large", "yolo", ModelState.MISSING,
                        Optional.of("not installed"), Optional.of(pull("large"))),
                new ModelAvailability("broken", "yolo", ModelState.CORRUPT,
                        Optional.of("sha256 differs"), Optional.of(pull("broken"))));
    }

    @Override
    public void checkReady(Map<String, Object> params) {
        checked.add(Map.copyOf(params));
        String model = (String) params.get("model");
        models().stream().filter(m -> m.name().equals(model)).findFirst().ifPresentOrElse(m -> {
            switch (m.state()) {
                case MISSING -> throw new DemoFailure(ErrorCode.MODEL_MISSING, "model '" + model + "' is not installed; run `"
                        + m.installHint().orElseThrow() + "`", false);
                case CORRUPT -> throw new DemoFailure(ErrorCode.MODEL_CORRUPT, "model '" + model + "' is damaged; run `"
                        + m.installHint().orElseThrow() + "`", false);
                default -> { }
            }
        }, () -> {
            throw new DemoFailure(ErrorCode.MODEL_MISSING, "no model '" + model + "'", false);
        });
    }

    /** The validated parameters {@link #checkReady} was called with, in order. */
    public List<Map<String, Object>> checked() {
        return List.copyOf(checked);
    }

    private String pull(String model) {
        return "ferry models pull " + name + " " + model;
    }

    @Override
    public JsonNode run(DemoContext context) {
        return Json.MAPPER.createObjectNode();
    }
}
