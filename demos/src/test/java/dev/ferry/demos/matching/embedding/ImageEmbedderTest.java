package dev.ferry.demos.matching.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.matching.Transposition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding engine end to end on {@link PooledGridGraph}, run by ONNX Runtime through the
 * inference core: pictures of 4 × 4 flat-coloured cells, whose vectors are known exactly, and
 * turned or mirrored copies found with the transposition that turns them back.
 */
class ImageEmbedderTest {
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};
    private static final int CELL = PooledGridGraph.SIDE / PooledGridGraph.GRID;

    @TempDir
    Path dir;
    private Inference inference;
    private ModelLease lease;
    private ImageEmbedder embedder;

    @BeforeEach
    void loadTheGraph() throws Exception {
        ModelStore store = new ModelStore(dir.resolve("data"), ModelCatalog.builtIn());
        TestStores.install(store, "similarity", "grid", PooledGridGraph.onnx(), PooledGridGraph.contract());
        inference = new Inference(new InferenceSettings(1, "all", 2), InferenceDevice.CPU);
        lease = inference.acquire(store.require(new ModelRef("similarity", "grid")));
        embedder = new ImageEmbedder(new EmbeddingModel(lease), () -> false);
    }

    @AfterEach
    void unload() {
        lease.close();
        inference.close();
    }

    @Test
    void anImageBecomesTheGraphsKnownVectorScaledToUnitLength() throws Exception {
        int[][][] colours = colours(new SplittableRandom(1));
        try (Mat image = cells(colours)) {
            assertArrayEquals(expected(colours), embedder.embed(image), 1e-5f);
        }
    }

    @Test
    void aTurnedOrMirroredCopyIsFoundWithTheTranspositionThatTurnsItBack() throws Exception {
        SplittableRandom random = new SplittableRandom(2);
        List<Mat> corpus = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            corpus.add(cells(colours(random)));
        }
        float[][] vectors = new float[corpus.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embedder.embed(corpus.get(i));
        }
        EmbeddingIndex index = EmbeddingIndex.of(vectors);
        // turned clockwise, a copy is found by the query turned counter-clockwise: rot90
        assertFoundAs(index, turnedClockwise(corpus.get(7)), 7, "rot90");
        assertFoundAs(index, mirrored(corpus.get(12), 1), 12, "hflip");
        assertFoundAs(index, mirrored(corpus.get(20), 0), 20, "vflip");
        assertFoundAs(index, corpus.get(3).clone(), 3, "none");
        corpus.forEach(Mat::close);
    }

    @Test
    void theQueryItselfIsLeftOutWhenItIsInTheIndex() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        float[][] vectors = new float[10][];
        try (Mat query = cells(colours(random))) {
            vectors[0] = embedder.embed(query);
            for (int i = 1; i < vectors.length; i++) {
                try (Mat other = cells(colours(random))) {
                    vectors[i] = embedder.embed(other);
                }
            }
            QueryVectors q = embedder.embedQuery(query, Transposition.ALL);
            List<TransposedMatch> found = TransposedSearch.nearest(EmbeddingIndex.of(vectors), q, 5, 0);
            assertEquals(5, found.size());
            assertEquals(0, found.stream().filter(m -> m.id() == 0).count(), found.toString());
        }
    }

    private void assertFoundAs(EmbeddingIndex index, Mat query, int id, String transposition) throws Exception {
        try (query) {
            List<TransposedMatch> found = TransposedSearch.nearest(index, embedder.embedQuery(query, Transposition.ALL), 3, -1);
            assertEquals(id, found.get(0).id(), found.toString());
            assertEquals(transposition, found.get(0).transposition().wireName(), found.toString());
            assertEquals(1.0, found.get(0).score(), 1e-5);
            assertEquals(3, found.size());
        }
    }

    /** Each cell's colour as RGB bytes, at random. */
    private static int[][][] colours(SplittableRandom random) {
        int g = PooledGridGraph.GRID;
        int[][][] c = new int[g][g][3];
        for (int[][] row : c) {
            for (int[] rgb : row) {
                for (int ch = 0; ch < 3; ch++) {
                    rgb[ch] = random.nextInt(256);
                }
            }
        }
        return c;
    }

    private static Mat cells(int[][][] colours) {
        Mat image = new Mat(PooledGridGraph.SIDE, PooledGridGraph.SIDE, opencv_core.CV_8UC3);
        for (int r = 0; r < colours.length; r++) {
            for (int c = 0; c < colours[r].length; c++) {
                int[] rgb = colours[r][c];
                try (Rect where = new Rect(c * CELL, r * CELL, CELL, CELL); Mat cell = new Mat(image, where);
                     Scalar bgr = new Scalar(rgb[2], rgb[1], rgb[0], 0)) {
                    cell.put(bgr);
                }
            }
        }
        return image;
    }

    /** The graph's output written out: per channel, the normalised colour of each cell, row by row; then unit length. */
    private static float[] expected(int[][][] colours) {
        int g = PooledGridGraph.GRID;
        float[] v = new float[PooledGridGraph.DIMENSION];
        for (int ch = 0; ch < 3; ch++) {
            for (int r = 0; r < g; r++) {
                for (int c = 0; c < g; c++) {
                    v[ch * g * g + r * g + c] = (float) ((colours[r][c][ch] / 255.0 - MEAN[ch]) / STD[ch]);
                }
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static Mat turnedClockwise(Mat m) {
        Mat out = new Mat();
        opencv_core.transpose(m, out);
        opencv_core.flip(out, out, 1);
        return out;
    }

    private static Mat mirrored(Mat m, int axis) {
        Mat out = new Mat();
        opencv_core.flip(m, out, axis);
        return out;
    }
}
