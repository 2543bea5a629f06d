package dev.ferry.demos.similarity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One image of the job, as pairs.json's index lists it: a whole page, or a crop of one.
 *
 * @param image  its number in the index, from 0 (pairs name images by it)
 * @param id     a crop's id; absent for a whole page
 * @param doc    the key of its document in the index's sources: the input it came from
 * @param source where it came from, e.g. {@code plates.zip!/p3.png} or {@code book.pdf#page=2}; a crop's page
 * @param box    a crop's x1, y1, x2, y2 as fractions of its page; absent for a whole page
 * @param width  its size in pixels (a crop's, not its page's)
 * @param staged a copy at most {@value SetReader#STAGED_SIDE} pixels a side, for the pictures of pairs
 * @param scale  the staged copy's size over the image's
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record IndexedImage(int image, Optional<String> id, String doc, String source, Optional<List<Double>> box, int width,
                    int height, @JsonIgnore Path staged, @JsonIgnore double scale) {}
