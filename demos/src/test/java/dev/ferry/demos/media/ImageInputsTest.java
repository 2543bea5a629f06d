package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.TestPhotos;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files through the real input path: recognised by their bytes, checked before decoding. */
class ImageInputsTest {
    @TempDir
    Path dir;

    @Test
    void everyFormatIsRecognisedByItsBytesWhateverItsName() throws Exception {
        List<Path> inputs = new ArrayList<>();
        String[] formats = {".jpg", ".png", ".tif", ".webp", ".bmp"};
        for (int i = 0; i < formats.length; i++) {
            inputs.add(Files.write(dir.resolve("00" + i + "-upload.bin"), TestImages.gradient(64 + i, 48, formats[i])));
        }
        try (JobPages pages = reader().pages(inputs)) {
            int i = 0;
            for (PageRef ref : pages) {
                try (Page page = ref.load()) {
                    assertEquals(64 + i, page.width(), formats[i]);
                    assertEquals(48, page.height(), formats[i]);
                    assertEquals(3, page.image().channels());
                }
                i++;
            }
            assertEquals(5, i);
        }
    }

    @Test
    void aRealPhotoDecodesAtItsSize() throws Exception {
        try (JobPages pages = reader().pages(List.of(TestPhotos.data("messi5.jpg")));
             Page page = pages.iterator().next().load()) {
            assertEquals(548, page.width());
            assertEquals(342, page.height());
        }
    }

    @Test
    void badImagesFailTheirOwnPageWithAClearReason() throws Exception {
        byte[] jpeg = Files.readAllBytes(TestPhotos.data("messi5.jpg"));
        byte[] png = TestImages.gradient(300, 200, ".png");
        List<Path> inputs = List.of(
                Files.write(dir.resolve("000-cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 6 / 10)),
                Files.write(dir.resolve("001-cut.png"), Arrays.copyOf(png, png.length / 2)),
                Files.write(dir.resolve("002-photo.jpg"), "this is not a picture, only words".getBytes()),
                Files.write(dir.resolve("003-bomb.png"), TestImages.pngHeader(100_000, 100_000)),
                Files.write(dir.resolve("004-good.png"), png));

        List<String> outcomes = new ArrayList<>();
        try (JobPages pages = reader().pages(inputs)) {
            for (PageRef ref : pages) {
                try (Page page = ref.load()) {
                    outcomes.add(ref.source() + " ok " + page.width());
                } catch (MediaException e) {
                    outcomes.add(ref.source() + " " + e.code() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(5, outcomes.size(), outcomes.toString());
        assertTrue(outcomes.get(0).startsWith("cut.jpg truncated: JPEG image is truncated"), outcomes.get(0));
        assertTrue(outcomes.get(1).startsWith("cut.png truncated: PNG image is truncated"), outcomes.get(1));
        assertTrue(outcomes.get(2).startsWith("photo.jpg unsupported_input: photo.jpg is not an image"), outcomes.get(2));
        assertTrue(outcomes.get(3).contains("too_many_pixels: PNG header declares 100000 × 100000 = 10000000000 pixels, more than the limit"),
                outcomes.get(3));
        assertEquals("good.png ok 300", outcomes.get(4));
    }

    @Test
    void thePixelLimitIsCheckedOnTheHeaderAlone() {
        ImageDecoder decoder = new ImageDecoder(1_000_000);
        MediaException e = assertThrows(MediaException.class, () -> decoder.probe(TestImages.pngHeader(1001, 1000)));
        assertEquals("too_many_pixels", e.code());
        assertEquals(new ImageProbe(ImageFormat.PNG, 1000, 1000), decoder.probe(TestImages.pngHeader(1000, 1000)));
        assertEquals(new ImageProbe(ImageFormat.BMP, 2000, 500), decoder.probe(TestImages.blackBmp(2000, 500)));
    }

    private MediaReader reader() {
        return MediaReader.of(TestConfig.in(dir.resolve("data")).build());
    }
}
