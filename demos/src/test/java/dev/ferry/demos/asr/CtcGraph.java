package dev.ferry.demos.asr;

import dev.ferry.demos.inference.onnx.OnnxGraph;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.util.List;

/**
 * A CTC "speech model" with known output, for the asr tests: input {@code input_values [1, S]}
 * (a waveform), output {@code logits [1, S / stride, V]} whose frame {@code t} is row
 * {@code t} of a fixed table (cut at the table's end, so make it as long as the longest
 * segment a test sends). The logits are {@code ln p} of the given
 * probabilities, so the softmax the demo applies gives those probabilities back exactly and a
 * test knows every token, time and confidence to expect. The waveform still flows into the
 * output (times zero), so the graph reads its input like a real model.
 */
public final class CtcGraph {
    private CtcGraph() {}

    /**
     * @param stride        samples per output frame (wav2vec2 at 16 kHz: 320)
     * @param probabilities {@code [frames][V]}: each frame's distribution over the vocabulary
     */
    public static byte[] waveform(int stride, float[][] probabilities) {
        OnnxGraph g = OnnxGraph.named("ctc_table")
                .input("input_values", OnnxGraph.FLOAT, 1, -1);
        return tableRows(g, probabilities, "input_values", 1, stride)
                .node("Mul", List.of("mean", "zero"), List.of("nothing"))
                .node("Add", List.of("rows", "nothing"), List.of("logits"))
                .output("logits", OnnxGraph.FLOAT, 1, -1, probabilities[0].length)
                .toBytes();
    }

    /**
     * The same table behind a log-mel input {@code audio_signal [1, mels, T]} with a length input
     * {@code length [1]} (NeMo's signature): output frame {@code t} is row {@code t}, for
     * {@code T / subsampling} frames, plus {@code 0 × mean(features) + 0 × length}.
     */
    public static byte[] logMel(int mels, int subsampling, float[][] probabilities) {
        OnnxGraph g = OnnxGraph.named("ctc_table_mel")
                .input("audio_signal", OnnxGraph.FLOAT, 1, mels, -1)
                .input("length", OnnxGraph.INT64, 1);
        return tableRows(g, probabilities, "audio_signal", 2, subsampling)
                .node("Cast", List.of("length"), List.of("length_f"), Attr.of("to", (long) OnnxGraph.FLOAT))
                .node("ReduceMean", List.of("length_f"), List.of("length_mean"), Attr.of("keepdims", 0L))
                .node("Add", List.of("mean", "length_mean"), List.of("both"))
                .node("Mul", List.of("both", "zero"), List.of("nothing"))
                .node("Add", List.of("rows", "nothing"), List.of("logits"))
                .output("logits", OnnxGraph.FLOAT, 1, -1, probabilities[0].length)
                .toBytes();
    }

    /**
     * Adds the table of {@code ln p} and, as {@code rows}, its first {@code n / step} rows, where
     * {@code n} is dimension {@code axis} of {@code input}; also {@code mean}, the input's mean, and
     * {@code zero}, for the graphs to make the input flow into their output.
     */
    private static OnnxGraph tableRows(OnnxGraph g, float[][] probabilities, String input, long axis, long step) {
        return g.initializer("table", logs(probabilities), 1, probabilities.length, probabilities[0].length)
                .initializer("axis", new long[] {axis}, 1)
                .initializer("one", new long[] {1}, 1)
                .initializer("zero_start", new long[] {0}, 1)
                .initializer("step", new long[] {step}, 1)
                .initializer("zero", new float[] {0f})
                .node("Shape", List.of(input), List.of("shape"))
                .node("Gather", List.of("shape", "axis"), List.of("input_steps"), Attr.of("axis", 0L))
                .node("Div", List.of("input_steps", "step"), List.of("frames"))
                .node("Slice", List.of("table", "zero_start", "frames", "one"), List.of("rows"))
                .node("ReduceMean", List.of(input), List.of("mean"), Attr.of("keepdims", 0L));
    }

    /**
     * A small CTC model doing real work per frame, for {@code ferry bench asr}: the waveform
     * {@code input_values [1, S]} cut into frames of {@code stride} samples, one hidden layer of
     * {@code hidden} units (ReLU), {@code vocabulary} logits per frame with the blank (index 0)
     * favoured by {@code blankBias}. The weights are drawn by seeded RandomUniform operators,
     * so the file stays tiny and every run computes the same.
     */
    public static byte[] benchWaveform(int stride, int hidden, int vocabulary, float blankBias) {
        OnnxGraph g = OnnxGraph.named("ctc_bench_waveform")
                .input("input_values", OnnxGraph.FLOAT, 1, -1)
                .initializer("one", new long[] {1}, 1)
                .initializer("zero_start", new long[] {0}, 1)
                .initializer("stride", new long[] {stride}, 1)
                .initializer("frames_shape", new long[] {-1, stride}, 2)
                .node("Shape", List.of("input_values"), List.of("shape"))
                .node("Gather", List.of("shape", "one"), List.of("samples"), Attr.of("axis", 0L))
                .node("Div", List.of("samples", "stride"), List.of("frames"))
                .node("Mul", List.of("frames", "stride"), List.of("usable"))
                .node("Slice", List.of("input_values", "zero_start", "usable", "one"), List.of("whole_frames"))
                .node("Reshape", List.of("whole_frames", "frames_shape"), List.of("x"));
        return head(g, "x", stride, hidden, vocabulary, blankBias).toBytes();
    }

