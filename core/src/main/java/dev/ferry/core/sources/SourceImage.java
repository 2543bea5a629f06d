package dev.ferry.core.sources;

/**
 * One image of a source. Its {@code index} is its place in the archive's entries sorted by
 * name, which is what a match's {@code source_index} refers to.
 *
 * @param name  the entry's path inside {@code images.zip}
 * @param bytes the entry's uncompressed size
 * @param type  its media type, from its bytes
 */
public record SourceImage(int index, String name, long bytes, String type) {}
