package dev.ferry.core.config;

import java.util.Optional;

/** Where the command-line client finds the API. */
public record ClientSettings(String url, Optional<String> apiKey) {
    @Override
    public String toString() {
        return "ClientSettings[url=" + url + ", apiKey=" + (apiKey.isPresent() ? "***" : "none") + "]";
    }
}
