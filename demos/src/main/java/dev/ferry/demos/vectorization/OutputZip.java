package dev.ferry.demos.vectorization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Every file of a job's pages and its summary in one ZIP, to download the whole drawing set at once. */
final class OutputZip {
    private OutputZip() {}

    static void write(Path outputs, String name, List<PageVectors> pages, String summary) throws IOException {
        List<String> files = new ArrayList<>(List.of(summary));
        for (PageVectors p : pages) {
            files.addAll(List.of(p.svg(), p.json(), p.overlay()));
        }
        Path part = outputs.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String file : files) {
                ZipEntry entry = new ZipEntry(file);
                // PNGs are compressed already: storing them deflated again costs time for nothing
                if (file.endsWith(".png")) {
                    zip.setLevel(0);
                } else {
                    zip.setLevel(6);
                }
                zip.putNextEntry(entry);
                Files.copy(outputs.resolve(file), zip);
                zip.closeEntry();
            }
        }
        try {
            Files.move(part, outputs.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, outputs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
