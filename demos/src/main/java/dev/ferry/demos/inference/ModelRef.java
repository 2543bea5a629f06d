package dev.ferry.demos.inference;

import dev.ferry.core.demo.DemoFailure;
import java.util.regex.Pattern;

/** A model's name within a demo, as used in paths ({@code models/<demo>/<model>/}) and commands. */
public record ModelRef(String demo, String model) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public ModelRef {
        if (!NAME.matcher(demo).matches() || !NAME.matcher(model).matches()) {
            throw new IllegalArgumentException("model names are lower-case letters, digits, _ and -: got "
                    + demo + "/" + model);
        }
    }

    /** The model a job's parameters name; a name that cannot be one fails the job as bad input. */
    public static ModelRef forJob(String demo, String model) {
        try {
            return new ModelRef(demo, model);
        } catch (IllegalArgumentException e) {
            throw DemoFailure.badInput("model '" + model + "' is not a model name (lower-case letters, digits, _ and -)");
        }
    }

    /** The command that installs this model from the manifest. */
    public String pullCommand() {
        return "ferry models pull " + demo + " " + model;
    }

    @Override
    public String toString() {
        return demo + "/" + model;
    }
}
