package dev.ferry.core.sources;

import dev.ferry.core.job.JobId;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A source's uid: a ULID like a job id's, so sources list in the order they were added, and
 * a strict format, which is what lets a uid from a request name a folder.
 */
final class SourceUid {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-hjkmnp-tv-z]{26}");

    private SourceUid() {}

    static String generate(Instant now) {
        return JobId.generate("source", now.toEpochMilli()).ulid();
    }

    static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
