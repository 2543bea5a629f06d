package dev.ferry.core.queue;

/**
 * How long one successful job waited and ran, and where: recorded by the complete script.
 *
 * @param waitMs from submission to the start of the attempt that succeeded
 * @param runMs that attempt's run time
 */
public record JobTiming(long waitMs, long runMs, String worker, String device) {}
