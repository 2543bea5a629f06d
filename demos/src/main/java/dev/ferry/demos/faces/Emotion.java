package dev.ferry.demos.faces;

/** One emotion label with its probability in [0, 1]. */
public record Emotion(String label, double confidence) {}
