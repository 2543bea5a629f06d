package dev.ferry.demos.regions;

/** A page that could not be processed, and why; listed in the result and in annotations.json. */
public record FailedPage(String page, String source, String reason) {}
