package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's pages through a demo's work: in order, decoded one ahead and no further; failed pages
 * in one shape, the others still done.
 */
class PageLoopTest {
    @TempDir
    Path dir;

    @Test
    void decodesOnlyOnePageAheadOfTheOneTaken() throws Exception {
        List<Path> files = List.of(png("000-a.png", 30), png("001-b.png", 31), png("002-c.png", 32));
        StageClock clock = new StageClock();
        try (JobPages pages = reader().pages(files);
             PagePrefetcher prefetcher = new PagePrefetcher(pages, clock)) {
            PagePrefetcher.Taken first = prefetcher.next().orElseThrow();
            // the second page may be decoding now; the third must not have been opened yet
            Files.delete(files.get(2));
            first.page().orElseThrow().close();

            PagePrefetcher.Taken second = prefetcher.next().orElseThrow();
            try (Page page = second.page().orElseThrow()) {
                assertEquals(2, second.number());
                assertEquals("b.png", second.source());
                assertEquals(31, page.width());
            }
            PagePrefetcher.Taken third = prefetcher.next().orElseThrow();
            assertEquals(3, third.number());
            assertTrue(third.page().isEmpty());
            assertEquals("unreadable", third.failure().orElseThrow().code());
            assertEquals(Optional.empty(), prefetcher.next());
            assertEquals(Optional.empty(), prefetcher.next());
        }
        assertTrue(clock.nanos(StageClock.Stage.DECODE) > 0);
    }

    @Test
    void aPageTheDemoRefusesAndAnUnreadableOneAreListedAndTheRestIsDone() throws Exception {
        Path notAPicture = Files.write(dir.resolve("001-b.png"), "not a picture".getBytes());
        List<Path> files = List.of(png("000-a.png", 30), notAPicture, png("002-c.png", 32));
        TestDemoContext ctx = new TestDemoContext("pages-test", Map.of(), files, dir.resolve("outputs"));

        PageLoop.Outcome<Integer> outcome;
        try (JobPages inputs = reader().pages(files)) {
            outcome = PageLoop.run(ctx, inputs, new StageClock(), (number, page) -> {
                try (page) {
                    if (number == 1) {
                        throw new PageFailure(ErrorCode.UNREADABLE, "a.png is too pale");
                    }
                    return page.width();
                }
            });
        }

        assertEquals(3, outcome.pages());
        assertEquals(List.of(32), outcome.done());
        assertEquals(new FailedPage(1, "a.png", ErrorCode.UNREADABLE, "a.png is too pale"), outcome.failed().get(0));
        JsonNode unreadable = Json.MAPPER.valueToTree(outcome.failed().get(1));
        assertEquals(List.of("page", "source", "code", "reason"), fieldNames(unreadable));
        assertEquals(2, unreadable.get("page").asInt());
        assertEquals("b.png", unreadable.get("source").asText());
        assertEquals("unsupported_input", unreadable.get("code").asText());
        assertEquals("page 3 of 3: c.png", ctx.reported().get(2).message());
        outcome.requireAPage();
    }

    @Test
    void anythingButAPageFailureFailsTheRun() throws Exception {
        List<Path> files = List.of(png("000-a.png", 30));
        TestDemoContext ctx = new TestDemoContext("pages-test", Map.of(), files, dir.resolve("outputs"));

        try (JobPages inputs = reader().pages(files)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PageLoop.run(ctx, inputs, new StageClock(), (number, page) -> {
                        page.close();
                        throw new IllegalStateException("disk full");
                    }));
            assertEquals("disk full", e.getMessage());
        }
    }

    @Test
    void aCancelledJobStopsBeforeItsFirstPage() throws Exception {
        List<Path> files = List.of(png("000-a.png", 30));
        TestDemoContext ctx = new TestDemoContext("pages-test", Map.of(), files, dir.resolve("outputs"));
        ctx.cancel();

        try (JobPages inputs = reader().pages(files)) {
            assertThrows(JobCancelledException.class, () -> PageLoop.run(ctx, inputs, new StageClock(),
                    (number, page) -> {
                        throw new AssertionError("a cancelled job processed page " + number);
                    }));
        }
    }

    @Test
    void withNoPageDoneTheJobFailsSayingWhy() {
        DemoFailure empty = assertThrows(DemoFailure.class,
                () -> new PageLoop.Outcome<>(0, List.of(), List.of(), List.of()).requireAPage());
        assertEquals("bad_input", empty.code());
        assertTrue(empty.getMessage().startsWith("the inputs hold no pages"), empty.getMessage());

        FailedPage cut = new FailedPage(1, "cut.jpg", ErrorCode.TRUNCATED, "JPEG image is truncated");
        DemoFailure none = assertThrows(DemoFailure.class,
                () -> new PageLoop.Outcome<>(1, List.of(), List.of(cut), List.of()).requireAPage());
        assertEquals("no page could be processed: [cut.jpg: JPEG image is truncated]", none.getMessage());
    }

    private Path png(String name, int width) throws Exception {
        return Files.write(dir.resolve(name), TestImages.gradient(width, 20, ".png"));
    }

    private MediaReader reader() {
        return MediaReader.of(TestConfig.in(dir.resolve("data")).build());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
