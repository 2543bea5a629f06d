package dev.ferry.demos.inference;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's contract, read from the {@code model.json} beside its {@code model.onnx}: what
 * the code needs to feed it and read it, so nothing about a model is hard-coded in Java.
 *
 * @param task       how outputs are read: {@code yolo}, {@code db_text}, {@code fer_plus}...
 * @param input      the image input tensor
 * @param normalize  pixel value = (byte * scale - mean[c]) / std[c], in {@link ImageInput#channels} order
 * @param labels     class names, by class index
 * @param thresholds defaults a job may override (confidence, iou, binary, unclip_ratio, max_side...)
 * @param provenance where the weights came from
 * @param sections   any other top-level key of model.json, kept as written and written back unchanged
 *                   when the model is installed: a demo's own part of the contract ({@code video} of a
 *                   sign model, {@code ctc}, {@code features} and {@code vad} of asr models), read with
 *                   {@link #section(String)}; {@code warm_up} (see {@link WarmUpInput}); and
 *                   {@code session} ({@code intra_op_threads}: at most this many threads for the model)
 */
public record ModelContract(
        String task,
        String description,
        ImageInput input,
        Normalization normalize,
        List<String> labels,
        Map<String, Double> thresholds,
        Provenance provenance,
        @JsonAnySetter Map<String, JsonNode> sections) {

    /** The name of the optional section giving the warm-up run's inputs. */
    public static final String WARM_UP = "warm_up";

    public ModelContract {
        Objects.requireNonNull(task, "model.json needs a task");
        Objects.requireNonNull(input, "model.json needs an input");
        description = description == null ? "" : description;
        normalize = normalize == null ? Normalization.UNIT : normalize;
        labels = labels == null ? List.of() : List.copyOf(labels);
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        provenance = provenance == null ? Provenance.UNKNOWN : provenance;
        sections = sections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** A contract with no sections beyond the common fields. */
    public ModelContract(String task, String description, ImageInput input, Normalization normalize, List<String> labels,
                         Map<String, Double> thresholds, Provenance provenance) {
        this(task, description, input, normalize, labels, thresholds, provenance, Map.of());
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> sections() {
        return sections;
    }

    /** A demo's own section of model.json, as raw JSON ({@code video}, {@code ctc}...). */
    public Optional<JsonNode> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /**
     * A task's own section read as {@code type}.
     *
     * @throws IllegalArgumentException when it is missing or does not fit {@code type}
     */
    public <T> T section(String name, Class<T> type) {
        JsonNode node = section(name).orElseThrow(() -> new IllegalArgumentException(
                "model.json needs a \"" + name + "\" section for task " + task));
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("model.json section \"" + name + "\": " + e.getOriginalMessage(), e);
        }
    }

    /** The warm-up inputs the contract fixes ({@code warm_up}: input name → shape and fill value). */
    public Map<String, WarmUpInput> warmUp() {
        Map<String, WarmUpInput> out = new LinkedHashMap<>();
        section(WARM_UP).ifPresent(node -> node.fields().forEachRemaining(e -> {
            try {
                out.put(e.getKey(), Json.MAPPER.treeToValue(e.getValue(), WarmUpInput.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalArgumentException("model.json warm_up." + e.getKey() + ": " + ex.getOriginalMessage(), ex);
            }
        }));
        return out;
    }

    public double threshold(String name, double fallback) {
        return thresholds.getOrDefault(name, fallback);
    }

    /** The label of class {@code index}, or {@code class_<index>} when the contract names fewer classes. */
    public String label(int index) {
        return index >= 0 && index < labels.size() ? labels.get(index) : "class_" + index;
    }

    public ModelContract withLabels(List<String> l) {
        return new ModelContract(task, description, input, normalize, l, thresholds, provenance, sections);
    }

    public ModelContract withProvenance(Provenance p) {
        return new ModelContract(task, description, input, normalize, labels, thresholds, p, sections);
    }

    /**
     * One input of the warm-up run when zeros of the guessed size will not do: models with a
     * scalar sample rate or state inputs (Silero VAD), audio models whose length is not an image side.
     *
     * @param shape the tensor's shape ({@code []} for a scalar)
     * @param value every element's value
     */
    public record WarmUpInput(List<Long> shape, double value) {
        public WarmUpInput {
            shape = shape == null ? List.of() : List.copyOf(shape);
        }
    }

    /**
     * @param name     the input tensor's name in the graph
     * @param layout   {@code NCHW}, or {@code NHWC} (channels last) for models whose reader says so (BlazeFace)
     * @param width    the input width, or for models with dynamic sides the default size
     * @param height   likewise
     * @param dynamic  whether the model accepts other sizes (multiples of 32)
     * @param channels {@code rgb}, {@code bgr} or {@code gray}
     */
    public record ImageInput(String name, String layout, int width, int height, boolean dynamic, String channels) {
        public ImageInput {
            Objects.requireNonNull(name, "model.json input needs a name");
            layout = layout == null ? "NCHW" : layout;
            channels = channels == null ? "rgb" : channels;
            if (!List.of("NCHW", "NHWC").contains(layout)) {
                throw new IllegalArgumentException("input layout " + layout + " is not supported; export the model as NCHW");
            }
            if (!List.of("rgb", "bgr", "gray").contains(channels)) {
                throw new IllegalArgumentException("input channels must be rgb, bgr or gray, got " + channels);
            }
        }
    }

    public record Normalization(double scale, List<Double> mean, List<Double> std) {
        public static final Normalization UNIT = new Normalization(1.0 / 255, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0));

        public Normalization {
            scale = scale == 0 ? 1.0 / 255 : scale;
            mean = mean == null ? List.of(0.0, 0.0, 0.0) : List.copyOf(mean);
            std = std == null ? List.of(1.0, 1.0, 1.0) : List.copyOf(std);
        }
    }

    /** Where the weights came from; {@code sha256} is of {@code model.onnx}. */
    public record Provenance(String source, String sha256, String licence, String notes) {
        public static final Provenance UNKNOWN = new Provenance("", "", "", "");

        public Provenance {
            source = source == null ? "" : source;
            sha256 = sha256 == null ? "" : sha256.toLowerCase(java.util.Locale.ROOT);
            licence = licence == null ? "" : licence;
            notes = notes == null ? "" : notes;
        }

        public Provenance withSha256(String hash) {
            return new Provenance(source, hash, licence, notes);
        }
    }
}
