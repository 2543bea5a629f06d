package dev.ferry.core.config;

import java.time.Duration;
import java.util.Set;

/**
 * How the replaced services' protocols ({@code FERRY_COMPAT}) answer their clients.
 *
 * @param corsOrigins the browser origins their routes answer cross-origin ({@code *}: any)
 * @param maxWait     how long a route that answers with a job's result (Sign2Text's {@code /sign}, the mood
 *                    page's {@code /get_picture/}) waits for it before answering 503
 * @param maxWaiting  how many such requests may wait at once; one more is answered 503 at once
 * @param signModel   the installed sign model Sign2Text's {@code /sign} runs
 * @param dsacPath    where DSAC's clients post: its deployments put it behind a gateway path of their own
 */
public record CompatSettings(Set<String> corsOrigins, Duration maxWait, int maxWaiting, String signModel, String dsacPath) {
    public CompatSettings {
        if (!dsacPath.startsWith("/") || dsacPath.length() < 2 || dsacPath.endsWith("/")) {
            throw new IllegalArgumentException("FERRY_DSAC_PATH must be a path like /dsac (a leading /, no trailing /), got '"
                    + dsacPath + "'");
        }
        corsOrigins = Set.copyOf(corsOrigins);
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("FERRY_COMPAT_WAIT_S must be at least 1");
        }
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("FERRY_COMPAT_MAX_WAITING must be at least 1");
        }
    }
}
