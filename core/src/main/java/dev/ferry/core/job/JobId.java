package dev.ferry.core.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job id is {@code <demo>-<ulid>}: the demo prefix tells every component which queue
 * (and which Redis hash slot) holds the job without a global lookup, and the ULID sorts by
 * creation time. The strict format is also what makes an id safe to use as a folder name.
 */
public record JobId(String demo, String ulid) {
    public static final Pattern DEMO_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern ULID = Pattern.compile("[0-9a-hjkmnp-tv-z]{26}");
    private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public JobId {
        if (!DEMO_NAME.matcher(demo).matches() || !ULID.matcher(ulid).matches()) {
            throw new IllegalArgumentException("not a job id: " + demo + "-" + ulid);
        }
    }

    public static JobId generate(String demo, long epochMillis) {
        char[] out = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        for (int i = 10; i < 26; i++) {
            out[i] = CROCKFORD[random[i - 10] & 31];
        }
        return new JobId(demo, new String(out));
    }

    /** Parses an id from a request; anything that is not exactly an id is empty. */
    public static Optional<JobId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.indexOf('-');
        if (dash < 1) {
            return Optional.empty();
        }
        String demo = text.substring(0, dash);
        String ulid = text.substring(dash + 1);
        if (!DEMO_NAME.matcher(demo).matches() || !ULID.matcher(ulid).matches()) {
            return Optional.empty();
        }
        return Optional.of(new JobId(demo, ulid));
    }

    /** Reads an id written as JSON; unlike {@link #parse} it throws on anything else. */
    @JsonCreator
    public static JobId fromWire(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a job id: " + text));
    }

    /** Written as its text form ({@code <demo>-<ulid>}) in JSON, as everywhere else. */
    @JsonValue
    @Override
    public String toString() {
        return demo + "-" + ulid;
    }
}
