package dev.ferry.demos.similarity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;

/**
 * One image of the job, as pairs.json's index lists it.
 *
 * @param image  its number in the index, from 0 (pairs name images by it)
 * @param doc    the key of its document in the index's sources: the input it came from
 * @param source where it came from, e.g. {@code plates.zip!/p3.png} or {@code book.pdf#page=2}
 * @param staged a copy at most {@value SetReader#STAGED_SIDE} pixels a side, for the pictures of pairs
 * @param scale  the staged copy's size over the image's
 */
record IndexedImage(int image, String doc, String source, int width, int height, @JsonIgnore Path staged,
                    @JsonIgnore double scale) {}
