package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.testkit.TestHttpServer;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** URL fetching against a real local HTTP server: address policy, limits, redirects, cache. */
class UrlFetcherTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestHttpServer server = new TestHttpServer();

    @Test
    void loopbackAndMetadataAddressesAreRefusedUnlessAllowed() {
        server.body("/img.png", "image/png", TestImages.gradient(8, 8, ".png"));
        UrlFetcher fetcher = fetcher(Map.of());
        MediaException loopback = assertThrows(MediaException.class, () -> fetcher.fetch(server.url("/img.png")));
        assertEquals("url_refused", loopback.code());
        assertTrue(loopback.getMessage().contains("127.0.0.1 is 127.0.0.1, a loopback address (set FERRY_ALLOW_PRIVATE_URLS=true"),
                loopback.getMessage());
        MediaException metadata = assertThrows(MediaException.class,
                () -> fetcher.fetch("http://169.254.169.254/latest/meta-data/"));
        assertEquals("url_refused", metadata.code());
        assertTrue(metadata.getMessage().contains("169.254.169.254, a link-local address"), metadata.getMessage());
        assertEquals("url_refused", assertThrows(MediaException.class, () -> fetcher.fetch("http://[::1]:9/")).code());
        assertEquals("url_refused", assertThrows(MediaException.class, () -> fetcher.fetch("http://localhost:9/")).code());
        assertEquals("bad_url", assertThrows(MediaException.class, () -> fetcher.fetch("file:///etc/passwd")).code());
        assertEquals(0, server.hits("/img.png"));

        Path fetched = fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true)).fetch(server.url("/img.png"));
        assertTrue(Files.isRegularFile(fetched));
    }

    @Test
    void aSecondFetchOfTheSameUrlComesFromTheCache() throws Exception {
        byte[] body = TestImages.gradient(8, 8, ".png");
        server.body("/img.png", "image/png", body);
        UrlFetcher fetcher = fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true));
        Path first = fetcher.fetch(server.url("/img.png"));
        Path second = fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true)).fetch(server.url("/img.png"));
        assertEquals(first, second);
        assertEquals(1, server.hits("/img.png"));
        assertTrue(first.startsWith(dir.resolve("data/cache/urls")), first.toString());
        assertArrayEquals(body, Files.readAllBytes(first));
    }

    @Test
    void redirectsAreFollowedHopByHopUpToTheLimit() {
        server.body("/img.png", "image/png", TestImages.gradient(8, 8, ".png"))
                .redirect("/one", "/two")
                .redirect("/two", server.url("/img.png"));
        assertTrue(Files.isRegularFile(fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true)).fetch(server.url("/one"))));
        assertEquals(1, server.hits("/two"));

        MediaException tooMany = assertThrows(MediaException.class, () ->
                fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true, "FERRY_FETCH_MAX_REDIRECTS", 1)).fetch(server.url("/one?again")));
        assertEquals("fetch_failed", tooMany.code());
        MediaException loop = assertThrows(MediaException.class, () -> {
            server.redirect("/loop", "/loop");
            fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true)).fetch(server.url("/loop"));
        });
        assertTrue(loop.getMessage().startsWith("more than 5 redirects from"), loop.getMessage());
    }

    @Test
    void sizeAndTimeLimitsCutAFetchOff() {
        server.body("/big", "application/octet-stream", new byte[2 * 1024 * 1024 + 1])
                .slow("/slow", 3_000, 100);
        MediaException big = assertThrows(MediaException.class, () ->
                fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true, "FERRY_FETCH_MAX_MB", 2)).fetch(server.url("/big")));
        assertEquals("fetch_too_large", big.code());
        assertTrue(big.getMessage().endsWith("is larger than 2 MB (FERRY_FETCH_MAX_MB)"), big.getMessage());

        MediaException slow = assertThrows(MediaException.class, () ->
                fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true, "FERRY_FETCH_TIMEOUT_S", 1)).fetch(server.url("/slow")));
        assertEquals("fetch_timeout", slow.code());
        assertTrue(Files.notExists(dir.resolve("data/cache/urls").resolve(new UrlCache(dir.resolve("data"))
                .fileFor(server.url("/slow")).getFileName())));
    }

    @Test
    void anHttpErrorIsReported() {
        MediaException missing = assertThrows(MediaException.class, () ->
                fetcher(Map.of("FERRY_ALLOW_PRIVATE_URLS", true)).fetch(server.url("/nothing-here")));
        assertEquals("HTTP 404 from " + server.url("/nothing-here"), missing.getMessage());
    }

    private UrlFetcher fetcher(Map<String, Object> settings) {
        TestConfig builder = TestConfig.in(dir.resolve("data"));
        settings.forEach(builder::set);
        FerryConfig config = builder.build();
        return new UrlFetcher(config.media(), config.dataDir());
    }
}
