package dev.ferry.demos.asr;

import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.demos.av.ChannelChoice;
import dev.ferry.demos.ctc.CtcDecoder;
import java.util.Map;

/** A job's parameters, read and checked. */
record AsrOptions(String model, String decoder, int beamWidth, ChannelChoice channel, VadOptions vad) {

    static ParamSpec spec() {
        VadOptions d = VadOptions.DEFAULTS;
        return ParamSpec.of(
                Param.string("model", "").range(0, 64)
                        .describe("recognition model under models/asr/ (one per language or sample rate); empty takes"
                                + " the only one installed; with none installed the job returns speech segments only"),
                Param.oneOf("decoder", "greedy", "beam")
                        .describe("greedy: the best token of each frame; beam: CTC prefix beam search"),
                Param.integer("beam_width", 8).range(1, 64).describe("prefixes kept by the beam search"),
                Param.string("channel", "mix").range(1, 8)
                        .describe("mix (all channels averaged), left, right, or a channel index from 0"),
                Param.number("threshold", d.threshold()).range(0.05, 0.95)
                        .describe("speech probability at or above which a 32 ms window is speech"),
                Param.integer("min_silence_ms", d.minSilenceMs()).range(0, 10_000)
                        .describe("silence shorter than this does not end a speech segment"),
                Param.integer("speech_pad_ms", d.speechPadMs()).range(0, 2000)
                        .describe("audio kept on each side of a speech segment"),
                Param.integer("min_speech_ms", d.minSpeechMs()).range(0, 10_000)
                        .describe("shorter bursts of speech are dropped as noise"),
                Param.number("max_segment_s", d.maxSegmentS()).range(5, 600)
                        .describe("longer speech is split at its quietest moment (the model sees at most this much"
                                + " audio at once)"));
    }

    /**
     * @throws InvalidParamException when a parameter's value cannot be used
     */
    static AsrOptions of(Map<String, Object> params) {
        ChannelChoice channel;
        try {
            channel = ChannelChoice.parse(String.valueOf(params.get("channel")));
        } catch (IllegalArgumentException e) {
            throw new InvalidParamException("channel", e.getMessage());
        }
        VadOptions vad;
        try {
            vad = new VadOptions(number(params, "threshold"), (long) number(params, "min_silence_ms"),
                    (long) number(params, "speech_pad_ms"), (long) number(params, "min_speech_ms"),
                    number(params, "max_segment_s"));
        } catch (IllegalArgumentException e) {
            throw new InvalidParamException("max_segment_s", e.getMessage());
        }
        return new AsrOptions(String.valueOf(params.get("model")), String.valueOf(params.get("decoder")),
                (int) number(params, "beam_width"), channel, vad);
    }

    static AsrOptions of(DemoContext ctx) {
        return of(ctx.params());
    }

    CtcDecoder ctcDecoder() {
        return CtcDecoder.named(decoder, beamWidth);
    }

    private static double number(Map<String, Object> params, String name) {
        return ((Number) params.get(name)).doubleValue();
    }
}
