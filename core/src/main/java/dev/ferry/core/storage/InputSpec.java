package dev.ferry.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a JSON-submitted job reads, as the API stores it among the job's input files. The
 * file is named {@link JobInputs#fileName}{@code (i, "inputs.json")}, e.g. {@code 000-inputs.json},
 * and holds exactly the {@code inputs} of the submitted JSON body, wrapped in an object:
 * <pre>{"inputs": [{"url": "https://example.org/iiif/manifest.json"},
 *             {"job": "regions-01jdb7q1c0m8m8e0z0d3qj6y2w", "files": "crops/*"}]}</pre>
 * A {@code url} is an image, a PDF, a ZIP of images or a IIIF Presentation manifest (v2 or
 * v3); the demo tells which from the bytes it fetches. A {@code job} entry names the output
 * files of an earlier job (see {@link JobFiles}), read where they are. A bare array
 * {@code [{"url": ...}]} is read too. Workers recognise the file by its content, not its name.
 */
public record InputSpec(List<Entry> inputs) {
    /** The name the API gives the file (before the {@code NNN-} index prefix). */
    public static final String FILE_NAME = "inputs.json";

    /** Most entries one job may name. */
    public static final int MAX_INPUTS = 1000;

    public InputSpec {
        inputs = List.copyOf(inputs);
    }

    /** One entry of the list: a URL to fetch or another job's output files. */
    public sealed interface Entry permits UrlInput, JobFiles {}

    /** One input to fetch. */
    public record UrlInput(String url) implements Entry {}

    /** The job entries of the list, in order. */
    public List<JobFiles> jobFiles() {
        return inputs.stream().filter(JobFiles.class::isInstance).map(JobFiles.class::cast).toList();
    }

    /**
     * Reads and checks a spec: an object with an {@code inputs} array, or the bare array.
     *
     * @throws IllegalArgumentException naming the offending field, e.g. {@code inputs[2].url}
     */
    public static InputSpec parse(byte[] json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("inputs must be JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("inputs cannot be read: " + e.getMessage());
        }
        JsonNode array = root != null && root.isObject() ? root.get("inputs") : root;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(
                    "inputs must be an array of {\"url\": \"...\"} or {\"job\": \"...\", \"files\": \"...\"} objects");
        }
        if (array.isEmpty() || array.size() > MAX_INPUTS) {
            throw new IllegalArgumentException("inputs must hold 1 to " + MAX_INPUTS + " entries, got " + array.size());
        }
        List<Entry> inputs = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            inputs.add(entry("inputs[" + i + "]", array.get(i)));
        }
        return new InputSpec(inputs);
    }

    /** The file's content, as the API writes it. */
    public byte[] toJson() {
        return Json.writeBytes(this);
    }

    private static Entry entry(String field, JsonNode node) {
        JsonNode job = node.get("job");
        JsonNode url = node.get("url");
        if (job != null && url != null) {
            throw new IllegalArgumentException(field + " names both a url and a job; give one of them");
        }
        if (job != null) {
            JsonNode files = node.get("files");
            if (!job.isTextual()) {
                throw new IllegalArgumentException(field + ".job must be a job id string");
            }
            if (files == null || !files.isTextual()) {
                throw new IllegalArgumentException(field + ".files is required: a pattern of the job's output files"
                        + " relative to its outputs folder, such as crops/*");
            }
            return JobFiles.of(field, job.asText(), files.asText());
        }
        if (url == null || !url.isTextual()) {
            throw new IllegalArgumentException(field + ".url is required and must be a string");
        }
        return new UrlInput(checkUrl(field + ".url", url.asText()));
    }

    /** Only absolute http(s) URLs with a host; what they point to is checked when fetched. */
    private static String checkUrl(String field, String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(field + " must be an absolute http or https URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid URL: " + e.getReason());
        }
    }
}
