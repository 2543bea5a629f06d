package dev.ferry.core.config;

/**
 * The DSAC ASR protocol's adapter ({@code FERRY_COMPAT=dsac}).
 *
 * @param path where DSAC's clients post: its deployments put it behind a gateway path of their own
 */
public record DsacSettings(String path) {
    public DsacSettings {
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            throw new IllegalArgumentException("FERRY_DSAC_PATH must be a path like /dsac (a leading /, no trailing /), got '"
                    + path + "'");
        }
    }
}
