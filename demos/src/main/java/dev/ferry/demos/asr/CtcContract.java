package dev.ferry.demos.asr;

import dev.ferry.demos.inference.ModelContract;
import java.util.List;

/**
 * What the asr demo reads from a recognition model's model.json (task {@code ctc}): the input
 * to feed, its features, the vocabulary (the contract's {@code labels}, one token per output
 * index) and how to read the output.
 */
public record CtcContract(String input, List<String> vocabulary, CtcSpec ctc, FeatureSpec features) {
    public static final String TASK = "ctc";

    /**
     * @throws IllegalArgumentException when the contract is not a usable CTC contract, saying why
     */
    public static CtcContract of(ModelContract contract) {
        if (!contract.task().equals(TASK)) {
            throw new IllegalArgumentException("its task is " + contract.task() + ", not " + TASK);
        }
        if (contract.labels().isEmpty()) {
            throw new IllegalArgumentException("model.json must list the vocabulary as labels, one token per output index");
        }
        CtcSpec ctc = contract.section("ctc", CtcSpec.class);
        FeatureSpec features = contract.section("features").isPresent()
                ? contract.section("features", FeatureSpec.class)
                : new FeatureSpec("waveform", 16_000, false, null, null, null);
        if (ctc.blankId() >= contract.labels().size()) {
            throw new IllegalArgumentException("ctc.blank_id " + ctc.blankId() + " is beyond the " + contract.labels().size()
                    + " labels");
        }
        return new CtcContract(contract.input().name(), contract.labels(), ctc, features);
    }

    public int sampleRate() {
        return features.sampleRate();
    }
}
