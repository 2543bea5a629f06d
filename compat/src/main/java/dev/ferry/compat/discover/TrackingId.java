package dev.ferry.compat.discover;

import dev.ferry.core.job.JobId;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A job's id as discover's clients keep it. discover-demo stores the tracking id in a Django
 * {@code UUIDField} (front/tasking/models.py, {@code api_tracking_id}), so a Ferry id
 * ({@code regions-<ulid>}) would not save. A ULID is 128 bits, exactly a UUID's size: the
 * tracking id is the job's ULID written as a UUID, turned back without any lookup table. The
 * demo is not in it, so a tracking id is looked up under every demo, which makes it work under
 * any prefix. A Ferry id is accepted as a tracking id too.
 */
final class TrackingId {
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private TrackingId() {}

    static String of(JobId id) {
        BigInteger value = BigInteger.ZERO;
        for (char c : id.ulid().toCharArray()) {
            value = value.shiftLeft(5).add(BigInteger.valueOf(CROCKFORD.indexOf(c)));
        }
        String hex = String.format("%032x", value);
        return new UUID(new BigInteger(hex.substring(0, 16), 16).longValue(), new BigInteger(hex.substring(16), 16).longValue())
                .toString();
    }

    /** The ids a tracking id may stand for, one per demo; empty when it is neither a UUID nor a Ferry id. */
    static Collection<JobId> candidates(String trackingId, Collection<String> demos) {
        Optional<JobId> ferryId = JobId.parse(trackingId);
        if (ferryId.isPresent()) {
            return ferryId.stream().toList();
        }
        if (trackingId == null || !UUID_TEXT.matcher(trackingId).matches()) {
            return java.util.List.of();
        }
        String ulid = ulid(new BigInteger(trackingId.replace("-", ""), 16));
        return demos.stream().filter(d -> JobId.DEMO_NAME.matcher(d).matches()).map(d -> new JobId(d, ulid)).toList();
    }

    private static String ulid(BigInteger value) {
        char[] out = new char[26];
        BigInteger rest = value;
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD.charAt(rest.intValue() & 31);
            rest = rest.shiftRight(5);
        }
        return new String(out).toLowerCase(Locale.ROOT);
    }
}
