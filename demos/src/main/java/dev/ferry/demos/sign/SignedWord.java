package dev.ferry.demos.sign;

/** A sign on the timeline: consecutive windows that agree on their most likely label, merged. */
public record SignedWord(String label, double startSeconds, double endSeconds, double probability, int windows) {
}
