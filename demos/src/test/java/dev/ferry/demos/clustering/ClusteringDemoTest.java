package dev.ferry.demos.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.job.Progress;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.testkit.TestDemoContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustering demo as a worker runs it: real files through the media reader, the tik
 * engine, and every output file read back.
 */
class ClusteringDemoTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestDemos demos = new TestDemos(new ClusteringDemoFactory(), () -> dir.resolve("data"));

    @Test
    void aZipOfShapesBecomesClustersWithPrototypesMembersAPlotAndAPage() throws Exception {
        List<ShapeSet.Sample> samples = ShapeSet.generate(5, 6, 64, ShapeSet.Variation.STRONG, 3);
        Path zip = ShapeFiles.zip(dir.resolve("shapes.zip"), samples);
        TestDemoContext ctx = context(Map.of("n_prototypes", 5), zip);

        JsonNode result = demos.demo().run(ctx);

        assertEquals("tik", result.get("engine").asText());
        assertEquals(30, result.get("images").asInt());
        assertEquals(5, result.get("clusters").asInt());
        JsonNode report = Json.MAPPER.readTree(ctx.outputDir().resolve("clusters.json").toFile());
        assertEquals("similarity", report.get("transformation").asText());
        assertEquals(report.get("iterations").asInt() + 1, report.get("loss").size(), "the loss after seeding and each iteration");
        int pure = 0;
        int previousSize = Integer.MAX_VALUE;
        for (JsonNode cluster : report.get("clusters")) {
            assertTrue(cluster.get("size").asInt() <= previousSize, "largest cluster first");
            previousSize = cluster.get("size").asInt();
            BufferedImage prototype = image(ctx, cluster.get("prototype").asText());
            assertEquals(64, prototype.getWidth());
            Map<String, Integer> classes = new HashMap<>();
            for (JsonNode m : cluster.get("members")) {
                classes.merge(ShapeFiles.classOf(m.get("source").asText()), 1, Integer::sum);
                assertTrue(m.get("source").asText().startsWith("shapes.zip!/"), m.toString());
                assertEquals(64, image(ctx, m.get("original").asText()).getWidth());
                assertEquals(64, image(ctx, m.get("aligned").asText()).getWidth());
                assertTrue(m.get("original").asText().startsWith("clusters/" + cluster.get("cluster").asInt() + "/"));
                assertEquals(2, m.get("transform").size());
            }
            pure += classes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        assertTrue(pure >= 28, "purity " + pure + " of 30");

        List<String> csv = Files.readAllLines(ctx.outputDir().resolve("clusters.csv"));
        assertEquals("item,source,cluster,distance,original,aligned", csv.get(0));
        assertEquals(31, csv.size());
        BufferedImage plot = image(ctx, "loss.png");
        assertEquals(LossPlot.WIDTH, plot.getWidth());

        String html = Files.readString(ctx.outputDir().resolve("clusters.html"));
        assertEquals(5, count(html, "<section id=\"cluster-"));
        assertTrue(count(html, "src=\"data:image/png;base64,") >= 1 + 5 + 2 * 30, "plot, prototypes, members embedded");
        Matcher external = Pattern.compile("src=\"(?!data:)").matcher(html);
        assertFalse(external.find(), "every picture on the page is embedded: it opens from disk alone");
        assertTrue(html.contains("href=\"clusters/0/"), "members link to their files relatively");
        assertFalse(Files.exists(ctx.outputDir().resolve(ClusteringDemo.STAGING)), "nothing staged is left behind");

        List<String> messages = ctx.reported().stream().map(Progress::message).toList();
        assertTrue(messages.contains("reading image 1 of 30: shapes.zip!/arrow_004.png"), "in name order: " + messages);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("iteration 1 of 20: loss ")), messages.toString());
    }

    @Test
    void aZipWithNoImagesFailsSayingWhatItHeld() throws Exception {
        Path zip = ShapeFiles.zipOf(dir.resolve("notes.zip"), Map.of("readme.txt", "no pictures here".getBytes()));

        DemoFailure e = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of(), zip)));

        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().startsWith("the inputs hold no images to cluster"), e.getMessage());
        assertTrue(e.getMessage().contains("readme.txt"), e.getMessage());
    }

    @Test
    void oneImageAndFivePrototypesIsOneClusterAndTheResultSaysSo() throws Exception {
        Path one = Files.write(dir.resolve("star.png"), ShapeSet.png(ShapeSet.draw(2, 64, ShapeSet.Variation.NONE,
                new SplittableRandom(1))));

        JsonNode result = demos.demo().run(context(Map.of("n_prototypes", 5), one));

        assertEquals(1, result.get("clusters").asInt());
        assertEquals(List.of(1), sizes(result));
        assertTrue(result.get("warnings").toString().contains("n_prototypes 5 is more than the 1 image read: made 1 cluster"),
                result.toString());
    }

    @Test
    void imagesOfWildlyDifferentSizesAreBroughtToOneSize() throws Exception {
        List<Path> files = new ArrayList<>();
        int[][] sizes = {{12, 12}, {3000, 180}, {640, 640}, {45, 1300}, {900, 700}, {20, 9}};
        for (int i = 0; i < sizes.length; i++) {
            BufferedImage canvas = new BufferedImage(sizes[i][0], sizes[i][1], BufferedImage.TYPE_3BYTE_BGR);
            var g = canvas.createGraphics();
            int side = Math.min(sizes[i][0], sizes[i][1]);
            g.drawImage(ShapeSet.draw(i % 2 == 0 ? 1 : 9, side, ShapeSet.Variation.NONE, new SplittableRandom(i)),
                    (sizes[i][0] - side) / 2, (sizes[i][1] - side) / 2, null);
            g.dispose();
            files.add(Files.write(dir.resolve("shape" + i + ".png"), ShapeSet.png(canvas)));
        }

        JsonNode result = demos.demo().run(context(Map.of("n_prototypes", 2, "size", 32), files.toArray(Path[]::new)));

        assertEquals(6, result.get("images").asInt());
        assertEquals(2, result.get("clusters").asInt());
    }

    @Test
    void itemsAreAssignedToTheReferenceImagesOfAnEarlierJob() throws Exception {
        Path data = dir.resolve("data");
        dev.ferry.core.job.JobId earlier = dev.ferry.core.job.JobId.generate("clustering", System.currentTimeMillis());
        Path prototypes = Files.createDirectories(new dev.ferry.core.storage.DataFolder(data).outputsDir(earlier)
                .resolve("prototypes"));
        Files.write(prototypes.resolve("0.png"), ShapeSet.png(ShapeSet.draw(2, 64, ShapeSet.Variation.NONE, new SplittableRandom(1))));
        Files.write(prototypes.resolve("1.png"), ShapeSet.png(ShapeSet.draw(3, 64, ShapeSet.Variation.NONE, new SplittableRandom(1))));
        List<ShapeSet.Sample> items = new ArrayList<>();
        for (ShapeSet.Sample s : ShapeSet.generate(4, 4, 64, ShapeSet.Variation.STRONG, 9)) {
            if (s.shapeClass() == 2 || s.shapeClass() == 3) {
                items.add(s);
            }
        }
        Path zip = ShapeFiles.zip(dir.resolve("items.zip"), items);
        TestDemoContext ctx = context(Map.of("assign_to", earlier + "/prototypes/*"), zip);

        JsonNode result = demos.demo().run(ctx);

        assertEquals(2, result.get("clusters").asInt());
        JsonNode report = Json.MAPPER.readTree(ctx.outputDir().resolve("clusters.json").toFile());
        assertEquals(earlier + "/prototypes/*", report.get("assigned_to").asText());
        Map<String, String> groupOfClass = new LinkedHashMap<>();
        for (JsonNode cluster : report.get("clusters")) {
            for (JsonNode m : cluster.get("members")) {
                String previous = groupOfClass.put(ShapeFiles.classOf(m.get("source").asText()), cluster.get("name").asText());
                assertTrue(previous == null || previous.equals(cluster.get("name").asText()), report.toString());
            }
        }
        assertEquals(Map.of("star", "prototypes/0.png", "plus", "prototypes/1.png"), groupOfClass);
        assertFalse(report.has("loss_meaning"));
    }

    @Test
    void aReferencedJobThatExpiredBeforeThisOneRanFailsItWithTheReason() throws Exception {
        Path data = dir.resolve("data");
        dev.ferry.core.storage.DataFolder folder = new dev.ferry.core.storage.DataFolder(data);
        dev.ferry.core.job.JobId expired = dev.ferry.core.job.JobId.generate("regions", System.currentTimeMillis());
        Path crops = Files.createDirectories(folder.outputsDir(expired).resolve("crops"));
        Files.write(crops.resolve("0001-page_1.png"), ShapeSet.png(ShapeSet.draw(1, 32, ShapeSet.Variation.NONE,
                new SplittableRandom(1))));
        Path spec = Files.write(dir.resolve("000-inputs.json"), new dev.ferry.core.storage.InputSpec(List.of(
                new dev.ferry.core.storage.JobFiles(expired, "crops/*"))).toJson());
        folder.deleteJob(expired);

        DemoFailure e = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of(), spec)));

        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains(expired + "/crops/*: the outputs of job " + expired + " are gone: the job expired"),
                e.getMessage());
    }

    @Test
    void aCancelledJobStopsWhileClustering() throws Exception {
        List<ShapeSet.Sample> samples = ShapeSet.generate(6, 20, 64, ShapeSet.Variation.STRONG, 3);
        TestDemoContext ctx = context(Map.of("n_prototypes", 6, "iterations", 200),
                ShapeFiles.zip(dir.resolve("many.zip"), samples));

        CompletableFuture<JsonNode> running = CompletableFuture.supplyAsync(() -> {
            try {
                return demos.demo().run(ctx);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (ctx.reported().stream().noneMatch(p -> p.message().startsWith("prototypes seeded")) && !running.isDone()) {
            Thread.sleep(5);
        }
        ctx.cancel();

        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof JobCancelledException, e.toString());
    }

    private TestDemoContext context(Map<String, ?> params, Path... inputs) {
        return TestDemoContext.of(demos.demo(), params, List.of(inputs), dir.resolve("job-" + System.nanoTime()));
    }

    private static List<Integer> sizes(JsonNode result) {
        List<Integer> sizes = new ArrayList<>();
        result.get("cluster_sizes").forEach(s -> sizes.add(s.asInt()));
        return sizes;
    }

    private static BufferedImage image(TestDemoContext ctx, String relative) throws Exception {
        BufferedImage image = ImageIO.read(ctx.outputDir().resolve(relative).toFile());
        if (image == null) {
            throw new AssertionError("not an image: " + relative);
        }
        return image;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
