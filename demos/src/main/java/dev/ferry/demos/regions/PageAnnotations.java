package dev.ferry.demos.regions;

import java.util.List;

/** One page's entry in {@code annotations.json}. */
public record PageAnnotations(String page, String source, int width, int height, String overlay, List<Region> regions) {}
