package dev.ferry.testkit;

import dev.ferry.testkit.OnnxGraph.Attr;
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
        int frames = probabilities.length;
        int vocabulary = probabilities[0].length;
        return OnnxGraph.named("ctc_table")
                .input("input_values", OnnxGraph.FLOAT, 1, -1)
                .initializer("table", logs(probabilities), 1, frames, vocabulary)
                .initializer("one", new long[] {1}, 1)
                .initializer("zero_start", new long[] {0}, 1)
                .initializer("stride", new long[] {stride}, 1)
                .initializer("zero", new float[] {0f})
                .node("Shape", List.of("input_values"), List.of("shape"))
                .node("Gather", List.of("shape", "one"), List.of("samples"), Attr.of("axis", 0L))
                .node("Div", List.of("samples", "stride"), List.of("frames"))
                .node("Slice", List.of("table", "zero_start", "frames", "one"), List.of("rows"))
                .node("ReduceMean", List.of("input_values"), List.of("mean"), Attr.of("keepdims", 0L))
                .node("Mul", List.of("mean", "zero"), List.of("nothing"))
                .node("Add", List.of("rows", "nothing"), List.of("logits"))
                .output("logits", OnnxGraph.FLOAT, 1, -1, vocabulary)
                .toBytes();
    }

    /**
     * The same table behind a log-mel input {@code audio_signal [1, mels, T]} with a length input
     * {@code length [1]} (NeMo's signature): output frame {@code t} is row {@code t}, for
     * {@code T / subsampling} frames, plus {@code 0 × mean(features) + 0 × length}.
     */
    public static byte[] logMel(int mels, int subsampling, float[][] probabilities) {
        int frames = probabilities.length;
        int vocabulary = probabilities[0].length;
        return OnnxGraph.named("ctc_table_mel")
                .input("audio_signal", OnnxGraph.FLOAT, 1, mels, -1)
                .input("length", OnnxGraph.INT64, 1)
                .initializer("table", logs(probabilities), 1, frames, vocabulary)
                .initializer("two", new long[] {2}, 1)
                .initializer("one", new long[] {1}, 1)
                .initializer("zero_start", new long[] {0}, 1)
                .initializer("subsampling", new long[] {subsampling}, 1)
                .initializer("zero", new float[] {0f})
                .node("Shape", List.of("audio_signal"), List.of("shape"))
                .node("Gather", List.of("shape", "two"), List.of("steps"), Attr.of("axis", 0L))
                .node("Div", List.of("steps", "subsampling"), List.of("frames"))
                .node("Slice", List.of("table", "zero_start", "frames", "one"), List.of("rows"))
                .node("ReduceMean", List.of("audio_signal"), List.of("mean"), Attr.of("keepdims", 0L))
                .node("Cast", List.of("length"), List.of("length_f"), Attr.of("to", (long) OnnxGraph.FLOAT))
                .node("ReduceMean", List.of("length_f"), List.of("length_mean"), Attr.of("keepdims", 0L))
                .node("Add", List.of("mean", "length_mean"), List.of("both"))
                .node("Mul", List.of("both", "zero"), List.of("nothing"))
                .node("Add", List.of("rows", "nothing"), List.of("logits"))
                .output("logits", OnnxGraph.FLOAT, 1, -1, vocabulary)
                .toBytes();
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
