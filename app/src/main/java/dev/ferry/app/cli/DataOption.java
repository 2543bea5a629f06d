package dev.ferry.app.cli;

import dev.ferry.core.config.FerryConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --data}: the data folder to work on, winning over {@code FERRY_DATA}; the settings otherwise as loaded. */
final class DataOption {
    @Option(names = "--data", paramLabel = "<dir>", description = "The data folder (FERRY_DATA); models live in <dir>/models.")
    Path data;

    FerryConfig config() {
        return config(new HashMap<>());
    }

    FerryConfig config(Map<String, String> overrides) {
        if (data != null) {
            overrides.put("FERRY_DATA", data.toString());
        }
        return FerryConfig.load(overrides);
    }
}
