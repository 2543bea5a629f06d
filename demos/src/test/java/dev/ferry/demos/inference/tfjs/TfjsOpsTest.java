package dev.ferry.demos.inference.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each operation converter on a tiny TF.js graph whose output is worked out by hand, run
 * through ONNX Runtime: the layouts (HWIO, depthwise, NHWC in and out) and TensorFlow's
 * SAME padding, whose odd pixel goes at the end.
 */
class TfjsOpsTest {
    private final List<TfNode> nodes = new ArrayList<>();
    private final Map<String, TfWeight> weights = new LinkedHashMap<>();

    @Test
    void sameConvolutionPadsTheOddPixelAtTheEnd() throws Exception {
        // 4 x 4 ramp 1..16, 3 x 3 kernel of ones, stride 2: one row and column of padding, after the image
        input(1, 4, 4, 1);
        weight("k", new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 3, 3, 1, 1);
        weight("b", new float[] {0}, 1);
        node("conv", "_FusedConv2D", List.of("x", "k", "b"), window("SAME", 2).set("fused_ops", strings("BiasAdd")));

        assertArrayEquals(new float[] {54, 45, 72, 54}, run(ramp(16), 1, 4, 4, 1), 1e-5f);
    }

    @Test
    void aConvolutionKernelIsTransposedAndItsReluFused() throws Exception {
        // kernel [1,1,in 2,out 2] = {w00 1, w01 2, w10 3, w11 -4}; x = [1, 1]; bias 0.5
        input(1, 1, 1, 2);
        weight("k", new float[] {1, 2, 3, -4}, 1, 1, 2, 2);
        weight("b", new float[] {0.5f, 0.5f}, 2);
        node("conv", "_FusedConv2D", List.of("x", "k", "b"), window("VALID", 1).set("fused_ops", strings("BiasAdd", "Relu")));

        assertArrayEquals(new float[] {4.5f, 0}, run(new float[] {1, 1}, 1, 1, 1, 2), 1e-6f);
    }

    @Test
    void aDepthwiseConvolutionKeepsTensorFlowsChannelOrder() throws Exception {
        // kernel [1,1,C 2,M 2]: output channel c * 2 + m is x[c] * k[c][m]
        input(1, 1, 1, 2);
        weight("k", new float[] {1, 10, 100, 1000}, 1, 1, 2, 2);
        node("dw", "DepthwiseConv2dNative", List.of("x", "k"), window("SAME", 1));

        assertArrayEquals(new float[] {1, 10, 200, 2000}, run(new float[] {1, 2}, 1, 1, 1, 2), 1e-4f);
    }

    @Test
    void sameMaxPoolingPadsAtTheEndAndIgnoresThePadding() throws Exception {
        input(1, 4, 4, 1);
        node("pool", "MaxPool", List.of("x"), window("SAME", 2).set("ksize", ints(1, 3, 3, 1)));

        assertArrayEquals(new float[] {11, 12, 15, 16}, run(ramp(16), 1, 4, 4, 1), 0f);
    }

    @Test
    void aMeanOverHeightAndWidthThenSoftmaxGivesClassProbabilities() throws Exception {
        // channel 0 is 0 everywhere, channel 1 ln 3: means 0 and ln 3, softmax 1/4 and 3/4
        input(1, 2, 2, 2);
        weight("axes", new float[] {1, 2}, 2);
        node("mean", "Mean", List.of("x", "axes"), Json.MAPPER.createObjectNode());
        node("softmax", "Softmax", List.of("mean"), Json.MAPPER.createObjectNode());
        float ln3 = (float) Math.log(3);

        assertArrayEquals(new float[] {0.25f, 0.75f}, run(new float[] {0, ln3, 0, ln3, 0, ln3, 0, ln3}, 1, 2, 2, 2), 1e-6f);
    }

    @Test
    void reluAddAndIdentityWorkElementWise() throws Exception {
        input(1, 2);
        node("relu", "Relu", List.of("x"), Json.MAPPER.createObjectNode());
        node("sum", "AddV2", List.of("x", "relu"), Json.MAPPER.createObjectNode());
        node("Identity", "Identity", List.of("sum"), Json.MAPPER.createObjectNode());

        assertArrayEquals(new float[] {-1, 4}, run(new float[] {-1, 2}, 1, 2), 0f);
    }

    @Test
    void anOperationWithoutAConverterIsNamedAndTheSameGraphGivesTheSameBytes() throws Exception {
        input(1, 2);
        node("relu", "Relu", List.of("x"), Json.MAPPER.createObjectNode());
        TfjsModel supported = new TfjsModel(nodes, weights);
        assertArrayEquals(TfjsImporter.toOnnx(supported, "g"), TfjsImporter.toOnnx(supported, "g"));

        node("sig", "Sigmoid", List.of("relu"), Json.MAPPER.createObjectNode());
        IOException e = assertThrows(IOException.class, () -> TfjsImporter.toOnnx(new TfjsModel(nodes, weights), "g"));
        assertTrue(e.getMessage().contains("operation Sigmoid (node sig)"), e.getMessage());
    }

    private void input(long... shape) {
        ObjectNode attrs = Json.MAPPER.createObjectNode();
        attrs.putObject("dtype").put("type", "DT_FLOAT");
        ArrayNode dims = attrs.putObject("shape").putObject("shape").putArray("dim");
        for (long d : shape) {
            dims.addObject().put("size", String.valueOf(d));
        }
        node("x", "Placeholder", List.of(), attrs);
    }

    private void weight(String name, float[] values, long... shape) {
        weights.put(name, new TfWeight(name, shape, values));
    }

    private void node(String name, String op, List<String> inputs, ObjectNode attrs) {
        nodes.add(new TfNode(name, op, inputs, attrs));
    }

    private static ObjectNode window(String padding, int stride) {
        ObjectNode attrs = Json.MAPPER.createObjectNode();
        attrs.putObject("padding").put("s", base64(padding));
        attrs.putObject("data_format").put("s", base64("NHWC"));
        attrs.set("strides", ints(1, stride, stride, 1));
        return attrs;
    }

    private static ObjectNode ints(long... values) {
        ObjectNode attr = Json.MAPPER.createObjectNode();
        ArrayNode list = attr.putObject("list").putArray("i");
        for (long v : values) {
            list.add(String.valueOf(v));
        }
        return attr;
    }

    private static ObjectNode strings(String... values) {
        ObjectNode attr = Json.MAPPER.createObjectNode();
        ArrayNode list = attr.putObject("list").putArray("s");
        for (String v : values) {
            list.add(base64(v));
        }
        return attr;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** The imported graph's only output, flattened (NHWC, as TensorFlow gives it). */
    private float[] run(float[] x, long... shape) throws Exception {
        byte[] onnx = TfjsImporter.toOnnx(new TfjsModel(nodes, weights), "ops");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
             OrtSession.Result result = session.run(Map.of("x", input))) {
            return ((OnnxTensor) result.get(0)).getFloatBuffer().array();
        }
    }
}
