package dev.ferry.api.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import dev.ferry.api.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The watermarks demo's reference collections, uploaded, listed, served and deleted over HTTP. */
class SourcesTest {
    static final String SOURCES = "/api/v1/demos/watermarks/sources";
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(TestDemo.echo());
    static final Http http = api.http();

    @Test
    void anUploadedSourceIsListedServedAndDeleted() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("b.png", TestFiles.png(40, 30));
        entries.put("marks/c.png", TestFiles.png(12, 20));
        entries.put("a.jpg", TestFiles.jpeg(32, 24));
        byte[] zip = zip(entries);

        Response created = upload(new Multipart().file("file", "marks.zip", "application/zip", zip)
                .field("name", "Briquet 1907").field("metadata", "{\"century\":15,\"note\":null}"));

        assertEquals(201, created.status(), created.text());
        JsonNode source = created.json();
        String uid = source.get("uid").asText();
        assertEquals(SOURCES + "/" + uid, created.header("Location"));
        assertEquals("Briquet 1907", source.get("name").asText());
        assertEquals(15, source.get("metadata").get("century").asInt());
        assertTrue(source.get("metadata").has("note"));
        assertEquals(3, source.get("images").asInt());
        assertEquals(zip.length, source.get("bytes").asLong());

        assertEquals(source, http.get(SOURCES + "/" + uid).json());
        assertTrue(uids(http.get(SOURCES).json()).contains(uid));
        assertArrayEquals(zip, http.get(source.get("images_url").asText()).bytes());
        JsonNode images = http.get(source.get("index_url").asText()).json().get("images");
        assertEquals(List.of("a.jpg", "b.png", "marks/c.png"), images.findValuesAsText("name"), "images in name order");
        for (JsonNode image : images) {
            assertEquals(entries.get(image.get("name").asText()).length, image.get("bytes").asLong());
        }
        assertEquals("image/jpeg", images.get(0).get("type").asText());
        assertEquals(2, images.get(2).get("index").asInt());

        assertEquals(204, delete(uid).status());
        assertEquals("source_not_found", http.get(SOURCES + "/" + uid).errorCode());
        assertEquals(404, http.get(SOURCES + "/" + uid + "/images.zip").status());
        assertFalse(uids(http.get(SOURCES).json()).contains(uid));
        assertEquals("source_not_found", delete(uid).errorCode());
    }

    @Test
    void withoutANameTheFileNameIsTheName() {
        Response created = upload(new Multipart().file("file", "some/folder/marks.zip", "application/zip",
                zip(Map.of("a.png", TestFiles.png(4, 4)))));

        assertEquals(201, created.status(), created.text());
        assertEquals("marks.zip", created.json().get("name").asText());
    }

    @Test
    void anEmptyZipIsRefused() {
        assertRefused(zip(Map.of()), 400, "no_images");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() {
        assertRefused(TestFiles.png(8, 8), 415, "unsupported_media_type");
    }

    @Test
    void aZipOfTextFilesIsRefused() {
        assertRefused(zip(Map.of("notes.txt", "not a watermark".getBytes(StandardCharsets.UTF_8))), 415, "not_an_image");
    }

    @Test
    void anEntryEscapingTheArchiveIsRefused() {
        assertRefused(zip(Map.of("../x.png", TestFiles.png(8, 8))), 400, "zip_path");
    }

    @Test
    void aDamagedZipIsRefused() {
        byte[] zip = zip(Map.of("a.png", TestFiles.png(64, 64)));
        assertRefused(java.util.Arrays.copyOf(zip, zip.length / 2), 400, "bad_zip");
    }

    @Test
    void anUnknownUidIs404() {
        for (String uid : List.of("01hzzzzzzzzzzzzzzzzzzzzzzz", "..%2F..%2Fjobs", "nope")) {
            Response r = http.get(SOURCES + "/" + uid);
            assertEquals(404, r.status(), uid);
            assertEquals("source_not_found", r.errorCode(), uid);
            assertEquals("source_not_found", http.get(SOURCES + "/" + uid + "/index.json").errorCode(), uid);
        }
    }

    @Test
    void aZipWithMoreEntriesThanTheLimitIsRefused() {
        try (TestServer server = api.start(List.of(TestDemo.echo()), "FERRY_ZIP_MAX_ENTRIES", 2)) {
            byte[] zip = zip(Map.of("a.png", TestFiles.png(4, 4), "b.png", TestFiles.png(4, 4), "c.png", TestFiles.png(4, 4)));
            Response r = server.http().postMultipart(SOURCES, new Multipart().file("file", "s.zip", "application/zip", zip));
            assertEquals(413, r.status(), r.text());
            assertEquals("zip_limit", r.errorCode());
            assertEquals(List.of(), leftovers(server.data().watermarkSources()));
        }
    }

    @Test
    void sourcesNeedAKeyWhenKeysAreSet() {
        try (TestServer server = api.start(List.of(TestDemo.echo()), "FERRY_API_KEYS", "k1")) {
            assertEquals("unauthorized", server.http().get(SOURCES).errorCode());
            assertEquals(200, server.http().get(SOURCES, "Authorization", "Bearer k1").status());
        }
    }

    @Test
    void anEntryThatExpandsLikeABombIsRefused() {
        assertRefused(zip(Map.of("a.png", TestFiles.png(4, 4), "bomb.png", new byte[4 * 1024 * 1024])), 413, "zip_limit");
    }

    @Test
    void anUploadOverTheUploadLimitIsRefused() {
        try (TestServer server = api.start(List.of(TestDemo.echo()), "FERRY_MAX_UPLOAD_MB", 1)) {
            byte[] big = new byte[2 * 1024 * 1024];
            new java.util.Random(7).nextBytes(big);
            Response r = server.http().postMultipart(SOURCES, new Multipart().file("file", "s.zip", "application/zip", big));
            assertEquals(413, r.status());
            assertEquals("too_large", r.errorCode());
        }
    }

    @Test
    void refusedUploadsLeaveNothingBehind() {
        assertRefused(zip(Map.of("notes.txt", new byte[] {1, 2, 3})), 415, "not_an_image");
        assertEquals(List.of(), leftovers(api.server().data().watermarkSources()));
    }

    private static void assertRefused(byte[] upload, int status, String code) {
        Response r = upload(new Multipart().file("file", "s.zip", "application/zip", upload));
        assertEquals(status, r.status(), r.text());
        assertEquals(code, r.errorCode(), r.text());
    }

    private static Response upload(Multipart form) {
        return http.postMultipart(SOURCES, form);
    }

    private static Response delete(String uid) {
        return http.send(http.request(SOURCES + "/" + uid).DELETE());
    }

    private static List<String> uids(JsonNode list) {
        return list.get("sources").findValuesAsText("uid");
    }

    /** Folders of the sources folder that are not a whole source: half-made or half-deleted ones. */
    private static List<String> leftovers(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(sources)) {
            return folders.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : new ArrayList<>(entries.entrySet())) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
