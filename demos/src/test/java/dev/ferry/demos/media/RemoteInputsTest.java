package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.testkit.TestHttpServer;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's URL list ({@link InputSpec}) naming IIIF manifests v2 and v3, a PDF and an image,
 * all served by a local HTTP server; private URLs allowed, as only the loopback is reachable.
 */
class RemoteInputsTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestHttpServer server = new TestHttpServer();

    @Test
    void manifestsPdfsAndImagesBecomePagesAndASecondJobReadsThemFromTheCache() throws Exception {
        serveEverything();
        Path spec = Files.write(dir.resolve(JobInputs.fileName(0, InputSpec.FILE_NAME)), new InputSpec(List.of(
                new InputSpec.UrlInput(server.url("/v2/manifest.json")),
                new InputSpec.UrlInput(server.url("/v3/manifest.json")),
                new InputSpec.UrlInput(server.url("/files/report.pdf")),
                new InputSpec.UrlInput(server.url("/files/photo.webp")))).toJson());

        List<String> expected = List.of(
                server.url("/iiif/p1/full/!500,500/0/default.jpg") + " 400x300",
                server.url("/iiif/p2/full/!500,500/0/default.jpg") + " 300x400",
                server.url("/iiif/p1/full/!500,500/0/default.jpg") + " 400x300",
                server.url("/static/p3.png") + " 120x80",
                server.url("/files/report.pdf") + "#page=1 595x841",
                server.url("/files/report.pdf") + "#page=2 841x595",
                server.url("/files/photo.webp") + " 64x32");
        assertEquals(expected, readAll(spec));
        assertEquals(1, server.hits("/iiif/p1/full/!500,500/0/default.jpg"), "the v3 manifest's first canvas reuses p1 from the cache");
        assertEquals(1, server.hits("/files/report.pdf"));

        assertEquals(expected, readAll(spec));
        for (String path : List.of("/v2/manifest.json", "/v3/manifest.json", "/files/report.pdf", "/files/photo.webp",
                "/iiif/p1/full/!500,500/0/default.jpg", "/iiif/p2/full/!500,500/0/default.jpg", "/static/p3.png")) {
            assertEquals(1, server.hits(path), path + " fetched once for two jobs");
        }
    }

    @Test
    void privateAddressesInAUrlListAreRefusedPageByPage() throws Exception {
        Path spec = Files.write(dir.resolve("000-inputs.json"),
                "{\"inputs\":[{\"url\":\"http://127.0.0.1:1/a.jpg\"},{\"url\":\"http://169.254.169.254/latest/meta-data/\"}]}".getBytes());
        List<String> outcomes = new ArrayList<>();
        try (JobPages pages = MediaReader.of(TestConfig.in(dir.resolve("data")).build()).pages(List.of(spec))) {
            for (PageRef ref : pages) {
                try (Page page = ref.load()) {
                    outcomes.add("loaded " + ref.source());
                } catch (MediaException e) {
                    outcomes.add(e.code() + " " + ref.source());
                }
            }
        }
        assertEquals(List.of("url_refused http://127.0.0.1:1/a.jpg", "url_refused http://169.254.169.254/latest/meta-data/"), outcomes);
    }

    @Test
    void aBrokenUrlListIsOneClearError() throws Exception {
        Path spec = Files.write(dir.resolve("000-inputs.json"), "{\"inputs\":[{\"url\":\"ftp://example.org/x\"}]}".getBytes());
        try (JobPages pages = MediaReader.of(TestConfig.in(dir.resolve("data")).build()).pages(List.of(spec))) {
            PageRef only = pages.iterator().next();
            MediaException e = org.junit.jupiter.api.Assertions.assertThrows(MediaException.class, only::load);
            assertEquals("inputs.json: inputs[0].url must be an absolute http or https URL", e.getMessage());
            assertTrue(!pages.iterator().hasNext());
        }
    }

    private List<String> readAll(Path spec) {
        MediaReader reader = MediaReader.of(TestConfig.in(dir.resolve("data"))
                .set("FERRY_ALLOW_PRIVATE_URLS", true).set("FERRY_IIIF_MAX_SIZE", 500).set("FERRY_PDF_DPI", 72).build());
        List<String> outcomes = new ArrayList<>();
        try (JobPages pages = reader.pages(List.of(spec))) {
            for (PageRef ref : pages) {
                try (Page page = ref.load()) {
                    outcomes.add(ref.source() + " " + page.width() + "x" + page.height());
                }
            }
            assertEquals(List.of(), pages.warnings());
        }
        return outcomes;
    }

    private void serveEverything() throws Exception {
        server.body("/iiif/p1/full/!500,500/0/default.jpg", "image/jpeg", TestImages.gradient(400, 300, ".jpg"))
                .body("/iiif/p2/full/!500,500/0/default.jpg", "image/jpeg", TestImages.gradient(300, 400, ".jpg"))
                .body("/static/p3.png", "image/png", TestImages.gradient(120, 80, ".png"))
                .body("/files/photo.webp", "image/webp", TestImages.gradient(64, 32, ".webp"))
                .body("/files/report.pdf", "application/pdf", TestImages.pdf())
                .body("/v2/manifest.json", "application/json", ("""
                        {"@context": "http://iiif.io/api/presentation/2/context.json",
                         "@id": "%1$s/v2/manifest.json", "@type": "sc:Manifest", "label": "Two leaves",
                         "sequences": [{"@type": "sc:Sequence", "canvases": [
                           {"@id": "%1$s/v2/canvas/1", "@type": "sc:Canvas", "label": "f. 1r", "width": 4000, "height": 3000,
                            "images": [{"@type": "oa:Annotation", "motivation": "sc:painting",
                              "resource": {"@id": "%1$s/iiif/p1/full/full/0/default.jpg", "@type": "dctypes:Image",
                                "service": {"@context": "http://iiif.io/api/image/2/context.json", "@id": "%1$s/iiif/p1",
                                  "profile": "http://iiif.io/api/image/2/level1.json"}}}]},
                           {"@id": "%1$s/v2/canvas/2", "@type": "sc:Canvas", "label": "f. 1v", "width": 3000, "height": 4000,
                            "images": [{"@type": "oa:Annotation", "motivation": "sc:painting",
                              "resource": {"@id": "%1$s/iiif/p2/full/full/0/default.jpg", "@type": "dctypes:Image",
                                "service": {"@id": "%1$s/iiif/p2/", "profile": "level1"}}}]}]}]}
                        """).formatted(server.url("")).getBytes())
                .body("/v3/manifest.json", "application/ld+json", ("""
                        {"@context": "http://iiif.io/api/presentation/3/context.json",
                         "id": "%1$s/v3/manifest.json", "type": "Manifest", "label": {"en": ["Two more"]},
                         "items": [
                           {"id": "%1$s/v3/canvas/1", "type": "Canvas", "label": {"none": ["1"]}, "width": 4000, "height": 3000,
                            "items": [{"id": "%1$s/v3/page/1", "type": "AnnotationPage", "items": [
                              {"id": "%1$s/v3/anno/1", "type": "Annotation", "motivation": "painting", "target": "%1$s/v3/canvas/1",
                               "body": {"id": "%1$s/iiif/p1/full/max/0/default.jpg", "type": "Image", "format": "image/jpeg",
                                 "service": [{"id": "%1$s/iiif/p1", "type": "ImageService3", "profile": "level1"}]}}]}]},
                           {"id": "%1$s/v3/canvas/2", "type": "Canvas", "label": {"none": ["2"]}, "width": 120, "height": 80,
                            "items": [{"id": "%1$s/v3/page/2", "type": "AnnotationPage", "items": [
                              {"id": "%1$s/v3/anno/2", "type": "Annotation", "motivation": "painting", "target": "%1$s/v3/canvas/2",
                               "body": {"id": "%1$s/static/p3.png", "type": "Image", "format": "image/png"}}]}]}]}
                        """).formatted(server.url("")).getBytes());
    }
}
