package dev.ferry.demos.asr;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.demos.av.AudioReader;
import dev.ferry.demos.av.AudioStream;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InstalledModel;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One recording through the asr demo, from the file to the files written: the models the
 * options name, the audio decoded at the recognition model's rate, the pipeline, the outputs.
 * The demo runs jobs with it, and {@code ferry bench asr} measures it.
 */
final class AsrJob {
    /** Called as the audio is heard; {@code declared} is the length the container claims, 0 when unknown. */
    interface Progress {
        void heard(double seconds, double declared);
    }

    private AsrJob() {}

    static AsrDemo.Result run(Path input, AsrOptions options, ModelStore models, Inference inference, Path outputDir,
                              BooleanSupplier cancelled, Progress progress) throws Exception {
        InstalledModel vadModel = models.require(new ModelRef(AsrDemo.NAME, AsrModels.VAD));
        Optional<InstalledModel> ctcModel = AsrModels.recognizer(models, options.model()).map(models::require);
        Optional<CtcContract> contract = ctcModel.map(AsrJob::contract);
        int rate = contract.map(CtcContract::sampleRate).orElse(16_000);
        try (ModelLease vadLease = inference.acquire(vadModel);
             Held held = new Held(ctcModel.map(inference::acquire));
             AudioStream audio = AudioReader.open(input, rate, options.channel());
             SileroVad vad = vad(vadLease, rate, ctcModel, cancelled)) {
            Optional<Transcriber> transcriber = held.lease().map(lease -> new Transcriber(
                    new CtcRecognizer(lease, contract.orElseThrow(), cancelled), options.ctcDecoder()));
            double declared = audio.declaredSeconds().orElse(0);
            AsrPipeline.Outcome outcome = AsrPipeline.run(audio, rate, vad, options.vad(), transcriber, cancelled,
                    seconds -> progress.heard(seconds, declared));
            List<String> warnings = new ArrayList<>();
            try {
                audio.requireComplete();
            } catch (DemoFailure e) {
                warnings.add(e.getMessage());
            }
            AsrDemo.Result result = write(outputDir, input, ctcModel, contract, options, outcome, rate, warnings);
            progress.heard(outcome.seconds(), outcome.seconds());
            return result;
        }
    }

    private static AsrDemo.Result write(Path outputDir, Path input, Optional<InstalledModel> ctcModel,
                                        Optional<CtcContract> contract, AsrOptions options, AsrPipeline.Outcome outcome,
                                        int rate, List<String> warnings) {
        long t0 = System.nanoTime();
        AsrWriter.segments(outputDir, SegmentsReport.of(JobInputs.originalName(input), rate, outcome.seconds(),
                outcome.segments(), options.vad()));
        boolean transcribed = ctcModel.isPresent();
        if (transcribed) {
            if (!outcome.failed().isEmpty() && outcome.transcribed().isEmpty()) {
                throw new DemoFailure(ErrorCode.MODEL_FAILED, "the recognition model failed on every segment: "
                        + outcome.failed().get(0).reason(), false);
            }
            AsrWriter.transcript(outputDir, outcome.transcribed(), contract.orElseThrow().ctc().language());
        }
        Map<String, Double> timings = new LinkedHashMap<>(outcome.timingsMs());
        timings.put("output", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
        return new AsrDemo.Result(
                ctcModel.map(m -> m.ref().model()),
                transcribed ? Optional.of(options.decoder()) : Optional.empty(),
                SegmentsReport.ms(outcome.seconds()), SegmentsReport.ms(outcome.speechSeconds()), outcome.segments().size(),
                transcribed ? Optional.of(outcome.transcribed().stream().mapToInt(s -> s.words().size()).sum())
                        : Optional.empty(),
                AsrWriter.SEGMENTS,
                transcribed ? Optional.of(AsrWriter.TRANSCRIPT) : Optional.empty(),
                transcribed ? Optional.of(AsrWriter.SRT) : Optional.empty(),
                transcribed ? Optional.of(AsrWriter.VTT) : Optional.empty(),
                outcome.failed(), warnings,
                transcribed ? Optional.empty() : Optional.of(AsrModels.segmentsOnlyNote()),
                timings);
    }

    /** The detector at the recognition model's rate; a rate it does not take makes that model unusable here. */
    private static SileroVad vad(ModelLease lease, int rate, Optional<InstalledModel> ctcModel, BooleanSupplier cancelled)
            throws Exception {
        try {
            return new SileroVad(lease, rate, cancelled);
        } catch (IllegalArgumentException e) {
            ModelRef ref = ctcModel.map(InstalledModel::ref).orElse(lease.model().ref());
            throw ModelFailures.invalid(ref, e.getMessage());
        }
    }

    private static CtcContract contract(InstalledModel model) {
        try {
            return CtcContract.of(model.contract());
        } catch (IllegalArgumentException e) {
            throw ModelFailures.invalid(model.ref(), e.getMessage());
        }
    }

    /** The recognition model's lease when there is one, released with the job. */
    private record Held(Optional<ModelLease> lease) implements AutoCloseable {
        @Override
        public void close() {
            lease.ifPresent(ModelLease::close);
        }
    }
}
