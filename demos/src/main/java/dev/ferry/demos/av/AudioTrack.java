package dev.ferry.demos.av;

/** An audio track as stored: codec, sample rate and channel count. */
public record AudioTrack(String codec, int sampleRate, int channels) {
}
