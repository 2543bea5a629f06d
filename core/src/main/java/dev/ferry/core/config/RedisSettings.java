package dev.ferry.core.config;

import java.util.Optional;
import java.util.Set;

/**
 * How to reach Redis. With no URL and no Sentinel or Cluster addresses, {@code ferry up}
 * starts an embedded redis-server on {@code embeddedPort}. {@code submitWait} is how many
 * replicas must hold a submit before it is acknowledged.
 */
public record RedisSettings(
        Optional<String> url,
        Optional<String> password,
        Optional<String> sentinelMaster,
        Set<String> sentinelAddresses,
        Set<String> clusterAddresses,
        int embeddedPort,
        ReplicaWait submitWait) {

    public boolean isExternal() {
        return url.isPresent() || !sentinelAddresses.isEmpty() || !clusterAddresses.isEmpty();
    }

    /** Hides the password so the settings can be printed. */
    @Override
    public String toString() {
        return "RedisSettings[url=" + url.map(RedisSettings::redact).orElse("(embedded)")
                + ", sentinel=" + sentinelAddresses + ", cluster=" + clusterAddresses + "]";
    }

    static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
