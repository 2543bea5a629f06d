package dev.ferry.demos.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code video} section of a sign model's {@code model.json}: how many frames it takes and
 * how they are chosen, how each is cut to the input size, the tensor layout, and how to read
 * its output. The rest of the contract is the shared one: {@code input} (tensor name, width,
 * height, rgb/bgr), {@code normalize} (scale to 0–1, then mean/std per channel), {@code labels}.
 *
 * @param layout              {@code NTCHW} or {@code NCTHW}
 * @param frames              T, frames per clip
 * @param sampling            {@code uniform} (the centre frame of each of T equal parts), {@code linspace}
 *                            (T frames evenly from the first to the last, {@code round(linspace(0, N − 1, T))})
 *                            or {@code segments}
 * @param segments            with {@code segments}: how many equal parts the clip is cut into
 * @param segmentFrames       with {@code segments}: consecutive frames taken from the middle of each part
 * @param resize              the short side each frame is scaled to before the centre crop to the input
 *                            size; 0 scales the short side straight to the crop
 * @param resizeWidth         with {@code resizeHeight}, when model.json gives {@code resize} as
 *                            {@code [height, width]}: the exact size frames are scaled to (aspect not
 *                            kept) before the crop, as torchvision's video transforms do; 0 otherwise
 * @param output              the output tensor holding the class scores; empty = the model's first output
 * @param outputProbabilities true when that output is already a distribution (no softmax applied)
 */
public record VideoContract(String layout, int frames, String sampling, int segments, int segmentFrames, int resize,
                            int resizeWidth, int resizeHeight, Optional<String> output, boolean outputProbabilities) {
    public static final String TASK = "video_classifier";
    public static final String SECTION = "video";
    public static final List<String> LAYOUTS = List.of("NTCHW", "NCTHW");

    /** With the short side scaled to {@code resize} (0: straight to the crop). */
    public VideoContract(String layout, int frames, String sampling, int segments, int segmentFrames, int resize,
                         Optional<String> output, boolean outputProbabilities) {
        this(layout, frames, sampling, segments, segmentFrames, resize, 0, 0, output, outputProbabilities);
    }

    public boolean exactResize() {
        return resizeWidth > 0;
    }

    /** Reads and checks the section; a model without a usable one is {@code model_invalid}. */
    public static VideoContract of(ModelRef ref, ModelContract contract) {
        if (!contract.task().equals(TASK)) {
            throw ModelFailures.invalid(ref, "its task is '" + contract.task() + "'; a sign model's model.json says"
                    + " \"task\": \"" + TASK + "\"");
        }
        if (contract.input().channels().equals("gray")) {
            throw ModelFailures.invalid(ref, "input channels must be rgb or bgr for a video model");
        }
        JsonNode v = contract.section(SECTION).orElseThrow(() -> ModelFailures.invalid(ref,
                "its model.json has no \"video\" section (frames, layout, sampling; see docs/demos.md)"));
        String layout = v.path("layout").asText("NCTHW").toUpperCase(Locale.ROOT);
        int frames = v.path("frames").asInt(0);
        String sampling = v.path("sampling").asText("uniform").toLowerCase(Locale.ROOT);
        int segments = v.path("segments").asInt(0);
        int segmentFrames = v.path("segment_frames").asInt(0);
        JsonNode size = v.path("resize");
        int resize = size.isNumber() ? size.asInt() : 0;
        int resizeHeight = size.isArray() && size.size() == 2 ? size.get(0).asInt() : 0;
        int resizeWidth = size.isArray() && size.size() == 2 ? size.get(1).asInt() : 0;
        if (!size.isMissingNode() && !size.isNull() && !size.isNumber() && resizeWidth <= 0) {
            throw ModelFailures.invalid(ref, "video.resize must be a short side (256) or [height, width], not " + size);
        }
        if (size.isArray() && (resizeWidth < contract.input().width() || resizeHeight < contract.input().height())) {
            throw ModelFailures.invalid(ref, "video.resize " + size + " is smaller than the input's "
                    + contract.input().height() + " × " + contract.input().width() + " crop");
        }
        Optional<String> output = v.hasNonNull("output") ? Optional.of(v.get("output").asText()) : Optional.empty();
        boolean probabilities = v.path("output_probabilities").asBoolean(false);
        if (!LAYOUTS.contains(layout)) {
            throw ModelFailures.invalid(ref, "video.layout must be NTCHW or NCTHW, not " + layout);
        }
        if (frames < 1 || frames > 1024) {
            throw ModelFailures.invalid(ref, "video.frames must be between 1 and 1024, not " + frames);
        }
        switch (sampling) {
            case "uniform", "linspace" -> { }
            case "segments" -> {
                if (segments < 1 || segmentFrames < 1 || segments * segmentFrames != frames) {
                    throw ModelFailures.invalid(ref, "video.sampling segments needs segments × segment_frames = frames ("
                            + segments + " × " + segmentFrames + " ≠ " + frames + ")");
                }
            }
            default -> throw ModelFailures.invalid(ref, "video.sampling must be uniform, linspace or segments, not " + sampling);
        }
        if (resize < 0 || resize > 4096) {
            throw ModelFailures.invalid(ref, "video.resize must be between 0 and 4096, not " + resize);
        }
        return new VideoContract(layout, frames, sampling, segments, segmentFrames, resize, resizeWidth, resizeHeight,
                output, probabilities);
    }
}
