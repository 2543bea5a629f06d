package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import java.util.List;

/**
 * Stands for the {@code watermarks} demo, built in parallel in the demos module, while it is not
 * in this tree: its name and parameters as the demo's contract gives them, so the API validates a
 * start's parameters as it will the real demo's. The routes tests run no worker, so nothing runs it.
 */
final class WatermarksStandIn implements Demo {
    @Override
    public String name() {
        return WatermarkStart.DEMO;
    }

    @Override
    public String description() {
        return "stand-in for the watermarks demo";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(
                Param.string("source", null).range(1, 64).required(),
                Param.oneOf("detect", "auto", "on", "off"),
                Param.string("detector", "detector").range(1, 64),
                Param.oneOf("engine", "local", "embedding"),
                Param.string("model", "features").range(1, 64),
                Param.integer("topk", 20).range(1, 100),
                Param.number("min_score", 0).range(0, 1),
                Param.string("transpositions", "all").range(1, 100),
                Param.number("min_detection_score", 0.5).range(0, 1));
    }

    @Override
    public List<String> accepts() {
        return List.of("image/*", "application/pdf", "application/zip", "application/json");
    }

    @Override
    public boolean requiresInput() {
        return true;
    }

    @Override
    public JsonNode run(DemoContext context) {
        throw new UnsupportedOperationException("a stand-in: the routes tests run no worker");
    }
}
