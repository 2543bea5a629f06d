package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZIP archives of images: pages in name order, other files skipped, escapes and bombs refused. */
class ZipInputsTest {
    @TempDir
    Path dir;

    @Test
    void imagesBecomePagesInNameOrderAndOtherFilesAreSkippedWithAWarning() throws Exception {
        Path zip = zip("000-scans.zip", Map.of(
                "b/page2.png", TestImages.gradient(40, 30, ".png"),
                "a/page1.jpg", TestImages.gradient(50, 30, ".jpg"),
                "notes.txt", "not an image".getBytes(),
                "__MACOSX/._page1.jpg", new byte[] {0, 5, 22, 7}));
        List<String> outcomes = readAll(reader(Map.of()), zip);
        assertEquals(List.of("scans.zip!/a/page1.jpg 50", "scans.zip!/b/page2.png 40"), outcomes);
    }

    @Test
    void anEntryThatEscapesTheArchiveIsRefusedAndTheOthersStillRead() throws Exception {
        Path zip = zip("000-evil.zip", Map.of(
                "../../etc/cron.d/evil.png", TestImages.gradient(10, 10, ".png"),
                "ok.png", TestImages.gradient(20, 10, ".png")));
        List<String> outcomes = readAll(reader(Map.of()), zip);
        assertEquals(2, outcomes.size());
        assertEquals("evil.zip!/../../etc/cron.d/evil.png zip_path: entry '../../etc/cron.d/evil.png' of evil.zip has a path that"
                + " escapes the archive; refused", outcomes.get(0));
        assertEquals("evil.zip!/ok.png 20", outcomes.get(1));
    }

    @Test
    void aHighlyCompressedEntryIsRefusedAsABomb() throws Exception {
        // 12 MB of black pixels behind a valid BMP header: compresses about 1000 times.
        Path zip = zip("000-bomb.zip", Map.of("bomb.bmp", TestImages.blackBmp(4000, 1000)));
        assertTrue(Files.size(zip) < 100_000);
        List<String> outcomes = readAll(reader(Map.of()), zip);
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).startsWith("bomb.zip!/bomb.bmp zip_limit: entry 'bomb.bmp' of bomb.zip expands more than 100 times"),
                outcomes.get(0));
    }

    @Test
    void archiveLimitsStopReadingWithAReason() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            entries.put("p" + i + ".png", TestImages.gradient(10, 10, ".png"));
        }
        Path zip = zip("000-many.zip", entries);
        List<String> tooMany = readAll(reader(Map.of("FERRY_ZIP_MAX_ENTRIES", 3)), zip);
        assertEquals(List.of("many.zip zip_limit: many.zip holds 4 entries, more than the limit of 3 (FERRY_ZIP_MAX_ENTRIES)"), tooMany);
    }

    @Test
    void somethingThatIsNotAnArchiveUnderAZipSignatureFailsClearly() throws Exception {
        Path broken = Files.write(dir.resolve("000-broken.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        List<String> outcomes = readAll(reader(Map.of()), broken);
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).startsWith("broken.zip bad_zip: broken.zip is not a readable ZIP archive"), outcomes.get(0));
    }

    @Test
    void anArchiveOfSkippedEntriesSaysWhyOnceInTheErrorAndTheLog() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.txt", "notes".getBytes());
        entries.put("c.txt", "more notes".getBytes());
        for (int i = 0; i < 20; i++) {
            // 1.2 MB of black pixels: compresses about 1000 times, refused as a bomb
            entries.put(String.format("bomb%02d.bmp", i), TestImages.blackBmp(1000, 400));
        }
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger log = new LoggerContext().getLogger("job");
        log.addAppender(lines);

        PageLoop.Outcome<Integer> outcome;
        try (JobPages pages = reader(Map.of()).pages(List.of(zip("000-bombs.zip", entries)))) {
            outcome = PageLoop.run(pages, new StageClock(), (number, total, source) -> { }, log, (number, page) -> {
                page.close();
                return number;
            });
        }

        String why = "bombs.zip: 22 entries skipped (not images: 2, e.g. a.txt; too large: 20, e.g. bomb00.bmp)";
        assertEquals(List.of(why), lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList(), "one line, not 20");
        assertEquals(20, outcome.failed().size(), "each refused entry is still a failed page of the report");
        DemoFailure failure = assertThrows(DemoFailure.class, outcome::requireAPage);
        assertEquals("no page could be processed: " + why, failure.getMessage());
    }

    @Test
    void anArchiveWithoutImagesHoldsNoPagesAndSaysWhy() throws Exception {
        try (JobPages pages = reader(Map.of()).pages(List.of(zip("000-texts.zip", Map.of("a.txt", new byte[] {1}, "b.txt", new byte[] {2}))))) {
            PageLoop.Outcome<Integer> outcome = PageLoop.run(pages, new StageClock(), (number, total, source) -> { },
                    new LoggerContext().getLogger("job"), (number, page) -> number);
            DemoFailure failure = assertThrows(DemoFailure.class, outcome::requireAPage);
            assertEquals("the inputs hold no pages: texts.zip: 2 entries skipped (not images: 2, e.g. a.txt)", failure.getMessage());
        }
    }

    private MediaReader reader(Map<String, Object> settings) {
        TestConfig config = TestConfig.in(dir.resolve("data"));
        settings.forEach(config::set);
        return MediaReader.of(config.build());
    }

    static List<String> readAll(MediaReader reader, Path input) {
        List<String> outcomes = new ArrayList<>();
        try (JobPages pages = reader.pages(List.of(input))) {
            for (PageRef ref : pages) {
                try (Page page = ref.load()) {
                    outcomes.add(ref.source() + " " + page.width());
                } catch (MediaException e) {
                    outcomes.add(ref.source() + " " + e.code() + ": " + e.getMessage());
                }
            }
            if (input.getFileName().toString().contains("scans")) {
                assertEquals(List.of("skipped scans.zip!/notes.txt: not an image"), pages.warnings());
            }
        }
        return outcomes;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
