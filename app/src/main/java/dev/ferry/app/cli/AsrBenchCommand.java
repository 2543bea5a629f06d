package dev.ferry.app.cli;

import dev.ferry.demos.asr.AsrBenchmark;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "asr", mixinStandardHelpOptions = true,
        description = {"Real-time factor of the asr demo on a long espeak-ng recording (MP3): decoding + voice-activity"
            + " detection, then whole jobs with small CTC benchmark models. Needs espeak-ng and the VAD model:"
            + " ferry models pull asr silero_vad."})
public final class AsrBenchCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Option(names = "--minutes", defaultValue = "10", description = "Length of the recording (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--device", description = "cpu, auto or cuda:N (FERRY_DEVICE).")
    String device;

    @Override
    public Integer call() throws Exception {
        if (minutes <= 0 || minutes > 600) {
            throw new IllegalArgumentException("--minutes must be above 0 and at most 600");
        }
        Map<String, String> overrides = new HashMap<>();
        if (device != null) {
            overrides.put("FERRY_DEVICE", device);
        }
        System.out.print(AsrBenchmark.run(data.config(overrides), minutes).format());
        return 0;
    }
}
