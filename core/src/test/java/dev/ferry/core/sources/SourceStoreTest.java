package dev.ferry.core.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.DataFolder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources folder: one folder per source, its index kept, and a place for each engine's features. */
class SourceStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void aSourceKeepsItsArchiveIndexAndRecordInItsOwnFolder() throws IOException {
        DataFolder data = new DataFolder(dataDir);
        SourceStore store = new SourceStore(data, FerryConfig.defaults().media());

        Source source = store.add(new ByteArrayInputStream(zipOfOnePng("z/mark.png")), 1 << 20, "marks", Map.of("k", "v"));

        Path folder = dataDir.resolve("watermarks/sources").resolve(source.uid());
        assertTrue(Files.isRegularFile(folder.resolve("images.zip")));
        assertEquals(source, store.get(source.uid()));
        assertEquals(List.of("z/mark.png"), store.index(source.uid()).images().stream().map(SourceImage::name).toList());
        assertEquals(folder.resolve("features/local_sift"), store.featuresDir(source.uid(), "local_sift"));
        assertThrows(IllegalArgumentException.class, () -> store.featuresDir(source.uid(), "../../jobs"));

        Files.createDirectories(store.featuresDir(source.uid(), "local_sift"));
        store.delete(source.uid());
        assertFalse(Files.exists(folder));
        SourceException gone = assertThrows(SourceException.class, () -> store.featuresDir(source.uid(), "local_sift"));
        assertEquals(ErrorCode.SOURCE_NOT_FOUND, gone.code());
    }

    private static byte[] zipOfOnePng(String name) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(png.toByteArray());
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
