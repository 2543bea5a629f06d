package dev.ferry.demos.asr;

/**
 * A recognised word: seconds from the start of the recording, and the mean probability the
 * model gave its tokens over the frames that emit them.
 */
public record Word(String text, double start, double end, double confidence) {
}
