package dev.ferry.app.support;

import dev.ferry.demos.clustering.ShapeSet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A ZIP of drawn shapes for the clustering tests, each entry named after its shape: {@code star_07.png}. */
public final class ShapeZips {
    private ShapeZips() {}

    public static Path write(Path zip, List<ShapeSet.Sample> shapes) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (int i = 0; i < shapes.size(); i++) {
                entries.putNextEntry(new ZipEntry(String.format("%s_%02d.png", shapes.get(i).name(), i)));
                entries.write(ShapeSet.png(shapes.get(i).image()));
                entries.closeEntry();
            }
        }
        return zip;
    }
}
