package dev.ferry.demos.faces;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EmotionModel} on its own ONNX Runtime session. Sessions are thread-safe for
 * {@code run}, so one instance serves every job of the process. To be replaced by the
 * shared session cache of the inference package once it lands.
 */
final class OrtEmotionModel implements EmotionModel {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;

    OrtEmotionModel(Path onnx, Optional<String> inputName) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            this.session = env.createSession(onnx.toString(), options);
        }
        this.inputName = inputName.orElseGet(() -> session.getInputNames().iterator().next());
        if (!session.getInputNames().contains(this.inputName)) {
            session.close();
            throw new OrtException("the model has no input named '" + this.inputName + "'; its inputs are "
                    + session.getInputNames());
        }
    }

    @Override
    public float[] scores(float[] input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            Object value = result.get(0).getValue();
            if (value instanceof float[][] batch) {
                return batch[0];
            }
            if (value instanceof float[] flat) {
                return flat;
            }
            throw new IllegalStateException("the emotion model's first output is not a float vector");
        } catch (OrtException e) {
            throw new IllegalStateException("emotion model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
