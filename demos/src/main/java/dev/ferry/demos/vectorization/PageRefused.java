package dev.ferry.demos.vectorization;

/** A page that cannot be vectorized as the job asks, and why: reported for that page alone. */
final class PageRefused extends RuntimeException {
    static final String REGION_OUTSIDE = "region_outside";

    private final String code;

    PageRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
