package dev.ferry.demos.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.tfjs.TfjsImporter;
import dev.ferry.testkit.TestDemoContext;
import dev.ferry.testkit.TestModels;
import dev.ferry.testkit.TestPhotos;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faces demo with the models {@code ferry models pull faces} installs (BlazeFace and the
 * emotion model imported from TF.js) on real photographs of smiling people: every face comes
 * with its keypoints and emotions, and each smile scores {@code happy} first.
 */
class EmotionModelTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestDemos demos = new TestDemos(new FacesDemoFactory(), () -> dir.resolve("data"));

    @Test
    void everyFaceComesWithKeypointsAndEmotionsAndSmilesScoreHappyFirst() throws Exception {
        install();
        TestDemoContext context = TestDemoContext.inDataFolder(demos.config(), demos.demo(), Map.of(),
                List.of(TestPhotos.skimage("astronaut.png"), TestPhotos.docs("facereg.jpg")));

        JsonNode result = demos.demo().run(context);

        assertEquals("emotion", result.get("emotion_model").asText());
        assertEquals(5, result.get("faces").asInt(), result.toString());
        JsonNode pages = Json.MAPPER.readTree(context.outputDir().resolve("faces.json").toFile()).get("pages");
        for (JsonNode page : pages) {
            for (JsonNode face : page.get("faces")) {
                assertEquals(6, face.get("keypoints").size(), face.toString());
                assertEquals(7, face.get("emotions").size(), face.toString());
            }
        }
        JsonNode astronaut = pages.get(0).get("faces").get(0);
        assertHappyFirst(astronaut, "the astronaut");
        // facereg.jpg is a 2 x 2 grid of 200 px portraits; the bottom-left woman laughs
        JsonNode laughing = faceAt(pages.get(1), 50, 150);
        assertHappyFirst(laughing, "facereg's bottom-left portrait");
    }

    private static void assertHappyFirst(JsonNode face, String who) {
        JsonNode top = face.get("dominant_emotion");
        System.out.printf("%s: %s %.4f%n", who, top.get("label").asText(), top.get("confidence").asDouble());
        assertEquals("happy", top.get("label").asText(), who + ": " + face.get("emotions"));
        assertTrue(top.get("confidence").asDouble() > 0.9, who + ": " + face.get("emotions"));
    }

    private static JsonNode faceAt(JsonNode page, int x, int y) {
        for (JsonNode face : page.get("faces")) {
            JsonNode b = face.get("box");
            if (b.get("x").asInt() <= x && x < b.get("x").asInt() + b.get("width").asInt()
                    && b.get("y").asInt() <= y && y < b.get("y").asInt() + b.get("height").asInt()) {
                return face;
            }
        }
        throw new AssertionError("no face around (" + x + ", " + y + ") in " + page);
    }

    /** As `ferry models pull faces` installs them. */
    private void install() throws Exception {
        ModelStore store = new ModelStore(dir.resolve("data"), ModelCatalog.builtIn());
        store.install(new ModelRef(FacesDemo.NAME, "blazeface"), TestModels.blazeFaceFront());
        Path onnx = dir.resolve("emotion.onnx");
        TfjsImporter.importFile(TestModels.emotionTfjs(), onnx);
        store.install(new ModelRef(FacesDemo.NAME, "emotion"), onnx);
    }
}
