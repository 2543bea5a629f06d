package dev.ferry.api.http;

import dev.ferry.core.config.ApiSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An API without keys is for this machine only: refuse to listen where other machines can reach it. */
public final class BindPolicy {
    private BindPolicy() {}

    public static void check(ApiSettings api) {
        if (api.apiKeys().isEmpty() && !isLoopback(api.host())) {
            throw new IllegalStateException("FERRY_HOST=" + api.host() + " can be reached from other machines, but no "
                    + "FERRY_API_KEYS are set: set FERRY_API_KEYS, or bind FERRY_HOST=127.0.0.1");
        }
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
