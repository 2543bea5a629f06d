package dev.ferry.api.demos;

import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ParamSpec;
import java.util.List;

/**
 * A demo as clients see it: what it does, its parameters, the inputs it takes, its models'
 * availability, and whether an operator has paused its queue.
 */
public record DemoView(
        String name,
        String description,
        ParamSpec params,
        List<String> accepts,
        boolean requiresInput,
        long timeLimitS,
        int maxAttempts,
        List<ModelAvailability> models,
        boolean paused) {

    public static DemoView of(Demo demo, boolean paused) {
        return new DemoView(demo.name(), demo.description(), demo.params(), demo.accepts(), demo.requiresInput(),
                demo.timeLimit().toSeconds(), demo.maxAttempts(), demo.models(), paused);
    }
}
