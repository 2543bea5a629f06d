package dev.ferry.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web app's page and assets, as a browser fetches them, over real HTTP. */
class WebAppTest {
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();

    @Test
    void thePageAndItsAssetsAreServedWithAStrictPolicy() {
        try (TestServer server = api.start(List.of(TestDemo.echo()))) {
            Http http = server.http();
            Response page = http.get("/");
            assertEquals(200, page.status());
            assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
            assertTrue(page.text().contains("<script src=\"/ui/app.js\""), page.text());
            assertEquals(WebApp.CSP, page.header("Content-Security-Policy"));
            assertTrue(WebApp.CSP.contains("script-src 'self';") && !WebApp.CSP.contains("unsafe"), WebApp.CSP);
            assertEquals("nosniff", page.header("X-Content-Type-Options"));

            Response script = http.get("/ui/app.js");
            assertEquals(200, script.status());
            assertTrue(script.header("Content-Type").startsWith("text/javascript"), script.header("Content-Type"));
            assertTrue(script.text().contains("textContent"), "renders what it is given as text");
            assertEquals(200, http.get("/ui/style.css").status());
        }
    }

    @Test
    void onlyTheKnownAssetsExist() {
        try (TestServer server = api.start(List.of(TestDemo.echo()))) {
            Http http = server.http();
            for (String path : List.of("/ui/WebApp.class", "/ui/..%2FWebApp.class", "/ui/%2e%2e/app.js", "/ui/nothing.js")) {
                Response r = http.get(path);
                assertEquals(404, r.status(), path);
                assertTrue(r.header("Content-Type").startsWith("application/json"), path);
            }
        }
    }

    @Test
    void theBrowserGetsThePageWithoutAKeyAndTheApiStillWantsOne() {
        try (TestServer server = api.start(List.of(TestDemo.echo()), "FERRY_API_KEYS", "the-key")) {
            Http http = server.http();
            assertEquals(200, http.get("/").status());
            assertEquals(200, http.get("/ui/app.js").status());
            assertEquals(401, http.get("/api/v1/demos").status());
            assertEquals(401, http.get("/ui/nothing.js").status(), "only the known assets are open");
        }
    }
}
