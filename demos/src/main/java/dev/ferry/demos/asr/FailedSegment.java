package dev.ferry.demos.asr;

/** A segment the recognition model failed on; the job goes on with the next. */
public record FailedSegment(int index, double start, double end, String reason) {
}
