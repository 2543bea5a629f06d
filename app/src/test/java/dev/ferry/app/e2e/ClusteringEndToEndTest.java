package dev.ferry.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.app.support.ShapeZips;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.demos.clustering.ShapeSet;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.TestModels;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustering demo through the whole platform: a ZIP of shapes uploaded over HTTP comes
 * back as clusters with prototypes and the standalone page; and a regions job's crops are
 * clustered by a second job that names the first, read in place from the data folder.
 */
class ClusteringEndToEndTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> WORDS = List.of("ferry", "harbour", "timber");

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("regions,clustering").beforeStart(config ->
            ModelStore.of(config).install(new ModelRef("regions", "text_lines"), TestModels.ppOcrDetector()));
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    @Test
    void aZipOfShapesComesBackAsClustersWithPrototypesAndThePage() throws Exception {
        List<ShapeSet.Sample> shapes = ShapeSet.generate(4, 6, 64, ShapeSet.Variation.STRONG, 21);
        Path zip = ShapeZips.write(files.resolve("shapes.zip"), shapes);

        String id = api.submitFiles("clustering", "{\"n_prototypes\": 4}", zip);
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        JsonNode result = job.get("result");
        assertEquals(24, result.get("images").asInt());
        assertEquals(4, result.get("clusters").asInt());
        JsonNode report = Json.MAPPER.readTree(api.file(id, result.get("report").asText()));
        for (JsonNode cluster : report.get("clusters")) {
            Set<String> classes = new HashSet<>();
            cluster.get("members").forEach(m -> classes.add(m.get("source").asText().replaceAll(".*!/(\\w+?)_\\d+\\.png", "$1")));
            assertEquals(1, classes.size(), "one shape per cluster: " + cluster);
            assertEquals(64, image(api.file(id, cluster.get("prototype").asText())).getWidth());
            assertEquals(64, image(api.file(id, cluster.get("members").get(0).get("aligned").asText())).getWidth());
        }
        Answer page = api.get("/api/v1/jobs/" + id + "/files/" + result.get("page").asText());
        assertEquals(200, page.status());
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<section id=\"cluster-3\">"), html.substring(0, 200));
        assertTrue(!html.contains("src=\"http") && !html.contains("src=\"/"), "the page needs no server for its pictures");
        assertTrue(jobFiles(job).containsAll(List.of("clusters.csv", "clusters.html", "clusters.json", "loss.png",
                "prototypes/0.png", "prototypes/3.png")), jobFiles(job).toString());
    }

    @Test
    void aRegionsJobsCropsAreClusteredByASecondJobThatNamesTheFirst() throws Exception {
        Path page = Files.write(files.resolve("words.png"), png(wordsPage()));
        String regions = api.submitFiles("regions", "{}", page);
        JsonNode first = api.awaitFinished(regions, JOB_TIMEOUT);
        assertEquals("succeeded", first.get("state").asText(), first::toString);
        int crops = first.at("/result/regions").asInt();
        assertEquals(12, crops, "one region per rendered line: " + first);

        String clustering = api.submitJson("clustering", "{\"inputs\": [{\"job\": \"" + regions + "\", \"files\": \"crops/*\"}],"
                + " \"params\": {\"n_prototypes\": 3, \"transformation\": \"translation\"}}");
        JsonNode second = api.awaitFinished(clustering, JOB_TIMEOUT);

        assertEquals("succeeded", second.get("state").asText(), second::toString);
        assertEquals(crops, second.at("/result/images").asInt());
        JsonNode report = Json.MAPPER.readTree(api.file(clustering, "clusters.json"));
        JsonNode annotations = Json.MAPPER.readTree(api.file(regions, "annotations.json"));
        Map<String, String> wordOfCrop = new HashMap<>();
        for (JsonNode region : annotations.get("pages").get(0).get("regions")) {
            wordOfCrop.put(regions + "/" + region.get("crop").asText(), WORDS.get(lineOf(region) % WORDS.size()));
        }
        for (JsonNode cluster : report.get("clusters")) {
            Set<String> words = new HashSet<>();
            for (JsonNode m : cluster.get("members")) {
                String source = m.get("source").asText();
                assertTrue(source.startsWith(regions + "/crops/"), source);
                words.add(wordOfCrop.get(source));
            }
            assertEquals(1, words.size(), "each cluster holds one word: " + cluster);
        }
        assertTrue(Files.exists(ferry.data().resolve("jobs").resolve(regions).resolve("outputs/crops")),
                "read in place, not moved");
    }

    @Test
    void aJobNamingAMissingJobOrAnEscapingPatternIsRefusedNamingTheField() {
        JobId never = JobId.generate("regions", System.currentTimeMillis());
        Answer missing = api.postJson("/api/v1/demos/clustering/jobs",
                "{\"inputs\": [{\"job\": \"" + never + "\", \"files\": \"crops/*\"}]}");
        assertEquals(400, missing.status(), missing::toString);
        assertEquals("invalid_param", missing.errorCode());
        assertEquals("inputs[0].job", missing.json().at("/error/field").asText());

        Answer escaping = api.postJson("/api/v1/demos/clustering/jobs",
                "{\"inputs\": [{\"job\": \"" + never + "\", \"files\": \"../../*\"}]}");
        assertEquals(400, escaping.status(), escaping::toString);
        assertEquals("inputs[0].files", escaping.json().at("/error/field").asText());
    }

    /** Twelve lines, the three words in turn, far enough apart to be found one by one. */
    private static BufferedImage wordsPage() {
        BufferedImage image = new BufferedImage(900, 1300, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 44));
        for (int line = 0; line < 12; line++) {
            g.drawString(WORDS.get(line % WORDS.size()), 120 + 37 * (line % 5), 100 + 100 * line);
        }
        g.dispose();
        return image;
    }

    /** The rendered line a region lies on, from its vertical centre. */
    private static int lineOf(JsonNode region) {
        double centre = region.get("y").asInt() + region.get("height").asInt() / 2.0;
        return (int) Math.round((centre + 15 - 100) / 100.0);
    }

    private static List<String> jobFiles(JsonNode job) {
        return java.util.stream.StreamSupport.stream(job.get("files").spliterator(), false)
                .map(f -> f.get("path").asText()).toList();
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static BufferedImage image(byte[] bytes) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new AssertionError("not an image: " + bytes.length + " bytes");
        }
        return image;
    }
}
