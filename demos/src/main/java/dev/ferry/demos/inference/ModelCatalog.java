package dev.ferry.demos.inference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manifest of downloadable models the project keeps ({@code models.json} in this
 * package): for each demo's models, where to download them, their sha256 and licence, and
 * the {@code model.json} contract to write beside them.
 */
public final class ModelCatalog {
    private final List<CatalogEntry> entries;

    public ModelCatalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The manifest shipped with Ferry. */
    public static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("models.json")) {
            if (in == null) {
                throw new IllegalStateException("models.json is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelCatalog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model manifest " + file, e);
        }
    }

    public static ModelCatalog read(InputStream in) throws IOException {
        JsonNode root = Json.MAPPER.readTree(in);
        List<CatalogEntry> entries = new ArrayList<>();
        for (JsonNode node : root.path("models")) {
            CatalogEntry entry = Json.MAPPER.treeToValue(node, CatalogEntry.class);
            entry.ref();
            entries.add(entry);
        }
        return new ModelCatalog(entries);
    }

    public List<CatalogEntry> all() {
        return entries;
    }

    public List<CatalogEntry> forDemo(String demo) {
        return entries.stream().filter(e -> e.demo().equals(demo)).toList();
    }

    public Optional<CatalogEntry> find(ModelRef ref) {
        return entries.stream().filter(e -> e.ref().equals(ref)).findFirst();
    }
}
