package dev.ferry.demos.asr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ferry.demos.ctc.CtcScores;
import dev.ferry.demos.inference.ModelLease;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a CTC model ({@link CtcContract}) on one segment's samples: the features its contract
 * asks for go in, log-probabilities per frame and token come out.
 */
final class CtcRecognizer {
    private final ModelLease lease;
    private final CtcContract contract;
    private final LogMel logMel;
    private final BooleanSupplier cancelled;
    private long featureNanos;
    private long modelNanos;

    CtcRecognizer(ModelLease lease, CtcContract contract, BooleanSupplier cancelled) {
        this.lease = lease;
        this.contract = contract;
        FeatureSpec f = contract.features();
        this.logMel = f.logMel() ? new LogMel(f.mel(), f.sampleRate(), f.layout().equals("time_first")) : null;
        this.cancelled = cancelled;
    }

    CtcContract contract() {
        return contract;
    }

    CtcScores scores(float[] samples) throws OrtException {
        long t0 = System.nanoTime();
        Features features = logMel != null ? logMel.compute(samples)
                : WaveformFeatures.of(samples, contract.features().normalize());
        long t1 = System.nanoTime();
        featureNanos += t1 - t0;
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(contract.input(), OnnxTensor.createTensor(lease.env(), FloatBuffer.wrap(features.values()),
                    features.shape()));
            if (!contract.features().lengthInput().isEmpty()) {
                inputs.put(contract.features().lengthInput(), OnnxTensor.createTensor(lease.env(),
                        LongBuffer.wrap(new long[] {features.length()}), new long[] {1}));
            }
            try (OrtSession.Result result = lease.run(inputs, cancelled)) {
                return read(result, samples.length);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
            modelNanos += System.nanoTime() - t1;
        }
    }

    long featureNanos() {
        return featureNanos;
    }

    long modelNanos() {
        return modelNanos;
    }

    private CtcScores read(OrtSession.Result result, int samples) throws OrtException {
        String name = contract.ctc().output();
        OnnxValue value = name.isEmpty() ? result.get(0)
                : result.get(name).orElseThrow(() -> new IllegalArgumentException("the model has no output '" + name + "'"));
        if (!(value instanceof OnnxTensor tensor)) {
            throw new IllegalArgumentException("the model's output is not a tensor");
        }
        long[] shape = tensor.getInfo().getShape();
        if (shape.length != 3 || shape[0] != 1) {
            throw new IllegalArgumentException("the model's output has shape " + java.util.Arrays.toString(shape)
                    + "; a CTC model outputs [1, frames, vocabulary]");
        }
        int frames = (int) shape[1];
        int vocabulary = (int) shape[2];
        if (vocabulary != contract.vocabulary().size()) {
            throw new IllegalArgumentException("the model scores " + vocabulary + " tokens per frame but model.json lists "
                    + contract.vocabulary().size() + " labels");
        }
        float[] raw = new float[frames * vocabulary];
        tensor.getFloatBuffer().get(raw);
        double stride = contract.ctc().frameStrideS() > 0 ? contract.ctc().frameStrideS()
                : frames == 0 ? 0 : samples / (double) contract.sampleRate() / frames;
        return CtcScores.of(raw, frames, vocabulary, contract.ctc().scores(), stride);
    }
}
