package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages come in order, decoded one ahead and no further. */
class PagePrefetcherTest {
    @TempDir
    Path dir;

    @Test
    void decodesOnlyOnePageAheadOfTheOneTaken() throws Exception {
        List<Path> files = List.of(
                Files.write(dir.resolve("000-a.png"), TestImages.gradient(30, 20, ".png")),
                Files.write(dir.resolve("001-b.png"), TestImages.gradient(31, 20, ".png")),
                Files.write(dir.resolve("002-c.png"), TestImages.gradient(32, 20, ".png")));
        StageClock clock = new StageClock();
        try (JobPages pages = MediaReader.of(TestConfig.in(dir.resolve("data")).build()).pages(files);
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
}
