package dev.ferry.demos.asr;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ferry bench asr}: real-time factors (processing time over audio time) of the asr demo
 * on a long recording made for the purpose: espeak-ng sentences with silences between them,
 * repeated to the length asked for and encoded as a 44.1 kHz stereo MP3. First decoding and
 * voice-activity detection alone; then the whole job (outputs included) with small CTC models
 * of random weights installed in a temporary model store: a waveform model with greedy and
 * beam decoding, and a log-mel model. Each pass is timed after an untimed warm-up job.
 */
public final class AsrBenchmark {
    private static final String[] SENTENCES = {
        "The quick brown fox jumps over the lazy dog.",
        "She sells sea shells by the sea shore, and the shells she sells are surely sea shells.",
        "A journey of a thousand miles begins with a single step.",
        "Please call Stella and ask her to bring these things with her from the store.",
        "The rain in Spain stays mainly in the plain.",
    };
    private static final double[] PAUSES_S = {0.6, 1.5, 0.9, 2.5, 1.2};

    private AsrBenchmark() {}

    /**
     * One timed job.
     *
     * @param realTimeFactor wall time over audio time: 0.05 means a minute of audio in 3 s
     * @param msPerStage     time per stage over the whole recording
     */
    public record Pass(String name, double seconds, double realTimeFactor, int segments, int words,
                       Map<String, Double> msPerStage) {}

    public record Report(String device, String recording, double audioSeconds, List<Pass> passes) {
        public String format() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "asr on %s: %s, %.1f min%n", device, recording,
                    audioSeconds / 60));
            for (Pass p : passes) {
                s.append(String.format(Locale.ROOT, "  %-32s %7.2f s  RTF %.4f  %4d segments %6d words%n", p.name(),
                        p.seconds(), p.realTimeFactor(), p.segments(), p.words()));
                StringBuilder stages = new StringBuilder("      ");
                p.msPerStage().forEach((stage, ms) -> stages.append(String.format(Locale.ROOT, " %s %.0f ms", stage, ms)));
                s.append(stages).append('\n');
            }
            return s.toString();
        }
    }

    /** With the settings of {@code config}: the Silero VAD from its data folder's model store, its device and threads. */
    public static Report run(FerryConfig config, double minutes) throws Exception {
        try (DemoServices services = DemoServices.forWorker(config)) {
            return run(services.models(), services.inference(), minutes);
        }
    }

    /**
     * @param store where the VAD is installed ({@code ferry models pull asr silero_vad}); the CTC
     *              models go to a temporary store beside it
     */
    public static Report run(ModelStore store, Inference inference, double minutes) throws Exception {
        ModelRef vad = new ModelRef(AsrDemo.NAME, AsrModels.VAD);
        Path vadFile = store.require(vad).onnxFile();
        Path work = Files.createTempDirectory("ferry-bench-asr-");
        try {
            SyntheticSpeech speech = SyntheticSpeech.create();
            for (int i = 0; i < SENTENCES.length; i++) {
                speech.say(SENTENCES[i]).silence(PAUSES_S[i]);
            }
            Path warmUp = speech.encode(work.resolve("warm-up.mp3"), 44_100, 2, -1);
            Path recording = speech.repeatUntil(minutes * 60).encode(work.resolve("recording.mp3"), 44_100, 2, -1);
            ModelStore vadOnly = new ModelStore(work.resolve("vad-only"), store.catalog());
            vadOnly.install(vad, vadFile);
            ModelStore withCtc = new ModelStore(work.resolve("with-ctc"), store.catalog());
            withCtc.install(vad, vadFile);
            install(withCtc, "bench_waveform", "bench-waveform", work);
            install(withCtc, "bench_log_mel", "bench-log-mel", work);

            List<Pass> passes = new ArrayList<>();
            passes.add(pass("decode + VAD", vadOnly, inference, options("", "greedy"), recording, warmUp, work));
            passes.add(pass("whole job, waveform CTC, greedy", withCtc, inference, options("bench_waveform", "greedy"),
                    recording, warmUp, work));
            passes.add(pass("whole job, waveform CTC, beam 8", withCtc, inference, options("bench_waveform", "beam"),
                    recording, warmUp, work));
            passes.add(pass("whole job, log-mel CTC, greedy", withCtc, inference, options("bench_log_mel", "greedy"),
                    recording, warmUp, work));
            return new Report(inference.device().toString(), "espeak-ng speech, MP3 44.1 kHz stereo",
                    speech.seconds(), passes);
        } finally {
            DataFolder.deleteTree(work);
        }
    }

    private static Pass pass(String name, ModelStore store, Inference inference, AsrOptions options, Path recording,
                             Path warmUp, Path work) throws Exception {
        Path out = Files.createDirectories(work.resolve("out-" + System.nanoTime()));
        AsrJob.run(warmUp, options, store, inference, out, () -> false, (heard, declared) -> { });
        long start = System.nanoTime();
        AsrDemo.Result result = AsrJob.run(recording, options, store, inference, out, () -> false, (heard, declared) -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> stages = new LinkedHashMap<>(result.timingsMs());
        return new Pass(name, seconds, seconds / result.durationS(), result.segments(), result.words().orElse(0), stages);
    }

    private static AsrOptions options(String model, String decoder) {
        Map<String, Object> params = new java.util.HashMap<>(AsrOptions.spec().validate(Map.of()));
        params.put("model", model);
        params.put("decoder", decoder);
        return AsrOptions.of(params);
    }

    /** A benchmark model shipped as a resource, installed as an operator installs a model of their own. */
    private static void install(ModelStore store, String model, String resource, Path work) throws IOException {
        Path onnx = copy(resource + ".onnx", work);
        Path contract = copy(resource + ".json", work);
        store.install(new ModelRef(AsrDemo.NAME, model), onnx, contract);
    }

    private static Path copy(String resource, Path dir) {
        try (InputStream in = AsrBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            Path file = dir.resolve(resource);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