    /**
     * The same head behind log-mel features {@code audio_signal [1, mels, T]} and a length input
     * {@code length [1]}: a frame of logits per feature frame.
     */
    public static byte[] benchLogMel(int mels, int hidden, int vocabulary, float blankBias) {
        OnnxGraph g = OnnxGraph.named("ctc_bench_log_mel")
                .input("audio_signal", OnnxGraph.FLOAT, 1, mels, -1)
                .input("length", OnnxGraph.INT64, 1)
                .initializer("zero_axis", new long[] {0}, 1)
                .initializer("zero", new float[] {0f})
                .node("Transpose", List.of("audio_signal"), List.of("time_first"), Attr.ints("perm", 0, 2, 1))
                .node("Squeeze", List.of("time_first", "zero_axis"), List.of("frames"))
                .node("Cast", List.of("length"), List.of("length_f"), Attr.of("to", (long) OnnxGraph.FLOAT))
                .node("ReduceMean", List.of("length_f"), List.of("length_mean"), Attr.of("keepdims", 0L))
                .node("Mul", List.of("length_mean", "zero"), List.of("nothing"))
                .node("Add", List.of("frames", "nothing"), List.of("x"));
        return head(g, "x", mels, hidden, vocabulary, blankBias).toBytes();
    }

    private static OnnxGraph head(OnnxGraph g, String x, int in, int hidden, int vocabulary, float blankBias) {
        float[] bias = new float[vocabulary];
        bias[0] = blankBias;
        return g.initializer("bias", bias, vocabulary)
                .initializer("batch_axis", new long[] {0}, 1)
                .node("RandomUniform", List.of(), List.of("w1"), Attr.of("dtype", (long) OnnxGraph.FLOAT),
                        Attr.ints("shape", in, hidden), Attr.of("low", -0.1f), Attr.of("high", 0.1f), Attr.of("seed", 1f))
                .node("RandomUniform", List.of(), List.of("w2"), Attr.of("dtype", (long) OnnxGraph.FLOAT),
                        Attr.ints("shape", hidden, vocabulary), Attr.of("low", -1f), Attr.of("high", 1f), Attr.of("seed", 2f))
                .node("MatMul", List.of(x, "w1"), List.of("h"))
                .node("Relu", List.of("h"), List.of("r"))
                .node("MatMul", List.of("r", "w2"), List.of("scores"))
                .node("Add", List.of("scores", "bias"), List.of("frame_logits"))
                .node("Unsqueeze", List.of("frame_logits", "batch_axis"), List.of("logits"))
                .output("logits", OnnxGraph.FLOAT, 1, -1, vocabulary);
    }

    /**
     * A table spelling {@code text} once, from frame {@code first}: each character (a space is
     * the token {@code |}) held for {@code hold} frames with probability {@code p}, a blank
     * frame between characters, blanks elsewhere with probability {@code p}; the rest of each
     * frame's probability is spread evenly over the other tokens. {@code vocabulary.get(0)} is
     * the blank.
     */
    public static float[][] spelling(List<String> vocabulary, String text, int first, int hold, float p, int frames) {
        float[][] table = new float[frames][];
        for (int t = 0; t < frames; t++) {
            table[t] = peak(vocabulary.size(), 0, p);
        }
        int t = first;
        for (char c : text.toCharArray()) {
            int token = vocabulary.indexOf(c == ' ' ? "|" : String.valueOf(c));
            if (token < 0) {
                throw new IllegalArgumentException("'" + c + "' is not in the vocabulary");
            }
            for (int i = 0; i < hold; i++) {
                table[t++] = peak(vocabulary.size(), token, p);
            }
            t++;
        }
        return table;
    }

    /** A distribution with {@code p} on {@code token} and the rest spread evenly. */
    public static float[] peak(int size, int token, float p) {
        float[] row = new float[size];
        java.util.Arrays.fill(row, (1 - p) / (size - 1));
        row[token] = p;
        return row;
    }

    private static float[] logs(float[][] probabilities) {
        int vocabulary = probabilities[0].length;
        float[] out = new float[probabilities.length * vocabulary];
        for (int t = 0; t < probabilities.length; t++) {
            for (int v = 0; v < vocabulary; v++) {
                out[t * vocabulary + v] = (float) Math.log(probabilities[t][v]);
            }
        }
        return out;
    }
}
