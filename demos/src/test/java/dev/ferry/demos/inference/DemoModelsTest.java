package dev.ferry.demos.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ModelState;
import dev.ferry.core.hash.Sha256;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's models in the demo SPI's terms: listed for the API, refused at submit when unusable. */
class DemoModelsTest {
    static final ModelRef PROBE = new ModelRef("demo_a", "probe");

    @TempDir
    Path data;
    @TempDir
    Path files;
    byte[] weights;
    ModelStore store;

    @BeforeEach
    void manifestWithOneModel() throws IOException {
        weights = TestGraphs.probe();
        CatalogEntry entry = new CatalogEntry("demo_a", "probe", Sha256.of(new java.io.ByteArrayInputStream(weights)),
                weights.length, "MIT", ModelSource.url("http://127.0.0.1:9/probe.onnx"), TestStores.yoloContract(1, List.of("x")));
        store = new ModelStore(data, new ModelCatalog(List.of(entry)));
    }

    @Test
    void aDemoListsItsManifestModelsAndItsDefaultWithHowToInstallEach() throws IOException {
        List<ModelAvailability> listed = DemoModels.list(store, "demo_a", "default_one");
        assertEquals(List.of("default_one", "probe"), listed.stream().map(ModelAvailability::name).toList());

        ModelAvailability own = listed.get(0);
        assertEquals(ModelState.MISSING, own.state());
        assertEquals(Optional.of("ferry models install demo_a default_one --from <model.onnx> --contract <model.json>"),
                own.installHint(), "a model the manifest does not know is installed with its contract");
        ModelAvailability probe = listed.get(1);
        assertEquals("yolo", probe.task());
        assertEquals(Optional.of("ferry models pull demo_a probe"), probe.installHint());
        assertTrue(probe.detail().orElseThrow().contains("not installed"), probe.toString());

        store.install(PROBE, Files.write(files.resolve("probe.onnx"), weights));
        assertEquals(ModelAvailability.present("probe", "yolo"), DemoModels.list(store, "demo_a").get(0));
        assertEquals(List.of(), DemoModels.list(store, "demo_b"));
    }

    @Test
    void aMissingModelIsRefusedUnlessItIsOptional() {
        DemoFailure e = assertThrows(DemoFailure.class, () -> DemoModels.require(store, "demo_a", "probe", false));
        assertEquals("model_missing", e.code());
        assertTrue(e.getMessage().contains("ferry models pull demo_a probe"), e.getMessage());
        DemoModels.require(store, "demo_a", "probe", true);
    }

    @Test
    void aDamagedModelIsRefusedEvenWhenOptional() throws IOException {
        store.install(PROBE, Files.write(files.resolve("probe.onnx"), weights));
        DemoModels.require(store, "demo_a", "probe", false);
        Path installed = data.resolve("models/demo_a/probe/model.onnx");
        byte[] damaged = weights.clone();
        damaged[damaged.length - 1] ^= 1;
        Files.write(installed, damaged);
        Files.setLastModifiedTime(installed, java.nio.file.attribute.FileTime.fromMillis(1_000));

        DemoFailure e = assertThrows(DemoFailure.class, () -> DemoModels.require(store, "demo_a", "probe", true));
        assertEquals("model_corrupt", e.code());
        assertEquals(ModelState.CORRUPT, DemoModels.list(store, "demo_a").get(0).state());
    }

    @Test
    void aNameThatCannotBeAModelIsAnInvalidParameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> DemoModels.require(store, "demo_a", "../etc", true));
        assertEquals("model", e.field());
    }
}
