package dev.ferry.demos.inference;

import dev.ferry.core.hash.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model's labels kept in a file of its package, one a line (PaddleOCR's character list):
 * read when the model is pulled, so the installed model.json lists them and needs nothing else.
 *
 * @param entry  the file inside the package
 * @param sha256 the file's, checked before it is read
 * @param before labels ahead of the file's (a CTC blank at index 0)
 * @param after  labels after the file's (PaddleOCR's space)
 */
public record LabelsFile(String entry, String sha256, List<String> before, List<String> after) {
    public LabelsFile {
        Objects.requireNonNull(entry, "a labels file names its entry in the package");
        Objects.requireNonNull(sha256, "a labels file needs a sha256");
        before = before == null ? List.of() : List.copyOf(before);
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** The file's name, as it is in the package. */
    public String fileName() {
        return entry.substring(entry.lastIndexOf('/') + 1);
    }

    /** {@code before}, the file's lines, {@code after}. */
    public List<String> read(Path file) throws IOException {
        String actual = Sha256.of(file);
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new IOException("sha256 of " + entry + " is " + actual + ", expected " + sha256);
        }
        List<String> labels = new ArrayList<>(before);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // one label a line; a trailing newline ends the last line rather than adding an empty label
        String[] lines = text.split("\r?\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            labels.add(lines[i]);
        }
        labels.addAll(after);
        return labels;
    }
}
