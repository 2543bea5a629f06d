package dev.ferry.demos.vectorization;

/**
 * A primitive in the page's pixels and the region it was found in.
 *
 * @param region the number of the {@code regions} box it was found in, from 1; 0 when the whole page was vectorized
 */
record Placed(Primitive primitive, int region) {}
