package dev.ferry.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web app's page and assets, as a browser fetches them, over real HTTP. */
class WebAppTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"/ui/([a-z-]+\\.(?:js|css))\"");
    private static final Pattern IMPORT = Pattern.compile("(?:from|import) \"\\./([a-z-]+\\.js)\"");
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();

    @Test
    void thePageAndItsAssetsAreServedWithAStrictPolicy() {
        try (TestServer server = api.start(List.of(TestDemo.echo()))) {
            Http http = server.http();
            Response page = http.get("/");
            assertEquals(200, page.status());
            assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
            assertTrue(page.text().contains("src=\"/ui/app.js\""), page.text());
            assertEquals(WebApp.CSP, page.header("Content-Security-Policy"));
            assertTrue(WebApp.CSP.contains("script-src 'self';") && !WebApp.CSP.contains("unsafe"), WebApp.CSP);
            assertEquals("nosniff", page.header("X-Content-Type-Options"));

            Response script = http.get("/ui/app.js");
            assertEquals(200, script.status());
            assertTrue(script.header("Content-Type").startsWith("text/javascript"), script.header("Content-Type"));
            assertTrue(http.get("/ui/dom.js").text().contains("createTextNode"), "renders what it is given as text");
            assertEquals(200, http.get("/ui/style.css").status());
        }
    }

    /** Every module the page imports, and every stylesheet, is one the server serves: a missing one is a blank page. */
    @Test
    void everyImportedModuleAndStylesheetIsServed() {
        try (TestServer server = api.start(List.of(TestDemo.echo()))) {
            Http http = server.http();
            Deque<String> toRead = new ArrayDeque<>(REFERENCE.matcher(http.get("/").text()).results()
                    .map(m -> m.group(1)).toList());
            Set<String> seen = new HashSet<>();
            while (!toRead.isEmpty()) {
                String name = toRead.pop();
                if (seen.add(name)) {
                    Response asset = http.get("/ui/" + name);
                    assertEquals(200, asset.status(), "/ui/" + name);
                    if (name.endsWith(".js")) {
                        IMPORT.matcher(asset.text()).results().map(m -> m.group(1)).forEach(toRead::push);
                    }
                }
            }
            assertTrue(seen.containsAll(Set.of("app.js", "api.js", "dom.js", "style.css", "viewers.js")), seen::toString);
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
