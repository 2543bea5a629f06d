package dev.ferry.demos.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One shape turned, scaled and shifted by known amounts, aligned back onto itself. */
class AlignerTest {
    static final int SIZE = 64;

    @Test
    void eachFamilyUndoesWhatItCoversAndNoMore() {
        float[] upright = Shapes.ink(new ShapeSet.Sample(ShapeSet.draw(4, SIZE, ShapeSet.Variation.NONE,
                new SplittableRandom(1)), 4), SIZE);
        // the same arrow, turned by about 130 degrees, 15% smaller, moved off centre
        float[] moved = Shapes.ink(new ShapeSet.Sample(ShapeSet.draw(4, SIZE,
                new ShapeSet.Variation(0.12, 2 * Math.PI, 0.85, 0.85), new SplittableRandom(5)), 4), SIZE);

        double similarity = distance(Transformation.SIMILARITY, upright, moved);
        double affine = distance(Transformation.AFFINE, upright, moved);
        double translation = distance(Transformation.TRANSLATION, upright, moved);
        double identity = distance(Transformation.IDENTITY, upright, moved);

        assertTrue(similarity < 0.004, "similarity leaves " + similarity);
        assertTrue(affine < 0.004, "affine leaves " + affine);
        assertTrue(translation > 5 * similarity, "a shift cannot undo a turn: " + translation + " vs " + similarity);
        assertTrue(identity > translation, "identity " + identity + ", translation " + translation);
    }

    @Test
    void theTransformMapsThePrototypeOntoTheItem() {
        float[] shape = Shapes.ink(new ShapeSet.Sample(ShapeSet.draw(5, SIZE, ShapeSet.Variation.NONE,
                new SplittableRandom(1)), 5), SIZE);
        Aligner aligner = new Aligner(Transformation.SIMILARITY, SIZE, 0.2 * SIZE);
        Affine shift = Affine.translation(5, -3);
        float[] shifted = Warp.warp(shape, SIZE, shift.inverse());
        Aligner.Item item = aligner.item(shifted);
        Aligner.Prototype prototype = aligner.prototype(shape);

        Aligner.Alignment a = aligner.align(item, List.of(prototype), () -> false);

        double o = (SIZE - 1) / 2.0;
        assertEquals(o + 5, a.transform().x(o, o), 0.3, a.transform().toString());
        assertEquals(o - 3, a.transform().y(o, o), 0.3, a.transform().toString());
    }

    private static double distance(Transformation family, float[] prototype, float[] item) {
        Aligner aligner = new Aligner(family, SIZE, Moments.of(prototype, SIZE).radius());
        Aligner.Prototype p = aligner.prototype(aligner.normalised(aligner.item(prototype)));
        return aligner.align(aligner.item(item), List.of(p), () -> false).distance();
    }
}
