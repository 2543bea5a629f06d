package dev.ferry.compat.mood;

import dev.ferry.core.hash.Sha256;
import dev.ferry.core.job.JobId;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Which picture each client last sent, so that {@code /analyze/} speaks of the client's own:
 * the original kept one global file, and concurrent users overwrote each other's. A client is
 * its cookie where the browser sends one, else its address (the page posts cross-origin
 * without credentials, so usually the address). The job id is kept in Redis as long as the
 * job itself ({@code FERRY_RETENTION}).
 */
final class MoodClients {
    static final String COOKIE = "ferry_mood";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String PREFIX = "ferry:compat:mood:client:";
    private final RedissonClient redis;
    private final Duration keep;

    MoodClients(RedissonClient redis, Duration keep) {
        this.redis = redis;
        this.keep = keep;
    }

    /**
     * Remembers {@code job} as the client's picture. A client without the cookie is given one,
     * and the picture is kept under its address too, as its next request may come without the cookie.
     */
    void remember(Context ctx, JobId job) {
        List<String> names = new ArrayList<>();
        Optional<String> cookie = cookie(ctx);
        if (cookie.isPresent()) {
            names.add(byCookie(cookie.get()));
        } else {
            String issued = UUID.randomUUID().toString();
            Cookie given = new Cookie(COOKIE, issued, "/", (int) keep.toSeconds(), false, 0, true, null, null, SameSite.LAX);
            ctx.cookie(given);
            names.add(byCookie(issued));
            names.add(byAddress(ctx));
        }
        for (String name : names) {
            bucket(name).set(job.toString(), keep);
        }
    }

    /** The client's last picture's job. */
    Optional<JobId> last(Context ctx) {
        String name = cookie(ctx).map(MoodClients::byCookie).orElseGet(() -> byAddress(ctx));
        return Optional.ofNullable(bucket(name).get()).flatMap(JobId::parse);
    }

    private RBucket<String> bucket(String client) {
        // hashed: a key of fixed length whatever the client sends
        return redis.getBucket(PREFIX + Sha256.hex(client), StringCodec.INSTANCE);
    }

    private static Optional<String> cookie(Context ctx) {
        return Optional.ofNullable(ctx.cookie(COOKIE)).filter(v -> UUID_TEXT.matcher(v).matches());
    }

    private static String byCookie(String value) {
        return "cookie:" + value;
    }

    private static String byAddress(Context ctx) {
        return "address:" + ctx.ip();
    }
}
