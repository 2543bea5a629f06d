package dev.ferry.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.json.Json;
import dev.ferry.testkit.TestPhotos;
import dev.ferry.testkit.TestHttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faces demo through the whole platform: a photo uploaded over HTTP, and a job naming
 * a IIIF manifest and a PDF by URL, both served by a local HTTP server (private addresses
 * allowed, as only the loopback is reachable here).
 */
class FacesEndToEndTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("faces")
            .set("FERRY_ALLOW_PRIVATE_URLS", true).set("FERRY_PDF_DPI", 72);
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    @Test
    void aPhotoComesBackWithItsFacesAndAnAnnotatedImage() throws Exception {
        String id = api.submitFiles("faces", "{}", TestPhotos.docs("facereg.jpg"));
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        assertEquals(4, job.at("/result/faces").asInt(), job::toString);
        assertTrue(job.at("/result/note").asText().contains("ferry models pull faces"), "emotions need a model: " + job);
        JsonNode report = Json.MAPPER.readTree(api.file(id, job.at("/result/report").asText()));
        JsonNode page = report.get("pages").get(0);
        assertEquals("facereg.jpg", page.get("source").asText());
        assertEquals(4, page.get("faces").size());
        BufferedImage annotated = ImageIO.read(new ByteArrayInputStream(api.file(id, page.get("annotated").asText())));
        assertEquals(page.get("width").asInt(), annotated.getWidth());
    }

    @Test
    void aIiifManifestAndAPdfGivenByUrlAreFetchedAndEveryPageIsProcessed() throws Exception {
        byte[] portrait = Files.readAllBytes(TestPhotos.docs("face_swapped.jpg"));
        byte[] group = Files.readAllBytes(TestPhotos.docs("facereg.jpg"));
        try (TestHttpServer server = new TestHttpServer()) {
            server.body("/images/portrait.jpg", "image/jpeg", portrait)
                    .body("/images/group.jpg", "image/jpeg", group)
                    .body("/iiif/manifest.json", "application/ld+json", manifest(server).getBytes())
                    .body("/files/album.pdf", "application/pdf", pdfWithPhoto(portrait));

            String id = api.submitJson("faces", "{\"inputs\": [{\"url\": \"" + server.url("/iiif/manifest.json")
                    + "\"}, {\"url\": \"" + server.url("/files/album.pdf") + "\"}], \"params\": {\"min_face_size\": 24}}");
            JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);

            assertEquals("succeeded", job.get("state").asText(), job::toString);
            assertEquals(4, job.at("/result/pages").asInt(), job::toString);
            assertEquals(0, job.at("/result/pages_failed").asInt(), job::toString);
            JsonNode report = Json.MAPPER.readTree(api.file(id, "faces.json"));
            List<String> sources = new ArrayList<>();
            List<Integer> faces = new ArrayList<>();
            for (JsonNode page : report.get("pages")) {
                sources.add(page.get("source").asText());
                faces.add(page.get("faces").size());
            }
            assertEquals(List.of(server.url("/images/portrait.jpg"), server.url("/images/group.jpg"),
                    server.url("/files/album.pdf") + "#page=1", server.url("/files/album.pdf") + "#page=2"), sources);
            assertEquals(List.of(1, 4, 1, 0), faces, "the PDF's first page holds the portrait, its second only words");
        }
    }

    @Test
    void aUrlNothingAnswersFailsTheJobWithItsReasonAndTheNextJobRuns() {
        String id = api.submitJson("faces", "{\"inputs\": [{\"url\": \"http://127.0.0.1:9/nothing.jpg\"}]}");
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);
        assertEquals("failed", job.get("state").asText(), job::toString);
        assertEquals("bad_input", job.at("/error/code").asText(), job::toString);
        assertTrue(job.at("/error/message").asText().contains("127.0.0.1:9"), job::toString);

        JsonNode next = api.awaitFinished(api.submitFiles("faces", "{}", TestPhotos.docs("face_swapped.jpg")), JOB_TIMEOUT);
        assertEquals("succeeded", next.get("state").asText(), next::toString);
        assertEquals(1, next.at("/result/faces").asInt(), next::toString);
    }

    @Test
    void aTruncatedPhotoFailsWithItsReasonAndTheNextJobRuns() throws Exception {
        byte[] photo = Files.readAllBytes(TestPhotos.docs("face_swapped.jpg"));
        Path cut = Files.write(files.resolve("cut.jpg"), Arrays.copyOf(photo, photo.length / 2));

        JsonNode failed = api.awaitFinished(api.submitFiles("faces", "{}", cut), JOB_TIMEOUT);
        assertEquals("failed", failed.get("state").asText(), failed::toString);
        assertEquals("bad_input", failed.at("/error/code").asText());
        assertTrue(failed.at("/error/message").asText().contains("JPEG image is truncated"), failed::toString);
        assertEquals(1, failed.get("attempts").asInt(), "an unreadable input is not retried");

        JsonNode next = api.awaitFinished(api.submitFiles("faces", "{}", cut, TestPhotos.docs("face_swapped.jpg")),
                JOB_TIMEOUT);
        assertEquals("succeeded", next.get("state").asText(), next::toString);
        assertEquals(1, next.at("/result/pages_failed").asInt(), next::toString);
        assertEquals("cut.jpg", next.at("/result/failed_pages/0/source").asText(), next::toString);
        assertEquals(1, next.at("/result/faces").asInt());
    }

    /** A IIIF Presentation 3 manifest of two canvases, each painted by one of the served photos. */
    private static String manifest(TestHttpServer server) {
        StringBuilder canvases = new StringBuilder();
        String[][] images = {{"portrait", "1"}, {"group", "2"}};
        for (String[] image : images) {
            if (canvases.length() > 0) {
                canvases.append(',');
            }
            canvases.append("""
                    {"id": "%1$s/canvas/%3$s", "type": "Canvas", "width": 300, "height": 300,
                     "items": [{"id": "%1$s/page/%3$s", "type": "AnnotationPage", "items": [
                       {"id": "%1$s/anno/%3$s", "type": "Annotation", "motivation": "painting", "target": "%1$s/canvas/%3$s",
                        "body": {"id": "%1$s/images/%2$s.jpg", "type": "Image", "format": "image/jpeg"}}]}]}
                    """.formatted(server.url(""), image[0], image[1]));
        }
        return """
                {"@context": "http://iiif.io/api/presentation/3/context.json",
                 "id": "%s/iiif/manifest.json", "type": "Manifest", "label": {"en": ["Portraits"]},
                 "items": [%s]}
                """.formatted(server.url(""), canvases);
    }

    /** Two pages: the photo at its own size in points (so 72 dpi renders it pixel for pixel), then a blank page. */
    private static byte[] pdfWithPhoto(byte[] jpeg) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject photo = PDImageXObject.createFromByteArray(doc, jpeg, "portrait.jpg");
            PDPage first = new PDPage(new PDRectangle(photo.getWidth(), photo.getHeight()));
            doc.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(doc, first)) {
                content.drawImage(photo, 0, 0, photo.getWidth(), photo.getHeight());
            }
            doc.addPage(new PDPage(PDRectangle.A5));
            doc.save(out);
            return out.toByteArray();
        }
    }
}
