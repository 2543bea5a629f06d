package dev.ferry.api.demos;

import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ParamSpec;
import java.util.List;

/** A demo as clients see it: what it does, its parameters, the inputs it takes and its models' availability. */
public record DemoView(
        String name,
        String description,
        ParamSpec params,
        List<String> accepts,
        boolean requiresInput,
        long timeLimitS,
        int maxAttempts,
        List<ModelAvailability> models) {

    public static DemoView of(Demo demo) {
        return new DemoView(demo.name(), demo.description(), demo.params(), demo.accepts(), demo.requiresInput(),
                demo.timeLimit().toSeconds(), demo.maxAttempts(), demo.models());
    }
}
