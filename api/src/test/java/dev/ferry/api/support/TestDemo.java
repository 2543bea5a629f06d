package dev.ferry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.testkit.TestDemoNames;
import java.time.Duration;
import java.util.List;

/** Demos for API tests: the API only reads their descriptions; a test acting as worker runs nothing. */
public record TestDemo(String name, ParamSpec params, List<String> accepts, boolean requiresInput) implements Demo {

    /** Takes no files; parameters of every type, with ranges. */
    public static TestDemo echo() {
        return new TestDemo(TestDemoNames.fresh("echo"), ParamSpec.of(
                Param.integer("sleep_ms", 0).range(0, 1000),
                Param.string("label", "").range(0, 10),
                Param.oneOf("mode", "fast", "slow"),
                Param.number("ratio", 0.5).range(0, 1),
                Param.bool("loud", false)), List.of("*/*"), false);
    }

    /** Needs at least one image. */
    public static TestDemo images() {
        return new TestDemo(TestDemoNames.fresh("images"), ParamSpec.of(Param.integer("size", 32).range(1, 512)),
                List.of("image/*"), true);
    }

    @Override
    public String description() {
        return "test demo " + name;
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofSeconds(30);
    }

    @Override
    public int maxAttempts() {
        return 2;
    }

    @Override
    public JsonNode run(DemoContext context) {
        return Json.MAPPER.createObjectNode();
    }
}
