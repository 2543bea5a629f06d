package dev.ferry.api.jobs;

import dev.ferry.core.job.JobId;
import java.nio.charset.StandardCharsets;

/** The API's addresses of a job and of its files. */
public final class JobUrls {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private JobUrls() {}

    public static String job(JobId id) {
        return "/api/v1/jobs/" + id;
    }

    /** The list of the job's output files. */
    public static String files(JobId id) {
        return job(id) + "/files";
    }

    /** The list of the job's input files. */
    public static String inputs(JobId id) {
        return job(id) + "/inputs";
    }

    /** An output file: each path segment percent-encoded, the slashes between them kept. */
    public static String file(JobId id, String path) {
        return encoded(files(id), path);
    }

    /** An input file, encoded as {@link #file}. */
    public static String input(JobId id, String path) {
        return encoded(inputs(id), path);
    }

    private static String encoded(String folder, String path) {
        StringBuilder url = new StringBuilder(folder).append('/');
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c == '/' || b >= 0 && UNRESERVED.indexOf(c) >= 0) {
                url.append(c);
            } else {
                url.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return url.toString();
    }
}
