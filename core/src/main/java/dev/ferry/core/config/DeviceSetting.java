package dev.ferry.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FERRY_DEVICE}: where a worker runs models. Parsed here, once, when the settings are
 * read, so a typo fails the start instead of running silently on the CPU; whether a CUDA
 * device really works is the inference layer's check.
 *
 * @param index the CUDA device number; 0 for the others
 */
public record DeviceSetting(Kind kind, int index) {
    private static final Pattern CUDA = Pattern.compile("cuda(?::(\\d{1,3}))?");

    public static final DeviceSetting CPU = new DeviceSetting(Kind.CPU, 0);

    /** {@code AUTO}: the first CUDA device when one works, else the CPU. */
    public enum Kind { AUTO, CPU, CUDA }

    /**
     * Reads {@code auto}, {@code cpu}, {@code cuda} (device 0) or {@code cuda:N}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static DeviceSetting parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "cpu":
                return CPU;
            case "auto":
                return new DeviceSetting(Kind.AUTO, 0);
            default:
                Matcher m = CUDA.matcher(value);
                if (m.matches()) {
                    return new DeviceSetting(Kind.CUDA, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
                }
                throw new IllegalArgumentException("FERRY_DEVICE must be auto, cpu or cuda:N, got '" + text + "'");
        }
    }

    /** As the setting is written: {@code cpu}, {@code auto} or {@code cuda:N}. */
    @Override
    public String toString() {
        return kind == Kind.CUDA ? "cuda:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
