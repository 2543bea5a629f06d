package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobFiles;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input list naming an earlier job's outputs: its images become pages read in place from
 * the data folder, named after the job; a job that expired since is a failed page saying so.
 */
class JobFilesInputsTest {
    @TempDir
    Path dir;

    @Test
    void theMatchingImagesOfTheJobArePagesInPathOrderBesideOtherInputs() throws Exception {
        FerryConfig config = TestConfig.in(dir.resolve("data")).build();
        JobId earlier = JobId.generate("regions", System.currentTimeMillis());
        Path crops = Files.createDirectories(new DataFolder(config.dataDir()).outputsDir(earlier).resolve("crops"));
        Files.write(crops.resolve("0002-b_1.png"), TestImages.gradient(30, 20, ".png"));
        Files.write(crops.resolve("0001-a_1.jpg"), TestImages.gradient(40, 10, ".jpg"));
        Files.writeString(crops.resolve("0001-a_1.txt"), "not an image");
        Path spec = writeSpec(new InputSpec(List.of(new JobFiles(earlier, "crops/*"))));
        Path upload = Files.write(dir.resolve(JobInputs.fileName(1, "photo.png")), TestImages.gradient(16, 8, ".png"));

        List<String> outcomes = new ArrayList<>();
        List<String> warnings;
        try (JobPages pages = MediaReader.of(config).pages(List.of(spec, upload))) {
            for (PageRef ref : pages) {
                try (Page page = ref.load()) {
                    outcomes.add(ref.source() + " " + page.width() + "x" + page.height());
                }
            }
            warnings = pages.warnings();
        }
        assertEquals(List.of(earlier + "/crops/0001-a_1.jpg 40x10", earlier + "/crops/0002-b_1.png 30x20", "photo.png 16x8"),
                outcomes);
        assertEquals(List.of("skipped " + earlier + "/crops/0001-a_1.txt: not an image"), warnings);
        assertTrue(Files.exists(crops.resolve("0001-a_1.jpg")), "read in place, never moved");
    }

    @Test
    void aJobThatExpiredBeforeThisOneRanIsAFailedPageWithTheReason() throws Exception {
        FerryConfig config = TestConfig.in(dir.resolve("data")).build();
        DataFolder data = new DataFolder(config.dataDir());
        JobId expired = JobId.generate("regions", System.currentTimeMillis());
        Files.createDirectories(data.outputsDir(expired).resolve("crops"));
        Files.write(data.outputsDir(expired).resolve("crops/1.png"), TestImages.gradient(8, 8, ".png"));
        Path spec = writeSpec(new InputSpec(List.of(new JobFiles(expired, "crops/*"))));
        data.deleteJob(expired);

        try (JobPages pages = MediaReader.of(config).pages(List.of(spec))) {
            PageRef only = pages.iterator().next();
            MediaException e = org.junit.jupiter.api.Assertions.assertThrows(MediaException.class, only::load);
            assertEquals("job_outputs_gone", e.code());
            assertTrue(e.getMessage().contains("the outputs of job " + expired + " are gone: the job expired"), e.getMessage());
            assertEquals(expired + "/crops/*", only.source());
        }
    }

    private Path writeSpec(InputSpec spec) throws Exception {
        return Files.write(dir.resolve(JobInputs.fileName(0, InputSpec.FILE_NAME)), spec.toJson());
    }
}
