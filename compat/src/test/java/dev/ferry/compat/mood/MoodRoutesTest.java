package dev.ferry.compat.mood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.compat.CompatForTests;
import dev.ferry.compat.CompatForTests.Answer;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.faces.FacesDemo;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import dev.ferry.testkit.TestPhotos;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mood page's {@code /get_picture/} and {@code /analyze/}, posted as its app.js posts them
 * (jQuery's {@code $.post} of the data URI string), answered by a real worker running the
 * faces demo on real photographs. The emotion model is a test graph that always finds its
 * second label most likely, at e^5 / (e^5 + 7) = 95.5 %; that label is written with HTML in it,
 * so every fragment must escape it.
 */
class MoodRoutesTest {
    static final String LABEL = "<b>happy</b> & \"glad\"";
    static final String SHOWN = "&lt;B&gt;HAPPY&lt;/B&gt; &amp; &quot;GLAD&quot;";
    static final String MOOD = "<kbd>YOU ARE " + SHOWN + " (AT 95.5%)</kbd>";
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    private static TempFolder folders;
    private static CompatForTests ferry;

    @BeforeAll
    static void start() throws Exception {
        folders = TempFolder.create("ferry-mood-");
        Path data = folders.newFolder("data-");
        installEmotions(data, folders.newFolder("model-"));
        ferry = CompatForTests.start(redis, data, true, services -> List.of(new FacesDemo(services)),
                "FERRY_COMPAT", "mood", "FERRY_COMPAT_WAIT_S", 600);
    }

    @AfterAll
    static void stop() {
        ferry.close();
        folders.close();
    }

    @Test
    void oneFaceIsATableOfWhatFerryComputesAndAnalyzeGivesItsMood() throws Exception {
        String cookie = UUID.randomUUID().toString();
        Answer picture = ferry.call(getPicture(dataUri("image/jpeg", TestPhotos.docs("face_swapped.jpg")), cookie));

        assertEquals(200, picture.status(), picture.text());
        assertTrue(picture.header("Content-Type").orElse("").startsWith("text/html"));
        Matcher table = Pattern.compile("<table class=\"table table-sm table-striped bg-light m-2\">"
                + "<tr><td>BoundingBox</td><td>(\\d+) × (\\d+) at \\((\\d+), (\\d+)\\)</td><td>px</td></tr>"
                + "<tr><td>Emotion</td><td>" + Pattern.quote(SHOWN) + "</td><td>95.5</td></tr></table>").matcher(picture.text());
        assertTrue(table.matches(), picture.text());
        // the portrait's face, as the faces demo finds it (FacesDemoTest): about 140 × 170 at (100, 50)
        int width = Integer.parseInt(table.group(1));
        int x = Integer.parseInt(table.group(3));
        assertTrue(Math.abs(width - 140) < 45 && Math.abs(x - 100) < 40, picture.text());

        assertEquals(MOOD, ferry.call(analyze(cookie)).text());
    }

    @Test
    void severalFacesAreCountedAndNobodyIsSaid() throws Exception {
        String group = UUID.randomUUID().toString();
        assertEquals("4 faces found on picture...\n",
                ferry.call(getPicture(dataUri("image/jpeg", TestPhotos.docs("facereg.jpg")), group)).text());
        assertEquals(MOOD, ferry.call(analyze(group)).text(), "the largest face's mood");

        String empty = UUID.randomUUID().toString();
        Answer nobody = ferry.call(getPicture(dataUri("image/png", TestPhotos.data("gradient.png")), empty));
        assertEquals(200, nobody.status());
        assertEquals("nobody on picture...\n", nobody.text());
        assertEquals("<kbd> NO EMOTIONS </kbd>", ferry.call(analyze(empty)).text());
    }

    @Test
    void twentySimultaneousClientsEachSeeTheirOwnPicture() throws Exception {
        List<String> pictures = List.of(dataUri("image/jpeg", TestPhotos.docs("face_swapped.jpg")),
                dataUri("image/jpeg", TestPhotos.docs("facereg.jpg")), dataUri("image/png", TestPhotos.data("gradient.png")));
        List<String> cookies = new ArrayList<>();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cookies.add(UUID.randomUUID().toString());
            answers.add(ferry.send(getPicture(pictures.get(i % 3), cookies.get(i))));
        }
        for (int i = 0; i < 20; i++) {
            String text = answers.get(i).join().text();
            String expected = switch (i % 3) {
                case 0 -> "<table";
                case 1 -> "4 faces found on picture...\n";
                default -> "nobody on picture...\n";
            };
            assertTrue(text.startsWith(expected), "client " + i + ": " + text);
        }
        for (int i = 0; i < 20; i++) {
            String mood = ferry.call(analyze(cookies.get(i))).text();
            assertEquals(i % 3 == 2 ? "<kbd> NO EMOTIONS </kbd>" : MOOD, mood, "client " + i);
        }
    }

    @Test
    void aBrowserWithoutTheCookieIsKnownByItsAddressAndGivenOne() throws Exception {
        Answer picture = ferry.call(getPicture(dataUri("image/jpeg", TestPhotos.docs("face_swapped.jpg")), null));
        assertTrue(picture.header("Set-Cookie").orElse("").startsWith(MoodClients.COOKIE + "="), picture.response().headers()::toString);

        assertEquals(MOOD, ferry.call(analyze(null)).text());
    }

    @Test
    void badDataUrisAreRefusedWith400InThePagesShape() throws Exception {
        String cookie = UUID.randomUUID().toString();
        Answer notAUri = ferry.call(getPicture("hello", cookie));
        assertEquals(400, notAUri.status());
        assertEquals("the body is not a data URI: it must start data:&lt;type&gt;;base64,...\n", notAUri.text());
        Answer badBase64 = ferry.call(getPicture("data:image/png;base64,!!!!", cookie));
        assertEquals(400, badBase64.status());
        assertTrue(badBase64.text().startsWith("the data URI&#39;s payload is not valid base64"), badBase64.text());
        Answer text = ferry.call(getPicture("data:text/plain;base64," + Base64.getEncoder().encodeToString(
                "not a picture".getBytes(StandardCharsets.UTF_8)), cookie));
        assertEquals(400, text.status(), text.text());
        assertTrue(text.text().contains("text/plain"), text.text());

        Answer never = ferry.call(analyze(UUID.randomUUID().toString()));
        assertEquals(404, never.status());
        assertTrue(never.text().startsWith("no picture from you yet"), never.text());
    }

    /** As app.js posts it: jQuery sends the string as it is, declared as a form. */
    private static HttpRequest getPicture(String body, String cookie) {
        return post("/get_picture/", body, cookie);
    }

    private static HttpRequest analyze(String cookie) {
        return post("/analyze/", "nothing", cookie);
    }

    private static HttpRequest post(String path, String body, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ferry.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", MoodClients.COOKIE + "=" + cookie);
        }
        return request.build();
    }

    private static String dataUri(String type, Path photo) throws Exception {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(photo));
    }

    /** FER+'s signature, Ferry's default emotion model's name: logits B whatever the face, the second one far ahead. */
    private static void installEmotions(Path data, Path dir) throws Exception {
        float[] none = new float[8];
        float[] bias = {0f, 5f, 0f, 0f, 0f, 0f, 0f, 0f};
        Path onnx = Files.write(dir.resolve("emotion.onnx"), TestGraphs.emotion("Input3", none, bias, false));
        Path contract = Files.writeString(dir.resolve("model.json"), """
                {"task": "fer_plus",
                 "input": {"name": "Input3", "layout": "NCHW", "width": 64, "height": 64, "dynamic": false, "channels": "gray"},
                 "normalize": {"scale": 1.0, "mean": [0.0], "std": [1.0]},
                 "labels": ["neutral", %s, "surprise", "sadness", "anger", "disgust", "fear", "contempt"]}
                """.formatted(dev.ferry.core.json.Json.MAPPER.writeValueAsString(LABEL)));
        new ModelStore(data, ModelCatalog.builtIn()).install(new ModelRef(FacesDemo.NAME, "emotion"), onnx, contract);
    }
}
