package dev.ferry.core.config;

import java.time.Duration;
import java.util.Set;

/**
 * The HTTP API's address, limits and keys.
 *
 * @param idleTimeout how long a request may wait on its client (a stalled upload, an unread answer) before it is cut off
 */
public record ApiSettings(String host, int port, Set<String> apiKeys, long maxUploadBytes, long minFreeBytes, Duration idleTimeout) {

    /** Keys are secrets: never print them. */
    @Override
    public String toString() {
        return "ApiSettings[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size() + " configured"
                + ", maxUploadBytes=" + maxUploadBytes + ", minFreeBytes=" + minFreeBytes + ", idleTimeout=" + idleTimeout + "]";
    }
}
