package dev.ferry.core.job;

/** How far a running job is, as its demo last reported it. */
public record Progress(long current, long total, String message) {
    public static final Progress NONE = new Progress(0, 0, "");
}
