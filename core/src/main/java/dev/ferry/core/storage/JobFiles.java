package dev.ferry.core.storage;

import dev.ferry.core.job.JobId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * An input entry naming the output files of an earlier job, {@code {"job": "<id>", "files": "crops/*"}}:
 * a later job reads them where they are, without downloading or uploading them again.
 * {@code files} is a glob ({@link java.nio.file.FileSystem#getPathMatcher} syntax: {@code *}
 * within a folder, {@code **} across folders, {@code {a,b}}, {@code [0-9]}) matched against
 * paths relative to the job's outputs folder, {@code /}-separated; it may not be absolute or
 * contain {@code .} or {@code ..} segments.
 */
public record JobFiles(JobId job, String files) implements InputSpec.Entry {
    static final int MAX_PATTERN = 256;

    public JobFiles {
        checkPattern("files", files);
    }

    /**
     * Reads an entry as a request gives it.
     *
     * @param field the entry's name in messages, e.g. {@code inputs[2]}
     * @throws IllegalArgumentException naming {@code <field>.job} or {@code <field>.files}
     */
    public static JobFiles of(String field, String job, String files) {
        JobId id = JobId.parse(job.strip()).orElseThrow(() -> new IllegalArgumentException(
                field + ".job is not a job id (<demo>-<26-character ulid>, as the API returned it): '" + job + "'"));
        checkPattern(field + ".files", files);
        return new JobFiles(id, files);
    }

    /**
     * The regular files (not links) under {@code outputsDir} that the pattern matches, as
     * {@code /}-separated relative paths in name order; empty when the folder does not exist.
     */
    public List<String> match(Path outputsDir) {
        if (!Files.isDirectory(outputsDir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + files);
        try (Stream<Path> all = Files.walk(outputsDir)) {
            return all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(outputsDir::relativize)
                    .filter(matcher::matches)
                    .map(p -> p.toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(p -> SafeNames.resolveInside(outputsDir, p).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the outputs of job " + job, e);
        }
    }

    /** How a page read from one of these files is named: {@code <job id>/<relative path>}. */
    public String source(String relative) {
        return job + "/" + relative;
    }

    private static void checkPattern(String field, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty pattern such as crops/*");
        }
        if (pattern.length() > MAX_PATTERN) {
            throw new IllegalArgumentException(field + " is limited to " + MAX_PATTERN + " characters");
        }
        if (pattern.startsWith("/") || pattern.contains("\\") || pattern.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " must be a pattern relative to the job's outputs folder, such as"
                    + " crops/*; got '" + pattern + "'");
        }
        for (String segment : pattern.split("[/{},]", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException(field + " may not contain . or .. segments; got '" + pattern + "'");
            }
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a valid pattern: " + e.getMessage());
        }
    }
}
