package dev.ferry.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ModelState;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import dev.ferry.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demos as every Ferry process builds them: each factory, handed the services of the process's settings. */
class InstalledDemosTest {
    @TempDir
    Path dir;

    @Test
    void everyDemoIsBuiltAndFerryDemosNarrowsThem() {
        try (DemoServices services = services(TestConfig.in(dir).build())) {
            assertEquals(Set.of("noop", "regions", "faces", "sign", "asr", "clustering", "vectorization", "similarity",
                    "watermarks", "sorting"),
                    InstalledDemos.build(services).names());
        }
        try (DemoServices services = services(TestConfig.in(dir).set("FERRY_DEMOS", "faces,noop").build())) {
            assertEquals(Set.of("faces", "noop"), InstalledDemos.build(services).names());
        }
        try (DemoServices services = services(TestConfig.in(dir).set("FERRY_DEMOS", "ocr").build())) {
            assertThrows(IllegalArgumentException.class, () -> InstalledDemos.build(services));
        }
    }

    @Test
    void demosSeeTheModelsOfTheProcesssDataFolder() throws Exception {
        FerryConfig config = TestConfig.in(dir.resolve("data")).build();
        try (DemoServices services = services(config)) {
            Demo regions = InstalledDemos.build(services).find("regions").orElseThrow();
            assertEquals(ModelState.MISSING, textLines(regions).state());
            services.models().install(new ModelRef("regions", "text_lines"), TestModels.ppOcrDetector());
            assertEquals(ModelState.PRESENT, textLines(regions).state());
        }
    }

    @Test
    void demosReadPagesWithTheProcesssMediaSettings() throws Exception {
        Path photo = Files.write(dir.resolve("photo.png"), TestImages.gradient(800, 600, ".png"));
        assertEquals(1, runFaces(TestConfig.in(dir.resolve("roomy")).build(), photo).get("pages").asInt());
        DemoFailure tooLarge = assertThrows(DemoFailure.class,
                () -> runFaces(TestConfig.in(dir.resolve("tight")).set("FERRY_MAX_PIXELS", 1000).build(), photo));
        assertTrue(tooLarge.getMessage().contains("pixels"), tooLarge.getMessage());
    }

    private static JsonNode runFaces(FerryConfig config, Path photo) throws Exception {
        try (DemoServices services = services(config)) {
            Demo faces = InstalledDemos.build(services).find("faces").orElseThrow();
            return faces.run(TestDemoContext.inDataFolder(config, faces, Map.of(), List.of(photo)));
        }
    }

    private static ModelAvailability textLines(Demo regions) {
        return regions.models().stream().filter(m -> m.name().equals("text_lines")).findFirst().orElseThrow();
    }

    private static DemoServices services(FerryConfig config) {
        return DemoServices.open(config, InferenceDevice.CPU);
    }
}
