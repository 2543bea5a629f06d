package dev.ferry.core.config;

import java.util.Set;

/** The HTTP API's address, limits and keys. */
public record ApiSettings(String host, int port, Set<String> apiKeys, long maxUploadBytes, long minFreeBytes) {

    /** Keys are secrets: never print them. */
    @Override
    public String toString() {
        return "ApiSettings[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size() + " configured"
                + ", maxUploadBytes=" + maxUploadBytes + ", minFreeBytes=" + minFreeBytes + "]";
    }
}
