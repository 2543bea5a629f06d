package dev.ferry.api.demos;

import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.ParamSpec;
import java.util.List;

/** A demo as clients see it: what it does, its parameters and the inputs it takes. */
public record DemoView(
        String name,
        String description,
        ParamSpec params,
        List<String> accepts,
        boolean requiresInput,
        long timeLimitS,
        int maxAttempts) {

    public static DemoView of(Demo demo) {
        return new DemoView(demo.name(), demo.description(), demo.params(), demo.accepts(), demo.requiresInput(),
                demo.timeLimit().toSeconds(), demo.maxAttempts());
    }
}
