package dev.ferry.demos.clustering;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Shapes as the files a client sends: PNGs named after their class, or a ZIP of them. */
final class ShapeFiles {
    private ShapeFiles() {}

    /** {@code <class>_<n>.png} for each sample, in a ZIP. */
    static Path zip(Path file, List<ShapeSet.Sample> samples) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < samples.size(); i++) {
                zip.putNextEntry(new ZipEntry(name(samples.get(i), i)));
                zip.write(ShapeSet.png(samples.get(i).image()));
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path zipOf(Path file, Map<String, byte[]> entries) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(ShapeSet.Sample sample, int index) {
        return String.format("%s_%03d.png", sample.name(), index);
    }

    /** The class a member's source names, e.g. {@code star} for {@code shapes.zip!/star_004.png}. */
    static String classOf(String source) {
        String file = source.substring(source.lastIndexOf('/') + 1);
        return file.substring(0, file.lastIndexOf('_'));
    }
}
