package dev.ferry.demos.asr;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStatus;
import dev.ferry.demos.inference.ModelStore;
import java.util.List;
import java.util.Optional;

/**
 * The asr demo's models in the store ({@code <data>/models/asr/}): the voice-activity model
 * every job needs ({@value #VAD}, in the manifest), and any number of recognition models
 * (task {@code ctc}, one per language or sample rate) of which a job names one, or, naming
 * none, gets the only one installed.
 */
final class AsrModels {
    static final String VAD = "silero_vad";

    private AsrModels() {}

    /** Installed recognition models, by name. */
    static List<String> recognizers(ModelStore store) {
        return store.list(AsrDemo.NAME).stream()
                .filter(s -> s.usable() && s.task().equals(CtcContract.TASK))
                .map(ModelStatus::model)
                .toList();
    }

    /**
     * The recognition model for a job's {@code model} parameter: the one named, or for an
     * empty name the only one installed, or none when none is.
     *
     * @throws InvalidParamException when the name is not a recognition model's, or none is named and several are installed
     * @throws DemoFailure           {@code model_missing}, {@code model_corrupt}, {@code model_invalid} for a named model
     */
    static Optional<ModelRef> recognizer(ModelStore store, String requested) {
        if (requested.isEmpty()) {
            List<String> installed = recognizers(store);
            if (installed.size() > 1) {
                throw new InvalidParamException("model", "several recognition models are installed (" + String.join(", ",
                        installed) + "): name one with the model parameter");
            }
            return installed.stream().findFirst().map(m -> new ModelRef(AsrDemo.NAME, m));
        }
        if (requested.equals(VAD)) {
            throw new InvalidParamException("model", VAD + " is the voice-activity model; name a recognition model"
                    + " (task ctc)" + installedHint(store));
        }
        DemoModels.require(store, AsrDemo.NAME, requested, false);
        ModelRef ref = new ModelRef(AsrDemo.NAME, requested);
        String task = store.status(ref).task();
        if (!task.equals(CtcContract.TASK)) {
            throw ModelFailures.invalid(ref, "its task is " + task + ", not " + CtcContract.TASK);
        }
        return Optional.of(ref);
    }

    /** Every job needs the voice-activity model. */
    static void requireVad(ModelStore store) {
        DemoModels.require(store, AsrDemo.NAME, VAD, false);
    }

    /** What a result without recognition says, with the way to install a model. */
    static String segmentsOnlyNote() {
        return "speech segments only: no recognition model is installed for demo 'asr'. Install a CTC model (for"
                + " example a wav2vec2 export, see docs/demos.md#asr) with `ferry models install asr <name> --from"
                + " <model.onnx> --contract <model.json>`, then submit again";
    }

    private static String installedHint(ModelStore store) {
        List<String> installed = recognizers(store);
        return installed.isEmpty() ? "; none is installed" : ": " + String.join(", ", installed);
    }
}
