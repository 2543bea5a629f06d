package dev.ferry.demos.inference;

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

    /** The command that installs this model from the manifest. */
    public String pullCommand() {
        return "ferry models pull " + demo + " " + model;
    }

    @Override
    public String toString() {
        return demo + "/" + model;
    }
}
