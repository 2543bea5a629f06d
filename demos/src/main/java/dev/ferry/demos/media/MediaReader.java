package dev.ferry.demos.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.MediaSettings;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobFiles;
import dev.ferry.core.storage.JobInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a job's input files into documents made of pages. What a file is comes from its
 * bytes: an image, a ZIP of images, a PDF, a IIIF manifest, or an {@link InputSpec} listing
 * URLs (which are fetched, then recognised the same way) and earlier jobs' output files
 * (read in place from the data folder). Thread-safe and cheap to keep:
 * one per worker, shared by its jobs.
 *
 * <pre>{@code
 * MediaReader reader = ...; // handed to the demo by its factory
 * try (JobPages pages = reader.pages(context.inputs())) {
 *     for (PageRef ref : pages) {
 *         try (Page page = ref.load()) { ... }
 *         catch (MediaException e) { report ref.source() and e.getMessage() }
 *     }
 *     pages.warnings() ...
 * }
 * }</pre>
 */
public final class MediaReader implements AutoCloseable {
    /** The upload types a page-based demo accepts: images, ZIPs and PDFs, and JSON lists of URLs or job outputs. */
    public static final List<String> ACCEPTS = List.of("image/*", "application/zip", "application/pdf", "application/json");
    private static final long MAX_JSON_BYTES = 16L * 1024 * 1024;
    private final MediaSettings settings;
    private final ImageDecoder decoder;
    private final UrlFetcher fetcher;
    private final DataFolder jobs;

    public MediaReader(MediaSettings settings, Path dataDir) {
        this.settings = settings;
        this.decoder = new ImageDecoder(settings.maxPixels());
        this.fetcher = new UrlFetcher(settings, dataDir);
        this.jobs = new DataFolder(dataDir);
    }

    public static MediaReader of(FerryConfig config) {
        return new MediaReader(config.media(), config.dataDir());
    }

    public ImageDecoder decoder() {
        return decoder;
    }

    public UrlFetcher fetcher() {
        return fetcher;
    }

    /** The pages of a job's inputs, in order, read lazily. Close it when done. */
    public JobPages pages(List<Path> inputs) {
        List<String> warnings = new ArrayList<>();
        List<ConcatPages.Pending> documents = new ArrayList<>();
        for (Path input : inputs) {
            String source = JobInputs.originalName(input);
            documents.add(new ConcatPages.Pending(source, () -> openFile(source, input, warnings::add)));
        }
        return new JobPages(new ConcatPages(documents), warnings);
    }

    /** Opens an uploaded file as whatever its bytes say it is. */
    Document openFile(String source, Path file, Consumer<String> warnings) {
        return open(source, file, warnings, true);
    }

    /** Fetches a URL (or takes it from the cache) and opens what came back. */
    Document openUrl(String url, Consumer<String> warnings) {
        return open(url, fetcher.fetch(url), warnings, false);
    }

    /** The output files of an earlier job, read in place from this reader's data folder. */
    Document openJobFiles(JobFiles files, Consumer<String> warnings) {
        return new JobFilesDocument(files, jobs.outputsDir(files.job()), decoder, warnings);
    }

    /**
     * The pages of an earlier job's output files, as an input list naming them reads them:
     * for demos that take a second set of images by reference (e.g. clustering's {@code assign_to}).
     */
    public JobPages pages(JobFiles files) {
        List<String> warnings = new ArrayList<>();
        ConcatPages.Pending only = new ConcatPages.Pending(files.job() + "/" + files.files(),
                () -> openJobFiles(files, warnings::add));
        return new JobPages(new ConcatPages(List.of(only)), warnings);
    }

    private Document open(String source, Path file, Consumer<String> warnings, boolean mayListUrls) {
        byte[] head = head(file);
        if (ImageFormat.sniff(head).isPresent()) {
            return new ImageDocument(source, file, decoder);
        }
        if (ImageFormat.startsWith(head, 0, 'P', 'K', 3, 4) || ImageFormat.startsWith(head, 0, 'P', 'K', 5, 6)) {
            return new ZipDocument(source, file, settings, decoder, warnings);
        }
        if (ImageFormat.startsWith(head, 0, '%', 'P', 'D', 'F', '-')) {
            return new PdfDocument(source, file, settings.pdfDpi(), settings.maxPixels(), warnings);
        }
        if (looksLikeJson(head)) {
            return openJson(source, file, warnings, mayListUrls);
        }
        throw new MediaException(ErrorCode.UNSUPPORTED_INPUT, source
                + " is not an image (JPEG, PNG, TIFF, WebP, BMP), a ZIP of images, a PDF, a IIIF manifest or a list of URLs");
    }

    private Document openJson(String source, Path file, Consumer<String> warnings, boolean mayListUrls) {
        byte[] bytes = readJson(source, file);
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new MediaException(ErrorCode.INVALID_JSON, source + " is not valid JSON");
        }
        if (IiifManifest.looksLike(json)) {
            return new IiifDocument(source, IiifManifest.parse(json, settings.iiifMaxSize()), fetcher, decoder);
        }
        if (!mayListUrls) {
            throw new MediaException(ErrorCode.BAD_MANIFEST, source + " returned JSON that is not a IIIF Presentation manifest");
        }
        InputSpec spec;
        try {
            spec = InputSpec.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new MediaException(ErrorCode.BAD_INPUT_SPEC, source + ": " + e.getMessage());
        }
        return new UrlListDocument(source, spec, this, warnings);
    }

    private static byte[] readJson(String source, Path file) {
        try {
            if (Files.size(file) > MAX_JSON_BYTES) {
                throw new MediaException(ErrorCode.INVALID_JSON, source + " is JSON larger than " + MAX_JSON_BYTES / (1024 * 1024) + " MB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean looksLikeJson(byte[] head) {
        int i = ImageFormat.startsWith(head, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && (head[i] == '{' || head[i] == '[');
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ImageFormat.SNIFF_BYTES * 4);
            return Arrays.copyOf(head, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the URL fetcher's timer. */
    @Override
    public void close() {
        fetcher.close();
    }
}
