package dev.ferry.worker;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a worker runs inference: {@code cpu}, {@code auto} (the best device found), or
 * {@code cuda:N}. Checked at start so a typo fails loudly instead of silently running on
 * the CPU; choosing the device is the inference layer's business.
 */
public record Device(String name) {
    private static final Pattern CUDA = Pattern.compile("cuda:\\d{1,3}");

    public static Device parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (name.equals("cpu") || name.equals("auto") || CUDA.matcher(name).matches()) {
            return new Device(name);
        }
        throw new IllegalArgumentException("FERRY_DEVICE must be cpu, auto or cuda:N (for example cuda:0), got '" + text + "'");
    }

    @Override
    public String toString() {
        return name;
    }
}
